import { describe, expect, it } from 'vitest';
import { frameMembers, itemsToMove, marqueeSelect, rectFromPoints, snapDelta, snapToGrid, type TypedRect } from './selectionGeometry.ts';

const it_ = (id: string, type: TypedRect['type'], x: number, y: number, w = 100, h = 100): TypedRect => ({ id, type, rect: { x, y, w, h }, z: 0 });

describe('marquee', () => {
  it('builds its rectangle whichever way the drag went', () => {
    expect(rectFromPoints({ x: 10, y: 50 }, { x: -10, y: 0 })).toEqual({ x: -10, y: 0, w: 20, h: 50 });
  });
  it('selects items it touches, but frames and connectors only when it contains them', () => {
    const items = [
      it_('note', 'sticky', 0, 0),
      it_('far', 'sticky', 1000, 1000),
      it_('frame', 'frame', -50, -50, 400, 400),
      it_('arrow', 'connector', 90, 90, 200, 200),
      it_('small-frame', 'frame', 20, 20, 30, 30),
    ];
    expect(marqueeSelect(items, { x: 50, y: 50, w: 20, h: 20 })).toEqual(['note']);
    expect(marqueeSelect(items, { x: 0, y: 0, w: 60, h: 60 })).toEqual(['note', 'small-frame']);
    expect(marqueeSelect(items, { x: -100, y: -100, w: 600, h: 600 })).toEqual(['note', 'frame', 'arrow', 'small-frame']);
  });
});

describe('frame membership', () => {
  const frame = it_('f', 'frame', 0, 0, 500, 500);
  const items = [
    frame,
    it_('inside', 'sticky', 10, 10),
    it_('edge', 'sticky', 400, 400), // touches the frame's corner exactly: inside
    it_('straddles', 'sticky', 450, 0),
    it_('outside', 'sticky', 600, 600),
    it_('arrow', 'connector', 10, 10, 20, 20),
    it_('nested', 'frame', 100, 100, 200, 200),
    it_('in-nested', 'text', 120, 120, 50, 50),
  ];
  it('is every non-connector item lying entirely inside the frame', () => {
    expect(frameMembers(frame, items)).toEqual(['inside', 'edge', 'nested', 'in-nested']);
  });
  it('a drag of the frame moves its members too, and a nested frame only its own', () => {
    expect(itemsToMove(['f'], items).sort()).toEqual(['edge', 'f', 'in-nested', 'inside', 'nested']);
    expect(itemsToMove(['nested'], items).sort()).toEqual(['in-nested', 'nested']);
  });
  it('moves no connectors and ignores unknown ids', () => {
    expect(itemsToMove(['arrow', 'ghost', 'outside'], items)).toEqual(['outside']);
  });
});

describe('grid snapping', () => {
  it('rounds to the nearest grid line', () => {
    expect(snapToGrid(11)).toBe(0);
    expect(snapToGrid(13)).toBe(24);
    expect(snapToGrid(-13)).toBe(-24);
    expect(Object.is(snapToGrid(-5), 0)).toBe(true);
    expect(snapToGrid(26, 10)).toBe(30);
  });
  it('adjusts a drag so the grabbed item lands on the grid', () => {
    expect(snapDelta({ x: 5, y: 7 }, 30, -20)).toEqual({ x: 19, y: -31 });
    const d = snapDelta({ x: 5, y: 7 }, 30, -20);
    expect((5 + d.x) % 24).toBe(0);
  });
});
