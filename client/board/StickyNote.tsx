/** How a sticky note looks: its text on its colour. The colour is set on the item frame (BoardItem). */
import type { BoardItemFields } from '../../shared/doc/layout.ts';

/** The content of a sticky note. Text is rendered as text (pre-wrap), never as HTML. */
export function StickyNote({ item }: { item: BoardItemFields }) {
  return (
    <div className="board-sticky">
      {item.text ? <p className="board-sticky__text">{item.text}</p> : <p className="board-item__placeholder">Empty note</p>}
    </div>
  );
}
