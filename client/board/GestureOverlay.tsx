/**
 * What a gesture in progress draws over the board: the marquee, the ink of a stroke being drawn, the
 * arrow being dragged out of an item. Kept in a tiny store the gesture writes to and only this overlay
 * reads, so a pointer move re-renders the overlay and nothing else.
 */
import { useSyncExternalStore } from 'react';
import { cleanColor } from './boardOps.ts';
import { arrowHead, arrowSize } from '../../shared/board/connectorGeometry.ts';
import { boundsOfRects, expandRect, type Point, type Rect } from '../../shared/board/geometry.ts';
import { outlineToSvgPath, strokeBounds, strokeOutline } from '../../shared/board/strokeOutline.ts';

/** The overlay's state, in board coordinates. */
export interface OverlayState {
  marquee?: Rect;
  /** Absolute flat x, y, pressure points of the stroke being drawn. */
  pen?: { points: number[]; color: string; size: number };
  /** An arrow being dragged from an item's outline towards the pointer (or a target item). */
  connector?: { from: Point; to: Point; hasTarget: boolean; targetRect?: Rect };
}

/** A store of OverlayState with useSyncExternalStore's subscribe/get. */
export class OverlayStore {
  private state: OverlayState = {};
  private readonly listeners = new Set<() => void>();

  set(next: OverlayState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  clear(): void {
    if (this.state.marquee || this.state.pen || this.state.connector) this.set({});
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  get = (): OverlayState => this.state;
}

/** The board rectangle the overlay draws in. */
function overlayBounds(s: OverlayState): Rect {
  const rects: Rect[] = [];
  if (s.marquee) rects.push(s.marquee);
  if (s.pen) rects.push(strokeBounds(s.pen.points, { size: s.pen.size, thinning: 0.6 }) ?? { x: 0, y: 0, w: 0, h: 0 });
  if (s.connector) {
    const { from, to, targetRect } = s.connector;
    rects.push({ x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w: Math.abs(from.x - to.x), h: Math.abs(from.y - to.y) });
    if (targetRect) rects.push(targetRect);
  }
  return boundsOfRects(rects) ?? { x: 0, y: 0, w: 0, h: 0 };
}

/** Draws the overlay inside the transformed item layer (so its coordinates are board units). */
export function GestureOverlay({ store, zoom }: { store: OverlayStore; zoom: number }) {
  const s = useSyncExternalStore(store.subscribe, store.get);
  if (!s.marquee && !s.pen && !s.connector) return null;
  const line = 1.5 / zoom;
  // The SVG covers what it draws: Chromium does not paint an SVG's overflow inside a composited layer.
  const b = expandRect(overlayBounds(s), 40 / zoom);
  return (
    <svg
      className="board-overlay"
      style={{ left: b.x, top: b.y, width: b.w, height: b.h }}
      viewBox={`${b.x} ${b.y} ${b.w} ${b.h}`}
      aria-hidden="true"
    >
      {s.marquee && (
        <rect className="board-overlay__marquee" x={s.marquee.x} y={s.marquee.y} width={s.marquee.w} height={s.marquee.h} strokeWidth={line} />
      )}
      {s.pen && <path d={outlineToSvgPath(strokeOutline(s.pen.points, { size: s.pen.size, thinning: 0.6 }))} fill={cleanColor(s.pen.color, 'stroke')} />}
      {s.connector && (
        <g className="board-overlay__connector">
          {s.connector.targetRect && (
            <rect
              className="board-overlay__target"
              x={s.connector.targetRect.x}
              y={s.connector.targetRect.y}
              width={s.connector.targetRect.w}
              height={s.connector.targetRect.h}
              strokeWidth={2 / zoom}
            />
          )}
          <line x1={s.connector.from.x} y1={s.connector.from.y} x2={s.connector.to.x} y2={s.connector.to.y} strokeWidth={2} strokeDasharray={s.connector.hasTarget ? undefined : '6 4'} />
          <polygon points={arrowHead(s.connector.to, s.connector.from, arrowSize(2))} />
        </g>
      )}
    </svg>
  );
}
