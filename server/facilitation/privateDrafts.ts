/**
 * Private mode on the server (SPEC R13): mirrors each member's draft room into the facilitators'
 * drafts room, and on reveal moves every draft sticky into the session board. Yjs rooms send every
 * update to everyone in them, so a hidden note can only be kept from other members by keeping it out
 * of every room they may open: drafts live in `<room>-draft-<userId>` (its author only) and
 * `<room>-drafts` (facilitators only), and reach the board only through `reveal`.
 *
 * Every step for one session runs in turn (a per-session queue), so a mirror never interleaves with a
 * reveal: a draft is either still a draft or on the board, and a draft written while the reveal runs
 * is revealed right after it (private mode is off by then).
 */
import * as Y from 'yjs';
import { cleanColor, getBoard, readBoardItem, toYMap, type BoardItemFields } from '../../shared/doc/layout.ts';
import { CONTROL_KEYS, controlRoomOf, getControl, splitFacilitationRoom, type LockState } from '../../shared/facilitation/control.ts';
import {
  ANONYMOUS_AUTHOR, MAX_DRAFTS_PER_AUTHOR, draftKey, draftRoomOf, draftsRoomOf, type PrivateModeState,
} from '../../shared/facilitation/privateMode.ts';

/** What drafts need of the room registry (RoomRegistry satisfies this). */
export interface DraftRooms {
  change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
  read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
}

/** The drafts room's map of authors who have drafts: user id → display name. */
export const DRAFT_AUTHORS_KEY = 'authors';
export const getDraftAuthors = (doc: Y.Doc) => doc.getMap<string>(DRAFT_AUTHORS_KEY);

const newId = () => crypto.randomUUID();

/** An author's draft stickies (validated through the board layout; other item types are ignored). */
function readDrafts(doc: Y.Doc): BoardItemFields[] {
  const out: BoardItemFields[] = [];
  for (const [id, m] of getBoard(doc)) {
    if (!(m instanceof Y.Map)) continue;
    const item = readBoardItem(m);
    if (item.type !== 'sticky') continue;
    out.push({ ...item, id, color: cleanColor(item.color) });
    if (out.length >= MAX_DRAFTS_PER_AUTHOR) break;
  }
  return out;
}

/** Fisher–Yates: an anonymous reveal must not group notes by author in the order they are written. */
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

export class PrivateDrafts {
  private queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly rooms: DraftRooms,
    private readonly nameOf: (userId: string) => Promise<string>,
  ) {}

  /** Runs `fn` after every earlier step of session room `base`. */
  private serial<T>(base: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(base) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    this.queues.set(base, tail);
    void tail.then(() => {
      if (this.queues.get(base) === tail) this.queues.delete(base);
    });
    return next;
  }

  private control(base: string): Promise<{ mode: PrivateModeState | null; boardLocked: boolean }> {
    return this.rooms.read(controlRoomOf(base), (doc) => {
      const map = getControl(doc);
      return {
        mode: (map.get(CONTROL_KEYS.privateMode) as PrivateModeState | undefined) ?? null,
        boardLocked: (map.get(CONTROL_KEYS.locks) as LockState | undefined)?.board ?? false,
      };
    });
  }

  /** After a draft room changed: mirror it for facilitators, or — private mode is off — reveal it now. */
  draftChanged(draftRoom: string): Promise<void> {
    const split = splitFacilitationRoom(draftRoom);
    if (split.kind !== 'draft' || !split.author) return Promise.resolve();
    const { base, author } = { base: split.base, author: split.author };
    return this.serial(base, async () => {
      const { mode, boardLocked } = await this.control(base);
      if (!mode?.on) {
        // Late drafts go to the board as the reveal would have put them, unless the board is locked
        // (SPEC R12): then they wait, hidden, for the next reveal.
        if (!boardLocked) await this.revealNow(base, [author], mode?.anonymous ?? false);
        return;
      }
      const drafts = await this.rooms.read(draftRoom, readDrafts);
      const name = drafts.length > 0 ? await this.nameOf(author) : '';
      await this.rooms.change(draftsRoomOf(base), (doc) => {
        const board = getBoard(doc);
        const authors = getDraftAuthors(doc);
        const keep = new Set(drafts.map((d) => draftKey(author, d.id)));
        for (const key of [...board.keys()]) {
          const m = board.get(key);
          if (m instanceof Y.Map && m.get('createdBy') === author && !keep.has(key)) board.delete(key);
        }
        for (const d of drafts) {
          const key = draftKey(author, d.id);
          const fields: Record<string, unknown> = { ...d, id: key, createdBy: author, authorName: name };
          const current = board.get(key);
          if (current instanceof Y.Map && JSON.stringify(current.toJSON()) === JSON.stringify(fields)) continue;
          board.set(key, toYMap(fields));
        }
        if (drafts.length > 0) {
          if (authors.get(author) !== name) authors.set(author, name);
        } else if (authors.has(author)) authors.delete(author);
      });
    });
  }

  /** Reveals every draft of session room `base` into its board; returns how many stickies moved. */
  reveal(base: string, anonymous: boolean): Promise<number> {
    return this.serial(base, async () => {
      const authors = await this.rooms.read(draftsRoomOf(base), (doc) => [...getDraftAuthors(doc).keys()]);
      return this.revealNow(base, authors, anonymous);
    });
  }

  /**
   * Moves the authors' drafts onto the board (new ids, positions kept), then removes them from the
   * draft rooms and the mirror. The board is written first: a crash in between leaves a draft twice,
   * never lost. Anonymous: no author id and no creation time a member could match to a person.
   */
  private async revealNow(base: string, authors: string[], anonymous: boolean): Promise<number> {
    const taken: { author: string; items: BoardItemFields[] }[] = [];
    for (const author of authors) {
      const items = await this.rooms.read(draftRoomOf(base, author), readDrafts);
      if (items.length > 0) taken.push({ author, items });
    }
    const now = Date.now();
    const moving = taken.flatMap(({ author, items }) =>
      items.map((d): BoardItemFields => ({ ...d, id: newId(), createdBy: anonymous ? ANONYMOUS_AUTHOR : author, createdAt: anonymous ? now : d.createdAt })),
    );
    if (moving.length > 0) {
      await this.rooms.change(base, (doc) => {
        const board = getBoard(doc);
        // In front of everything, in the order written (anonymous: shuffled, so that neither the order
        // nor the drafts' own stacking groups the notes by author).
        let z = 0;
        for (const m of board.values()) if (m instanceof Y.Map) z = Math.max(z, readBoardItem(m).z);
        for (const item of anonymous ? shuffle(moving) : moving) board.set(item.id, toYMap({ ...item, z: ++z }));
      });
    }
    for (const { author, items } of taken) {
      await this.rooms.change(draftRoomOf(base, author), (doc) => {
        const board = getBoard(doc);
        for (const d of items) board.delete(d.id);
      });
    }
    await this.rooms.change(draftsRoomOf(base), (doc) => {
      const board = getBoard(doc);
      const authorsMap = getDraftAuthors(doc);
      for (const author of authors) {
        authorsMap.delete(author);
        for (const key of [...board.keys()]) if (key.startsWith(`${author}:`)) board.delete(key);
      }
    });
    return moving.length;
  }
}

const byRooms = new WeakMap<DraftRooms, PrivateDrafts>();

/** The one PrivateDrafts of a registry (the routes and the draft-room watcher share its queues). */
export function privateDraftsOf(rooms: DraftRooms, nameOf: (userId: string) => Promise<string>): PrivateDrafts {
  let drafts = byRooms.get(rooms);
  if (!drafts) {
    drafts = new PrivateDrafts(rooms, nameOf);
    byRooms.set(rooms, drafts);
  }
  return drafts;
}

/** Calls `drafts.draftChanged` after every stored change of a draft room (errors are logged, not thrown). */
export function watchDraftRooms(
  registry: { onRoomStored(listener: (room: { name: string }) => void): () => void },
  drafts: PrivateDrafts,
  onError: (room: string, err: unknown) => void,
): () => void {
  return registry.onRoomStored((room) => {
    if (splitFacilitationRoom(room.name).kind !== 'draft') return;
    drafts.draftChanged(room.name).catch((err: unknown) => onError(room.name, err));
  });
}
