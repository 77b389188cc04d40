/** Follows a CSS media query from React, for layouts that change structure (not just style) by width. */
import { useCallback, useSyncExternalStore } from 'react';

/** True while `query` (e.g. "(min-width: 1200px)") matches. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
