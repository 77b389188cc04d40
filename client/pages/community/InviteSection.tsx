/** For hosts: make an invite link (it expires) and copy it to share by mail or chat. */
import { useState } from 'react';
import type { InviteDto } from '../../../shared/api/schemas.ts';
import { api, errorMessage } from '../../api/http.ts';
import { copyText } from '../../app/copyText.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { useToast } from '../../components/Toast.tsx';

/** The invite URL as people will open it (the API may answer with a path). */
export function absoluteInviteUrl(invite: InviteDto, origin: string): string {
  try {
    return new URL(invite.url || `/invite/${encodeURIComponent(invite.code)}`, origin).href;
  } catch {
    return `${origin}/invite/${encodeURIComponent(invite.code)}`;
  }
}

/** The "Invite people" section of a community page. */
export function InviteSection({ communityId }: { communityId: string }) {
  const [invite, setInvite] = useState<InviteDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const toast = useToast();
  const url = invite ? absoluteInviteUrl(invite, location.origin) : '';

  const create = async () => {
    setBusy(true);
    try {
      setInvite(await api.post<InviteDto>(`/api/communities/${encodeURIComponent(communityId)}/invites`));
      setCopied(false);
    } catch (err) {
      toast(`Could not create an invite link: ${errorMessage(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (await copyText(url)) {
      setCopied(true);
      toast('Invite link copied.');
    } else {
      toast('Could not copy. Select the link and copy it yourself.', 'error');
    }
  };

  return (
    <section className="card section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite people</h2>
      <p className="text-muted">Anyone with the link can join as a member until it expires.</p>
      {invite ? (
        <div className="stack stack--sm">
          <label className="field__label" htmlFor="invite-url">
            Invite link
          </label>
          <div className="input-group">
            <input id="invite-url" className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <Button variant="primary" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <p className="field__hint">Expires {formatDateTime(invite.expiresAt)}.</p>
          <Button variant="ghost" size="sm" onClick={create} loading={busy}>
            Make a new link
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={create} loading={busy}>
          Create invite link
        </Button>
      )}
    </section>
  );
}
