/**
 * How a shape looks: its outline (rectangle, ellipse, diamond) filled with its colour, drawn as SVG so the
 * outline is exact at every zoom, and its text centred inside, as text (never HTML).
 */
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import { cleanColor } from './boardOps.ts';
import { shapePath } from '../../shared/board/shapeGeometry.ts';

/** The content of a shape item, filling the item box. */
export function ShapeView({ item }: { item: BoardItemFields }) {
  const kind = item.shape ?? 'rectangle';
  return (
    <div className="board-shape">
      <svg className="board-shape__outline" viewBox={`0 0 ${item.w} ${item.h}`} preserveAspectRatio="none" aria-hidden="true">
        <path d={shapePath(kind, item.w, item.h, 1)} fill={cleanColor(item.color, 'shape')} vectorEffect="non-scaling-stroke" />
      </svg>
      {item.text ? <p className={`board-shape__text board-shape__text--${kind}`}>{item.text}</p> : null}
    </div>
  );
}
