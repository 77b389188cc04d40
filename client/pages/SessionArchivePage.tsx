/**
 * The read-only archive of a session (/s/:sessionId/archive): its agenda, notes and board as they are
 * stored, read through `GET /api/sessions/:id/content` — no live room is opened, so nobody can change
 * anything from here. Members can pin notes and board items to the community page and answer the
 * session's check-in; hosts and facilitators edit the session's tags and see the check-in results.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { SESSION_FORMAT_LABELS } from '../../shared/api/sessionFormats.ts';
import { sessionHref, summaryHref } from '../../shared/knowledge/focus.ts';
import type { AgendaEntry, SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { SessionTagsDto } from '../../shared/knowledge/tags.ts';
import { canEditRoom, canManageSessions } from '../../shared/roles.ts';
import { useApi } from '../api/useApi.ts';
import { formatDateTime, formatDuration } from '../app/datetime.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { Button, buttonClass } from '../components/Button.tsx';
import { PageState } from '../components/PageState.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../components/Spinner.tsx';
import { ArchiveBoard } from './archive/ArchiveBoard.tsx';
import { ArchiveNotes } from './archive/ArchiveNotes.tsx';
import { ArchiveExports } from './archive/ArchiveExports.tsx';
import { TagEditor } from './archive/TagEditor.tsx';
import { usePin } from './archive/usePin.ts';
import { TimelineSlider } from './archive/TimelineSlider.tsx';
import { useTimeline } from './archive/useTimeline.ts';
import { CatchUpPanel } from './catchup/CatchUpPanel.tsx';
import { useCatchUp } from './catchup/useCatchUp.ts';
import { TagList } from './community/TagList.tsx';
import { FeedbackCheckIn } from './community/FeedbackCheckIn.tsx';
import { FeedbackResults } from './community/FeedbackResults.tsx';
import type { SessionResponse } from './SessionPage.tsx';
import './archive/archive.css';
import './community/knowledge.css';

/** The /s/:sessionId/archive page (default export: loaded lazily). */
export default function SessionArchivePage({ sessionId }: { sessionId: string }) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const info = useApi<SessionResponse>(base);
  const content = useApi<SessionContent>(`${base}/content`);
  const tags = useApi<SessionTagsDto>(`${base}/tags`);
  useDocumentTitle(info.data ? `${info.data.session.title} (archive)` : info.error ? 'Session archive' : null);

  if (!info.data) return <PageState resource={info} errorTitle="Could not open this archive" loadingLabel="Opening the archive…" lines={4} />;
  return <Archive data={info.data} content={content.data} contentError={content.error} onRetry={content.reload} tags={tags.data?.tags ?? []} onTags={(t) => tags.setData(() => ({ tags: t }))} />;
}

interface ArchiveProps {
  data: SessionResponse;
  content: SessionContent | null;
  contentError: unknown;
  onRetry: () => void;
  tags: string[];
  onTags: (tags: string[]) => void;
}

function Archive({ data: { session, community, myRole }, content, contentError, onRetry, tags, onTags }: ArchiveProps) {
  const canPin = myRole !== null && canEditRoom(myRole);
  const canTag = myRole !== null && canManageSessions(myRole);
  const [editingTags, setEditingTags] = useState(false);
  // Bumped when the viewer saves their own check-in, so the results below include it.
  const [checkIns, setCheckIns] = useState(0);
  const started = Date.parse(session.startsAt) <= Date.now();
  const { pin, busy } = usePin(community.id, session.id);
  // The timeline shows an earlier version in place of the current content (read-only either way).
  const timeline = useTimeline(session.id);
  const catchUp = useCatchUp(session.id, myRole !== null);
  const past = timeline.selected !== null;
  const shown = past ? (timeline.selectedContent?.content ?? null) : content;
  const shownError = past ? timeline.selectedError : contentError;
  const pinFrom = canPin && !past;

  return (
    <div className="page archive">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Communities</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/c/${encodeURIComponent(community.id)}`}>{community.name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{session.title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{session.title}</h1>
          <p className="page-header__meta">
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
            <span aria-hidden="true"> · </span>
            {formatDuration(session.durationMinutes)}
            <span aria-hidden="true"> · </span>
            {SESSION_FORMAT_LABELS[session.format] ?? session.format}
            <span aria-hidden="true"> · </span>
            <span className="badge badge--view-only">Archive, read-only</span>
          </p>
          <div className="cluster archive__tags">
            <TagList tags={tags} label="Tags of this session" />
            {canTag && !editingTags && (
              <Button size="sm" variant="ghost" onClick={() => setEditingTags(true)}>
                {tags.length ? 'Edit tags' : 'Add tags'}
              </Button>
            )}
          </div>
          {editingTags && (
            <TagEditor
              sessionId={session.id}
              tags={tags}
              onSaved={(t) => {
                onTags(t);
                setEditingTags(false);
              }}
              onCancel={() => setEditingTags(false)}
            />
          )}
        </div>
        <div className="cluster archive__actions">
          <Link href={sessionHref(session.id)} className={buttonClass('secondary', 'sm')}>
            Open the live session
          </Link>
          <Link href={summaryHref(session.id)} className={buttonClass('secondary', 'sm')}>
            Summary
          </Link>
          <ArchiveExports sessionId={session.id} baseName={session.title} />
        </div>
      </div>

      <CatchUpPanel catchUp={catchUp} />
      <TimelineSlider sessionId={session.id} timeline={timeline} canRestore={myRole === 'host'} onRestored={onRetry} />
      {shownError !== null && <ErrorBanner error={shownError} title="Could not load what was written in this session." onRetry={past ? timeline.retrySelected : onRetry} />}
      {!shown && shownError === null && <SkeletonBlock lines={8} label="Loading the session’s content…" />}
      {shown && (
        <div className={`archive__layout${past ? ' is-past' : ''}`}>
          <section className="card section archive__agenda" aria-labelledby="archive-agenda">
            <h2 id="archive-agenda">Agenda</h2>
            <ArchiveAgenda items={shown.agenda} current={shown.currentAgendaItem} />
          </section>
          <section className="card section archive__notes" aria-labelledby="archive-notes">
            <h2 id="archive-notes">Notes</h2>
            <ArchiveNotes blocks={shown.notes} onPin={pinFrom ? (b) => void pin('notes', b.id) : undefined} pinning={busy} />
          </section>
          <section className="card section archive__board" aria-labelledby="archive-board">
            <h2 id="archive-board">Board</h2>
            <ArchiveBoard items={shown.board} onPin={pinFrom ? (it) => void pin('board', it.id) : undefined} pinning={busy} />
          </section>
        </div>
      )}
      {started && myRole !== null && (
        <div className="archive-checkin">
          <section className="card section" aria-labelledby="archive-checkin">
            <h2 id="archive-checkin">How was it?</h2>
            <FeedbackCheckIn sessionId={session.id} onSaved={() => setCheckIns((n) => n + 1)} />
          </section>
          {canManageSessions(myRole) && (
            <section className="card section" aria-labelledby="archive-checkin-results">
              <h2 id="archive-checkin-results">Check-in results</h2>
              <FeedbackResults sessionId={session.id} version={checkIns} />
            </section>
          )}
        </div>
      )}
    </div>
  );
}

/** An agenda as a read-only list (done items ticked); also the session summary's. */
export function ArchiveAgenda({ items, current }: { items: Pick<AgendaEntry, 'id' | 'title' | 'minutes' | 'owner' | 'done'>[]; current?: string }) {
  if (items.length === 0) return <p className="text-muted">No agenda was set.</p>;
  return (
    <ol className="archive-agenda">
      {items.map((it, i) => (
        <li key={it.id || i} id={it.id ? `agenda-${it.id}` : undefined} className={`archive-agenda__item${it.done ? ' is-done' : ''}`}>
          <span className="archive-agenda__check" aria-hidden="true">
            {it.done ? '✓' : ''}
          </span>
          <span className="archive-agenda__title">
            {it.done && <span className="sr-only">Done: </span>}
            {it.title || 'Untitled item'}
            {it.id === current && <span className="badge badge--member archive-agenda__now">Current</span>}
          </span>
          <span className="archive-agenda__meta">
            {it.minutes > 0 && `${it.minutes} min`}
            {it.owner && ` · ${it.owner}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
