/**
 * How a freehand stroke looks: its pressure-aware outline (strokeOutline.ts) as one filled SVG path. The
 * path is computed once per change of the points; a resized stroke scales (the viewBox is the stroke's
 * natural box). The box around the ink lets pointer events through; only the ink is hit.
 */
import { useMemo } from 'react';
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import { cleanColor } from './boardOps.ts';
import { outlineToSvgPath, strokeBox, strokeOutline } from '../../shared/board/strokeOutline.ts';

/** The content of a stroke item. */
export function StrokeView({ item }: { item: BoardItemFields }) {
  const points = item.points ?? [];
  const size = item.strokeWidth ?? 4;
  const { d, box } = useMemo(() => {
    const style = { size, thinning: 0.6 };
    return { d: outlineToSvgPath(strokeOutline(points, style)), box: strokeBox(points, style) };
  }, [points, size]);
  return (
    <svg className="board-stroke" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="none" aria-hidden="true">
      <path className="board-stroke__ink" d={d} fill={cleanColor(item.color, 'stroke')} />
    </svg>
  );
}
