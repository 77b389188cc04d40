/**
 * How a link card looks: the site's host and an editable title. Only an http(s) URL becomes a real
 * link (new tab, no opener, no referrer); anything else a document may hold is shown as plain text.
 */
import { safeHttpUrl, type BoardItemFields } from '../../shared/doc/layout.ts';

/** The content of a link card. */
export function LinkCard({ item }: { item: BoardItemFields }) {
  const url = safeHttpUrl(item.url);
  const title = item.text || url?.host || item.url || 'Untitled link';
  return (
    <div className="board-link">
      <p className="board-link__host">{url ? url.host : 'Not a web address'}</p>
      {url ? (
        // draggable=false: the card is moved by pointer events, not by the browser's link dragging.
        <a className="board-link__title" href={url.href} target="_blank" rel="noopener noreferrer" draggable={false}>
          {title}
          <span className="board-sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <p className="board-link__title board-link__title--plain">{title}</p>
      )}
    </div>
  );
}
