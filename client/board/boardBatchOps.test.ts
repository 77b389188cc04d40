import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STICKY_COLORS, getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import { insertBoardItems, moveBoardItems, setBoardItemsZ, snapshotItems } from './boardBatchOps.ts';
import { createBoardItem, createBoardUndoManager, deleteBoardItems } from './boardOps.ts';

const me = { local: 'me' };
const other = { local: 'other' };
const read = (doc: Y.Doc, id: string) => readBoardItem(getBoard(doc).get(id)!);

function board() {
  const doc = new Y.Doc();
  const um = createBoardUndoManager(doc, me);
  const sticky = (x: number, y: number, text = '') => createBoardItem(doc, me, { type: 'sticky', x, y, text, createdBy: 'u' });
  const shape = (x: number, y: number) => createBoardItem(doc, me, { type: 'shape', shape: 'ellipse', x, y, createdBy: 'u' });
  const arrow = (from: string, to: string) => createBoardItem(doc, me, { type: 'connector', from, to, x: 0, y: 0, createdBy: 'u' });
  return { doc, um, sticky, shape, arrow };
}

describe('moveBoardItems', () => {
  it('moves many items in one undo step', () => {
    const { doc, um, sticky } = board();
    const a = sticky(0, 0);
    const b = sticky(300, 0);
    um.stopCapturing();
    expect(moveBoardItems(doc, me, new Map([[a, { x: 10, y: 20 }], [b, { x: 310, y: 20 }], ['gone', { x: 1, y: 1 }]]))).toBe(2);
    expect([read(doc, a).y, read(doc, b).y]).toEqual([20, 20]);
    um.undo();
    expect([read(doc, a).y, read(doc, b).y]).toEqual([0, 0]);
    expect(getBoard(doc).size).toBe(2);
  });
  it('writes nothing when nothing moves', () => {
    const { doc, sticky } = board();
    const a = sticky(5, 5);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(moveBoardItems(doc, me, new Map([[a, { x: 5, y: 5 }]]))).toBe(0);
    expect(updates).toBe(0);
  });
  it('undoes only my own moves when someone else moved other items', () => {
    const { doc, um, sticky } = board();
    const a = sticky(0, 0);
    const b = sticky(0, 300);
    um.stopCapturing();
    moveBoardItems(doc, me, new Map([[a, { x: 50, y: 0 }]]));
    moveBoardItems(doc, other, new Map([[b, { x: 50, y: 300 }]]));
    um.undo();
    expect(read(doc, a).x).toBe(0);
    expect(read(doc, b).x).toBe(50);
  });
});

describe('deleting items with arrows', () => {
  it('takes the attached connectors along, and one undo brings all back', () => {
    const { doc, um, sticky, shape, arrow } = board();
    const a = sticky(0, 0);
    const b = shape(400, 0);
    const c = sticky(800, 0);
    const ab = arrow(a, b);
    const bc = arrow(b, c);
    um.stopCapturing();
    expect(deleteBoardItems(doc, me, [b])).toBe(1);
    expect([...getBoard(doc).keys()].sort()).toEqual([a, c].sort());
    um.undo();
    expect([...getBoard(doc).keys()].sort()).toEqual([a, b, c, ab, bc].sort());
    expect(read(doc, ab)).toMatchObject({ from: a, to: b });
  });
});

describe('setBoardItemsZ', () => {
  it('restacks several items at once', () => {
    const { doc, sticky } = board();
    const a = sticky(0, 0);
    const b = sticky(0, 0);
    expect(setBoardItemsZ(doc, me, new Map([[a, 10], [b, -3]]))).toBe(2);
    expect([read(doc, a).z, read(doc, b).z]).toEqual([10, -3]);
    expect(setBoardItemsZ(doc, me, new Map([[a, 10]]))).toBe(0);
  });
});

describe('insertBoardItems (duplicate and paste)', () => {
  it('copies items under new ids, offset, in front, joined by their copied arrows, as one undo step', () => {
    const { doc, um, sticky, shape, arrow } = board();
    const a = sticky(0, 0, 'first');
    const b = shape(400, 0);
    const outside = sticky(0, 900);
    arrow(a, b);
    arrow(b, outside);
    um.stopCapturing();
    const snap = snapshotItems(getBoard(doc), [a, b]);
    expect(snap.map((s) => s.type)).toEqual(['sticky', 'shape', 'connector']);
    const ids = insertBoardItems(doc, me, snap, { dx: 24, dy: 24, createdBy: 'v', now: 5 });
    expect(ids).toHaveLength(3);
    const copies = ids.map((id) => read(doc, id));
    expect(copies[0]).toMatchObject({ type: 'sticky', x: 24, y: 24, text: 'first', createdBy: 'v', createdAt: 5 });
    expect(copies[1]).toMatchObject({ type: 'shape', shape: 'ellipse', x: 424 });
    const conn = copies.find((c) => c.type === 'connector')!;
    expect([conn.from, conn.to]).toEqual([ids[0], ids[1]]);
    const maxOld = Math.max(...[a, b, outside].map((id) => read(doc, id).z));
    expect(Math.min(...copies.map((c) => c.z))).toBeGreaterThan(maxOld);
    um.undo();
    expect(getBoard(doc).size).toBe(5);
  });
  it('keeps the copies’ stacking order among themselves', () => {
    const { doc, sticky } = board();
    const a = sticky(0, 0);
    const b = sticky(0, 0);
    getBoard(doc).get(a)!.set('z', 50);
    const [ca, cb] = insertBoardItems(doc, me, snapshotItems(getBoard(doc), [a, b]), { dx: 0, dy: 0, createdBy: 'u' });
    expect(read(doc, ca).z).toBeGreaterThan(read(doc, cb).z);
  });
  it('drops arrows whose ends were not copied and items that fail validation', () => {
    const { doc } = board();
    expect(insertBoardItems(doc, me, [], { dx: 0, dy: 0, createdBy: 'u' })).toEqual([]);
    const bad = insertBoardItems(
      doc,
      me,
      [
        { id: 'l', type: 'link', x: 0, y: 0, w: 10, h: 10, text: '', color: 'x', url: 'javascript:alert(1)', z: 0, createdBy: '', createdAt: 0 },
        { id: 'c', type: 'connector', x: 0, y: 0, w: 10, h: 10, text: '', color: '', from: 'l', to: 'nowhere', z: 0, createdBy: '', createdAt: 0 },
        { id: 's', type: 'sticky', x: 0, y: 0, w: 10, h: 10, text: 'ok', color: 'url(evil)', z: 0, createdBy: '', createdAt: 0 },
      ],
      { dx: 0, dy: 0, createdBy: 'u' },
    );
    expect(bad).toHaveLength(1);
    expect(read(doc, bad[0])).toMatchObject({ type: 'sticky', text: 'ok', color: STICKY_COLORS[0] });
  });
});
