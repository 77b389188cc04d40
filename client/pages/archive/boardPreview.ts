/** Geometry of the archive's static board overview: the area the items cover and the connectors' ends. */
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';

/** Margin around the items, in board units. */
const PADDING = 40;

/** The SVG viewBox covering every positioned item (connectors have no position of their own), or null. */
export function previewViewBox(items: readonly BoardEntry[]): { x: number; y: number; w: number; h: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const it of items) {
    if (it.type === 'connector') continue;
    minX = Math.min(minX, it.x);
    minY = Math.min(minY, it.y);
    maxX = Math.max(maxX, it.x + it.w);
    maxY = Math.max(maxY, it.y + it.h);
  }
  if (!Number.isFinite(minX)) return null;
  return { x: minX - PADDING, y: minY - PADDING, w: maxX - minX + 2 * PADDING, h: maxY - minY + 2 * PADDING };
}

/** A connector's line from the centre of one item to the centre of the other, if both exist. */
export function connectorLine(c: BoardEntry, byId: ReadonlyMap<string, BoardEntry>): { x1: number; y1: number; x2: number; y2: number } | null {
  const a = c.from ? byId.get(c.from) : undefined;
  const b = c.to ? byId.get(c.to) : undefined;
  if (!a || !b) return null;
  return { x1: a.x + a.w / 2, y1: a.y + a.h / 2, x2: b.x + b.w / 2, y2: b.y + b.h / 2 };
}

/** SVG points of a stroke: its flat x, y, pressure array shifted to the stroke's position. */
export function strokePoints(s: BoardEntry): string {
  const p = s.points ?? [];
  const out: string[] = [];
  for (let i = 0; i + 2 < p.length; i += 3) out.push(`${s.x + p[i]},${s.y + p[i + 1]}`);
  return out.join(' ');
}
