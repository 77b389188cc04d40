/**
 * Pure geometry of the board: the camera (screen ↔ board transforms, zoom around a point, pinch, fit),
 * rectangles (intersection, culling, hit testing, bounds) and item resizing. No DOM, no Yjs: unit-tested.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  w: number;
  h: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The local view onto the board. A board point p appears on screen at `p * zoom + (x, y)`, i.e. (x, y)
 * is where the board origin sits in the canvas element's pixels. This matches the CSS transform
 * `translate(x, y) scale(zoom)` with `transform-origin: 0 0` on the item layer.
 */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

/** Board coordinates are kept within ±COORD_LIMIT so that a runaway drag cannot produce absurd values. */
export const COORD_LIMIT = 1_000_000;

/** The zoom levels the +/− buttons and keys step through. */
export const ZOOM_STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

/** `v` limited to [min, max]; NaN becomes `min` so that bad input never propagates. */
export function clamp(v: number, min: number, max: number): number {
  if (Number.isNaN(v)) return min;
  return v < min ? min : v > max ? max : v;
}

export function clampZoom(zoom: number): number {
  return clamp(zoom, MIN_ZOOM, MAX_ZOOM);
}

/** A board coordinate limited to ±COORD_LIMIT (NaN → 0). */
export function clampCoord(v: number): number {
  return Number.isNaN(v) ? 0 : clamp(v, -COORD_LIMIT, COORD_LIMIT);
}

export function screenToBoard(p: Point, cam: Camera): Point {
  return { x: (p.x - cam.x) / cam.zoom, y: (p.y - cam.y) / cam.zoom };
}

export function boardToScreen(p: Point, cam: Camera): Point {
  return { x: p.x * cam.zoom + cam.x, y: p.y * cam.zoom + cam.y };
}

/** Moves the view by a screen-pixel delta (content follows the pointer). */
export function panCamera(cam: Camera, dx: number, dy: number): Camera {
  return { x: cam.x + dx, y: cam.y + dy, zoom: cam.zoom };
}

/** Sets the zoom (clamped) while the board point under `screenPoint` stays under it. */
export function zoomCameraAt(cam: Camera, screenPoint: Point, zoom: number): Camera {
  const z = clampZoom(zoom);
  const anchor = screenToBoard(screenPoint, cam);
  return { x: screenPoint.x - anchor.x * z, y: screenPoint.y - anchor.y * z, zoom: z };
}

/** The next zoom level of ZOOM_STEPS above (direction 1) or below (-1) `zoom`. */
export function zoomStep(zoom: number, direction: 1 | -1): number {
  const eps = 1e-6;
  if (direction > 0) return ZOOM_STEPS.find((s) => s > zoom + eps) ?? MAX_ZOOM;
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i--) if (ZOOM_STEPS[i] < zoom - eps) return ZOOM_STEPS[i];
  return MIN_ZOOM;
}

/** Wheel deltas in pixels, whatever the event's deltaMode (0 pixels, 1 lines, 2 pages). */
export function normalizeWheelDelta(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === 1) return delta * 16;
  if (deltaMode === 2) return delta * pageSize;
  return delta;
}

/**
 * Zoom factor for a ctrl/cmd+wheel or trackpad pinch delta (in pixels). Exponential so that zooming in
 * and back out by the same delta returns to the same zoom; one mouse-wheel notch (~100px) ≈ 18%.
 */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(-clamp(deltaY, -100, 100) / 500);
}

/** The part of the board visible in a viewport of the given size, in board coordinates. */
export function visibleRect(cam: Camera, viewport: Size): Rect {
  const topLeft = screenToBoard({ x: 0, y: 0 }, cam);
  return { x: topLeft.x, y: topLeft.y, w: viewport.w / cam.zoom, h: viewport.h / cam.zoom };
}

export function expandRect(r: Rect, margin: number): Rect {
  return { x: r.x - margin, y: r.y - margin, w: r.w + 2 * margin, h: r.h + 2 * margin };
}

/** True when the rectangles overlap or touch (touching counts, so an item on the edge stays mounted). */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** True when `p` is inside `r` (edges included). */
export function rectContainsPoint(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

/** True when `inner` lies entirely inside `outer`. */
export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

export function rectCenter(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** An item as geometry sees it: an id, its rectangle and its stacking order. */
export interface PlacedRect {
  id: string;
  rect: Rect;
  z: number;
}

/** Ids of the items whose rectangle intersects `view` (viewport culling), in input order. */
export function cullRects(items: Iterable<PlacedRect>, view: Rect): string[] {
  const out: string[] = [];
  for (const it of items) if (rectsIntersect(it.rect, view)) out.push(it.id);
  return out;
}

/** The front-most item under `p` (highest z; on a tie, the later one, as it is painted later), or null. */
export function hitTest(items: Iterable<PlacedRect>, p: Point): string | null {
  let best: PlacedRect | null = null;
  for (const it of items) if (rectContainsPoint(it.rect, p) && (!best || it.z >= best.z)) best = it;
  return best ? best.id : null;
}

/** The smallest rectangle containing all `rects`, or null if there are none. */
export function boundsOfRects(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/**
 * The rectangle after dragging its bottom-right corner by (dw, dh) board units. Width and height never
 * go below `min` (nor above `max`); the top-left corner stays where it is.
 */
export function resizeFromCorner(r: Rect, dw: number, dh: number, min: number, max = Infinity): Rect {
  return { x: r.x, y: r.y, w: clamp(r.w + dw, min, max), h: clamp(r.h + dh, min, max) };
}

/**
 * `pos` moved diagonally by `step` until no rectangle in `taken` has its top-left corner within
 * step/2 of it, so that items added at the same spot (mid-view, one after another) never hide each
 * other exactly. Gives up after `maxTries` steps.
 */
export function avoidStacking(pos: Point, taken: Iterable<Rect>, step = 24, maxTries = 50): Point {
  const corners = Array.from(taken, (r) => ({ x: r.x, y: r.y }));
  let p = pos;
  for (let i = 0; i < maxTries; i++) {
    const clash = corners.some((c) => Math.abs(c.x - p.x) < step / 2 && Math.abs(c.y - p.y) < step / 2);
    if (!clash) return p;
    p = { x: p.x + step, y: p.y + step };
  }
  return p;
}

/** A camera at `zoom` with board point `p` in the middle of the viewport. */
export function centerCameraOn(p: Point, viewport: Size, zoom: number): Camera {
  const z = clampZoom(zoom);
  return { x: viewport.w / 2 - p.x * z, y: viewport.h / 2 - p.y * z, zoom: z };
}

/**
 * A camera showing all of `r` with `padding` screen pixels around it, centred, never zoomed in beyond
 * `maxZoom` (so that fitting one small note does not blow it up to 400%).
 */
export function fitCameraToRect(r: Rect, viewport: Size, padding = 48, maxZoom = 1): Camera {
  const availW = Math.max(1, viewport.w - 2 * padding);
  const availH = Math.max(1, viewport.h - 2 * padding);
  const zoom = Math.min(maxZoom, availW / Math.max(r.w, 1), availH / Math.max(r.h, 1));
  return centerCameraOn(rectCenter(r), viewport, zoom);
}

/**
 * The camera panned just enough that `r` (board coordinates) is inside the viewport with `padding`
 * pixels to spare; unchanged if it already is. A rect larger than the viewport gets its top-left shown.
 */
export function panToShowRect(cam: Camera, r: Rect, viewport: Size, padding = 24): Camera {
  const tl = boardToScreen({ x: r.x, y: r.y }, cam);
  const br = boardToScreen({ x: r.x + r.w, y: r.y + r.h }, cam);
  const shift = (lo: number, hi: number, size: number) => {
    if (hi - lo > size - 2 * padding || lo < padding) return padding - lo;
    if (hi > size - padding) return size - padding - hi;
    return 0;
  };
  const dx = shift(tl.x, br.x, viewport.w);
  const dy = shift(tl.y, br.y, viewport.h);
  return dx === 0 && dy === 0 ? cam : panCamera(cam, dx, dy);
}

/** Two touch points of a pinch: their midpoint and distance, in screen pixels. */
export interface Pinch {
  center: Point;
  distance: number;
}

export function pinchOf(a: Point, b: Point): Pinch {
  return { center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
}

/**
 * The camera after a two-finger gesture went from `prev` to `next`: zoom by the change in finger
 * distance around the old midpoint, then pan by the midpoint's movement, so the content stays under
 * the fingers.
 */
export function pinchCamera(cam: Camera, prev: Pinch, next: Pinch): Camera {
  const ratio = prev.distance > 0 && next.distance > 0 ? next.distance / prev.distance : 1;
  const zoomed = zoomCameraAt(cam, prev.center, cam.zoom * ratio);
  return panCamera(zoomed, next.center.x - prev.center.x, next.center.y - prev.center.y);
}

/** The dotted background for a camera: dot spacing and offset in screen pixels. */
export interface DotGrid {
  size: number;
  x: number;
  y: number;
}

/**
 * The background dots move and scale with the camera. When zoomed out far, the board spacing doubles
 * (24, 48, 96… units) so the dots never get closer than `minGap` pixels and the canvas stays calm.
 */
export function dotGrid(cam: Camera, base = 24, minGap = 12): DotGrid {
  let step = base;
  while (step * cam.zoom < minGap) step *= 2;
  const size = step * cam.zoom;
  const mod = (v: number) => ((v % size) + size) % size;
  return { size, x: mod(cam.x), y: mod(cam.y) };
}
