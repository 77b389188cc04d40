/** Opening an invite link: says what it does, and on "Accept" joins the community and goes to it. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CommunityDto } from '../../shared/api/schemas.ts';
import { api, ApiError } from '../api/http.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../app/useMe.tsx';
import { Button, buttonClass } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useToast } from '../components/Toast.tsx';

/** The /invite/:code page. Accepting is a deliberate click, never automatic on load (links get prefetched). */
export function InvitePage({ code }: { code: string }) {
  useDocumentTitle('Accept invitation');
  const { me } = useMe();
  const [, navigate] = useLocation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const accept = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const c = await api.post<CommunityDto>(`/api/invites/${encodeURIComponent(code)}/accept`);
      toast(`Welcome to ${c.name}.`);
      navigate(`/c/${encodeURIComponent(c.id)}`, { replace: true });
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const dead = failure instanceof ApiError && (failure.code === 'not_found' || failure.code === 'conflict');
  return (
    <div className="page page--narrow">
      <div className="card auth-card">
        <h1>You have been invited</h1>
        <p>
          Someone invited you to join their community on Commonplace. Accept to become a member
          {me ? (
            <>
              {' '}
              as <strong>{me.name}</strong>
            </>
          ) : null}
          .
        </p>
        {failure !== null && (
          <ErrorBanner error={failure} title={dead ? 'This invite link no longer works.' : 'The invitation could not be accepted.'}>
            {dead && <p>Invite links expire. Ask the person who invited you for a new one.</p>}
          </ErrorBanner>
        )}
        <div className="form-actions">
          <Link href="/" className={buttonClass('ghost')}>
            Not now
          </Link>
          <Button variant="primary" onClick={accept} loading={busy} disabled={dead}>
            {busy ? 'Joining…' : 'Accept invitation'}
          </Button>
        </div>
      </div>
    </div>
  );
}
