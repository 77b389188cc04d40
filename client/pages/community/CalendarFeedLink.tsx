/**
 * A member's private feed links for the community, with copy buttons: the calendar subscription of its
 * sessions and an Atom news feed (new sessions, pinned notes, resources). One token serves both, so
 * making new links replaces (turns off) both old ones.
 */
import { useState } from 'react';
import type { FeedTokenDto } from '../../../shared/api/seriesSchemas.ts';
import { api, errorMessage } from '../../api/http.ts';
import { copyText } from '../../app/copyText.ts';
import { Button } from '../../components/Button.tsx';
import { useToast } from '../../components/Toast.tsx';

/** One read-only link with its copy button. */
function FeedUrl({ id, label, url, copied }: { id: string; label: string; url: string; copied: string }) {
  const toast = useToast();
  const copy = async () => {
    if (await copyText(url)) toast(copied);
    else toast('Could not copy. Select the link and copy it yourself.', 'error');
  };
  return (
    <div className="stack stack--sm">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="input-group">
        <input id={id} className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="primary" onClick={copy}>
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      </div>
    </div>
  );
}

/** "Subscribe": creates (or replaces) the caller's feed links on request. */
export function CalendarFeedLink({ communityId }: { communityId: string }) {
  const [links, setLinks] = useState<FeedTokenDto | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  const create = async () => {
    setBusy(true);
    try {
      setLinks(await api.post<FeedTokenDto>(`/api/communities/${encodeURIComponent(communityId)}/feed-token`));
    } catch (err) {
      toast(`Could not create your links: ${errorMessage(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calendar-feed">
      <h3 className="subheading">Subscribe in your calendar or feed reader</h3>
      {links ? (
        <div className="stack stack--sm">
          <FeedUrl id="calendar-feed-url" label="Your private calendar link" url={links.url} copied="Calendar link copied. Add it to your calendar as a subscription." />
          <FeedUrl id="atom-feed-url" label="Your private news feed (Atom)" url={links.atomUrl} copied="News feed link copied. Add it to your feed reader." />
          <p className="field__hint">Keep them to yourself: anyone with them sees the schedule and news. Making new links turns these off.</p>
          <Button variant="ghost" size="sm" onClick={create} loading={busy}>
            Make new links
          </Button>
        </div>
      ) : (
        <>
          <p className="text-muted">
            Your calendar app (Google, Outlook, Apple) keeps the sessions up to date; a feed reader shows new sessions, pinned notes and
            resources.
          </p>
          <Button variant="secondary" onClick={create} loading={busy}>
            Get my private links
          </Button>
        </>
      )}
    </div>
  );
}
