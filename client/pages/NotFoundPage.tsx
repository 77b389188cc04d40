/** Any path the app does not know. */
import { Link } from 'wouter';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { buttonClass } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';

/** The 404 page. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page page--narrow">
      <EmptyState
        level={1}
        title="There is nothing at this address"
        action={
          <Link href="/" className={buttonClass('primary')}>
            Go to your communities
          </Link>
        }
      >
        <p>The link may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </div>
  );
}
