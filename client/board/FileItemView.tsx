/**
 * How uploaded files look: an image is shown by the browser, scaled into the item box; a PDF is a
 * card with an icon, its name and size, and a download link. Both come from GET /api/files/:sha256,
 * which only members of a community that has the file can read.
 */
import type { BoardItemFields } from '../../shared/doc/layout.ts';
import { formatBytes } from '../../shared/board/itemLabel.ts';

/** The URL of an uploaded file's content. */
export function fileUrl(sha256: string): string {
  return `/api/files/${encodeURIComponent(sha256)}`;
}

/** The content of an image item. */
export function ImageView({ item }: { item: BoardItemFields }) {
  if (!item.sha256) return <p className="board-item__placeholder">Image unavailable</p>;
  return <img className="board-image" src={fileUrl(item.sha256)} alt={item.text || 'Image'} draggable={false} decoding="async" loading="lazy" />;
}

/** The content of a file item: a card for a PDF (or any other non-image file). */
export function FileCardView({ item }: { item: BoardItemFields }) {
  const isPdf = item.mime === 'application/pdf';
  return (
    <div className="board-file">
      <svg className="board-file__icon" viewBox="0 0 32 40" width="32" height="40" aria-hidden="true">
        <path d="M2 2h20l8 8v28H2z" />
        <path d="M22 2v8h8" />
        {isPdf && (
          <text x="16" y="31" textAnchor="middle">
            PDF
          </text>
        )}
      </svg>
      <div className="board-file__body">
        <p className="board-file__name">{item.text || 'Untitled file'}</p>
        <p className="board-file__meta">
          {isPdf ? 'PDF · ' : ''}
          {formatBytes(item.bytes ?? 0)}
          {item.sha256 && (
            <>
              {' · '}
              <a href={fileUrl(item.sha256)} download={item.text || undefined} draggable={false}>
                Download<span className="board-sr-only"> {item.text}</span>
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
