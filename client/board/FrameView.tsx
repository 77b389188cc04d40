/**
 * How a frame looks: a titled area behind the items on it. Only its title and border take the pointer,
 * so a marquee or a click inside a frame reaches the canvas and the items on it.
 */
import type { ReactNode } from 'react';
import type { BoardItemFields } from '../../shared/doc/layout.ts';

/** The content of a frame item; `editor` replaces the title while it is being renamed. */
export function FrameView({ item, editor }: { item: BoardItemFields; editor?: ReactNode }) {
  return (
    <>
      <svg className="board-frame__border" viewBox={`0 0 ${item.w} ${item.h}`} preserveAspectRatio="none" aria-hidden="true">
        <rect x="0" y="0" width={item.w} height={item.h} vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="board-frame__title">{editor ?? <span>{item.text || 'Untitled frame'}</span>}</div>
    </>
  );
}
