/**
 * The app shell: providers, skip link, header, and the routes. The session room (Yjs, the editor,
 * the board) is loaded only when a session is opened, so the directory and community pages stay small.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { SkeletonBlock } from '../components/Spinner.tsx';
import { ToastProvider } from '../components/Toast.tsx';
import { CommunityPage } from '../pages/CommunityPage.tsx';
import { DirectoryPage } from '../pages/DirectoryPage.tsx';
import { InvitePage } from '../pages/InvitePage.tsx';
import { GuestPage } from '../pages/GuestPage.tsx';
import { NewCommunityPage } from '../pages/NewCommunityPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { SignUpPage } from '../pages/SignUpPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { MeProvider } from './useMe.tsx';

const SessionPage = lazy(() => import('../pages/SessionPage.tsx'));
const SessionArchivePage = lazy(() => import('../pages/SessionArchivePage.tsx'));
const SessionSummaryPage = lazy(() => import('../pages/SessionSummaryPage.tsx'));

/** The whole client. */
export function App() {
  return (
    <MeProvider>
      <ToastProvider>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <AppHeader />
        <FocusOnNavigate />
        <main id="main" tabIndex={-1} className="app-main">
          <Switch>
            <Route path="/signin" component={SignInPage} />
            <Route path="/signup" component={SignUpPage} />
            <Route path="/">
              <RequireAuth>
                <DirectoryPage />
              </RequireAuth>
            </Route>
            <Route path="/communities/new">
              <RequireAuth>
                <NewCommunityPage />
              </RequireAuth>
            </Route>
            <Route path="/c/:communityId">
              {(params) => (
                <RequireAuth>
                  <CommunityPage communityId={params.communityId} />
                </RequireAuth>
              )}
            </Route>
            {/* The end-of-session summary; /sessions/:id/summary is kept as an alias of the /s/ form. */}
            <Route path="/s/:sessionId/summary">{(params) => <SummaryRoute sessionId={params.sessionId} />}</Route>
            <Route path="/sessions/:sessionId/summary">{(params) => <SummaryRoute sessionId={params.sessionId} />}</Route>
            <Route path="/s/:sessionId/archive">
              {(params) => (
                <RequireAuth>
                  <Suspense
                    fallback={
                      <div className="page">
                        <SkeletonBlock lines={5} label="Opening the archive…" />
                      </div>
                    }
                  >
                    <SessionArchivePage sessionId={params.sessionId} />
                  </Suspense>
                </RequireAuth>
              )}
            </Route>
            <Route path="/s/:sessionId">
              {(params) => (
                <RequireAuth>
                  <Suspense
                    fallback={
                      <div className="page">
                        <SkeletonBlock lines={5} label="Opening the session…" />
                      </div>
                    }
                  >
                    <SessionPage sessionId={params.sessionId} />
                  </Suspense>
                </RequireAuth>
              )}
            </Route>
            {/* A guest link: no account needed; the page opens that one session (issue 4 item 10). */}
            <Route path="/guest/:token">{(params) => <GuestPage token={params.token} />}</Route>
            <Route path="/invite/:code">
              {(params) => (
                <RequireAuth>
                  <InvitePage code={params.code} />
                </RequireAuth>
              )}
            </Route>
            <Route component={NotFoundPage} />
          </Switch>
        </main>
      </ToastProvider>
    </MeProvider>
  );
}

/**
 * After an in-app navigation, moves focus to the main region (as a full page load would reset it), so
 * keyboard and screen-reader users start at the new page's content instead of the link they left.
 */
function FocusOnNavigate() {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location]);
  return null;
}

/** The summary page behind sign-in, loaded lazily. */
function SummaryRoute({ sessionId }: { sessionId: string }) {
  return (
    <RequireAuth>
      <Suspense
        fallback={
          <div className="page">
            <SkeletonBlock lines={5} label="Opening the summary…" />
          </div>
        }
      >
        <SessionSummaryPage sessionId={sessionId} />
      </Suspense>
    </RequireAuth>
  );
}
