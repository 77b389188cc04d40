/**
 * A connector on the board: an SVG path with an arrow head between two items, computed from their
 * current rectangles (BoardIndex.connectorGeometry), so it follows them as they move — locally or when
 * someone else drags them. Only the line takes the pointer (a wide invisible stroke makes it easy to hit).
 */
import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import type { BoardIndex } from './BoardIndex.ts';
import { useBoardIndex } from './BoardIndexContext.ts';
import { cleanColor } from './boardOps.ts';
import { arrowHead, arrowSize, type ConnectorGeometry } from '../../shared/board/connectorGeometry.ts';
import type { Rect } from '../../shared/board/geometry.ts';

interface Drawn {
  g: ConnectorGeometry;
  rect: Rect;
}

/** The connector's geometry, re-read whenever the index says an end (or the connector) changed. */
function useConnectorGeometry(index: BoardIndex | null, id: string): Drawn | null {
  const cache = useRef<{ version: number; value: Drawn | null } | null>(null);
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!index) return () => {};
      return index.watch(id, () => {
        version.current++;
        notify();
      });
    },
    [index, id],
  );
  const get = () => {
    if (cache.current && cache.current.version === version.current) return cache.current.value;
    const g = index?.connectorGeometry(id) ?? null;
    const entry = index?.get(id);
    const value = g && entry ? { g, rect: entry.rect } : null;
    cache.current = { version: version.current, value };
    return value;
  };
  return useSyncExternalStore(subscribe, get);
}

interface ConnectorViewProps {
  id: string;
  item: BoardItemFields;
  label: string;
  selected: boolean;
}

/** A connector, positioned at its derived bounds. Renders nothing while an end is missing. */
export const ConnectorView = memo(function ConnectorView({ id, item, label, selected }: ConnectorViewProps) {
  const index = useBoardIndex();
  const drawn = useConnectorGeometry(index, id);
  if (!drawn) return null;
  const { g, rect } = drawn;
  const width = item.strokeWidth ?? 2;
  const color = cleanColor(item.color, 'connector');
  const size = arrowSize(width);
  // The head points along the path as it arrives (the last control point, or the start of a straight line).
  const tipFrom = g.c2.x === g.end.x && g.c2.y === g.end.y ? g.start : g.c2;
  const classes = ['board-item', 'board-item--connector'];
  if (selected) classes.push('is-selected');
  return (
    <div
      className={classes.join(' ')}
      style={{ transform: `translate(${rect.x}px, ${rect.y}px)`, width: rect.w, height: rect.h, zIndex: Math.max(-1_000_000, Math.min(Math.round(item.z), 1_000_000)) }}
      data-item-id={id}
      role="group"
      aria-label={label}
      tabIndex={0}
    >
      <svg className="board-connector" width={rect.w} height={rect.h} aria-hidden="true">
        <g transform={`translate(${-rect.x} ${-rect.y})`}>
          <path className="board-connector__hit" d={g.d} strokeWidth={Math.max(12, width + 10)} />
          {selected && <path className="board-connector__halo" d={g.d} strokeWidth={width + 6} />}
          <path className="board-connector__line" d={g.d} stroke={color} strokeWidth={width} />
          <polygon className="board-connector__head" points={arrowHead(g.end, tipFrom, size)} fill={color} />
        </g>
      </svg>
    </div>
  );
});
