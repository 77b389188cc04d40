/**
 * The board's own index of its items: id → (Y.Map, rectangle, z), kept current by observing the board
 * map shallowly (items added/removed) and each item map for geometry only. It also does the viewport
 * culling, so the Board component re-renders only when the set of mounted items changes.
 */
import * as Y from 'yjs';
import { readBoardItem } from '../../shared/doc/layout.ts';
import { boundsOfRects, rectsIntersect, type PlacedRect, type Rect } from './geometry.ts';

/** What the Board renders: the ids of the items to mount (in a stable order) and the total count. */
export interface BoardIndexSnapshot {
  readonly ids: readonly string[];
  readonly count: number;
}

/** One indexed item. */
export interface BoardIndexEntry extends PlacedRect {
  map: Y.Map<unknown>;
  visible: boolean;
}

const GEOMETRY_KEYS = ['x', 'y', 'w', 'h', 'z', 'type'];

export class BoardIndex {
  private readonly entries = new Map<string, BoardIndexEntry & { off: () => void }>();
  private readonly listeners = new Set<() => void>();
  private view: Rect | null = null;
  private snapshot: BoardIndexSnapshot = { ids: [], count: 0 };
  private dirty = true;

  constructor(private readonly board: Y.Map<Y.Map<unknown>>) {
    for (const [id, map] of board.entries()) this.add(id, map);
    board.observe(this.onBoardChange);
  }

  /**
   * Viewport culling: only items whose rectangle intersects `view` (board coordinates; the caller adds
   * a margin) are listed in the snapshot. null lists everything. Listeners hear about it only if the
   * listed set actually changes, so panning within the margin costs one O(n) pass and no render.
   */
  setView(view: Rect | null): void {
    this.view = view;
    let changed = false;
    for (const e of this.entries.values()) changed = this.updateVisibility(e) || changed;
    if (changed) this.invalidate();
  }

  get(id: string): BoardIndexEntry | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Every item's id, rectangle and z (for hit testing and fitting). */
  all(): Iterable<BoardIndexEntry> {
    return this.entries.values();
  }

  /** The rectangle around all items, or null for an empty board. */
  bounds(): Rect | null {
    return boundsOfRects(Array.from(this.entries.values(), (e) => e.rect));
  }

  /** The highest z on the board (0 when empty). */
  maxZ(): number {
    let max = 0;
    for (const e of this.entries.values()) max = Math.max(max, e.z);
    return max;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BoardIndexSnapshot => {
    if (this.dirty) {
      const ids: string[] = [];
      for (const [id, e] of this.entries) if (e.visible) ids.push(id);
      this.snapshot = { ids, count: this.entries.size };
      this.dirty = false;
    }
    return this.snapshot;
  };

  destroy(): void {
    this.board.unobserve(this.onBoardChange);
    for (const e of this.entries.values()) e.off();
    this.entries.clear();
    this.listeners.clear();
  }

  private onBoardChange = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    for (const id of event.keysChanged) {
      this.remove(id);
      const map = this.board.get(id);
      if (map) this.add(id, map);
    }
    this.invalidate();
  };

  private add(id: string, map: unknown) {
    // A malformed document (a stock client writing something else) must not break the board.
    if (!(map instanceof Y.Map)) return;
    const item = readBoardItem(map);
    const onItemChange = (event: Y.YMapEvent<unknown>) => {
      if (!GEOMETRY_KEYS.some((k) => event.keysChanged.has(k))) return;
      const next = readBoardItem(map);
      entry.rect = { x: next.x, y: next.y, w: next.w, h: next.h };
      entry.z = next.z;
      if (this.updateVisibility(entry)) this.invalidate();
    };
    const entry = {
      id,
      map,
      rect: { x: item.x, y: item.y, w: item.w, h: item.h },
      z: item.z,
      visible: false,
      off: () => map.unobserve(onItemChange),
    };
    this.updateVisibility(entry);
    map.observe(onItemChange);
    this.entries.set(id, entry);
  }

  private remove(id: string) {
    const e = this.entries.get(id);
    if (!e) return;
    e.off();
    this.entries.delete(id);
  }

  /** Recomputes one entry's visibility; true if it changed. */
  private updateVisibility(e: BoardIndexEntry): boolean {
    const visible = this.view === null || rectsIntersect(e.rect, this.view);
    if (visible === e.visible) return false;
    e.visible = visible;
    return true;
  }

  private invalidate() {
    this.dirty = true;
    for (const l of this.listeners) l();
  }
}
