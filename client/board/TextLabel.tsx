/** How a text label looks: free text on the canvas, no card. */
import type { BoardItemFields } from '../../shared/doc/layout.ts';

/** The content of a text label. */
export function TextLabel({ item }: { item: BoardItemFields }) {
  return (
    <div className="board-text">
      {item.text ? <p className="board-text__text">{item.text}</p> : <p className="board-item__placeholder">Text</p>}
    </div>
  );
}
