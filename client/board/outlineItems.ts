/**
 * The outline view's list: every board item with its accessible name, in reading order (top to bottom,
 * then left to right; frames before what is on them), filtered by what a person types. Pure over
 * plain item snapshots, so the order and filtering are unit-tested.
 */
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import { connectorLabel, itemLabel } from '../../shared/board/itemLabel.ts';

/** One row of the outline. */
export interface OutlineRow {
  id: string;
  label: string;
}

/**
 * The rows for `items` whose label contains every word of `filter` (case-insensitive), in reading
 * order, at most `limit` of them, plus how many matched in all.
 */
export function outlineRows(items: readonly BoardItemFields[], filter: string, limit = 200): { rows: OutlineRow[]; matched: number } {
  const byId = new Map(items.map((it) => [it.id, it]));
  const label = (it: BoardItemFields): string => {
    if (it.type !== 'connector') return itemLabel(it);
    const end = (id: string | undefined) => {
      const other = id ? byId.get(id) : undefined;
      return other ? itemLabel(other) : null;
    };
    return connectorLabel(it, end(it.from), end(it.to));
  };
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x || Number(b.type === 'frame') - Number(a.type === 'frame') || a.id.localeCompare(b.id));
  const rows: OutlineRow[] = [];
  let matched = 0;
  for (const it of sorted) {
    const l = label(it);
    const lower = l.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    matched++;
    if (rows.length < limit) rows.push({ id: it.id, label: l });
  }
  return { rows, matched };
}
