import { describe, expect, it } from 'vitest';
import { summarizeFeedback } from './summarizeFeedback.ts';

const answer = (userId: string, valuable: number, focusNext = '', updatedAt = '2026-01-05T16:00:00.000Z') => ({ sessionId: 's', userId, valuable, focusNext, updatedAt });

describe('summarizeFeedback', () => {
  it('counts, averages (two decimals) and distributes answers; comments newest first without names', () => {
    const got = summarizeFeedback('s', [answer('a', 5, 'More cases', '2026-01-05T16:00:00.000Z'), answer('b', 4, '  '), answer('c', 4, 'Sleep', '2026-01-05T16:05:00.000Z')]);
    expect(got).toEqual({
      sessionId: 's',
      count: 3,
      average: 4.33,
      distribution: [0, 0, 0, 2, 1],
      comments: [
        { text: 'Sleep', valuable: 4, updatedAt: '2026-01-05T16:05:00.000Z' },
        { text: 'More cases', valuable: 5, updatedAt: '2026-01-05T16:00:00.000Z' },
      ],
    });
    expect(JSON.stringify(got)).not.toContain('"userId"');
  });

  it('has a null average without answers', () => {
    expect(summarizeFeedback('s', [])).toEqual({ sessionId: 's', count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] });
  });
});
