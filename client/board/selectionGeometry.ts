/**
 * Geometry of selecting and moving many items: the marquee (which items a dragged rectangle selects),
 * frame membership (which items move with a frame), the set a drag moves, and grid snapping. Pure.
 */
import type { BoardItemType } from '../../shared/doc/layout.ts';
import { rectContainsRect, rectsIntersect, type PlacedRect, type Point, type Rect } from '../../shared/board/geometry.ts';

/** An item as selection sees it. */
export interface TypedRect extends PlacedRect {
  type: BoardItemType;
}

/** The spacing of the snapping grid, in board units (the background dots' base spacing). */
export const GRID_SIZE = 24;

/** The rectangle spanned by two corners, whichever way the drag went. */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/**
 * The items a marquee selects: those it touches, except frames and connectors, which it must contain
 * whole (so dragging a marquee inside a frame selects the notes on it, not the frame; and a long arrow
 * is not caught by its bounding box). Input order is kept.
 */
export function marqueeSelect(items: Iterable<TypedRect>, marquee: Rect): string[] {
  const out: string[] = [];
  for (const it of items) {
    const whole = it.type === 'frame' || it.type === 'connector';
    if (whole ? rectContainsRect(marquee, it.rect) : rectsIntersect(marquee, it.rect)) out.push(it.id);
  }
  return out;
}

/**
 * The items that belong to `frame`: every item but connectors (which follow their ends anyway) whose
 * rectangle lies entirely inside the frame's. Membership is geometric, recomputed whenever needed, so
 * dropping a note onto a frame adds it and dragging it out removes it.
 */
export function frameMembers(frame: PlacedRect, items: Iterable<TypedRect>): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.id === frame.id || it.type === 'connector') continue;
    if (rectContainsRect(frame.rect, it.rect)) out.push(it.id);
  }
  return out;
}

/**
 * What a drag of `selected` moves: the selected items plus the members of every selected frame
 * (members of nested frames are inside the outer frame too). Connectors are left out: they are drawn
 * from their ends. Selected ids not in `items` are ignored.
 */
export function itemsToMove(selected: Iterable<string>, items: readonly TypedRect[]): string[] {
  const byId = new Map(items.map((it) => [it.id, it]));
  const out = new Set<string>();
  for (const id of selected) {
    const it = byId.get(id);
    if (!it || it.type === 'connector') continue;
    out.add(id);
    if (it.type === 'frame') for (const m of frameMembers(it, items)) out.add(m);
  }
  return [...out];
}

/** `v` rounded to the nearest multiple of `grid`. */
export function snapToGrid(v: number, grid = GRID_SIZE): number {
  return Math.round(v / grid) * grid + 0; // + 0: no negative zero
}

/**
 * The drag delta adjusted so that the item that was grabbed (at `origin`) lands with its top-left
 * corner on the grid; the rest of a multi-selection moves by the same delta, keeping its layout.
 */
export function snapDelta(origin: Point, dx: number, dy: number, grid = GRID_SIZE): Point {
  return { x: snapToGrid(origin.x + dx, grid) - origin.x, y: snapToGrid(origin.y + dy, grid) - origin.y };
}
