/**
 * For hosts: download the whole community as a zip (every session as Markdown, the boards' files and a
 * manifest another Commonplace server can import). Members' accounts are not part of it.
 */
import { useState } from 'react';
import { errorMessage } from '../../api/http.ts';
import { download, fetchDownload } from '../../app/fetchDownload.ts';
import { Button } from '../../components/Button.tsx';

/** The "Export" section of a community page. */
export function ExportSection({ communityId, communityName }: { communityId: string; communityName: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const exportZip = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, name } = await fetchDownload(`/api/communities/${encodeURIComponent(communityId)}/export.zip`);
      download(blob, name ?? `${communityName}.zip`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="text-muted">
        Every session as Markdown, the files on its boards, and a manifest another Commonplace server can import. Members’ accounts are not included.
      </p>
      <Button onClick={() => void exportZip()} loading={busy}>
        {busy ? 'Preparing the export…' : 'Export community (.zip)'}
      </Button>
      {error !== null && (
        <p className="field__error" role="alert">
          Could not export: {errorMessage(error)}
        </p>
      )}
    </section>
  );
}
