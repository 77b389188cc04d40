/**
 * Writes to many board items at once — move a selection, restack it, and insert copies (duplicate,
 * paste). Each is one transaction with the caller's origin, so one action is one undo step for the
 * person who did it. No DOM: tested in Node.
 */
import * as Y from 'yjs';
import { getBoard, readBoardItem, toYMap, type BoardItemFields } from '../../shared/doc/layout.ts';
import { maxBoardZ, newBoardItemId, newItemFields } from './boardOps.ts';
import { clampCoord, type Point } from '../../shared/board/geometry.ts';

/** Moves items to new top-left corners in one transaction; returns how many moved (deleted ones are skipped). */
export function moveBoardItems(doc: Y.Doc, origin: object, moves: ReadonlyMap<string, Point>): number {
  const board = getBoard(doc);
  const writes: [Y.Map<unknown>, number, number][] = [];
  for (const [id, p] of moves) {
    const map = board.get(id);
    if (!(map instanceof Y.Map) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const x = clampCoord(Math.round(p.x * 100) / 100);
    const y = clampCoord(Math.round(p.y * 100) / 100);
    if (map.get('x') !== x || map.get('y') !== y) writes.push([map, x, y]);
  }
  if (writes.length > 0) {
    doc.transact(() => {
      for (const [map, x, y] of writes) {
        if (map.get('x') !== x) map.set('x', x);
        if (map.get('y') !== y) map.set('y', y);
      }
    }, origin);
  }
  return writes.length;
}

/** Sets the z of several items in one transaction (see arrange.ts restackZ); returns how many changed. */
export function setBoardItemsZ(doc: Y.Doc, origin: object, zs: ReadonlyMap<string, number>): number {
  const board = getBoard(doc);
  const writes = [...zs].filter(([id, z]) => Number.isFinite(z) && board.get(id) instanceof Y.Map && board.get(id)!.get('z') !== z);
  if (writes.length > 0) doc.transact(() => writes.forEach(([id, z]) => board.get(id)!.set('z', Math.round(z))), origin);
  return writes.length;
}

/** How to place inserted copies. */
export interface InsertOptions {
  /** Added to every copied item's position. */
  dx: number;
  dy: number;
  createdBy: string;
  now?: number;
}

/**
 * Inserts copies of `items` (from the clipboard or the board) under new ids, moved by (dx, dy), in
 * front of everything while keeping their order among themselves, in one transaction. Connectors are
 * kept only when both their ends are among the copies (they are re-pointed at the copies). Every item
 * is validated as if it were created by hand; invalid ones are skipped. Returns the new ids.
 */
export function insertBoardItems(doc: Y.Doc, origin: object, items: readonly BoardItemFields[], opts: InsertOptions): string[] {
  const board = getBoard(doc);
  const ids = new Map<string, string>();
  for (const it of items) if (it.id && !ids.has(it.id)) ids.set(it.id, newBoardItemId());
  // Non-connectors first, so that connectors find their ends (written in the same transaction).
  const ordered = [...items].sort((a, b) => Number(a.type === 'connector') - Number(b.type === 'connector'));
  const byZ = [...items].sort((a, b) => a.z - b.z);
  const rank = new Map(byZ.map((it, i) => [it, i]));
  const base = maxBoardZ(board) + 1;
  const now = opts.now ?? Date.now();
  const created: string[] = [];
  doc.transact(() => {
    for (const it of ordered) {
      const id = ids.get(it.id);
      if (!id || board.has(id)) continue;
      const from = it.from ? ids.get(it.from) : undefined;
      const to = it.to ? ids.get(it.to) : undefined;
      if (it.type === 'connector' && (!from || !to)) continue;
      try {
        const fields = newItemFields(
          board,
          { ...it, x: it.x + opts.dx, y: it.y + opts.dy, from, to, createdBy: opts.createdBy },
          { id, now, z: base + rank.get(it)! },
        );
        board.set(id, toYMap(fields));
        created.push(id);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
      }
    }
  }, origin);
  return created;
}

/** Plain snapshots of the given items plus the connectors that join two of them (for copy and duplicate). */
export function snapshotItems(board: Y.Map<Y.Map<unknown>>, ids: Iterable<string>): BoardItemFields[] {
  const chosen = new Set<string>();
  const out: BoardItemFields[] = [];
  for (const id of ids) {
    const map = board.get(id);
    if (!(map instanceof Y.Map) || chosen.has(id)) continue;
    const item = readBoardItem(map);
    if (item.type === 'connector') continue;
    chosen.add(id);
    out.push({ ...item, id });
  }
  for (const [id, map] of board.entries()) {
    if (!(map instanceof Y.Map) || map.get('type') !== 'connector') continue;
    const c = readBoardItem(map);
    if (chosen.has(c.from ?? '') && chosen.has(c.to ?? '')) out.push({ ...c, id });
  }
  return out;
}
