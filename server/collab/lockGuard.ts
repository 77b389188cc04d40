/**
 * Board locks (issue 4 item 7, SPEC R12), enforced by the server in a session room. A change from a
 * connection that may not facilitate is applied, then every locked board item it touched (any item
 * while the whole board is locked, including new ones) is restored in a server transaction of the same
 * tick: the writer stores and broadcasts the two as one merged update, so nobody — the author included,
 * whose copy is put back — ends with the locked change.
 *
 * Why not drop the update or close the socket: a CRDT client keeps what it sent. A dropped update leaves
 * the server missing clocks the client's later updates depend on (they would never apply), and a closed
 * client re-sends the same change on every reconnect (and from its IndexedDB copy after a reload).
 */
import * as Y from 'yjs';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { CONTROL_KEYS, getControl, type LockState } from '../../shared/facilitation/control.ts';
import type { ConnectionContext } from './CollabSocket.ts';

/** Decides, around one client update, what must be put back. */
export interface UpdateGuard {
  /** Before the update: a snapshot of what is protected, or null when nothing is (the fast path). */
  before(doc: Y.Doc): LockSnapshot | null;
  /** After the update: restores what changed; returns how many items were put back. */
  restore(doc: Y.Doc, snapshot: LockSnapshot): number;
  /** Whether this connection may write now (audience mode, SPEC R14); absent: it may. */
  mayWrite?(ctx: ConnectionContext): boolean;
  /** Calls `onChange` when what `mayWrite` answers may have changed; returns an unsubscribe function. */
  watch?(onChange: () => void): () => void;
}

export interface LockSnapshot {
  board: boolean;
  /** Protected item id → its fields (null: did not exist). */
  items: Map<string, Record<string, unknown> | null>;
}

/** The guard of a session room whose locks live in `control` (its control room's doc). */
export function boardLockGuard(control: () => Y.Doc | null): UpdateGuard {
  return {
    before(doc) {
      const ctl = control();
      if (!ctl) return null;
      const locks = getControl(ctl).get(CONTROL_KEYS.locks) as LockState | undefined;
      if (!locks || (!locks.board && locks.itemIds.length === 0)) return null;
      const board = getBoard(doc);
      const ids = locks.board ? [...board.keys()] : locks.itemIds;
      const items = new Map<string, Record<string, unknown> | null>();
      for (const id of ids) {
        const m = board.get(id);
        items.set(id, m instanceof Y.Map ? (m.toJSON() as Record<string, unknown>) : null);
      }
      return { board: locks.board, items };
    },
    restore(doc, snap) {
      const board = getBoard(doc);
      let restored = 0;
      for (const [id, fields] of snap.items) {
        const now = board.get(id);
        if (fields === null) {
          if (now !== undefined) {
            board.delete(id);
            restored++;
          }
          continue;
        }
        if (!(now instanceof Y.Map)) {
          board.set(id, toYMap(fields));
          restored++;
          continue;
        }
        if (JSON.stringify(now.toJSON()) === JSON.stringify(fields)) continue;
        for (const k of [...now.keys()]) if (!Object.hasOwn(fields, k)) now.delete(k);
        for (const [k, v] of Object.entries(fields)) if (JSON.stringify(now.get(k)) !== JSON.stringify(v)) now.set(k, v);
        restored++;
      }
      // A locked board takes no new items either.
      if (snap.board) {
        for (const id of [...board.keys()]) {
          if (!snap.items.has(id)) {
            board.delete(id);
            restored++;
          }
        }
      }
      return restored;
    },
  };
}
