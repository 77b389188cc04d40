/**
 * Guest links for facilitators (issue 4 item 10): create a time-limited link to this session (view or
 * edit), copy it — it is shown once, the server keeps only its hash —, see the links and revoke them.
 * Revoking closes the guests' connections at once (SPEC R15).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { GuestPermission } from '../../shared/roles.ts';
import type { GuestLinkDto } from '../../shared/api/guestSchemas.ts';
import { errorMessage } from '../api/http.ts';
import { copyText } from '../app/copyText.ts';
import { formatDateTime } from '../app/datetime.ts';
import { Button } from '../components/Button.tsx';
import { Field } from '../components/Field.tsx';
import { guestApi } from './guestApi.ts';
import './guests.css';

const EXPIRY_CHOICES = [
  { minutes: 60, label: '1 hour' },
  { minutes: 3 * 60, label: '3 hours' },
  { minutes: 24 * 60, label: '1 day' },
  { minutes: 3 * 24 * 60, label: '3 days' },
  { minutes: 7 * 24 * 60, label: '7 days' },
];

/** The guest-links section of the facilitation panel. */
export function GuestLinksPanel({ sessionId }: { sessionId: string }) {
  const [links, setLinks] = useState<GuestLinkDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expiry, setExpiry] = useState(EXPIRY_CHOICES[0].minutes);
  const [permission, setPermission] = useState<GuestPermission>('view');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ url: string; copied: boolean } | null>(null);

  const load = useCallback(() => {
    guestApi.list(sessionId).then((r) => setLinks(r.links), (e) => setError(errorMessage(e)));
  }, [sessionId]);
  useEffect(load, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await guestApi.create(sessionId, expiry, permission, label.trim());
      setCreated({ url: r.url, copied: await copyText(r.url) });
      setLabel('');
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (l: GuestLinkDto) => {
    setError(null);
    try {
      await guestApi.revoke(sessionId, l.id);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const active = links?.filter((l) => l.status === 'active') ?? [];
  return (
    <section className="guest-links" aria-labelledby="guest-links-title">
      <h3 id="guest-links-title" className="fac-section-title">Guest links</h3>
      <p className="guest-links__hint">Let someone without an account (an invited presenter) into this session only, for a limited time.</p>
      <form className="guest-links__form" onSubmit={create}>
        <Field label="Expires after" kind="select">
          {(p) => (
            <select {...p} value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.minutes} value={c.minutes}>{c.label}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Guests can" kind="select">
          {(p) => (
            <select {...p} value={permission} onChange={(e) => setPermission(e.target.value as GuestPermission)}>
              <option value="view">View only</option>
              <option value="edit">Edit and present</option>
            </select>
          )}
        </Field>
        <Field label="For" optional>
          {(p) => <input {...p} value={label} maxLength={80} placeholder="Invited presenter" onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Button type="submit" size="sm" variant="primary" loading={busy}>Create guest link</Button>
      </form>
      {created && (
        <div className="guest-links__created" role="status">
          <label className="guest-links__url-label" htmlFor="guest-link-url">
            {created.copied ? 'Copied. The link is shown only now:' : 'Copy the link now (it is shown only once):'}
          </label>
          <input id="guest-link-url" className="input guest-links__url" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
          <Button size="sm" onClick={() => void copyText(created.url).then((ok) => setCreated({ ...created, copied: ok }))}>Copy link</Button>
        </div>
      )}
      {error && <p className="fac-error" role="alert">{error}</p>}
      {links === null ? (
        <p className="guest-links__empty">Loading guest links…</p>
      ) : active.length === 0 ? (
        <p className="guest-links__empty">No active guest links.</p>
      ) : (
        <ul className="guest-links__list" aria-label="Active guest links">
          {active.map((l) => (
            <li key={l.id} className="guest-links__item">
              <span>
                <strong>{l.label || 'Guest link'}</strong> · {l.permission === 'edit' ? 'can edit' : 'view only'} · until{' '}
                <time dateTime={l.expiresAt}>{formatDateTime(l.expiresAt)}</time>
              </span>
              <Button size="sm" variant="danger" onClick={() => void revoke(l)} aria-label={`Revoke ${l.label || 'guest link'} (until ${formatDateTime(l.expiresAt)})`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
