/** Calls to the breakout routes of one session (server/http/routes/breakouts.ts). */
import type { StartBreakoutsBody } from '../../../shared/api/facilitationSchemas.ts';
import type { BreakoutsState } from '../../../shared/facilitation/breakouts.ts';
import { api } from '../../api/http.ts';

type Reply = { breakouts: BreakoutsState };

/** The breakout actions of session `sessionId`. */
export function breakoutsApi(sessionId: string) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/breakouts`;
  return {
    start: (body: StartBreakoutsBody) => api.post<Reply>(base, body),
    move: (userId: string, groupId: string | null) => api.post<Reply>(`${base}/move`, { userId, groupId }),
    join: (groupId: string) => api.post<Reply>(`${base}/join`, { groupId }),
    broadcast: (text: string) => api.post<Reply>(`${base}/broadcast`, { text }),
    end: () => api.post<Reply & { merged: string[] }>(`${base}/end`, {}),
  };
}
export type BreakoutsApi = ReturnType<typeof breakoutsApi>;
