/** A member's private calendar subscription link for the community's sessions, with a copy button. */
import { useState } from 'react';
import type { FeedTokenDto } from '../../../shared/api/seriesSchemas.ts';
import { api, errorMessage } from '../../api/http.ts';
import { copyText } from '../../app/copyText.ts';
import { Button } from '../../components/Button.tsx';
import { useToast } from '../../components/Toast.tsx';

/** "Subscribe in your calendar": creates (or replaces) the caller's feed link on request. */
export function CalendarFeedLink({ communityId }: { communityId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  const create = async () => {
    setBusy(true);
    try {
      setUrl((await api.post<FeedTokenDto>(`/api/communities/${encodeURIComponent(communityId)}/feed-token`)).url);
    } catch (err) {
      toast(`Could not create a calendar link: ${errorMessage(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (url && (await copyText(url))) toast('Calendar link copied. Add it to your calendar as a subscription.');
    else toast('Could not copy. Select the link and copy it yourself.', 'error');
  };

  return (
    <div className="calendar-feed">
      <h3 className="subheading">Subscribe in your calendar</h3>
      {url ? (
        <div className="stack stack--sm">
          <label className="field__label" htmlFor="calendar-feed-url">
            Your private calendar link
          </label>
          <div className="input-group">
            <input id="calendar-feed-url" className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <Button variant="primary" onClick={copy}>
              Copy
            </Button>
          </div>
          <p className="field__hint">Keep it to yourself: anyone with it sees the schedule. Making a new link turns this one off.</p>
          <Button variant="ghost" size="sm" onClick={create} loading={busy}>
            Make a new link
          </Button>
        </div>
      ) : (
        <>
          <p className="text-muted">Your calendar app (Google, Outlook, Apple) keeps the sessions up to date.</p>
          <Button variant="secondary" onClick={create} loading={busy}>
            Get calendar link
          </Button>
        </>
      )}
    </div>
  );
}
