import { describe, expect, it } from 'vitest';
import { hitTestShapes, outlinePoint, pointInShape, shapePath } from './shapeGeometry.ts';

const box = { x: 0, y: 0, w: 200, h: 100 };

describe('pointInShape', () => {
  it('treats a rectangle (and items that are not shapes) as their whole box', () => {
    expect(pointInShape('rectangle', box, { x: 1, y: 1 })).toBe(true);
    expect(pointInShape(undefined, box, { x: 200, y: 100 })).toBe(true);
    expect(pointInShape(undefined, box, { x: 201, y: 50 })).toBe(false);
  });
  it('misses the corners of an ellipse and a diamond', () => {
    for (const kind of ['ellipse', 'diamond'] as const) {
      expect(pointInShape(kind, box, { x: 100, y: 50 })).toBe(true);
      expect(pointInShape(kind, box, { x: 5, y: 5 })).toBe(false);
      expect(pointInShape(kind, box, { x: 195, y: 95 })).toBe(false);
    }
    // On the axes, both reach the box edge.
    expect(pointInShape('ellipse', box, { x: 0, y: 50 })).toBe(true);
    expect(pointInShape('diamond', box, { x: 100, y: 0 })).toBe(true);
    // Between the two: inside the ellipse, outside the diamond.
    expect(pointInShape('ellipse', box, { x: 40, y: 20 })).toBe(true);
    expect(pointInShape('diamond', box, { x: 40, y: 20 })).toBe(false);
  });
});

describe('outlinePoint', () => {
  it('leaves a rectangle through the side the ray hits', () => {
    expect(outlinePoint('rectangle', box, 1, 0)).toEqual({ x: 200, y: 50 });
    expect(outlinePoint(undefined, box, 0, -5)).toEqual({ x: 100, y: 0 });
    // A diagonal ray on a wide box leaves through the bottom, not the side.
    expect(outlinePoint('rectangle', box, 1, 1)).toEqual({ x: 150, y: 100 });
  });
  it('lands on the ellipse and the diamond outline', () => {
    const e = outlinePoint('ellipse', box, 1, 1);
    expect(((e.x - 100) / 100) ** 2 + ((e.y - 50) / 50) ** 2).toBeCloseTo(1, 9);
    const d = outlinePoint('diamond', box, 3, 1);
    expect(Math.abs(d.x - 100) / 100 + Math.abs(d.y - 50) / 50).toBeCloseTo(1, 9);
    expect(d.x).toBeGreaterThan(100);
  });
  it('gives the right side middle for a zero direction', () => {
    expect(outlinePoint('ellipse', box, 0, 0)).toEqual({ x: 200, y: 50 });
  });
});

describe('hitTestShapes', () => {
  const items = [
    { id: 'back', rect: { x: 0, y: 0, w: 100, h: 100 }, z: 1 },
    { id: 'round', rect: { x: 0, y: 0, w: 100, h: 100 }, z: 2, shape: 'ellipse' as const },
  ];
  it('picks the front-most outline under the point', () => {
    expect(hitTestShapes(items, { x: 50, y: 50 })).toBe('round');
  });
  it('sees through the corner of an ellipse to what is behind', () => {
    expect(hitTestShapes(items, { x: 3, y: 3 })).toBe('back');
    expect(hitTestShapes(items, { x: 300, y: 3 })).toBeNull();
  });
  it('skips what the caller leaves out', () => {
    expect(hitTestShapes(items, { x: 50, y: 50 }, (i) => i.id === 'round')).toBe('back');
  });
});

describe('shapePath', () => {
  it('draws each outline inside its box', () => {
    expect(shapePath('rectangle', 10, 20)).toBe('M0 0H10V20H0Z');
    expect(shapePath('diamond', 10, 20, 1)).toBe('M5 1L9 10L5 19L1 10Z');
    expect(shapePath('ellipse', 10, 20)).toBe('M0 10A5 10 0 1 0 10 10A5 10 0 1 0 0 10Z');
  });
});
