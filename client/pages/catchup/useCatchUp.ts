/**
 * "What happened so far" for one session: fetches what changed since my last mark once, then marks
 * the session seen — right away (the panel already holds what was new), every few minutes while the
 * page is open, and when it is left — so the next visit lists only what happened after.
 */
import { useEffect, useState } from 'react';
import type { CatchUpDto } from '../../../shared/knowledge/versions.ts';
import { api } from '../../api/http.ts';

/** How often an open session is marked seen. */
const MARK_EVERY_MS = 2 * 60_000;

/** Marks seen with keepalive, so the request survives the page being closed. */
function markSeen(sessionId: string): void {
  void fetch(`/api/sessions/${encodeURIComponent(sessionId)}/seen`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    keepalive: true,
  }).catch(() => {
    // Best effort: a missed mark only makes the next catch-up list a little more.
  });
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
    const onHide = () => markSeen(sessionId);
    window.addEventListener('pagehide', onHide);
    return () => {
      ctl.abort();
      if (timer !== undefined) {
        clearInterval(timer);
        markSeen(sessionId);
      }
      window.removeEventListener('pagehide', onHide);
    };
  }, [sessionId, enabled]);
  return data;
}
