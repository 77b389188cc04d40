/**
 * Who is signed in. One provider asks `GET /api/me` once at start-up and owns sign-in, sign-up and
 * sign-out, so every page reads the same answer and the header updates the moment it changes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserDto } from '../../shared/api/schemas.ts';
import { api, ApiError } from '../api/http.ts';

/** The auth state every page can read through `useMe()`. */
export interface MeContextValue {
  /** The signed-in person, or null. Meaningless while `loading`. */
  me: UserDto | null;
  /** True until the first `GET /api/me` has answered. */
  loading: boolean;
  /** Set when `GET /api/me` failed for a reason other than "not signed in" (e.g. the server is down). */
  error: ApiError | null;
  /** Asks the server again (e.g. after an API call answered 401). */
  refresh: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<UserDto>;
  signUp: (name: string, email: string, password: string) => Promise<UserDto>;
  signOut: () => Promise<void>;
}

const MeContext = createContext<MeContextValue | null>(null);

/** Provides the auth state to the app; render it once, above the router's pages. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<UserDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const res = await api.get<{ user: UserDto }>('/api/me');
      setMe(res.user);
      setError(null);
    } catch (err) {
      setMe(null);
      const unauthenticated = err instanceof ApiError && err.code === 'unauthenticated';
      setError(unauthenticated ? null : err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (email: string, password: string) => {
    const res = await api.post<{ user: UserDto }>('/api/auth/login', { email, password });
    setMe(res.user);
    setError(null);
    return res.user;
  }, []);

  const signUp = useCallback(async (name: string, email: string, password: string) => {
    const res = await api.post<{ user: UserDto }>('/api/auth/signup', { name, email, password });
    setMe(res.user);
    setError(null);
    return res.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      // Even if the request failed, this tab must stop acting as the person.
      setMe(null);
    }
  }, []);

  const value = useMemo(
    () => ({ me, loading, error, refresh, signIn, signUp, signOut }),
    [me, loading, error, refresh, signIn, signUp, signOut],
  );
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The auth state; must be used below `<MeProvider>`. */
export function useMe(): MeContextValue {
  const ctx = useContext(MeContext);
  if (!ctx) throw new Error('useMe() used outside <MeProvider>');
  return ctx;
}
