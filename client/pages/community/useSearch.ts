/**
 * Search-as-you-type against the API: waits for a pause in typing, cancels an answer that a newer query
 * made stale, and reports the query the shown results belong to.
 */
import { useEffect, useState } from 'react';
import { SEARCH_QUERY_MAX, type SearchResponse, type SearchResultDto } from '../../../shared/knowledge/search.ts';
import { api } from '../../api/http.ts';

/** Pause after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;

export interface SearchState {
  /** The query the results are for ('' = no search yet). */
  query: string;
  results: SearchResultDto[];
  loading: boolean;
  error: unknown;
}

const IDLE: SearchState = { query: '', results: [], loading: false, error: null };

/** Results for `query` from `endpoint` (e.g. `/api/communities/:id/search`); an empty query clears them. */
export function useSearch(endpoint: string, query: string): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const q = query.trim().slice(0, SEARCH_QUERY_MAX);

  useEffect(() => {
    if (!q) {
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, loading: true, error: null }));
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.get<SearchResponse>(`${endpoint}?q=${encodeURIComponent(q)}`, ctl.signal).then(
        (res) => setState({ query: q, results: res.results, loading: false, error: null }),
        (err: unknown) => {
          if (!ctl.signal.aborted) setState({ query: q, results: [], loading: false, error: err });
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [endpoint, q]);

  return state;
}
