/**
 * A community's sessions: upcoming (and live) ones first, then past ones, with their tags (filterable)
 * and a link to each one's read-only archive; hosts and facilitators schedule new ones here.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { archiveHref, summaryHref } from '../../../shared/knowledge/focus.ts';
import type { SessionDto } from '../../../shared/api/schemas.ts';
import { SESSION_FORMAT_LABELS } from '../../../shared/api/sessionFormats.ts';
import type { Resource } from '../../api/useApi.ts';
import { formatDateTime, formatDuration } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import { useToast } from '../../components/Toast.tsx';
import { FeedbackCheckIn } from './FeedbackCheckIn.tsx';
import { ScheduleSessionForm } from './ScheduleSessionForm.tsx';
import { sessionTiming, splitSessions } from './splitSessions.ts';
import { TagList } from './TagList.tsx';

export interface SessionsSectionProps {
  communityId: string;
  sessions: Resource<{ sessions: SessionDto[] }>;
  canSchedule: boolean;
  /** Session id → tags (GET /api/communities/:id/tags); sessions without tags are absent. */
  tags?: Record<string, string[]>;
}

const NO_TAGS: Record<string, string[]> = {};

/** The "Sessions" section of a community page. */
export function SessionsSection({ communityId, sessions, canSchedule, tags = NO_TAGS }: SessionsSectionProps) {
  const [scheduling, setScheduling] = useState(false);
  const [checkIn, setCheckIn] = useState<SessionDto | null>(null);
  const [, navigate] = useLocation();
  const toast = useToast();
  const now = Date.now();
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const allTags = [...new Set(Object.values(tags).flat())].sort();
  const activeTag = tagFilter && allTags.includes(tagFilter) ? tagFilter : null;
  const shown = (sessions.data?.sessions ?? []).filter((s) => !activeTag || (tags[s.id] ?? []).includes(activeTag));
  const { upcoming, past } = splitSessions(shown, now);

  const onCreated = (s: SessionDto) => {
    sessions.setData((prev) => ({ sessions: [...(prev?.sessions ?? []), s] }));
    setScheduling(false);
    toast(`“${s.title}” is scheduled for ${formatDateTime(s.startsAt)}.`);
  };

  const scheduleButton = canSchedule && (
    <Button variant="primary" onClick={() => setScheduling(true)}>
      Schedule a session
    </Button>
  );

  return (
    <section className="card section" aria-labelledby="sessions-heading">
      <div className="section-header">
        <h2 id="sessions-heading">Sessions</h2>
        {sessions.data && (upcoming.length > 0 || past.length > 0) && scheduleButton}
      </div>
      {sessions.error !== null && <ErrorBanner error={sessions.error} title="Could not load sessions." onRetry={sessions.reload} />}
      {sessions.loading && !sessions.data && <SkeletonBlock lines={4} label="Loading sessions…" />}
      {sessions.data && allTags.length > 0 && (
        <div className="tag-filter" role="group" aria-label="Show sessions tagged">
          <button type="button" className="tag-filter__option" aria-pressed={activeTag === null} onClick={() => setTagFilter(null)}>
            All
          </button>
          {allTags.map((t) => (
            <button key={t} type="button" className="tag-filter__option" aria-pressed={activeTag === t} onClick={() => setTagFilter(activeTag === t ? null : t)}>
              {t}
            </button>
          ))}
        </div>
      )}
      {sessions.data && (
        <>
          <h3 className="subheading">Upcoming</h3>
          {upcoming.length === 0 && activeTag ? (
            <p className="text-muted">No upcoming sessions tagged “{activeTag}”.</p>
          ) : upcoming.length === 0 ? (
            <EmptyState title="Nothing scheduled" level={3} action={past.length === 0 ? scheduleButton : undefined}>
              <p>
                {canSchedule
                  ? 'Schedule a session and members will find it here, with its agenda, notes and board.'
                  : 'When a host or facilitator schedules a session, it will appear here.'}
              </p>
            </EmptyState>
          ) : (
            <ul className="divided-list session-list" role="list">
              {upcoming.map((s) => (
                <SessionRow key={s.id} session={s} tags={tags[s.id]} live={sessionTiming(s, now) === 'live'} onOpen={() => navigate(`/s/${encodeURIComponent(s.id)}`)} />
              ))}
            </ul>
          )}
          {past.length > 0 && (
            <>
              <h3 className="subheading">Past</h3>
              <ul className="divided-list session-list session-list--past" role="list">
                {past.map((s) => (
                  <SessionRow key={s.id} session={s} tags={tags[s.id]} live={false} onCheckIn={() => setCheckIn(s)} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <Dialog
        open={scheduling}
        onClose={() => setScheduling(false)}
        title="Schedule a session"
        description="Members see the time in their own time zone."
      >
        <ScheduleSessionForm communityId={communityId} onCreated={onCreated} onCancel={() => setScheduling(false)} />
      </Dialog>
      <Dialog
        open={checkIn !== null}
        onClose={() => setCheckIn(null)}
        title={checkIn ? `How was “${checkIn.title}”?` : 'How was it?'}
        description="A short check-in helps the hosts plan the next sessions."
      >
        {checkIn && <FeedbackCheckIn sessionId={checkIn.id} onSaved={() => setCheckIn(null)} />}
      </Dialog>
    </section>
  );
}

interface SessionRowProps {
  session: SessionDto;
  tags?: string[];
  live: boolean;
  onOpen?: () => void;
  /** Past sessions: opens the feedback check-in. */
  onCheckIn?: () => void;
}

function SessionRow({ session: s, tags, live, onOpen, onCheckIn }: SessionRowProps) {
  const href = `/s/${encodeURIComponent(s.id)}`;
  return (
    <li className="divided-list__item session-row">
      <div className="session-row__main">
        <Link href={href} className="session-row__title">
          {s.title}
        </Link>
        <p className="session-row__meta">
          <time dateTime={s.startsAt}>{formatDateTime(s.startsAt)}</time>
          <span aria-hidden="true"> · </span>
          {formatDuration(s.durationMinutes)}
          <span aria-hidden="true"> · </span>
          {SESSION_FORMAT_LABELS[s.format] ?? s.format}
          <span aria-hidden="true"> · </span>
          <Link href={archiveHref(s.id)} className="session-row__archive">
            Archive
          </Link>
          {onCheckIn && (
            <>
              <span aria-hidden="true"> · </span>
              <Link href={summaryHref(s.id)} className="session-row__archive" aria-label={`Summary of ${s.title}`}>
                Summary
              </Link>
            </>
          )}
        </p>
        {tags && <TagList tags={tags} label={`Tags of ${s.title}`} />}
      </div>
      {onCheckIn && (
        <Button size="sm" variant="ghost" onClick={onCheckIn} aria-label={`How was ${s.title}? Check in`}>
          How was it?
        </Button>
      )}
      {live && (
        <span className="session-row__live">
          <span className="badge badge--live">Live now</span>
          {onOpen && (
            <Button size="sm" variant="primary" onClick={onOpen}>
              Join now
            </Button>
          )}
        </span>
      )}
    </li>
  );
}
