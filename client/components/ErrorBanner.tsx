/**
 * A failed load or action, said plainly with a way forward: retry, or sign in again when the
 * session has ended. Rendered as an alert so screen readers announce it when it appears.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, errorMessage } from '../api/http.ts';
import { authPath } from '../app/returnPath.ts';
import { Button } from './Button.tsx';

export interface ErrorBannerProps {
  error: unknown;
  /** A short lead such as "Could not load the community." */
  title?: string;
  onRetry?: () => void;
  /**
   * Whether a 401 means "your session ended" (offer to sign in again). False on the sign-in form,
   * where a 401 is a wrong password and the server's message says so.
   */
  sessionExpiry?: boolean;
  children?: ReactNode;
}

/** A red-bordered alert box with an icon, the message, and retry / sign-in actions. */
export function ErrorBanner({ error, title, onRetry, sessionExpiry = true, children }: ErrorBannerProps) {
  const [location] = useLocation();
  const signedOut = sessionExpiry && error instanceof ApiError && error.code === 'unauthenticated';
  return (
    <div className="banner banner--error" role="alert">
      <span className="banner__icon" aria-hidden="true">!</span>
      <div className="banner__body">
        {title && <p className="banner__title">{title}</p>}
        <p>{signedOut ? 'Your session has ended. Please sign in again.' : errorMessage(error)}</p>
        {children}
        {(onRetry || signedOut) && (
          <div className="banner__actions">
            {signedOut ? (
              <Link className="btn btn--secondary btn--sm" href={authPath('/signin', location)}>
                Sign in
              </Link>
            ) : (
              <Button size="sm" onClick={onRetry}>
                Try again
              </Button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
