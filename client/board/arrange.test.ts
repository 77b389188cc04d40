import { describe, expect, it } from 'vitest';
import { alignPositions, restackZ } from './arrange.ts';

const r = (id: string, x: number, y: number, w: number, h: number, z = 0) => ({ id, rect: { x, y, w, h }, z });

describe('alignPositions', () => {
  const items = [r('a', 0, 0, 100, 50), r('b', 200, 100, 50, 100)];
  it.each([
    ['left', { b: { x: 0, y: 100 } }],
    ['right', { a: { x: 150, y: 0 } }],
    ['center', { a: { x: 75, y: 0 }, b: { x: 100, y: 100 } }],
    ['top', { b: { x: 200, y: 0 } }],
    ['bottom', { a: { x: 0, y: 150 } }],
    ['middle', { a: { x: 0, y: 75 }, b: { x: 200, y: 50 } }],
  ] as const)('%s', (mode, expected) => {
    expect(Object.fromEntries(alignPositions(items, mode))).toEqual(expected);
  });
  it('does nothing for fewer than two items', () => {
    expect(alignPositions([items[0]], 'left').size).toBe(0);
  });
});

describe('restackZ', () => {
  const all = [r('a', 0, 0, 1, 1, 1), r('b', 0, 0, 1, 1, 2), r('c', 0, 0, 1, 1, 3), r('d', 0, 0, 1, 1, 4)];
  it('brings a selection to the front keeping its own order', () => {
    expect(Object.fromEntries(restackZ([all[1], all[0]], all, 1))).toEqual({ a: 5, b: 6 });
  });
  it('sends a selection to the back keeping its own order', () => {
    expect(Object.fromEntries(restackZ([all[3], all[2]], all, -1))).toEqual({ c: -1, d: 0 });
  });
  it('writes nothing when the selection already is there', () => {
    expect(restackZ([all[3]], all, 1).size).toBe(0);
    expect(restackZ([all[0]], all, -1).size).toBe(0);
    expect(restackZ(all, all, 1).size).toBe(0);
  });
});
