import { describe, expect, it } from 'vitest';
import { rectContainsRect } from '../../shared/board/geometry.ts';
import { minimapWorld } from './Minimap.tsx';

describe('minimapWorld', () => {
  it('covers the items and the view with the minimap’s aspect ratio', () => {
    const items = { x: 0, y: 0, w: 1000, h: 200 };
    const view = { x: 2000, y: 0, w: 500, h: 400 };
    const w = minimapWorld(items, view);
    expect(rectContainsRect(w, items)).toBe(true);
    expect(rectContainsRect(w, view)).toBe(true);
    expect(w.w / w.h).toBeCloseTo(200 / 140, 6);
  });
  it('shows just the view on an empty board', () => {
    const view = { x: -500, y: -300, w: 1000, h: 700 };
    const w = minimapWorld(null, view);
    expect(rectContainsRect(w, view)).toBe(true);
    expect(w.w / w.h).toBeCloseTo(200 / 140, 6);
  });
});
