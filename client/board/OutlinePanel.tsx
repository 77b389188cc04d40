/**
 * The board's outline: a list view of every item by its accessible name, for screen-reader and keyboard
 * users (the canvas mounts only what is in view) and for anyone looking for something. Choosing an item
 * selects it, brings it into view and focuses it on the canvas, where Enter edits it. The list follows
 * the document live (re-read at most four times a second), shows up to 200 rows, and filters as you type.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { getBoard, readBoardItem, type BoardItemFields } from '../../shared/doc/layout.ts';
import { outlineRows } from './outlineItems.ts';

/** Reads all items, again whenever the board changes (throttled). */
function useAllItems(doc: Y.Doc): BoardItemFields[] {
  const read = () => Array.from(getBoard(doc).entries(), ([id, map]) => ({ ...readBoardItem(map), id }));
  const [items, setItems] = useState<BoardItemFields[]>(read);
  useEffect(() => {
    const board = getBoard(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setItems(read());
      }, 250);
    };
    board.observeDeep(onChange);
    return () => {
      board.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return items;
}

interface OutlinePanelProps {
  doc: Y.Doc;
  selection: readonly string[];
  onReveal: (id: string) => void;
  onClose: () => void;
}

/** The outline side panel. */
export function OutlinePanel({ doc, selection, onReveal, onClose }: OutlinePanelProps) {
  const items = useAllItems(doc);
  const [filter, setFilter] = useState('');
  const { rows, matched } = useMemo(() => outlineRows(items, filter), [items, filter]);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  return (
    <aside
      className="board-outline"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        // Keys here belong to the panel, not to the board's shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="board-outline__head">
        <h2 id={`${id}-title`} className="board-outline__title">
          Outline
        </h2>
        <button type="button" className="tool-button board-button" onClick={onClose}>
          Close
        </button>
      </div>
      <label className="board-linkform__label" htmlFor={`${id}-filter`}>
        Find items
      </label>
      <input
        ref={input}
        id={`${id}-filter`}
        className="tool-input board-linkform__input"
        type="search"
        autoComplete="off"
        value={filter}
        aria-describedby={`${id}-count`}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p id={`${id}-count`} className="board-outline__count" aria-live="polite">
        {matched === items.length
          ? `${items.length} item${items.length === 1 ? '' : 's'}`
          : `${matched} of ${items.length} items match`}
        {rows.length < matched ? ` — showing the first ${rows.length}, type to narrow` : ''}
      </p>
      <ul className="board-outline__list" aria-label="Board items">
        {rows.map((r) => (
          <li key={r.id}>
            <button type="button" className="board-outline__item" aria-current={selection.includes(r.id) ? 'true' : undefined} onClick={() => onReveal(r.id)}>
              {r.label}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
