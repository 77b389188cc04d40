/**
 * Where a connector runs: its two endpoints on the outlines of the items it joins (a side's middle, or
 * `auto`: where the line between the items leaves each outline), the SVG path between them (straight,
 * or a curve leaving each fixed side at a right angle), its arrow head and its bounds for culling.
 * Computed from the items' current rectangles on every render, so arrows follow moved items. Pure.
 */
import type { ConnectorAnchor, ShapeKind } from '../doc/layout.ts';
import { boundsOfRects, expandRect, rectCenter, type Point, type Rect } from './geometry.ts';
import { outlinePoint } from './shapeGeometry.ts';

/** One end of a connector: the item's rectangle and outline, and where on it the connector attaches. */
export interface ConnectorEnd {
  rect: Rect;
  shape?: ShapeKind;
  anchor: ConnectorAnchor;
}

/** A connector's drawable geometry, in board coordinates. */
export interface ConnectorGeometry {
  start: Point;
  end: Point;
  /** Bezier control points (equal to the endpoints for a straight line). */
  c1: Point;
  c2: Point;
  /** The SVG path `d`, without the arrow head. */
  d: string;
}

const SIDE_NORMALS: Record<Exclude<ConnectorAnchor, 'auto'>, Point> = {
  top: { x: 0, y: -1 },
  right: { x: 1, y: 0 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
};

/** The middle of one side of `r`. Side midpoints lie on ellipse and diamond outlines too. */
export function sidePoint(r: Rect, side: Exclude<ConnectorAnchor, 'auto'>): Point {
  const c = rectCenter(r);
  const n = SIDE_NORMALS[side];
  return { x: c.x + (n.x * r.w) / 2, y: c.y + (n.y * r.h) / 2 };
}

/** Where one end attaches, given the point the connector heads for at its other end. */
function attach(end: ConnectorEnd, toward: Point): Point {
  if (end.anchor !== 'auto') return sidePoint(end.rect, end.anchor);
  const c = rectCenter(end.rect);
  return outlinePoint(end.shape, end.rect, toward.x - c.x, toward.y - c.y);
}

/** The point an end aims the other end at: its fixed side's middle, else its centre. */
function aimPoint(end: ConnectorEnd): Point {
  return end.anchor === 'auto' ? rectCenter(end.rect) : sidePoint(end.rect, end.anchor);
}

const round = (v: number) => Math.round(v * 100) / 100;
const fmt = (p: Point) => `${round(p.x)} ${round(p.y)}`;

/**
 * The endpoints and path of a connector from `from` to `to`. With two `auto` ends it is the straight
 * line between the outlines along the line of centres; a fixed side makes the path leave that side
 * perpendicularly (a cubic curve), as people draw arrows between boxes.
 */
export function connectorGeometry(from: ConnectorEnd, to: ConnectorEnd): ConnectorGeometry {
  const start = attach(from, aimPoint(to));
  const end = attach(to, aimPoint(from));
  if (from.anchor === 'auto' && to.anchor === 'auto') {
    return { start, end, c1: start, c2: end, d: `M${fmt(start)}L${fmt(end)}` };
  }
  const reach = Math.max(24, Math.hypot(end.x - start.x, end.y - start.y) / 3);
  const handle = (p: Point, anchor: ConnectorAnchor, other: Point): Point => {
    if (anchor !== 'auto') {
      const n = SIDE_NORMALS[anchor];
      return { x: p.x + n.x * reach, y: p.y + n.y * reach };
    }
    // An auto end heads straight for the other end's handle.
    const len = Math.hypot(other.x - p.x, other.y - p.y) || 1;
    return { x: p.x + ((other.x - p.x) / len) * reach, y: p.y + ((other.y - p.y) / len) * reach };
  };
  const c1 = handle(start, from.anchor, end);
  const c2 = handle(end, to.anchor, start);
  return { start, end, c1, c2, d: `M${fmt(start)}C${fmt(c1)} ${fmt(c2)} ${fmt(end)}` };
}

/** Length of the arrow head for a line of width `strokeWidth`. */
export function arrowSize(strokeWidth: number): number {
  return 8 + strokeWidth * 3;
}

/**
 * The three corners of an arrow head with its tip at `tip`, pointing away from `from`, `size` long and
 * as wide. Returned as an SVG polygon `points` string.
 */
export function arrowHead(tip: Point, from: Point, size: number): string {
  let dx = tip.x - from.x;
  let dy = tip.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) {
    dx = 1;
    dy = 0;
  } else {
    dx /= len;
    dy /= len;
  }
  const bx = tip.x - dx * size;
  const by = tip.y - dy * size;
  const half = size / 2;
  const pts = [tip, { x: bx - dy * half, y: by + dx * half }, { x: bx + dy * half, y: by - dx * half }];
  return pts.map(fmt).join(' ');
}

/**
 * The board rectangle a connector may paint in: its endpoints and control points (a Bezier curve stays
 * inside their hull) grown by the arrow head and line width. Used for culling and export bounds.
 */
export function connectorBounds(g: ConnectorGeometry, strokeWidth: number): Rect {
  const pts = [g.start, g.end, g.c1, g.c2].map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 }));
  return expandRect(boundsOfRects(pts)!, arrowSize(strokeWidth) + strokeWidth);
}
