/**
 * A community's recurring series: what repeats when (in the series' own time zone) and the next dates;
 * facilitators define new ones and see each series' check-in trend, hosts end them. Also offers every
 * member a private calendar subscription link for the community's sessions.
 */
import { useState } from 'react';
import type { FeedbackTrendDto, SeriesDto } from '../../../shared/api/seriesSchemas.ts';
import { SESSION_FORMAT_LABELS } from '../../../shared/api/sessionFormats.ts';
import { api, errorMessage } from '../../api/http.ts';
import { useApi } from '../../api/useApi.ts';
import { formatDateTime, formatDuration } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import { useToast } from '../../components/Toast.tsx';
import { CalendarFeedLink } from './CalendarFeedLink.tsx';
import { SeriesForm } from './SeriesForm.tsx';
import './series.css';

export interface SeriesSectionProps {
  communityId: string;
  canCreate: boolean;
  canEnd: boolean;
  /** Called after a series was created or ended, so the session list picks up the generated sessions. */
  onScheduleChanged: () => void;
}

/** The "Recurring series" section of a community page. */
export function SeriesSection({ communityId, canCreate, canEnd, onScheduleChanged }: SeriesSectionProps) {
  const base = `/api/communities/${encodeURIComponent(communityId)}`;
  const series = useApi<{ series: SeriesDto[] }>(`${base}/series`);
  const [creating, setCreating] = useState(false);
  const toast = useToast();
  const list = series.data?.series ?? [];

  const onCreated = (s: SeriesDto) => {
    series.setData((prev) => ({ series: [...(prev?.series ?? []), s] }));
    setCreating(false);
    onScheduleChanged();
    toast(`“${s.title}” is set up (${s.ruleText}); its next sessions are scheduled.`);
  };

  const end = async (s: SeriesDto) => {
    if (!confirm(`End “${s.title}”? Its upcoming sessions are removed; past ones stay.`)) return;
    try {
      await api.delete(`${base}/series/${encodeURIComponent(s.id)}`);
      series.setData((prev) => ({ series: (prev?.series ?? []).filter((x) => x.id !== s.id) }));
      onScheduleChanged();
      toast(`“${s.title}” has ended.`);
    } catch (err) {
      toast(`Could not end the series: ${errorMessage(err)}`, 'error');
    }
  };

  return (
    <section className="card section" aria-labelledby="series-heading">
      <div className="section-header">
        <h2 id="series-heading">Recurring series</h2>
        {canCreate && (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            New series
          </Button>
        )}
      </div>
      {series.error !== null && <ErrorBanner error={series.error} title="Could not load the series." onRetry={series.reload} />}
      {series.loading && !series.data && <SkeletonBlock lines={2} label="Loading series…" />}
      {series.data && list.length === 0 && (
        <p className="text-muted">
          {canCreate ? 'Set up a series (say, the first Monday of every month) and its sessions are scheduled for you.' : 'No recurring series yet.'}
        </p>
      )}
      {list.length > 0 && (
        <ul className="divided-list series-list" role="list">
          {list.map((s) => (
            <li key={s.id} className="divided-list__item series-item">
              <div className="series-item__head">
                <h3 className="series-item__title">{s.title}</h3>
                {canEnd && (
                  <Button size="sm" variant="ghost" onClick={() => void end(s)} aria-label={`End series ${s.title}`}>
                    End series
                  </Button>
                )}
              </div>
              <p className="series-item__meta">
                {s.ruleText} at {s.startTime} ({s.timeZone.replace(/_/g, ' ')})<span aria-hidden="true"> · </span>
                {formatDuration(s.durationMinutes)}
                <span aria-hidden="true"> · </span>
                {SESSION_FORMAT_LABELS[s.format] ?? s.format}
              </p>
              {s.next.length > 0 && (
                <p className="series-item__next">
                  Next:{' '}
                  {s.next.map((iso, i) => (
                    <span key={iso}>
                      {i > 0 && ', '}
                      <time dateTime={iso}>{formatDateTime(iso)}</time>
                    </span>
                  ))}
                </p>
              )}
              {canCreate && <FeedbackTrend url={`${base}/series/${encodeURIComponent(s.id)}/feedback-trend`} title={s.title} />}
            </li>
          ))}
        </ul>
      )}
      <CalendarFeedLink communityId={communityId} />
      <Dialog open={creating} onClose={() => setCreating(false)} title="New recurring series" description="Sessions are scheduled automatically, about two months ahead.">
        <SeriesForm communityId={communityId} onCreated={onCreated} onCancel={() => setCreating(false)} />
      </Dialog>
    </section>
  );
}

/** Average check-in score per past session of a series, loaded when opened. */
function FeedbackTrend({ url, title }: { url: string; title: string }) {
  const [open, setOpen] = useState(false);
  const trend = useApi<FeedbackTrendDto>(open ? url : null);
  const rows = trend.data?.sessions ?? [];
  return (
    <details className="series-trend" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Check-in trend</summary>
      {trend.error !== null && <ErrorBanner error={trend.error} title="Could not load the trend." onRetry={trend.reload} />}
      {trend.data && rows.length === 0 && <p className="text-muted">No past sessions yet.</p>}
      {rows.length > 0 && (
        <table className="series-trend__table">
          <caption className="sr-only">How valuable members found each session of {title} (1–5)</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Average</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.sessionId}>
                <th scope="row">
                  <time dateTime={r.startsAt}>{formatDateTime(r.startsAt)}</time>
                </th>
                <td>
                  {r.average === null ? (
                    '—'
                  ) : (
                    <span className="series-trend__bar">
                      <span className="series-trend__fill" style={{ width: `${(r.average / 5) * 100}%` }} aria-hidden="true" />
                      <span>{r.average.toFixed(1)}</span>
                    </span>
                  )}
                </td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
