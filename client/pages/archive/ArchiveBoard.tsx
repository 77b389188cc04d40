/**
 * The board of a session, read-only: a static overview picture and the items as a list in reading
 * order (what each says, links as links). Drawings and arrows without text are only counted.
 */
import { safeHttpUrl } from '../../../shared/doc/layout.ts';
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { ITEM_TYPE_NAMES } from '../../../shared/board/itemLabel.ts';
import { BoardPreview } from './BoardPreview.tsx';
import { PinButton } from './PinButton.tsx';

export interface ArchiveBoardProps {
  items: BoardEntry[];
  onPin?: (item: BoardEntry) => void;
  pinning?: string | null;
}

/** Items worth a line in the list: anything with text, a link, or a file. */
function listed(it: BoardEntry): boolean {
  return it.text.trim() !== '' || !!it.url || it.type === 'image' || it.type === 'file';
}

export function ArchiveBoard({ items, onPin, pinning }: ArchiveBoardProps) {
  if (items.length === 0) return <p className="text-muted">Nothing was put on the board.</p>;
  const shown = items.filter(listed);
  const rest = items.length - shown.length;
  return (
    <div className="archive-board">
      <figure className="archive-board__figure">
        <BoardPreview items={items} />
        <figcaption className="sr-only">Overview of the board: {items.length} items.</figcaption>
      </figure>
      <ul className="archive-board__list">
        {shown.map((it) => {
          const url = it.url ? safeHttpUrl(it.url) : null;
          return (
            <li key={it.id} id={`board-${it.id}`} className={`archive-board__item archive-board__item--${it.type}`}>
              <span className="archive-board__swatch" style={it.type === 'sticky' || it.type === 'shape' ? { background: it.color } : undefined} aria-hidden="true" />
              <div className="archive-board__body">
                <p className="archive-board__type">{ITEM_TYPE_NAMES[it.type] ?? it.type}</p>
                {url ? (
                  <p className="archive-board__text">
                    <a href={url.href} target="_blank" rel="noopener noreferrer nofollow">
                      {it.text || url.host}
                    </a>{' '}
                    <span className="text-muted">({url.host})</span>
                  </p>
                ) : (
                  <p className="archive-board__text">{it.text || <span className="text-muted">No caption</span>}</p>
                )}
              </div>
              {onPin && (it.text.trim() || it.host) ? (
                <PinButton what={it.text || it.host || ''} busy={pinning === `board:${it.id}`} onPin={() => onPin(it)} />
              ) : null}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <p className="text-muted archive-board__rest">
          And {rest} {rest === 1 ? 'drawing or arrow' : 'drawings and arrows'} without text.
        </p>
      )}
    </div>
  );
}
