/** Check-in results of one session for hosts and facilitators: average, distribution and comments. */
import type { FeedbackResultsDto } from '../../../shared/api/seriesSchemas.ts';
import { useApi } from '../../api/useApi.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import './series.css';

/** Results; `version` changes reload them (e.g. after the viewer sent their own check-in). */
export function FeedbackResults({ sessionId, version = 0 }: { sessionId: string; version?: number }) {
  const results = useApi<FeedbackResultsDto>(`/api/sessions/${encodeURIComponent(sessionId)}/feedback?v=${version}`);
  const r = results.data;
  if (results.error !== null) return <ErrorBanner error={results.error} title="Could not load the check-in results." onRetry={results.reload} />;
  if (!r) return <SkeletonBlock lines={3} label="Loading check-in results…" />;
  if (r.count === 0) return <p className="text-muted">No check-ins yet.</p>;
  const max = Math.max(...r.distribution, 1);
  return (
    <div className="stack stack--sm">
      <p>
        <strong>{r.average?.toFixed(1)}</strong> out of 5 on average, from {r.count} {r.count === 1 ? 'answer' : 'answers'}.
      </p>
      <table className="checkin-dist">
        <caption className="sr-only">How many answered each score</caption>
        <tbody>
          {r.distribution.map((n, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>
                <span className="checkin-dist__bar" style={{ width: `${(n / max) * 100}%` }} aria-hidden="true" />
              </td>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.comments.length > 0 && (
        <>
          <h3 className="subheading">What to focus on next</h3>
          <ul className="checkin-comments" role="list">
            {r.comments.map((c, i) => (
              <li key={i}>
                <p className="prose">{c.text}</p>
                <p className="field__hint">
                  Scored {c.valuable} · <time dateTime={c.updatedAt}>{formatDateTime(c.updatedAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
