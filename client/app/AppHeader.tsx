/**
 * The bar at the top of every page: the app name (home), the main navigation, and who is signed in
 * — shown with their presence colour, the one others see on their caret and pointer — with sign out.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../api/http.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Button, buttonClass } from '../components/Button.tsx';
import { useToast } from '../components/Toast.tsx';
import { authPath } from './returnPath.ts';
import { useMe } from './useMe.tsx';

/** The site header (a banner landmark) with its navigation landmark. */
export function AppHeader() {
  const { me, loading, signOut } = useMe();
  const [location, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const onAuthPage = location === '/signin' || location === '/signup';

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
      navigate('/signin');
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          C
        </span>
        Commonplace
      </Link>
      {me && (
        <nav className="app-header__nav" aria-label="Main">
          <Link href="/" className="app-header__link" aria-current={location === '/' ? 'page' : undefined}>
            Communities
          </Link>
          <Link href="/communities/new" className="app-header__link" aria-current={location === '/communities/new' ? 'page' : undefined}>
            New community
          </Link>
        </nav>
      )}
      <div className="app-header__end">
        {me ? (
          <>
            <span className="app-header__user">
              <Avatar name={me.name} color={me.color} size="sm" />
              <span className="app-header__name">
                <span className="sr-only">Signed in as </span>
                {me.name}
              </span>
            </span>
            <Button variant="ghost" size="sm" onClick={onSignOut} loading={busy}>
              Sign out
            </Button>
          </>
        ) : (
          !loading &&
          !onAuthPage && (
            <>
              <Link href={authPath('/signin', location)} className={buttonClass('ghost', 'sm')}>
                Sign in
              </Link>
              <Link href={authPath('/signup', location)} className={buttonClass('primary', 'sm')}>
                Create account
              </Link>
            </>
          )
        )}
      </div>
    </header>
  );
}
