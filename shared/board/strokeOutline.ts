/**
 * Freehand ink in the perfect-freehand manner: input points are low-pass filtered as they arrive
 * ("streamline"), thinned (Ramer–Douglas–Peucker) before storing, and drawn as a filled outline whose
 * width follows pen pressure, with round caps, smoothed into quadratic curves. Pure, unit-tested.
 * Points are flat arrays x0, y0, p0, x1, y1, p1… as stored on stroke items.
 */
import type { Point, Rect } from './geometry.ts';

/** How a stroke is drawn. */
export interface StrokeStyle {
  /** Diameter at pressure 0.5, in board units. */
  size: number;
  /** How much pressure changes the width: 0 none, 1 from nothing to double. */
  thinning: number;
}

export const DEFAULT_STROKE_STYLE: StrokeStyle = { size: 4, thinning: 0.6 };

/** The pressure a mouse reports while a button is down; pointer events give 0.5 for every press. */
export const MOUSE_PRESSURE = 0.5;

/**
 * The next stored point for a raw input point: moved only part of the way from the previous point
 * (`streamline` 0 follows exactly, 0.9 lags heavily), which irons out hand tremor and mouse jitter.
 */
export function streamlinePoint(prev: readonly number[] | null, x: number, y: number, p: number, streamline = 0.5): [number, number, number] {
  const pressure = Number.isFinite(p) && p > 0 ? Math.min(1, p) : MOUSE_PRESSURE;
  if (!prev) return [x, y, pressure];
  const t = 1 - Math.min(0.95, Math.max(0, streamline));
  return [prev[0] + (x - prev[0]) * t, prev[1] + (y - prev[1]) * t, prev[2] + (pressure - prev[2]) * t];
}

function perpendicularDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p.x - a.x, p.y - a.y);
  return Math.abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / len;
}

/**
 * The flat point array with points that lie within `tolerance` of the line through their neighbours
 * removed (Ramer–Douglas–Peucker on x, y; pressure rides along). First and last points always stay.
 */
export function simplifyStroke(flat: readonly number[], tolerance = 0.4): number[] {
  const n = Math.floor(flat.length / 3);
  if (n <= 2) return flat.slice(0, n * 3);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const pt = (i: number): Point => ({ x: flat[i * 3], y: flat[i * 3 + 1] });
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxD = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(pt(i), pt(first), pt(last));
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(flat[i * 3], flat[i * 3 + 1], flat[i * 3 + 2]);
  return out;
}

/** The radius of the ink at `pressure`. */
export function strokeRadius(pressure: number, style: StrokeStyle = DEFAULT_STROKE_STYLE): number {
  const p = Math.min(1, Math.max(0, pressure));
  return Math.max(0.25, (style.size / 2) * (1 + style.thinning * (2 * p - 1)));
}

/** A circle polygon (caps and single dots). */
function arc(c: Point, r: number, from: number, to: number, steps: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    out.push({ x: c.x + Math.cos(a) * r, y: c.y + Math.sin(a) * r });
  }
  return out;
}

/**
 * The outline polygon of a stroke through `flat` points: the centre line offset by the pressure radius
 * on both sides (radii averaged with their neighbours so the width never jumps), joined by round caps.
 * A stroke of one point (a tap) is a dot.
 */
export function strokeOutline(flat: readonly number[], style: StrokeStyle = DEFAULT_STROKE_STYLE): Point[] {
  const pts: { x: number; y: number; r: number }[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const x = flat[i];
    const y = flat[i + 1];
    const last = pts[pts.length - 1];
    // Points closer than a tenth of a unit add nothing but noise to the normals.
    if (last && Math.hypot(x - last.x, y - last.y) < 0.1) continue;
    pts.push({ x, y, r: strokeRadius(flat[i + 2], style) });
  }
  if (pts.length === 0) return [];
  if (pts.length === 1) return arc(pts[0], pts[0].r, 0, Math.PI * 2, 16).slice(0, -1);
  const radii = pts.map((p, i) => {
    const a = pts[Math.max(0, i - 1)].r;
    const b = pts[Math.min(pts.length - 1, i + 1)].r;
    return (a + 2 * p.r + b) / 4;
  });
  const left: Point[] = [];
  const right: Point[] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[Math.max(0, i - 1)];
    const b = pts[Math.min(pts.length - 1, i + 1)];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = -(b.y - a.y) / len;
    const ny = (b.x - a.x) / len;
    const r = radii[i];
    left.push({ x: pts[i].x + nx * r, y: pts[i].y + ny * r });
    right.push({ x: pts[i].x - nx * r, y: pts[i].y - ny * r });
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  const dirEnd = Math.atan2(left[left.length - 1].y - last.y, left[left.length - 1].x - last.x);
  const dirStart = Math.atan2(right[0].y - first.y, right[0].x - first.x);
  // Caps turn from one side to the other around the end points, through the outside of the stroke.
  const endCap = arc(last, radii[radii.length - 1], dirEnd, dirEnd - Math.PI, 8).slice(1, -1);
  const startCap = arc(first, radii[0], dirStart, dirStart - Math.PI, 8).slice(1, -1);
  return [...left, ...endCap, ...right.reverse(), ...startCap];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A closed SVG path through a polygon, smoothed: quadratic curves through the midpoints of its edges
 * with the vertices as control points (the technique perfect-freehand's examples use).
 */
export function outlineToSvgPath(poly: readonly Point[]): string {
  const n = poly.length;
  if (n === 0) return '';
  if (n < 3) return `M${r2(poly[0].x)} ${r2(poly[0].y)}Z`;
  const mid = (a: Point, b: Point) => `${r2((a.x + b.x) / 2)} ${r2((a.y + b.y) / 2)}`;
  let d = `M${mid(poly[n - 1], poly[0])}`;
  for (let i = 0; i < n; i++) {
    const p = poly[i];
    d += `Q${r2(p.x)} ${r2(p.y)} ${mid(p, poly[(i + 1) % n])}`;
  }
  return `${d}Z`;
}

/** The rectangle around a flat point array, grown by the widest radius the stroke can have. */
export function strokeBounds(flat: readonly number[], style: StrokeStyle = DEFAULT_STROKE_STYLE): Rect | null {
  if (flat.length < 3) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 2 < flat.length; i += 3) {
    minX = Math.min(minX, flat[i]);
    maxX = Math.max(maxX, flat[i]);
    minY = Math.min(minY, flat[i + 1]);
    maxY = Math.max(maxY, flat[i + 1]);
  }
  const pad = strokeRadius(1, style);
  return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
}

/**
 * A stroke's natural box: its ink bounds, grown (centred) to at least `min` on each side, because items
 * are never smaller than that. A new stroke item is placed at this box, and draws it as its viewBox,
 * so the ink sits exactly where it was drawn; a resized stroke scales from it.
 */
export function strokeBox(flat: readonly number[], style: StrokeStyle = DEFAULT_STROKE_STYLE, min = 32): Rect {
  const b = strokeBounds(flat, style) ?? { x: 0, y: 0, w: 0, h: 0 };
  const w = Math.max(min, b.w);
  const h = Math.max(min, b.h);
  return { x: b.x - (w - b.w) / 2, y: b.y - (h - b.h) / 2, w, h };
}
