import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard } from '../../shared/doc/layout.ts';
import { BoardIndex } from './BoardIndex.ts';
import { createBoardItem, createBoardUndoManager, deleteBoardItems, moveBoardItem, updateBoardItem } from './boardOps.ts';

const origin = { local: true };

function setup() {
  const doc = new Y.Doc();
  const index = new BoardIndex(getBoard(doc));
  let notified = 0;
  index.subscribe(() => notified++);
  const add = (x: number, y: number, text = '') =>
    createBoardItem(doc, origin, { type: 'sticky', x, y, text, createdBy: 'u' });
  return { doc, index, add, notified: () => notified };
}

describe('BoardIndex', () => {
  it('indexes items that exist before it is created', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, origin, { type: 'text', x: 5, y: 6, createdBy: 'u' });
    const index = new BoardIndex(getBoard(doc));
    expect(index.getSnapshot()).toEqual({ ids: [id], count: 1 });
    expect(index.get(id)?.rect).toEqual({ x: 5, y: 6, w: 240, h: 48 });
  });

  it('follows additions and removals', () => {
    const { doc, index, add, notified } = setup();
    const a = add(0, 0);
    const b = add(300, 0);
    expect(index.getSnapshot()).toEqual({ ids: [a, b], count: 2 });
    deleteBoardItems(doc, origin, [a]);
    expect(index.getSnapshot()).toEqual({ ids: [b], count: 1 });
    expect(index.has(a)).toBe(false);
    expect(notified()).toBe(3);
  });

  it('keeps the same snapshot object until something it reports changes', () => {
    const { doc, index, add, notified } = setup();
    const a = add(0, 0);
    const snap = index.getSnapshot();
    const before = notified();
    updateBoardItem(doc, origin, a, { text: 'typing does not concern the index' });
    moveBoardItem(doc, origin, a, 10, 10);
    expect(notified()).toBe(before);
    expect(index.getSnapshot()).toBe(snap);
    // The geometry is still tracked for hit testing and fitting.
    expect(index.get(a)?.rect.x).toBe(10);
  });

  it('culls to the view and reports only changes of the mounted set', () => {
    const { doc, index, add, notified } = setup();
    const near = add(0, 0);
    const far = add(5000, 5000);
    index.setView({ x: -100, y: -100, w: 1000, h: 800 });
    expect(index.getSnapshot().ids).toEqual([near]);
    expect(index.getSnapshot().count).toBe(2);
    let n = notified();
    // Panning a little: same set, no notification.
    index.setView({ x: -90, y: -100, w: 1000, h: 800 });
    expect(notified()).toBe(n);
    // A remote move brings the far item into view.
    moveBoardItem(doc, { remote: true }, far, 200, 200);
    expect(notified()).toBe(n + 1);
    expect(index.getSnapshot().ids).toEqual([near, far]);
    n = notified();
    // Moving within the view does not.
    moveBoardItem(doc, origin, far, 210, 200);
    expect(notified()).toBe(n);
    index.setView(null);
    expect(index.getSnapshot().ids).toEqual([near, far]);
  });

  it('tracks z, bounds and max z', () => {
    const { index, add } = setup();
    expect(index.bounds()).toBeNull();
    expect(index.maxZ()).toBe(0);
    add(0, 0);
    add(400, 100);
    expect(index.bounds()).toEqual({ x: 0, y: 0, w: 600, h: 260 });
    expect(index.maxZ()).toBe(2);
  });

  it('re-indexes an item restored by undo', () => {
    const { doc, index, add } = setup();
    const um = createBoardUndoManager(doc, origin);
    const a = add(0, 0, 'x');
    um.stopCapturing();
    deleteBoardItems(doc, origin, [a]);
    expect(index.has(a)).toBe(false);
    um.undo();
    expect(index.getSnapshot().ids).toEqual([a]);
    // The restored map is observed: geometry changes reach the index.
    moveBoardItem(doc, origin, a, 77, 0);
    expect(index.get(a)?.rect.x).toBe(77);
  });

  it('ignores values that are not maps', () => {
    const doc = new Y.Doc();
    const board = getBoard(doc) as unknown as Y.Map<unknown>;
    board.set('junk', 'not an item');
    const index = new BoardIndex(getBoard(doc));
    board.set('junk2', 42);
    expect(index.getSnapshot()).toEqual({ ids: [], count: 0 });
  });

  it('stops observing when destroyed', () => {
    const { doc, index, add, notified } = setup();
    const a = add(0, 0);
    index.destroy();
    const n = notified();
    add(10, 10);
    moveBoardItem(doc, origin, a, 9999, 9999);
    expect(notified()).toBe(n);
  });

  it('derives a connector’s rectangle from its ends and follows them', () => {
    const { doc, index, add } = setup();
    const a = add(0, 0);
    const b = add(600, 0);
    const c = createBoardItem(doc, origin, { type: 'connector', from: a, to: b, x: 0, y: 0, createdBy: 'u' });
    const r = index.get(c)!.rect;
    expect(r.x).toBeLessThan(200);
    expect(r.x + r.w).toBeGreaterThan(600);
    expect(index.connectorGeometry(c)?.start).toEqual({ x: 200, y: 80 });
    let heard = 0;
    index.watch(c, () => heard++);
    moveBoardItem(doc, origin, b, 600, 1000);
    expect(heard).toBe(1);
    expect(index.connectorGeometry(c)?.end.y).toBe(1000);
    expect(index.get(c)!.rect.y + index.get(c)!.rect.h).toBeGreaterThan(1000);
  });

  it('culls a connector by its derived rectangle and never mounts one with a missing end', () => {
    const { doc, index, add } = setup();
    const a = add(0, 0);
    const b = add(5000, 0);
    const c = createBoardItem(doc, origin, { type: 'connector', from: a, to: b, x: 0, y: 0, createdBy: 'u' });
    index.setView({ x: 2000, y: -100, w: 500, h: 500 });
    expect(index.getSnapshot().ids).toEqual([c]);
    // A remote client deletes an end without the connector: it stays in the document, detached.
    getBoard(doc).delete(b);
    expect(index.get(c)?.detached).toBe(true);
    index.setView(null);
    expect(index.getSnapshot().ids).toEqual([a]);
    expect(index.bounds()).toEqual({ x: 0, y: 0, w: 200, h: 160 });
  });

  it('tells overview subscribers about every indexed change', () => {
    const { doc, index, add } = setup();
    let heard = 0;
    index.subscribeChanges(() => heard++);
    const a = add(0, 0);
    updateBoardItem(doc, origin, a, { color: '#caffbf' });
    updateBoardItem(doc, origin, a, { text: 'text is not the index’s business' });
    expect(heard).toBe(2);
    expect(index.getChangeCount()).toBe(2);
    expect(index.get(a)?.color).toBe('#caffbf');
  });
});
