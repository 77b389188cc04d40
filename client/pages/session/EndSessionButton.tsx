/**
 * "End session" for hosts and facilitators: after a confirmation, the server writes the session's
 * summary into the knowledge base (once; ending again shows the same one) and the page opens it.
 */
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { SessionSummaryResponse } from '../../../shared/knowledge/actions.ts';
import { summaryHref } from '../../../shared/knowledge/focus.ts';
import { api, errorMessage } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';

export function EndSessionButton({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, navigate] = useLocation();

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post<SessionSummaryResponse>(`/api/sessions/${encodeURIComponent(sessionId)}/end`);
      setOpen(false);
      navigate(summaryHref(sessionId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        End session
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="End this session?"
        description="A summary (agenda, decisions, actions, top-voted board items, new resources and a picture of the board) is written into the community’s knowledge base as things are now."
      >
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
            Keep going
          </Button>
          <Button variant="primary" onClick={() => void end()} loading={busy}>
            End and write the summary
          </Button>
        </div>
      </Dialog>
    </>
  );
}
