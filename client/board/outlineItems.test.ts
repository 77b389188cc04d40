import { describe, expect, it } from 'vitest';
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import { outlineRows } from './outlineItems.ts';

const item = (id: string, type: BoardItemFields['type'], x: number, y: number, text = '', extra: Partial<BoardItemFields> = {}): BoardItemFields => ({
  id,
  type,
  x,
  y,
  w: 100,
  h: 100,
  text,
  color: '',
  z: 0,
  createdBy: '',
  createdAt: 0,
  ...extra,
});

describe('outlineRows', () => {
  const items = [
    item('b', 'sticky', 300, 0, 'Second'),
    item('a', 'sticky', 0, 0, 'First'),
    item('c', 'shape', 0, 200, 'Plan', { shape: 'ellipse' }),
    item('f', 'frame', 0, 0, 'Ideas'),
    item('k', 'connector', 0, 0, '', { from: 'a', to: 'c' }),
  ];
  it('lists every item by its accessible name in reading order, frames first', () => {
    expect(outlineRows(items, '').rows.map((r) => r.label)).toEqual([
      'Frame: Ideas',
      'Sticky note: First',
      'Arrow from Sticky note: First to Ellipse: Plan',
      'Sticky note: Second',
      'Ellipse: Plan',
    ]);
  });
  it('filters by every typed word and caps the list', () => {
    expect(outlineRows(items, 'sticky SEC').rows.map((r) => r.id)).toEqual(['b']);
    const capped = outlineRows(items, 'sticky', 1);
    expect(capped.rows).toHaveLength(1);
    expect(capped.matched).toBe(3);
  });
});
