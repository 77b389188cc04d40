/**
 * Loads one API resource for a component: data, error and loading state, with the request aborted
 * when the path changes or the component unmounts (so a slow answer never overwrites a newer one).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './http.ts';

/** State of one loaded resource; `setData` lets a page apply the result of its own writes. */
export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (update: (prev: T | null) => T | null) => void;
}

/** GETs `path` (or nothing while it is null) and re-fetches when it changes or `reload()` is called. */
export function useApi<T>(path: string | null): Resource<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const loadedPath = useRef(path);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    // A reload keeps showing the old data; a different resource must not show the previous one's.
    if (loadedPath.current !== path) setDataState(null);
    loadedPath.current = path;
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    api.get<T>(path, ctl.signal).then(
      (value) => {
        setDataState(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: (prev: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
