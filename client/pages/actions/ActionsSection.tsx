/**
 * The community page's "Open actions" and "Decisions": what the notes of every session marked as a task
 * (with assignee and due date, overdue ones flagged, soonest due first) and as a decision, each linking
 * to its place in the session's notes.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import type { ActionsResponse, DecisionsResponse } from '../../../shared/knowledge/actions.ts';
import { useApi } from '../../api/useApi.ts';
import { formatDate } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import { formatDue } from './formatDue.ts';
import './actions.css';

/** Decisions shown before "Show all". */
const DECISIONS_SHOWN = 5;

export interface ActionsSectionProps {
  communityId: string;
  /** The signed-in member, for "Only mine". */
  meId: string;
}

/** Open actions across the community's sessions, then its decisions. */
export function ActionsSection({ communityId, meId }: ActionsSectionProps) {
  const base = `/api/communities/${encodeURIComponent(communityId)}`;
  const actions = useApi<ActionsResponse>(`${base}/actions?status=open`);
  const decisions = useApi<DecisionsResponse>(`${base}/decisions`);
  const [mine, setMine] = useState(false);
  const [allDecisions, setAllDecisions] = useState(false);
  const list = (actions.data?.actions ?? []).filter((a) => !mine || a.assignee?.id === meId);
  const decisionList = decisions.data?.decisions ?? [];
  const shownDecisions = allDecisions ? decisionList : decisionList.slice(0, DECISIONS_SHOWN);

  return (
    <section className="card section" aria-labelledby="actions-heading">
      <div className="section-header">
        <h2 id="actions-heading">Open actions</h2>
        {actions.data && actions.data.actions.length > 0 && (
          <label className="actions__mine">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only mine
          </label>
        )}
      </div>
      {actions.error !== null && <ErrorBanner error={actions.error} title="Could not load the open actions." onRetry={actions.reload} />}
      {actions.loading && !actions.data && <SkeletonBlock lines={3} label="Loading open actions…" />}
      {actions.data &&
        (list.length === 0 ? (
          <EmptyState title={mine ? 'Nothing assigned to you' : 'No open actions'} level={3}>
            <p>Task items in a session’s notes become actions here: assign them to a member and give them a due date from the notes toolbar.</p>
          </EmptyState>
        ) : (
          <ul className="actions-list" role="list">
            {list.map((a) => (
              <li key={`${a.sessionId}:${a.blockId}`} className={`actions-list__item${a.overdue ? ' is-overdue' : ''}`}>
                <Link href={a.href} className="actions-list__text">
                  {a.text}
                </Link>
                <p className="actions-list__meta">
                  {a.assignee ? <span>{a.assignee.name}</span> : <span className="text-muted">Unassigned</span>}
                  {a.due && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>
                        due <time dateTime={a.due}>{formatDue(a.due)}</time>
                      </span>
                    </>
                  )}
                  {a.overdue && <span className="badge actions-list__overdue">Overdue</span>}
                  <span aria-hidden="true"> · </span>
                  <span>
                    from {a.sessionTitle}, <time dateTime={a.sessionStartsAt}>{formatDate(a.sessionStartsAt)}</time>
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ))}

      <h3 className="subheading" id="decisions-heading">
        Decisions
      </h3>
      {decisions.error !== null && <ErrorBanner error={decisions.error} title="Could not load the decisions." onRetry={decisions.reload} />}
      {decisions.loading && !decisions.data && <SkeletonBlock lines={2} label="Loading decisions…" />}
      {decisions.data &&
        (decisionList.length === 0 ? (
          <p className="text-muted">No decisions yet. Mark a paragraph of the notes as a decision and it appears here.</p>
        ) : (
          <>
            <ul className="actions-list" role="list" aria-labelledby="decisions-heading">
              {shownDecisions.map((d) => (
                <li key={`${d.sessionId}:${d.blockId}`} className="actions-list__item actions-list__item--decision">
                  <Link href={d.href} className="actions-list__text">
                    {d.text}
                  </Link>
                  <p className="actions-list__meta">
                    {d.sessionTitle}, <time dateTime={d.sessionStartsAt}>{formatDate(d.sessionStartsAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
            {decisionList.length > DECISIONS_SHOWN && (
              <Button size="sm" variant="ghost" aria-expanded={allDecisions} onClick={() => setAllDecisions((v) => !v)}>
                {allDecisions ? 'Show fewer' : `Show all ${decisionList.length} decisions`}
              </Button>
            )}
          </>
        ))}
    </section>
  );
}
