/**
 * Arranging a selection: aligning items to the edges or centre of their bounds, and bringing them to
 * the front or sending them to the back while keeping their order among themselves. Pure: returns the
 * new values, boardOps writes them.
 */
import { boundsOfRects, type PlacedRect, type Point } from '../../shared/board/geometry.ts';

export const ALIGN_MODES = ['left', 'center', 'right', 'top', 'middle', 'bottom'] as const;
export type AlignMode = (typeof ALIGN_MODES)[number];

/**
 * New top-left corners for `items` aligned by `mode` within their common bounds (left edges to the
 * leftmost edge, centres to the bounds' centre, and so on). Items already in place are left out.
 */
export function alignPositions(items: readonly PlacedRect[], mode: AlignMode): Map<string, Point> {
  const out = new Map<string, Point>();
  const b = boundsOfRects(items.map((i) => i.rect));
  if (!b || items.length < 2) return out;
  for (const { id, rect: r } of items) {
    let { x, y } = r;
    if (mode === 'left') x = b.x;
    else if (mode === 'center') x = b.x + b.w / 2 - r.w / 2;
    else if (mode === 'right') x = b.x + b.w - r.w;
    else if (mode === 'top') y = b.y;
    else if (mode === 'middle') y = b.y + b.h / 2 - r.h / 2;
    else y = b.y + b.h - r.h;
    if (x !== r.x || y !== r.y) out.set(id, { x, y });
  }
  return out;
}

/**
 * New z values putting `selected` in front of every other item (`direction` 1) or behind them (-1),
 * keeping the selection's own order. Empty when the selection already is there (no write, no undo step).
 */
export function restackZ(selected: readonly PlacedRect[], others: Iterable<PlacedRect>, direction: 1 | -1): Map<string, number> {
  const out = new Map<string, number>();
  if (selected.length === 0) return out;
  const ids = new Set(selected.map((s) => s.id));
  let max = -Infinity;
  let min = Infinity;
  for (const o of others) {
    if (ids.has(o.id)) continue;
    max = Math.max(max, o.z);
    min = Math.min(min, o.z);
  }
  const sorted = [...selected].sort((a, b) => a.z - b.z);
  if (max === -Infinity) return out; // nothing else on the board
  if (direction === 1 ? sorted[0].z > max : sorted[sorted.length - 1].z < min) return out;
  sorted.forEach((s, i) => {
    const z = direction === 1 ? max + 1 + i : min - sorted.length + i;
    if (z !== s.z) out.set(s.id, z);
  });
  return out;
}
