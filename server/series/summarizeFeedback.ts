/** Aggregates check-in answers into the per-session results hosts see (count, average, distribution, comments). */
import type { FeedbackResultsDto } from '../../shared/api/seriesSchemas.ts';
import type { FeedbackRecord } from '../store/types.ts';

/** Results of one session's answers; comments are the non-empty "focus next" texts, newest first, without names. */
export function summarizeFeedback(sessionId: string, answers: FeedbackRecord[]): FeedbackResultsDto {
  const distribution: FeedbackResultsDto['distribution'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const a of answers) {
    distribution[a.valuable - 1]!++;
    sum += a.valuable;
  }
  const comments = answers
    .filter((a) => a.focusNext.trim())
    .map((a) => ({ text: a.focusNext, valuable: a.valuable, updatedAt: a.updatedAt }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return {
    sessionId,
    count: answers.length,
    average: answers.length ? Math.round((sum / answers.length) * 100) / 100 : null,
    distribution,
    comments,
  };
}
