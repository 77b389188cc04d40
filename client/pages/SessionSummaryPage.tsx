/**
 * The end-of-session summary (/s/:sessionId/summary): what was on the agenda and done, the decisions and
 * actions, the most-voted board items, the links and files shared, and the board as it was at the end —
 * all frozen when the session ended (`GET /api/sessions/:id/summary`). Built from the archive's parts.
 */
import { Link } from 'wouter';
import type { SessionSummary, SessionSummaryResponse } from '../../shared/knowledge/actions.ts';
import { archiveHref, sessionHref } from '../../shared/knowledge/focus.ts';
import { canManageSessions } from '../../shared/roles.ts';
import { useApi } from '../api/useApi.ts';
import { formatDateTime } from '../app/datetime.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { buttonClass } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageState } from '../components/PageState.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../components/Spinner.tsx';
import { formatDue } from './actions/formatDue.ts';
import { ArchiveAgenda } from './SessionArchivePage.tsx';
import type { SessionResponse } from './SessionPage.tsx';
import './archive/archive.css';
import './actions/actions.css';

/** The /s/:sessionId/summary page (default export: loaded lazily). */
export default function SessionSummaryPage({ sessionId }: { sessionId: string }) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const info = useApi<SessionResponse>(base);
  const summary = useApi<SessionSummaryResponse>(`${base}/summary`);
  useDocumentTitle(info.data ? `${info.data.session.title} (summary)` : info.error ? 'Session summary' : null);

  if (!info.data) return <PageState resource={info} errorTitle="Could not open this summary" loadingLabel="Opening the summary…" lines={4} />;
  const { session, community, myRole } = info.data;
  return (
    <div className="page archive summary">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Communities</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/c/${encodeURIComponent(community.id)}`}>{community.name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{session.title}: summary</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Summary: {session.title}</h1>
          <p className="page-header__meta">
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
            {summary.data?.summary && (
              <>
                <span aria-hidden="true"> · </span>
                ended <time dateTime={summary.data.summary.endedAt}>{formatDateTime(summary.data.summary.endedAt)}</time>
              </>
            )}
          </p>
        </div>
        <div className="archive__actions">
          <Link href={archiveHref(session.id)} className={buttonClass('secondary')}>
            Archive
          </Link>
        </div>
      </div>
      {summary.error !== null && <ErrorBanner error={summary.error} title="Could not load the summary." onRetry={summary.reload} />}
      {summary.loading && !summary.data && <SkeletonBlock lines={8} label="Loading the summary…" />}
      {summary.data &&
        (summary.data.summary ? (
          <SummaryBody summary={summary.data.summary} />
        ) : (
          <EmptyState title="This session has not ended yet" level={2}>
            <p>
              The summary is written when a facilitator ends the session, or when its scheduled time is over and everyone has left.{' '}
              {myRole && canManageSessions(myRole) ? (
                <>
                  You can end it from the <Link href={sessionHref(session.id)}>live session</Link>.
                </>
              ) : (
                <Link href={sessionHref(session.id)}>Open the live session</Link>
              )}
            </p>
          </EmptyState>
        ))}
    </div>
  );
}

function SummaryBody({ summary: s }: { summary: SessionSummary }) {
  const done = s.agenda.filter((a) => a.done).length;
  return (
    <div className="summary__layout">
      <section className="card section" aria-labelledby="summary-agenda">
        <h2 id="summary-agenda">Agenda</h2>
        {s.agenda.length > 0 && (
          <p className="text-muted">
            {done} of {s.agenda.length} {s.agenda.length === 1 ? 'item' : 'items'} done
          </p>
        )}
        <ArchiveAgenda items={s.agenda} />
      </section>
      <section className="card section" aria-labelledby="summary-decisions">
        <h2 id="summary-decisions">Decisions</h2>
        {s.decisions.length === 0 ? (
          <p className="text-muted">No decisions were marked in the notes.</p>
        ) : (
          <ul className="actions-list" role="list">
            {s.decisions.map((d) => (
              <li key={d.blockId} className="actions-list__item actions-list__item--decision">
                <Link href={sessionHref(s.sessionId, d.anchor ? { kind: 'notes', itemId: d.anchor } : { kind: 'notes' })} className="actions-list__text">
                  {d.text}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="summary-actions">
        <h2 id="summary-actions">Actions</h2>
        {s.actions.length === 0 ? (
          <p className="text-muted">No actions were noted.</p>
        ) : (
          <ul className="actions-list" role="list">
            {s.actions.map((a) => (
              <li key={a.blockId} className={`actions-list__item${a.done ? ' is-done' : ''}`}>
                <span className="actions-list__text">
                  {a.done && <span className="sr-only">Done: </span>}
                  {a.text}
                </span>
                <p className="actions-list__meta">
                  {a.assigneeName ?? (a.assignee ? 'Assigned' : 'Unassigned')}
                  {a.due && (
                    <>
                      <span aria-hidden="true"> · </span>
                      due <time dateTime={a.due}>{formatDue(a.due)}</time>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="summary-votes">
        <h2 id="summary-votes">Top-voted on the board</h2>
        {s.topVoted.length === 0 ? (
          <p className="text-muted">Nothing was voted on.</p>
        ) : (
          <ol className="summary__votes">
            {s.topVoted.map((v) => (
              <li key={v.itemId}>
                <Link href={sessionHref(s.sessionId, { kind: 'board', itemId: v.itemId })}>{v.label}</Link>{' '}
                <span className="badge badge--member">
                  {v.votes} {v.votes === 1 ? 'vote' : 'votes'}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card section" aria-labelledby="summary-resources">
        <h2 id="summary-resources">New resources</h2>
        {s.resources.length === 0 ? (
          <p className="text-muted">No links or files were shared.</p>
        ) : (
          <ul className="summary__resources">
            {s.resources.map((r) => (
              <li key={r.url}>
                {/* Links are http(s) only (the server keeps nothing else); files come from our own API. */}
                <a href={r.url} target="_blank" rel="noopener noreferrer nofollow">
                  {r.title}
                </a>{' '}
                <span className="text-muted">
                  ({r.kind === 'file' ? 'file' : 'link'} on the {r.where})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card section summary__board" aria-labelledby="summary-board">
        <h2 id="summary-board">The board at the end</h2>
        {s.boardSvg ? (
          <img
            className="summary__board-image"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.boardSvg)}`}
            alt={`The board of ${s.title} when the session ended. Its items are listed in the archive.`}
          />
        ) : (
          <p className="text-muted">The board was empty.</p>
        )}
      </section>
    </div>
  );
}
