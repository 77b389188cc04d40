/**
 * "Import a community" on the directory page: choose a Commonplace export (.zip), see it upload and be
 * created, then land on the new community (you are its host). A refused file says why, in an alert.
 */
import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { Button } from '../../components/Button.tsx';
import { useToast } from '../../components/Toast.tsx';
import { uploadImport } from './uploadImport.ts';
import './directory.css';

/** The import control; `onImported` lets the page refresh its list before navigating. */
export function ImportCommunity({ onImported }: { onImported?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const toast = useToast();

  const start = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      const result = await uploadImport(file, setProgress);
      toast(`Imported ${result.sessions} ${result.sessions === 1 ? 'session' : 'sessions'}. You are the host of the new community.`);
      onImported?.();
      navigate(`/c/${encodeURIComponent(result.communityId)}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The import failed.');
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const busy = progress !== null;
  const label = !busy ? 'Import a community' : progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Creating the community…';

  return (
    <div className="stack stack--sm stack--end import-community">
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void start(file);
        }}
      />
      <Button onClick={() => input.current?.click()} loading={busy} aria-describedby="import-community-hint">
        {label}
      </Button>
      <span id="import-community-hint" className="sr-only">
        Choose a .zip exported from a Commonplace community. It becomes a new community that you host.
      </span>
      {busy && <progress className="import-community__progress" max={1} value={progress < 1 ? progress : undefined} aria-label="Import progress" />}
      {error && (
        <p className="field__error" role="alert">
          Could not import: {error}
        </p>
      )}
    </div>
  );
}
