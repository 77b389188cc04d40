import { describe, expect, it } from 'vitest';
import { arrowHead, connectorBounds, connectorGeometry, sidePoint } from './connectorGeometry.ts';
import { rectContainsPoint } from './geometry.ts';

const a = { x: 0, y: 0, w: 100, h: 100 };
const b = { x: 300, y: 0, w: 100, h: 100 };

describe('connectorGeometry', () => {
  it('joins two auto ends with a straight line between the facing edges', () => {
    const g = connectorGeometry({ rect: a, anchor: 'auto' }, { rect: b, anchor: 'auto' });
    expect(g.start).toEqual({ x: 100, y: 50 });
    expect(g.end).toEqual({ x: 300, y: 50 });
    expect(g.d).toBe('M100 50L300 50');
  });

  it('follows an item when it moves (endpoints come from the current rectangles)', () => {
    const below = { x: 0, y: 400, w: 100, h: 100 };
    const g = connectorGeometry({ rect: a, anchor: 'auto' }, { rect: below, anchor: 'auto' });
    expect(g.start).toEqual({ x: 50, y: 100 });
    expect(g.end).toEqual({ x: 50, y: 400 });
  });

  it('meets an ellipse on its outline along the line of centres', () => {
    const round = { x: 300, y: 300, w: 100, h: 100 };
    const g = connectorGeometry({ rect: a, anchor: 'auto' }, { rect: round, shape: 'ellipse', anchor: 'auto' });
    const r = Math.hypot(g.end.x - 350, g.end.y - 350);
    expect(r).toBeCloseTo(50, 6);
    expect(g.end.x).toBeCloseTo(350 - 50 / Math.SQRT2, 6);
    // The square end leaves through its corner on this diagonal.
    expect(g.start).toEqual({ x: 100, y: 100 });
  });

  it('meets a diamond on its outline', () => {
    const d = { x: 300, y: 0, w: 100, h: 100 };
    const g = connectorGeometry({ rect: a, anchor: 'auto' }, { rect: d, shape: 'diamond', anchor: 'auto' });
    expect(g.end).toEqual({ x: 300, y: 50 });
  });

  it('attaches a fixed anchor to the middle of its side and leaves it perpendicularly', () => {
    const g = connectorGeometry({ rect: a, anchor: 'bottom' }, { rect: b, anchor: 'top' });
    expect(g.start).toEqual(sidePoint(a, 'bottom'));
    expect(g.end).toEqual({ x: 350, y: 0 });
    expect(g.c1.x).toBe(g.start.x);
    expect(g.c1.y).toBeGreaterThan(g.start.y);
    expect(g.c2.x).toBe(g.end.x);
    expect(g.c2.y).toBeLessThan(g.end.y);
    expect(g.d.startsWith('M50 100C')).toBe(true);
  });

  it('aims an auto end at the other end’s fixed side', () => {
    const g = connectorGeometry({ rect: a, anchor: 'auto' }, { rect: { x: 300, y: 300, w: 100, h: 100 }, anchor: 'left' });
    expect(g.end).toEqual({ x: 300, y: 350 });
    // The ray from a's centre (50,50) to (300,350) leaves through the bottom edge.
    expect(g.start.y).toBe(100);
  });
});

describe('arrowHead and connectorBounds', () => {
  it('puts the tip at the end, pointing away from where the line comes from', () => {
    expect(arrowHead({ x: 100, y: 0 }, { x: 0, y: 0 }, 10)).toBe('100 0 90 5 90 -5');
  });
  it('bounds contain the whole path and its arrow head', () => {
    const g = connectorGeometry({ rect: a, anchor: 'right' }, { rect: b, anchor: 'bottom' });
    const r = connectorBounds(g, 2);
    for (const p of [g.start, g.end, g.c1, g.c2]) expect(rectContainsPoint(r, p)).toBe(true);
    expect(r.y + r.h).toBeGreaterThan(g.c2.y);
  });
});
