import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { guardAuthorship } from './authorshipGuard.ts';

const SERVER = Symbol('server');

/** A room's doc with the guard; `apply(update, as)` applies a client's update the way Room does. */
function room(stored?: Uint8Array) {
  const doc = new Y.Doc();
  const clients = new Map<object, string>();
  const refused: number[] = [];
  const updates: Uint8Array[] = [];
  guardAuthorship(doc, { authorOf: (o) => clients.get(o as object) ?? null, repairOrigin: SERVER, onRefused: (_o, n) => refused.push(n) });
  if (stored) Y.applyUpdate(doc, stored);
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const conn = (userId: string) => {
    const c = {};
    clients.set(c, userId);
    return c;
  };
  return { doc, conn, refused, updates, board: () => getBoard(doc) };
}

/** A client doc synced from the room; its changes come out as one update. */
function client(from: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const change = (fn: (board: Y.Map<Y.Map<unknown>>) => void): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => fn(getBoard(doc)));
    return Y.encodeStateAsUpdate(doc, before);
  };
  return { doc, change };
}

const sticky = (id: string, createdBy?: string) => toYMap({ id, type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: id, ...(createdBy === undefined ? {} : { createdBy }) });

describe('authorship guard (SPEC R18)', () => {
  it('R18: a client creates items as itself or as nobody; an item naming someone else is removed in the same tick', () => {
    const r = room();
    const ann = r.conn('ann');
    const c = client(r.doc);
    Y.applyUpdate(r.doc, c.change((b) => {
      b.set('mine', sticky('mine', 'ann'));
      b.set('nobody', sticky('nobody'));
      b.set('empty', sticky('empty', ''));
      b.set('forged', sticky('forged', 'bob'));
      b.set('anon', sticky('anon', 'anonymous'));
    }), ann);
    expect([...r.board().keys()].sort()).toEqual(['empty', 'mine', 'nobody']);
    expect(r.refused).toEqual([2]);
    // What the room stores and broadcasts (the client's update and the repair, merged) shows no forged item.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.mergeUpdates(r.updates));
    expect([...getBoard(other).keys()].sort()).toEqual(['empty', 'mine', 'nobody']);
    // The author's own copy is put back too once it receives the repair.
    Y.applyUpdate(c.doc, Y.mergeUpdates(r.updates));
    expect(getBoard(c.doc).has('forged')).toBe(false);
  });

  it("R18: changing or removing the author of an existing item is put back; other fields may change", () => {
    const r = room();
    Y.applyUpdate(r.doc, client(r.doc).change((b) => b.set('s1', sticky('s1', 'bob'))), r.conn('bob'));
    const ann = r.conn('ann');
    const c = client(r.doc);
    Y.applyUpdate(r.doc, c.change((b) => {
      b.get('s1')!.set('createdBy', 'ann');
      b.get('s1')!.set('text', 'edited by Ann');
    }), ann);
    expect(r.board().get('s1')!.get('createdBy')).toBe('bob');
    expect(r.board().get('s1')!.get('text')).toBe('edited by Ann');
    Y.applyUpdate(r.doc, c.change((b) => b.get('s1')!.delete('createdBy')), ann);
    expect(r.board().get('s1')!.get('createdBy')).toBe('bob');
    // Bob may not re-author his own item either (it would move his contribution to someone else).
    const bobC = client(r.doc);
    Y.applyUpdate(r.doc, bobC.change((b) => b.get('s1')!.set('createdBy', 'carol')), r.conn('bob'));
    expect(r.board().get('s1')!.get('createdBy')).toBe('bob');
  });

  it('R18: an item created without an author cannot be given one later', () => {
    const r = room();
    const ann = r.conn('ann');
    const c = client(r.doc);
    Y.applyUpdate(r.doc, c.change((b) => b.set('s1', sticky('s1'))), ann);
    Y.applyUpdate(r.doc, c.change((b) => b.get('s1')!.set('createdBy', 'bob')), ann);
    expect(r.board().get('s1')!.has('createdBy')).toBe(false);
  });

  it('R18: server-side writers are not checked (breakout merge, anonymous reveal), and their authors are kept', () => {
    const r = room();
    r.doc.transact(() => {
      r.board().set('revealed', sticky('revealed', 'anonymous'));
      r.board().set('merged', sticky('merged', 'carol'));
    }, SERVER);
    expect(r.board().get('revealed')!.get('createdBy')).toBe('anonymous');
    expect(r.refused).toEqual([]);
    const c = client(r.doc);
    Y.applyUpdate(r.doc, c.change((b) => b.get('revealed')!.set('createdBy', 'ann')), r.conn('ann'));
    expect(r.board().get('revealed')!.get('createdBy')).toBe('anonymous');
  });

  it('R18: the authors of stored items are known from the load', () => {
    const seed = new Y.Doc();
    getBoard(seed).set('old', sticky('old', 'bob'));
    const r = room(Y.encodeStateAsUpdate(seed));
    Y.applyUpdate(r.doc, client(r.doc).change((b) => b.get('old')!.set('createdBy', 'ann')), r.conn('ann'));
    expect(r.board().get('old')!.get('createdBy')).toBe('bob');
  });

  it("R18: undoing the deletion of someone else's item brings it back with its author; a different author is refused", () => {
    const r = room();
    Y.applyUpdate(r.doc, client(r.doc).change((b) => b.set('bobs', sticky('bobs', 'bob'))), r.conn('bob'));
    const ann = r.conn('ann');
    const annDoc = new Y.Doc();
    Y.applyUpdate(annDoc, Y.encodeStateAsUpdate(r.doc));
    const origin = { source: 'board' };
    const undo = new Y.UndoManager(getBoard(annDoc), { trackedOrigins: new Set([origin]) });
    const send = (fn: () => void) => {
      const before = Y.encodeStateVector(annDoc);
      fn();
      Y.applyUpdate(r.doc, Y.encodeStateAsUpdate(annDoc, before), ann);
    };
    send(() => annDoc.transact(() => getBoard(annDoc).delete('bobs'), origin));
    expect(r.board().has('bobs')).toBe(false);
    send(() => undo.undo());
    expect(r.board().get('bobs')?.get('createdBy')).toBe('bob');
    expect(r.refused).toEqual([]);
    // Deleting it again and re-creating the id under a third author is a forgery.
    send(() => annDoc.transact(() => getBoard(annDoc).delete('bobs'), origin));
    send(() => getBoard(annDoc).set('bobs', sticky('bobs', 'carol')));
    expect(r.board().has('bobs')).toBe(false);
  });
});
