/** The uploads in progress (with a progress bar each) and the ones that failed (with why, and a dismiss button). */
import type { UploadState } from './useFileUploads.ts';

/** A small stack of upload rows at the bottom left of the board. */
export function UploadStatus({ uploads, onDismiss }: { uploads: UploadState[]; onDismiss: (key: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="board-uploads" aria-label="Uploads">
      {uploads.map((u) => (
        <li key={u.key} className={u.error ? 'board-upload board-upload--error' : 'board-upload'}>
          <span className="board-upload__name">{u.name}</span>
          {u.error ? (
            <>
              <span className="board-upload__error" role="alert">
                {u.error}
              </span>
              <button type="button" className="tool-button board-button" onClick={() => onDismiss(u.key)} aria-label={`Dismiss the message about ${u.name}`}>
                Dismiss
              </button>
            </>
          ) : (
            <progress className="board-upload__bar" max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />
          )}
        </li>
      ))}
    </ul>
  );
}
