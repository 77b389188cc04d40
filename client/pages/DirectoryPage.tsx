/** Home: the communities you belong to, and open communities you can join. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CommunityDto } from '../../shared/api/schemas.ts';
import { api, errorMessage } from '../api/http.ts';
import { useApi } from '../api/useApi.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { buttonClass } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Skeleton } from '../components/Spinner.tsx';
import { useToast } from '../components/Toast.tsx';
import { CommunityCard } from './directory/CommunityCard.tsx';
import { ImportCommunity } from './directory/ImportCommunity.tsx';

/** The / page. */
export function DirectoryPage() {
  useDocumentTitle('Communities');
  const res = useApi<{ communities: CommunityDto[] }>('/api/communities');
  const [joining, setJoining] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const toast = useToast();

  const all = res.data?.communities ?? [];
  const mine = all.filter((c) => c.myRole !== null).sort(byName);
  const open = all.filter((c) => c.myRole === null && c.visibility === 'open').sort(byName);

  const join = async (c: CommunityDto) => {
    setJoining(c.id);
    try {
      const joined = await api.post<CommunityDto>(`/api/communities/${encodeURIComponent(c.id)}/join`);
      res.setData((prev) => prev && { communities: prev.communities.map((x) => (x.id === joined.id ? joined : x)) });
      toast(`You joined ${joined.name}.`);
      navigate(`/c/${encodeURIComponent(joined.id)}`);
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setJoining(null);
    }
  };

  const startLink = (
    <Link href="/communities/new" className={buttonClass('primary')}>
      Start a community
    </Link>
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Communities</h1>
          <p className="text-muted">Groups of practitioners who meet regularly to learn from each other.</p>
        </div>
        <div className="cluster page-header__actions">
          <ImportCommunity onImported={res.reload} />
          {mine.length > 0 && startLink}
        </div>
      </div>

      {res.error !== null && <ErrorBanner error={res.error} title="Could not load communities." onRetry={res.reload} />}

      {res.loading && !res.data ? (
        <section aria-labelledby="mine-heading" className="section">
          <h2 id="mine-heading">Your communities</h2>
          <CardGridSkeleton />
        </section>
      ) : (
        res.data && (
          <>
            <section aria-labelledby="mine-heading" className="section">
              <h2 id="mine-heading">Your communities</h2>
              {mine.length === 0 ? (
                <EmptyState title="You are not in a community yet" level={3} action={startLink}>
                  <p>Start one for the people you learn with{open.length > 0 ? ', or join an open community below' : ''}.</p>
                </EmptyState>
              ) : (
                <ul className="card-grid" role="list">
                  {mine.map((c) => (
                    <li key={c.id}>
                      <CommunityCard community={c} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {open.length > 0 && (
              <section aria-labelledby="open-heading" className="section">
                <h2 id="open-heading">Open communities</h2>
                <p className="text-muted">Anyone can join these.</p>
                <ul className="card-grid" role="list">
                  {open.map((c) => (
                    <li key={c.id}>
                      <CommunityCard community={c} onJoin={join} joining={joining === c.id} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )
      )}
    </div>
  );
}

function byName(a: CommunityDto, b: CommunityDto) {
  return a.name.localeCompare(b.name);
}

function CardGridSkeleton() {
  return (
    <div className="card-grid" role="status">
      <span className="sr-only">Loading communities…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="card community-card" aria-hidden="true">
          <Skeleton width="55%" height={20} />
          <Skeleton width="100%" />
          <Skeleton width="80%" />
          <Skeleton width="30%" />
        </div>
      ))}
    </div>
  );
}
