import { describe, expect, it } from 'vitest';
import type { Point } from './geometry.ts';
import { outlineToSvgPath, simplifyStroke, streamlinePoint, strokeBounds, strokeBox, strokeOutline, strokeRadius } from './strokeOutline.ts';

/** Even-odd point-in-polygon. */
function inside(poly: Point[], p: Point): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) c = !c;
  }
  return c;
}

const line = (pressure: number) => [0, 0, pressure, 50, 0, pressure, 100, 0, pressure];

describe('streamlinePoint', () => {
  it('starts where the pen is and then moves part of the way', () => {
    expect(streamlinePoint(null, 10, 20, 0.8)).toEqual([10, 20, 0.8]);
    expect(streamlinePoint([0, 0, 0.5], 10, 20, 0.5, 0.5)).toEqual([5, 10, 0.5]);
    expect(streamlinePoint([0, 0, 0.5], 10, 20, 0.5, 0)).toEqual([10, 20, 0.5]);
  });
  it('treats a missing pressure as a mouse press', () => {
    expect(streamlinePoint(null, 0, 0, 0)[2]).toBe(0.5);
    expect(streamlinePoint(null, 0, 0, Number.NaN)[2]).toBe(0.5);
  });
});

describe('simplifyStroke', () => {
  it('drops points on a straight line and keeps the corners', () => {
    const flat = [0, 0, 0.5, 10, 0, 0.5, 20, 0, 0.5, 30, 0, 0.5, 30, 10, 0.5, 30, 20, 0.5];
    expect(simplifyStroke(flat)).toEqual([0, 0, 0.5, 30, 0, 0.5, 30, 20, 0.5]);
  });
  it('keeps tiny strokes as they are', () => {
    expect(simplifyStroke([1, 2, 0.5])).toEqual([1, 2, 0.5]);
  });
});

describe('strokeOutline', () => {
  it('encloses the centre line with round ends', () => {
    const poly = strokeOutline(line(0.5));
    for (const x of [0, 25, 50, 99]) expect(inside(poly, { x, y: 0 })).toBe(true);
    expect(inside(poly, { x: 50, y: 5 })).toBe(false);
    // The caps reach one radius past the ends.
    const r = strokeRadius(0.5);
    expect(Math.min(...poly.map((p) => p.x))).toBeCloseTo(-r, 1);
    expect(Math.max(...poly.map((p) => p.x))).toBeCloseTo(100 + r, 1);
  });
  it('is wider where the pen pressed harder', () => {
    const width = (p: number) => {
      const poly = strokeOutline(line(p));
      return Math.max(...poly.map((q) => q.y)) - Math.min(...poly.map((q) => q.y));
    };
    expect(width(1)).toBeGreaterThan(width(0.5));
    expect(width(0.5)).toBeGreaterThan(width(0.1));
  });
  it('draws a tap as a dot', () => {
    const poly = strokeOutline([5, 5, 0.5]);
    expect(poly.length).toBe(16);
    for (const p of poly) expect(Math.hypot(p.x - 5, p.y - 5)).toBeCloseTo(strokeRadius(0.5), 6);
  });
  it('smooths the outline into a closed path', () => {
    const d = outlineToSvgPath(strokeOutline(line(0.5)));
    expect(d).toMatch(/^M[-\d. ]+(Q[-\d. ]+)+Z$/);
    expect(outlineToSvgPath([])).toBe('');
  });
  it('bounds the ink at its widest', () => {
    expect(strokeBounds(line(0.5))).toEqual({ x: -3.2, y: -3.2, w: 106.4, h: 6.4 });
  });
  it('grows a thin stroke’s box to the minimum item size around its ink', () => {
    expect(strokeBox(line(0.5))).toEqual({ x: -3.2, y: -16, w: 106.4, h: 32 });
  });
});
