/**
 * The board's own index of its items: id → (Y.Map, rectangle, z, type), kept current by observing the
 * board map shallowly (items added/removed) and each item map for what drawing needs (geometry, type,
 * shape, colour, connector ends). Connectors get their rectangle from their ends, and are recomputed
 * whenever an end moves. It also does the viewport culling, so the Board component re-renders only when
 * the set of mounted items changes; everything else (connectors, the minimap, the outline, the
 * level-of-detail canvas) subscribes to the finer notifications it needs.
 */
import * as Y from 'yjs';
import { readBoardItem, type BoardItemFields, type BoardItemType, type ShapeKind } from '../../shared/doc/layout.ts';
import { connectorBounds, connectorGeometry, type ConnectorGeometry } from '../../shared/board/connectorGeometry.ts';
import { boundsOfRects, rectsIntersect, type PlacedRect, type Rect } from '../../shared/board/geometry.ts';

/** What the Board renders: the ids of the items to mount (in a stable order) and the total count. */
export interface BoardIndexSnapshot {
  readonly ids: readonly string[];
  readonly count: number;
}

/** One indexed item. */
export interface BoardIndexEntry extends PlacedRect {
  map: Y.Map<unknown>;
  type: BoardItemType;
  shape?: ShapeKind;
  color: string;
  visible: boolean;
  /** Connectors only: what they join. `rect` is derived from the ends; `detached` when an end is missing. */
  link?: Pick<BoardItemFields, 'from' | 'to' | 'fromAnchor' | 'toAnchor' | 'strokeWidth'>;
  detached?: boolean;
}

type Entry = BoardIndexEntry & { off: () => void };

/** Keys whose change concerns the index (text does not: items render their own text). */
const WATCHED_KEYS = ['x', 'y', 'w', 'h', 'z', 'type', 'shape', 'color', 'points', 'from', 'to', 'fromAnchor', 'toAnchor', 'strokeWidth'];
const EMPTY_RECT: Rect = { x: 0, y: 0, w: 0, h: 0 };

export class BoardIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly watchers = new Map<string, Set<() => void>>();
  /** item id → connectors attached to it. */
  private readonly dependents = new Map<string, Set<string>>();
  private view: Rect | null = null;
  private snapshot: BoardIndexSnapshot = { ids: [], count: 0 };
  private dirty = true;
  private changes = 0;

  constructor(private readonly board: Y.Map<Y.Map<unknown>>) {
    for (const [id, map] of board.entries()) this.add(id, map);
    for (const e of this.entries.values()) if (e.link) this.relink(e);
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

  /** Every item's id, rectangle, z and type (for hit testing, fitting, the minimap). */
  all(): Iterable<BoardIndexEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The rectangle around all items (detached connectors aside), or null for an empty board. */
  bounds(): Rect | null {
    const rects: Rect[] = [];
    for (const e of this.entries.values()) if (!e.detached) rects.push(e.rect);
    return boundsOfRects(rects);
  }

  /** The highest z on the board (0 when empty). */
  maxZ(): number {
    let max = 0;
    for (const e of this.entries.values()) max = Math.max(max, e.z);
    return max;
  }

  /** A connector's current path, from its ends' current rectangles; null if it is not a connector or an end is missing. */
  connectorGeometry(id: string): ConnectorGeometry | null {
    const e = this.entries.get(id);
    if (!e?.link) return null;
    const from = e.link.from ? this.entries.get(e.link.from) : undefined;
    const to = e.link.to ? this.entries.get(e.link.to) : undefined;
    if (!from || !to || from.link || to.link) return null;
    return connectorGeometry(
      { rect: from.rect, shape: from.shape, anchor: e.link.fromAnchor ?? 'auto' },
      { rect: to.rect, shape: to.shape, anchor: e.link.toAnchor ?? 'auto' },
    );
  }

  /** For the mounted set (useSyncExternalStore): notified when the culled set or the count changes. */
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

  /** Notified after any indexed change (an item added, removed, moved, restyled). For overviews. */
  subscribeChanges = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /** A counter that grows with every indexed change (a useSyncExternalStore snapshot for overviews). */
  getChangeCount = (): number => this.changes;

  /** Notified when item `id` changes geometry, appears or disappears (for a connector: when an end does). */
  watch(id: string, listener: () => void): () => void {
    let set = this.watchers.get(id);
    if (!set) this.watchers.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.watchers.delete(id);
    };
  }

  destroy(): void {
    this.board.unobserve(this.onBoardChange);
    for (const e of this.entries.values()) e.off();
    this.entries.clear();
    this.listeners.clear();
    this.changeListeners.clear();
    this.watchers.clear();
    this.dependents.clear();
  }

  private onBoardChange = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    const touched: string[] = [];
    for (const id of event.keysChanged) {
      this.remove(id);
      const map = this.board.get(id);
      if (map) this.add(id, map);
      touched.push(id);
    }
    for (const id of touched) {
      const e = this.entries.get(id);
      if (e?.link) this.relink(e);
    }
    for (const id of touched) this.afterGeometryChange(id);
    this.invalidate();
    this.changed();
  };

  private add(id: string, map: unknown) {
    // A malformed document (a stock client writing something else) must not break the board.
    if (!(map instanceof Y.Map)) return;
    const onItemChange = (event: Y.YMapEvent<unknown>) => {
      if (!WATCHED_KEYS.some((k) => event.keysChanged.has(k))) return;
      const wasLinked = !!entry.link;
      this.read(entry);
      if (entry.link || wasLinked) this.relink(entry);
      const visChanged = this.updateVisibility(entry);
      this.afterGeometryChange(id);
      if (visChanged) this.invalidate();
      this.changed();
    };
    const entry: Entry = { id, map, rect: EMPTY_RECT, z: 0, type: 'sticky', color: '', visible: false, off: () => map.unobserve(onItemChange) };
    this.read(entry);
    this.updateVisibility(entry);
    map.observe(onItemChange);
    this.entries.set(id, entry);
  }

  private read(entry: Entry) {
    const item = readBoardItem(entry.map);
    entry.rect = { x: item.x, y: item.y, w: item.w, h: item.h };
    entry.z = item.z;
    entry.type = item.type;
    entry.shape = item.shape;
    entry.color = item.color;
    entry.link =
      item.type === 'connector'
        ? { from: item.from, to: item.to, fromAnchor: item.fromAnchor, toAnchor: item.toAnchor, strokeWidth: item.strokeWidth }
        : undefined;
  }

  private remove(id: string) {
    const e = this.entries.get(id);
    if (!e) return;
    e.off();
    this.entries.delete(id);
    if (e.link) this.unregister(e);
  }

  /** Registers a connector with its ends (or unregisters a former one) and derives its rectangle. */
  private relink(e: Entry) {
    this.unregister(e);
    if (!e.link) {
      e.detached = undefined;
      return;
    }
    for (const end of [e.link.from, e.link.to]) {
      if (!end) continue;
      let set = this.dependents.get(end);
      if (!set) this.dependents.set(end, (set = new Set()));
      set.add(e.id);
    }
    this.deriveConnectorRect(e);
    this.updateVisibility(e);
  }

  private unregister(e: Entry) {
    for (const [end, set] of this.dependents) {
      if (set.delete(e.id) && set.size === 0) this.dependents.delete(end);
    }
  }

  private deriveConnectorRect(e: Entry) {
    const g = this.connectorGeometry(e.id);
    e.detached = !g;
    e.rect = g ? connectorBounds(g, e.link?.strokeWidth ?? 2) : EMPTY_RECT;
  }

  /** Tells watchers of `id` and re-derives the connectors attached to it. */
  private afterGeometryChange(id: string) {
    this.notifyWatchers(id);
    const deps = this.dependents.get(id);
    if (!deps) return;
    let visChanged = false;
    for (const cid of deps) {
      const c = this.entries.get(cid);
      if (!c) continue;
      this.deriveConnectorRect(c);
      visChanged = this.updateVisibility(c) || visChanged;
      this.notifyWatchers(cid);
    }
    if (visChanged) this.invalidate();
  }

  private notifyWatchers(id: string) {
    const set = this.watchers.get(id);
    if (set) for (const l of [...set]) l();
  }

  /** Recomputes one entry's visibility; true if it changed. Detached connectors are never mounted. */
  private updateVisibility(e: BoardIndexEntry): boolean {
    const visible = !e.detached && (this.view === null || rectsIntersect(e.rect, this.view));
    if (visible === e.visible) return false;
    e.visible = visible;
    return true;
  }

  private invalidate() {
    this.dirty = true;
    for (const l of this.listeners) l();
  }

  private changed() {
    this.changes++;
    for (const l of this.changeListeners) l();
  }
}
