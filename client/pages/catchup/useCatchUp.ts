/**
 * "What happened so far" for one session: fetches what changed since my last mark once, then marks
 * the session seen — right away (the panel already holds what was new), every minute while the page is
 * open, and when the page is left within the app — so the next visit lists only what happened after.
 * Closing the tab sends nothing; the periodic mark bounds what is lost to a minute. The mark's response
 * is read (api.post): Chromium never reported a fire-and-forget fetch whose body nobody read as
 * finished, so the page never counted as network-idle (seen in the hostile-content e2e test).
 */
import { useEffect, useState } from 'react';
import type { CatchUpDto } from '../../../shared/knowledge/versions.ts';
import { api } from '../../api/http.ts';

/** How often an open session is marked seen. */
const MARK_EVERY_MS = 60_000;

/** Marks the session seen (best effort: a missed mark only makes the next catch-up list a little more). */
function markSeen(sessionId: string): void {
  api.post(`/api/sessions/${encodeURIComponent(sessionId)}/seen`, {}).catch(() => {});
}

/** The catch-up of `sessionId` (null while loading, on error, or when `enabled` is false). */
export function useCatchUp(sessionId: string, enabled: boolean): CatchUpDto | null {
  const [data, setData] = useState<CatchUpDto | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setInterval> | undefined;
    api.get<CatchUpDto>(`/api/sessions/${encodeURIComponent(sessionId)}/catch-up`, ctl.signal).then(
      (value) => {
        setData(value);
        markSeen(sessionId);
        timer = setInterval(() => markSeen(sessionId), MARK_EVERY_MS);
      },
      () => {
        // Catch-up is a convenience: without it the page works as before.
      },
    );
    return () => {
      ctl.abort();
      if (timer !== undefined) {
        clearInterval(timer);
        markSeen(sessionId);
      }
    };
  }, [sessionId, enabled]);
  return data;
}
