/**
 * The archive's export buttons: the session as Markdown, the board as SVG (drawn by the server, images
 * embedded) and as PNG (that same SVG rasterised in the browser, as the live board's export does).
 * Each button shows its own progress; a failure is said in an alert next to them.
 */
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../api/http.ts';
import { download, fetchDownload } from '../../app/fetchDownload.ts';
import { svgToPng } from '../../board/exportBoard.ts';
import { svgSize } from './svgSize.ts';

type Kind = 'markdown' | 'svg' | 'png';

/** Download buttons for session `sessionId`; `baseName` names files when the server gives no name. */
export function ArchiveExports({ sessionId, baseName }: { sessionId: string; baseName: string }) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;

  const run = async (kind: Kind) => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'markdown') {
        const { blob, name } = await fetchDownload(`${base}/export.md`);
        download(blob, name ?? `${baseName}.md`);
      } else {
        const { blob, name } = await fetchDownload(`${base}/board.svg`);
        const svgName = name ?? `${baseName}-board.svg`;
        if (kind === 'svg') download(blob, svgName);
        else {
          const svg = await blob.text();
          const size = svgSize(svg);
          if (!size) throw new Error('The board image could not be read.');
          const png = await svgToPng(svg, size.width, size.height);
          download(png.blob, svgName.replace(/\.svg$/, '.png'));
        }
      }
    } catch (err) {
      // ApiErrors carry the server's message; a browser that cannot rasterise says why in its Error.
      setError(err instanceof Error ? err.message : errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="stack stack--sm archive-exports">
      <div className="cluster" role="group" aria-label="Export this session">
        <Button size="sm" onClick={() => void run('markdown')} loading={busy === 'markdown'} disabled={busy !== null}>
          Download Markdown
        </Button>
        <Button size="sm" onClick={() => void run('svg')} loading={busy === 'svg'} disabled={busy !== null}>
          Board as SVG
        </Button>
        <Button size="sm" onClick={() => void run('png')} loading={busy === 'png'} disabled={busy !== null}>
          Board as PNG
        </Button>
      </div>
      {error && (
        <p className="archive-exports__error" role="alert">
          Could not export: {error}
        </p>
      )}
    </div>
  );
}
