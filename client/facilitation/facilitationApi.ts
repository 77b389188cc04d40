/** Calls to the facilitation routes of one session (server/http/routes/facilitation.ts). */
import type { TimerAction } from '../../shared/facilitation/timer.ts';
import type { Viewport } from '../../shared/facilitation/control.ts';
import type { RevealDraftsDto } from '../../shared/api/facilitationSchemas.ts';
import { api } from '../api/http.ts';

/** The facilitation actions of session `sessionId`. */
export function facilitationApi(sessionId: string) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const id = encodeURIComponent;
  return {
    timer: (action: TimerAction, seconds?: number) => api.post(`${base}/timer`, { action, seconds }),
    setCurrentItem: (itemId: string | null) => api.post(`${base}/agenda/current`, { itemId }),
    jumpToItem: (itemId: string) => api.post(`${base}/agenda/jump`, { itemId }),
    ask: (text: string, anonymous: boolean) => api.post(`${base}/questions`, { text, anonymous }),
    authors: () => api.get<{ authors: Record<string, { userId: string; name: string }> }>(`${base}/questions`),
    upvote: (qid: string) => api.post(`${base}/questions/${id(qid)}/upvote`, {}),
    answer: (qid: string, answer: string) => api.post(`${base}/questions/${id(qid)}/answer`, { answer }),
    hand: (raised: boolean) => api.post(`${base}/hands`, { raised }),
    lowerHand: (userId: string) => api.post(`${base}/hands/${id(userId)}/lower`, {}),
    follow: (viewport: Viewport | null) => api.post(`${base}/follow`, { viewport }),
    startRound: (budget: number) => api.post(`${base}/votes/rounds`, { budget }),
    vote: (itemId: string, delta: 1 | -1) => api.post(`${base}/votes`, { itemId, delta }),
    reveal: () => api.post(`${base}/votes/reveal`, {}),
    createPoll: (question: string, options: string[], multiple: boolean) => api.post(`${base}/polls`, { question, options, multiple }),
    setLocks: (locks: { board?: boolean; itemIds?: string[]; add?: string[]; remove?: string[] }) => api.post(`${base}/locks`, locks),
    answerPoll: (pid: string, choices: number[]) => api.post(`${base}/polls/${id(pid)}/answer`, { choices }),
    privateMode: (anonymous: boolean) => api.post(`${base}/private-mode`, { anonymous }),
    revealDrafts: () => api.post<RevealDraftsDto>(`${base}/private-mode/reveal`, {}),
  };
}
export type FacilitationApi = ReturnType<typeof facilitationApi>;
