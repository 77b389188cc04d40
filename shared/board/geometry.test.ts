import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  avoidStacking,
  MIN_ZOOM,
  boardToScreen,
  boundsOfRects,
  centerCameraOn,
  clamp,
  clampCoord,
  clampZoom,
  COORD_LIMIT,
  cullRects,
  dotGrid,
  expandRect,
  fitCameraToRect,
  hitTest,
  normalizeWheelDelta,
  panCamera,
  panToShowRect,
  pinchCamera,
  pinchOf,
  rectContainsPoint,
  rectContainsRect,
  rectsIntersect,
  resizeFromCorner,
  screenToBoard,
  visibleRect,
  wheelZoomFactor,
  zoomCameraAt,
  zoomStep,
  type Camera,
  type PlacedRect,
} from './geometry.ts';

const cam = (x: number, y: number, zoom: number): Camera => ({ x, y, zoom });

describe('clamping', () => {
  it('clamps into range and maps NaN to the minimum', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(NaN, 0, 10)).toBe(0);
  });
  it('clamps zoom to [MIN_ZOOM, MAX_ZOOM]', () => {
    expect(clampZoom(0.01)).toBe(MIN_ZOOM);
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(1.5)).toBe(1.5);
  });
  it('clamps coordinates to ±COORD_LIMIT and NaN to 0', () => {
    expect(clampCoord(1e12)).toBe(COORD_LIMIT);
    expect(clampCoord(-Infinity)).toBe(-COORD_LIMIT);
    expect(clampCoord(NaN)).toBe(0);
    expect(clampCoord(12.5)).toBe(12.5);
  });
});

describe('screen ↔ board transforms', () => {
  it('maps the camera offset to the board origin', () => {
    expect(screenToBoard({ x: 100, y: 50 }, cam(100, 50, 2))).toEqual({ x: 0, y: 0 });
    expect(boardToScreen({ x: 0, y: 0 }, cam(100, 50, 2))).toEqual({ x: 100, y: 50 });
  });
  it('scales by zoom', () => {
    expect(boardToScreen({ x: 10, y: -5 }, cam(0, 0, 2))).toEqual({ x: 20, y: -10 });
    expect(screenToBoard({ x: 20, y: -10 }, cam(0, 0, 2))).toEqual({ x: 10, y: -5 });
  });
  it('round-trips for arbitrary cameras', () => {
    const c = cam(-317.5, 88.25, 0.37);
    for (const p of [{ x: 0, y: 0 }, { x: 123.4, y: -987.6 }, { x: -5000, y: 42 }]) {
      const back = screenToBoard(boardToScreen(p, c), c);
      expect(back.x).toBeCloseTo(p.x, 9);
      expect(back.y).toBeCloseTo(p.y, 9);
    }
  });
});

describe('panning and zooming', () => {
  it('pans by a screen delta without changing zoom', () => {
    expect(panCamera(cam(10, 20, 1.5), 5, -7)).toEqual(cam(15, 13, 1.5));
  });
  it('zooms around a screen point, keeping the board point under it fixed', () => {
    const c = cam(40, -30, 0.8);
    const pointer = { x: 300, y: 200 };
    const before = screenToBoard(pointer, c);
    const z = zoomCameraAt(c, pointer, 2.2);
    expect(z.zoom).toBe(2.2);
    const after = screenToBoard(pointer, z);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });
  it('clamps zoom when zooming around a point and still keeps the anchor', () => {
    const c = cam(0, 0, 1);
    const z = zoomCameraAt(c, { x: 50, y: 50 }, 99);
    expect(z.zoom).toBe(MAX_ZOOM);
    expect(screenToBoard({ x: 50, y: 50 }, z).x).toBeCloseTo(50, 9);
  });
  it('steps through zoom levels', () => {
    expect(zoomStep(1, 1)).toBe(1.25);
    expect(zoomStep(1, -1)).toBe(0.75);
    expect(zoomStep(1.1, 1)).toBe(1.25);
    expect(zoomStep(1.1, -1)).toBe(1);
    expect(zoomStep(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(zoomStep(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });
  it('normalises wheel deltas from lines and pages to pixels', () => {
    expect(normalizeWheelDelta(3, 0, 800)).toBe(3);
    expect(normalizeWheelDelta(3, 1, 800)).toBe(48);
    expect(normalizeWheelDelta(1, 2, 800)).toBe(800);
  });
  it('gives symmetric, bounded wheel zoom factors', () => {
    expect(wheelZoomFactor(0)).toBe(1);
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(50) * wheelZoomFactor(-50)).toBeCloseTo(1, 12);
    // A huge delta (fast wheel) is capped like a single notch.
    expect(wheelZoomFactor(10_000)).toBe(wheelZoomFactor(100));
  });
  it('pinches: zooms by finger distance and pans with the midpoint', () => {
    const c = cam(0, 0, 1);
    const prev = pinchOf({ x: 100, y: 100 }, { x: 200, y: 100 });
    expect(prev).toEqual({ center: { x: 150, y: 100 }, distance: 100 });
    // Same midpoint, fingers twice as far apart: zoom doubles around the midpoint.
    const spread = pinchCamera(c, prev, pinchOf({ x: 50, y: 100 }, { x: 250, y: 100 }));
    expect(spread.zoom).toBeCloseTo(2, 12);
    expect(screenToBoard({ x: 150, y: 100 }, spread).x).toBeCloseTo(150, 9);
    // Same distance, midpoint moved: a pure pan.
    const moved = pinchCamera(c, prev, pinchOf({ x: 110, y: 120 }, { x: 210, y: 120 }));
    expect(moved).toEqual(cam(10, 20, 1));
    // Degenerate distances do not produce NaN.
    const zero = pinchCamera(c, { center: { x: 0, y: 0 }, distance: 0 }, { center: { x: 0, y: 0 }, distance: 10 });
    expect(zero).toEqual(cam(0, 0, 1));
  });
});

describe('rectangles', () => {
  const a = { x: 0, y: 0, w: 10, h: 10 };
  it('detects intersection, including touching edges', () => {
    expect(rectsIntersect(a, { x: 5, y: 5, w: 10, h: 10 })).toBe(true);
    expect(rectsIntersect(a, { x: 10, y: 0, w: 5, h: 5 })).toBe(true);
    expect(rectsIntersect(a, { x: 10.01, y: 0, w: 5, h: 5 })).toBe(false);
    expect(rectsIntersect(a, { x: 0, y: -20, w: 5, h: 5 })).toBe(false);
    // Containment both ways.
    expect(rectsIntersect(a, { x: 2, y: 2, w: 1, h: 1 })).toBe(true);
    expect(rectsIntersect({ x: 2, y: 2, w: 1, h: 1 }, a)).toBe(true);
  });
  it('tests points and containment', () => {
    expect(rectContainsPoint(a, { x: 10, y: 10 })).toBe(true);
    expect(rectContainsPoint(a, { x: 10.5, y: 5 })).toBe(false);
    expect(rectContainsRect(a, { x: 1, y: 1, w: 9, h: 9 })).toBe(true);
    expect(rectContainsRect(a, { x: 1, y: 1, w: 10, h: 9 })).toBe(false);
  });
  it('expands by a margin on every side', () => {
    expect(expandRect(a, 5)).toEqual({ x: -5, y: -5, w: 20, h: 20 });
  });
  it('computes bounds, or null for nothing', () => {
    expect(boundsOfRects([])).toBeNull();
    expect(boundsOfRects([a, { x: -5, y: 20, w: 5, h: 5 }])).toEqual({ x: -5, y: 0, w: 15, h: 25 });
  });
  it('resizes from the bottom-right corner with a minimum size', () => {
    const r = { x: 10, y: 20, w: 100, h: 80 };
    expect(resizeFromCorner(r, 20, -10, 32)).toEqual({ x: 10, y: 20, w: 120, h: 70 });
    expect(resizeFromCorner(r, -500, -500, 32)).toEqual({ x: 10, y: 20, w: 32, h: 32 });
    expect(resizeFromCorner(r, 5000, 0, 32, 2000)).toEqual({ x: 10, y: 20, w: 2000, h: 80 });
    expect(resizeFromCorner(r, NaN, 0, 32).w).toBe(32);
  });
});

describe('viewport culling and hit testing', () => {
  const items: PlacedRect[] = [
    { id: 'a', rect: { x: 0, y: 0, w: 100, h: 100 }, z: 1 },
    { id: 'b', rect: { x: 50, y: 50, w: 100, h: 100 }, z: 3 },
    { id: 'c', rect: { x: 2000, y: 2000, w: 100, h: 100 }, z: 2 },
    { id: 'd', rect: { x: -500, y: 0, w: 100, h: 100 }, z: 0 },
  ];
  it('computes the visible board rect from camera and viewport', () => {
    expect(visibleRect(cam(0, 0, 1), { w: 800, h: 600 })).toEqual({ x: 0, y: 0, w: 800, h: 600 });
    expect(visibleRect(cam(-200, 100, 2), { w: 800, h: 600 })).toEqual({ x: 100, y: -50, w: 400, h: 300 });
  });
  it('keeps only items that intersect the view', () => {
    const view = visibleRect(cam(0, 0, 1), { w: 800, h: 600 });
    expect(cullRects(items, view)).toEqual(['a', 'b']);
    expect(cullRects(items, expandRect(view, 400))).toEqual(['a', 'b', 'd']);
    // Zoomed far out, everything is visible.
    expect(cullRects(items, visibleRect(cam(400, 300, 0.1), { w: 800, h: 600 }))).toEqual(['a', 'b', 'c', 'd']);
  });
  it('hits the front-most item', () => {
    expect(hitTest(items, { x: 75, y: 75 })).toBe('b');
    expect(hitTest(items, { x: 10, y: 10 })).toBe('a');
    expect(hitTest(items, { x: 1000, y: 1000 })).toBeNull();
  });
  it('breaks z ties in favour of the later item', () => {
    const tied: PlacedRect[] = [
      { id: 'first', rect: { x: 0, y: 0, w: 10, h: 10 }, z: 1 },
      { id: 'second', rect: { x: 0, y: 0, w: 10, h: 10 }, z: 1 },
    ];
    expect(hitTest(tied, { x: 5, y: 5 })).toBe('second');
  });
});

describe('placing new items', () => {
  it('keeps a free position', () => {
    expect(avoidStacking({ x: 0, y: 0 }, [{ x: 100, y: 100, w: 10, h: 10 }])).toEqual({ x: 0, y: 0 });
  });
  it('steps diagonally past items at (nearly) the same spot', () => {
    const taken = [
      { x: 0, y: 0, w: 200, h: 160 },
      { x: 25, y: 22, w: 200, h: 160 },
    ];
    expect(avoidStacking({ x: 3, y: -2 }, taken)).toEqual({ x: 51, y: 46 });
  });
  it('gives up after maxTries', () => {
    const taken = Array.from({ length: 100 }, (_, i) => ({ x: i * 10, y: i * 10, w: 1, h: 1 }));
    expect(avoidStacking({ x: 0, y: 0 }, taken, 10, 5)).toEqual({ x: 50, y: 50 });
  });
});

describe('fitting and following', () => {
  const viewport = { w: 1000, h: 600 };
  it('centres a board point', () => {
    const c = centerCameraOn({ x: 100, y: 50 }, viewport, 2);
    expect(boardToScreen({ x: 100, y: 50 }, c)).toEqual({ x: 500, y: 300 });
  });
  it('fits a large rect inside the padded viewport', () => {
    const r = { x: -1000, y: -500, w: 4000, h: 1000 };
    const c = fitCameraToRect(r, viewport, 50);
    expect(c.zoom).toBeCloseTo(900 / 4000, 12);
    const tl = boardToScreen({ x: r.x, y: r.y }, c);
    const br = boardToScreen({ x: r.x + r.w, y: r.y + r.h }, c);
    expect(tl.x).toBeCloseTo(50, 9);
    expect(br.x).toBeCloseTo(950, 9);
    expect(tl.y).toBeGreaterThanOrEqual(50);
    expect(br.y).toBeLessThanOrEqual(550);
  });
  it('does not zoom in past maxZoom when fitting something small', () => {
    expect(fitCameraToRect({ x: 0, y: 0, w: 10, h: 10 }, viewport).zoom).toBe(1);
  });
  it('pans minimally to reveal a rect, and not at all if it is visible', () => {
    const c = cam(0, 0, 1);
    expect(panToShowRect(c, { x: 100, y: 100, w: 50, h: 50 }, viewport)).toBe(c);
    const right = panToShowRect(c, { x: 1100, y: 100, w: 50, h: 50 }, viewport, 24);
    expect(boardToScreen({ x: 1150, y: 0 }, right).x).toBe(1000 - 24);
    expect(right.y).toBe(0);
    const above = panToShowRect(c, { x: 100, y: -300, w: 50, h: 50 }, viewport, 24);
    expect(boardToScreen({ x: 0, y: -300 }, above).y).toBe(24);
  });
});

describe('dotted background', () => {
  it('moves with the camera and scales with zoom', () => {
    expect(dotGrid(cam(0, 0, 1))).toEqual({ size: 24, x: 0, y: 0 });
    expect(dotGrid(cam(30, -5, 1))).toEqual({ size: 24, x: 6, y: 19 });
    expect(dotGrid(cam(0, 0, 2)).size).toBe(48);
  });
  it('spreads the dots out when zoomed far out', () => {
    for (const zoom of [0.1, 0.2, 0.37, 0.5]) {
      const g = dotGrid(cam(0, 0, zoom));
      expect(g.size).toBeGreaterThanOrEqual(12);
      expect(g.size).toBeLessThan(24 + 1e-9);
    }
  });
});
