/**
 * Each member's contributions to the community's sessions (board notes, agenda items, shared resources,
 * questions), so hosts can recognise the people who shape it.
 */
import type { ContributionsDto } from '../../../shared/api/seriesSchemas.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import './series.css';

/** The "Contributions" section of a community page. */
export function ContributionsSection({ communityId }: { communityId: string }) {
  const data = useApi<ContributionsDto>(`/api/communities/${encodeURIComponent(communityId)}/contributions`);
  const rows = data.data?.contributions ?? [];
  return (
    <section className="card section" aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">Contributions</h2>
      {data.error !== null && <ErrorBanner error={data.error} title="Could not count contributions." onRetry={data.reload} />}
      {data.loading && !data.data && <SkeletonBlock lines={3} label="Counting contributions…" />}
      {data.data && (
        <>
          <p className="text-muted">
            From {data.data.sessionsCounted === 1 ? 'the one past session' : `the ${data.data.sessionsCounted} most recent past sessions`}.
          </p>
          <table className="contrib-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Notes</th>
                <th scope="col">Agenda</th>
                <th scope="col">Resources</th>
                <th scope="col">Questions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">
                    <span className="contrib-table__dot" style={{ background: r.color }} aria-hidden="true" />
                    {r.name}
                  </th>
                  <td>{r.boardItems}</td>
                  <td>{r.agendaItems}</td>
                  <td>{r.resources}</td>
                  <td>{r.questions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
