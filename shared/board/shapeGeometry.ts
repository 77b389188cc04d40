/**
 * Geometry of item outlines: rectangles (every item that is not a shape), ellipses and diamonds —
 * where a ray from the centre leaves the outline, and whether a point is inside. Pure, unit-tested.
 */
import type { ShapeKind } from '../doc/layout.ts';
import { rectCenter, rectContainsPoint, type PlacedRect, type Point, type Rect } from './geometry.ts';

/** True when `p` is inside the outline of a `kind` shape filling `r` (edges included). */
export function pointInShape(kind: ShapeKind | undefined, r: Rect, p: Point): boolean {
  if (!rectContainsPoint(r, p)) return false;
  const a = r.w / 2;
  const b = r.h / 2;
  if (a <= 0 || b <= 0) return false;
  const c = rectCenter(r);
  const dx = (p.x - c.x) / a;
  const dy = (p.y - c.y) / b;
  if (kind === 'ellipse') return dx * dx + dy * dy <= 1 + 1e-9;
  if (kind === 'diamond') return Math.abs(dx) + Math.abs(dy) <= 1 + 1e-9;
  return true;
}

/**
 * The point where the ray from the centre of `r` in direction (dx, dy) crosses the outline of a `kind`
 * shape filling `r`. A zero direction gives the middle of the right side.
 */
export function outlinePoint(kind: ShapeKind | undefined, r: Rect, dx: number, dy: number): Point {
  const c = rectCenter(r);
  const a = r.w / 2;
  const b = r.h / 2;
  if ((dx === 0 && dy === 0) || a <= 0 || b <= 0) return { x: c.x + a, y: c.y };
  let t: number;
  if (kind === 'ellipse') t = 1 / Math.sqrt((dx / a) ** 2 + (dy / b) ** 2);
  else if (kind === 'diamond') t = 1 / (Math.abs(dx) / a + Math.abs(dy) / b);
  else t = Math.min(dx === 0 ? Infinity : a / Math.abs(dx), dy === 0 ? Infinity : b / Math.abs(dy));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** An item as hit testing sees it: a rectangle, a stacking order, and its outline if it is a shape. */
export interface HitItem extends PlacedRect {
  shape?: ShapeKind;
}

/**
 * The front-most item whose outline contains `p` (a point in an ellipse's corner misses it), or null.
 * On a z tie the later item wins, as it is painted later. `skip` leaves items out (e.g. connectors).
 */
export function hitTestShapes(items: Iterable<HitItem>, p: Point, skip?: (item: HitItem) => boolean): string | null {
  let best: HitItem | null = null;
  for (const it of items) {
    if (skip?.(it)) continue;
    if (pointInShape(it.shape, it.rect, p) && (!best || it.z >= best.z)) best = it;
  }
  return best ? best.id : null;
}

/** The SVG path of a shape's outline in a w×h box, inset by `inset` (half the border width). */
export function shapePath(kind: ShapeKind, w: number, h: number, inset = 0): string {
  const l = inset;
  const t = inset;
  const r = Math.max(l, w - inset);
  const b = Math.max(t, h - inset);
  const cx = w / 2;
  const cy = h / 2;
  if (kind === 'ellipse') {
    const rx = (r - l) / 2;
    const ry = (b - t) / 2;
    return `M${l} ${cy}A${rx} ${ry} 0 1 0 ${r} ${cy}A${rx} ${ry} 0 1 0 ${l} ${cy}Z`;
  }
  if (kind === 'diamond') return `M${cx} ${t}L${r} ${cy}L${cx} ${b}L${l} ${cy}Z`;
  return `M${l} ${t}H${r}V${b}H${l}Z`;
}
