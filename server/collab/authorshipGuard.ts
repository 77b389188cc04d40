/**
 * Authorship of board items (SPEC R18): a board item's `createdBy` is the server's word. A client's change
 * that creates an item naming someone else as its author is undone (the item removed), and one that
 * changes the author of an existing item is put back — in a server transaction of the same tick, stored
 * and broadcast with the change as one merged update (R3), so no other client ever sees the forged item.
 * The contributions page and the resource library count items by `createdBy`: this is what lets them.
 *
 * Why put back instead of dropping the update or closing the socket: as for locks (lockGuard.ts), a CRDT
 * client keeps what it sent; a dropped update would leave its later ones waiting for missing clocks, and
 * a closed one would re-send the change on every reconnect.
 *
 * Allowed without question: no author at all (absent or empty names nobody, as readers treat it), and
 * re-creating an item under its id with the author it had (undo of a deletion brings back someone else's
 * item). That needs the authors of deleted items, which the stored document no longer holds once
 * collected: the guard remembers every item's author while the room is loaded (one map entry per item).
 * Known limit: after a reload, undoing the deletion of someone else's item is refused.
 * Server-side writers (RoomRegistry.change, remote nodes, loading) are not client connections and are
 * never checked; their items' authors are remembered like the others.
 */
import * as Y from 'yjs';
import { DOC_KEYS } from '../../shared/doc/layout.ts';

export interface AuthorshipOptions {
  /** The authenticated user behind a transaction's origin, or null when it is not a client connection. */
  authorOf(origin: unknown): string | null;
  /** Origin of the transaction that puts things back (the room's server origin). */
  repairOrigin: unknown;
  /** Told when a client's change was put back, and how many items it touched. */
  onRefused?(origin: unknown, items: number): void;
}

/** What a client's transaction did wrong: new items to remove, existing items whose author to restore. */
export interface AuthorshipViolations {
  forgedItems: string[];
  changedAuthors: { id: string; author: string | undefined }[];
}

/** An author the check accepts for a new item: the writer, or nobody. */
const namesNobody = (createdBy: unknown) => createdBy === undefined || createdBy === '';

/**
 * Watches `doc` (attach before loading it, so that the authors of stored items are known) and puts back
 * every client change that forges authorship. Returns the function that stops watching.
 */
export function guardAuthorship(doc: Y.Doc, opts: AuthorshipOptions): () => void {
  const board = doc.getMap<unknown>(DOC_KEYS.board);
  /** Item id → its author, for every item this room has had while loaded (deleted ones included). */
  const authors = new Map<string, unknown>();

  const onAfterTransaction = (tr: Y.Transaction) => {
    const userId = opts.authorOf(tr.origin);
    if (userId === null) {
      remember(tr, board, authors);
      return;
    }
    const found = findViolations(tr, board, authors, userId);
    // Whatever was accepted is now its item's author, for the next check.
    remember(tr, board, authors, new Set(found.forgedItems));
    const count = found.forgedItems.length + found.changedAuthors.length;
    if (count === 0) return;
    // Runs once the client's transaction is cleaned up, before applyUpdate returns (Yjs queues it).
    Y.transact(doc, () => {
      for (const id of found.forgedItems) board.delete(id);
      for (const { id, author } of found.changedAuthors) {
        const item = board.get(id);
        if (!(item instanceof Y.Map)) continue;
        if (author === undefined) item.delete('createdBy');
        else item.set('createdBy', author);
      }
    }, opts.repairOrigin);
    opts.onRefused?.(tr.origin, count);
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}

/** Whether the board item `item` was created by transaction `tr`. */
function createdIn(tr: Y.Transaction, item: { _item: Y.Item | null }): boolean {
  const id = item._item?.id;
  return id !== undefined && id.clock >= (tr.beforeState.get(id.client) ?? 0);
}

/** The keys of `map` that `tr` changed (Yjs types the lookup for its base type only). */
const changedKeys = (tr: Y.Transaction, map: Y.Map<unknown>) => tr.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<unknown>>>) ?? [];

/** The board item maps whose `createdBy` key `tr` wrote, with their ids. */
function authorWrites(tr: Y.Transaction, board: Y.Map<unknown>): [string, Y.Map<unknown>][] {
  const out: [string, Y.Map<unknown>][] = [];
  for (const [type, keys] of tr.changed) {
    if (!keys.has('createdBy') || !(type instanceof Y.Map) || type._item?.parent !== board) continue;
    const id = type._item.parentSub;
    if (id !== null && board.get(id) === type) out.push([id, type as Y.Map<unknown>]);
  }
  return out;
}

/** What a client transaction by `userId` did to authorship that the rules refuse (pure; exported for tests). */
export function findViolations(tr: Y.Transaction, board: Y.Map<unknown>, authors: ReadonlyMap<string, unknown>, userId: string): AuthorshipViolations {
  const forgedItems: string[] = [];
  const changedAuthors: AuthorshipViolations['changedAuthors'] = [];
  for (const id of changedKeys(tr, board)) {
    if (id === null) continue;
    const item = board.get(id);
    if (!(item instanceof Y.Map) || !createdIn(tr, item)) continue;
    const createdBy = item.get('createdBy');
    if (createdBy === userId || namesNobody(createdBy)) continue;
    // Undo of a deletion re-creates the item as it was, its author included.
    if (authors.has(id) && authors.get(id) === createdBy) continue;
    forgedItems.push(id);
  }
  for (const [id, item] of authorWrites(tr, board)) {
    if (createdIn(tr, item)) continue; // a new item: judged above
    const was = authors.get(id);
    if (item.get('createdBy') !== was) changedAuthors.push({ id, author: typeof was === 'string' ? was : undefined });
  }
  return { forgedItems, changedAuthors };
}

/** Records the author of every board item `tr` created or re-authored (except `skip`, which is put back). */
function remember(tr: Y.Transaction, board: Y.Map<unknown>, authors: Map<string, unknown>, skip?: ReadonlySet<string>) {
  for (const id of changedKeys(tr, board)) {
    if (id === null || skip?.has(id)) continue;
    const item = board.get(id);
    if (item instanceof Y.Map && createdIn(tr, item)) authors.set(id, item.get('createdBy'));
  }
  if (skip) return; // a client cannot re-author an existing item (findViolations puts it back)
  for (const [id, item] of authorWrites(tr, board)) authors.set(id, item.get('createdBy'));
}
