/**
 * What a page shows before its main resource has arrived: a skeleton of its title and body while it
 * loads, or a titled error with retry and a way back when it failed. Written once so every page that
 * opens one thing by id (community, session, archive, summary) fails and waits the same way.
 */
import { Link } from 'wouter';
import type { Resource } from '../api/useApi.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Skeleton, SkeletonBlock } from './Spinner.tsx';

export interface PageStateProps {
  resource: Pick<Resource<unknown>, 'error' | 'reload'>;
  /** The page title shown on failure, e.g. "Could not open this session". */
  errorTitle: string;
  /** Announced to screen readers while loading, e.g. "Opening the session…". */
  loadingLabel: string;
  /** Skeleton text lines under the title placeholder. */
  lines?: number;
}

/** The loading skeleton or the error for a page whose main resource is not there yet. */
export function PageState({ resource, errorTitle, loadingLabel, lines = 3 }: PageStateProps) {
  return (
    <div className="page">
      {resource.error !== null ? (
        <>
          <h1 className="page-title">{errorTitle}</h1>
          <ErrorBanner error={resource.error} onRetry={resource.reload}>
            <p>
              <Link href="/">Back to your communities</Link>
            </p>
          </ErrorBanner>
        </>
      ) : (
        <div role="status">
          <span className="sr-only">{loadingLabel}</span>
          <Skeleton width="45%" height={32} />
          <SkeletonBlock lines={lines} />
        </div>
      )}
    </div>
  );
}
