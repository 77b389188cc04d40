/**
 * Guards pages that need a signed-in person: while we do not know yet it shows a skeleton, and a
 * signed-out visitor is sent to /signin with the page they wanted as the return path.
 */
import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { SkeletonBlock } from '../components/Spinner.tsx';
import { authPath } from './returnPath.ts';
import { useMe } from './useMe.tsx';

/** Renders `children` only for a signed-in person. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, refresh } = useMe();
  const [location] = useLocation();
  const search = useSearch();
  if (loading) {
    return (
      <div className="page">
        <SkeletonBlock lines={4} label="Checking who you are…" />
      </div>
    );
  }
  if (error) {
    return (
      <div className="page">
        <ErrorBanner error={error} title="Commonplace is not reachable right now." onRetry={() => void refresh()} />
      </div>
    );
  }
  if (!me) return <Redirect to={authPath('/signin', search ? `${location}?${search}` : location)} replace />;
  return <>{children}</>;
}
