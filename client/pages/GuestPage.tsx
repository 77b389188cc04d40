/**
 * The /guest/:token page (issue 4 item 10): what the guest link opens, a display name, then the
 * session itself — only that session (SPEC R15). Joining is a deliberate click (links get prefetched).
 */
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { GuestLinkInfoDto } from '../../shared/api/guestSchemas.ts';
import { ApiError, fieldErrors } from '../api/http.ts';
import { formatDateTime } from '../app/datetime.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { Button } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { SkeletonBlock } from '../components/Spinner.tsx';
import { guestApi } from '../guests/guestApi.ts';
import { GuestAccessEnded } from '../guests/GuestAccessEnded.tsx';

const SessionPage = lazy(() => import('./SessionPage.tsx'));

export function GuestPage({ token }: { token: string }) {
  const [info, setInfo] = useState<GuestLinkInfoDto | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [joinedSession, setJoinedSession] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(info && !joinedSession ? `Join ${info.session.title}` : joinedSession ? null : 'Guest link');

  useEffect(() => {
    const ctl = new AbortController();
    guestApi.info(token, ctl.signal).then(
      (i) => {
        setInfo(i);
        setName(i.accountName ?? '');
        if (i.joined) setJoinedSession(i.joined.sessionId);
      },
      (err: unknown) => !ctl.signal.aborted && setFailure(err),
    );
    return () => ctl.abort();
  }, [token]);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Enter the name others will see.');
    setBusy(true);
    setNameError(null);
    try {
      const { guest } = await guestApi.join(token, trimmed);
      setJoinedSession(guest.sessionId);
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields.name) setNameError(fields.name);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  if (joinedSession) {
    return (
      <Suspense fallback={<div className="page"><SkeletonBlock lines={5} label="Opening the session…" /></div>}>
        <SessionPage sessionId={joinedSession} asGuest />
      </Suspense>
    );
  }
  if (failure instanceof ApiError && failure.code === 'not_found') return <GuestAccessEnded />;
  return (
    <div className="page page--narrow">
      <div className="card auth-card">
        {failure !== null ? (
          <ErrorBanner error={failure} title="This guest link could not be opened." />
        ) : !info ? (
          <SkeletonBlock lines={4} label="Opening the guest link…" />
        ) : (
          <>
            <h1>Join “{info.session.title}”</h1>
            <p>
              You are invited as a guest of <strong>{info.communityName}</strong> for this session only
              {info.permission === 'edit' ? ', and you can add to it' : ' (view only)'}. The link works until{' '}
              <time dateTime={info.expiresAt}>{formatDateTime(info.expiresAt)}</time>.
            </p>
            <form onSubmit={join} noValidate>
              <Field label="Your name" hint="Shown to everyone in the session." error={nameError}>
                {(p) => <input {...p} value={name} maxLength={60} autoComplete="name" autoFocus onChange={(e) => setName(e.target.value)} />}
              </Field>
              <div className="form-actions">
                <Button type="submit" variant="primary" loading={busy}>
                  {busy ? 'Joining…' : 'Join the session'}
                </Button>
              </div>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
