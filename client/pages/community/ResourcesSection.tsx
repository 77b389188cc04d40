/**
 * The community's resource library: every link and file shared in its sessions (board cards and notes
 * links, collected by the server) and links members added, most shared first, with filters by tag,
 * session and text. Members who can edit add resources here.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { SessionDto } from '../../../shared/api/schemas.ts';
import type { ResourceDto, ResourcesResponse } from '../../../shared/knowledge/resources.ts';
import { canEditRoom, type Role } from '../../../shared/roles.ts';
import { useApi } from '../../api/useApi.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import { useToast } from '../../components/Toast.tsx';
import { AddResourceForm } from './AddResourceForm.tsx';
import './resources.css';

/** Wait this long after the last keystroke before filtering by text. */
const TEXT_DEBOUNCE_MS = 300;

export interface ResourcesSectionProps {
  communityId: string;
  myRole: Role;
  sessions: SessionDto[];
  /** Session id → tags (from GET /api/communities/:id/tags). */
  tags: Record<string, string[]> | undefined;
}

/** The query string of the current filters. */
function filterQuery(tag: string, session: string, text: string): string {
  const q = new URLSearchParams();
  if (tag) q.set('tag', tag);
  if (session) q.set('session', session);
  if (text.trim()) q.set('q', text.trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

function ResourceItem({ r }: { r: ResourceDto }) {
  const who = [...r.sharedBy.map((p) => p.name), ...(r.inNotes ? ['in the notes'] : [])];
  return (
    <li className="divided-list__item res-item">
      <div className="divided-list__head">
        <span className="kb-kind">{r.kind === 'file' ? 'File' : 'Link'}</span>
        <a className="res-item__title" href={r.url} target="_blank" rel="noopener noreferrer">
          {r.title}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
        <span className="res-item__count" title="How often it was shared">
          {r.count === 1 ? 'shared once' : `shared ${r.count} times`}
        </span>
      </div>
      {r.kind === 'link' && <p className="res-item__url">{r.url}</p>}
      {r.note && <p className="res-item__note">{r.note}</p>}
      <p className="res-item__meta">
        {who.length > 0 && <>By {who.join(', ')}</>}
        {r.sessions.length > 0 && (
          <>
            {who.length > 0 && <span aria-hidden="true"> · </span>}
            In{' '}
            {r.sessions.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', '}
                <Link href={`/s/${encodeURIComponent(s.id)}`}>{s.title}</Link>
              </span>
            ))}
          </>
        )}
        <span aria-hidden="true"> · </span>
        last seen <time dateTime={r.lastSeenAt}>{formatDateTime(r.lastSeenAt)}</time>
      </p>
    </li>
  );
}

/** The "Resources" card of the community page. */
export function ResourcesSection({ communityId, myRole, sessions, tags }: ResourcesSectionProps) {
  const [tag, setTag] = useState('');
  const [session, setSession] = useState('');
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const id = useId();
  useEffect(() => {
    const t = setTimeout(() => setDebounced(text), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);
  const query = filterQuery(tag, session, debounced);
  const library = useApi<ResourcesResponse>(`/api/communities/${encodeURIComponent(communityId)}/resources${query}`);
  const allTags = useMemo(() => [...new Set(Object.values(tags ?? {}).flat())].sort(), [tags]);
  const list = library.data?.resources ?? [];
  const filtered = query !== '';

  const onAdded = (r: ResourceDto) => {
    setAdding(false);
    toast(`Added “${r.title}” to the library.`);
    library.reload();
  };

  return (
    <section className="card section res" id="resources" aria-labelledby="resources-heading">
      <div className="res__header">
        <h2 id="resources-heading">Resources</h2>
        {canEditRoom(myRole) && !adding && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            Add resource
          </Button>
        )}
      </div>
      <p className="text-muted">Links and files shared in this community's sessions, most shared first.</p>
      {adding && <AddResourceForm communityId={communityId} onAdded={onAdded} onCancel={() => setAdding(false)} />}
      <div className="res-filters" role="search" aria-label="Filter resources">
        <div className="res-filters__field">
          <label className="field__label" htmlFor={`${id}-q`}>
            Search
          </label>
          <input id={`${id}-q`} className="input" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} placeholder="Title, address or note" />
        </div>
        <div className="res-filters__field">
          <label className="field__label" htmlFor={`${id}-tag`}>
            Tag
          </label>
          <select id={`${id}-tag`} className="select" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {allTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="res-filters__field">
          <label className="field__label" htmlFor={`${id}-session`}>
            Session
          </label>
          <select id={`${id}-session`} className="select" value={session} onChange={(e) => setSession(e.target.value)}>
            <option value="">All sessions</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {library.error !== null && <ErrorBanner error={library.error} title="Could not load the resources." onRetry={library.reload} />}
      {library.loading && !library.data && <SkeletonBlock lines={3} label="Loading resources…" />}
      {library.data && (
        <p className="list-status" role="status">
          {list.length === 0 ? '' : list.length === 1 ? '1 resource' : `${list.length} resources`}
        </p>
      )}
      {library.data && list.length === 0 &&
        (filtered ? (
          <EmptyState title="No resources match" level={3}>
            <p>Try another tag, session or search.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No resources yet" level={3}>
            <p>Links and files put on a session's board or linked in its notes appear here.</p>
          </EmptyState>
        ))}
      {list.length > 0 && (
        <ul className="divided-list" aria-busy={library.loading}>
          {list.map((r) => (
            <ResourceItem key={r.id} r={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
