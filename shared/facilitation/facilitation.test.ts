import { describe, expect, it } from 'vitest';
import { applyTimerAction, formatCountdown, remainingMs } from './timer.ts';
import { applyVote, tallyBallots, tallyPoll, votesUsed } from './votes.ts';
import { orderQuestions, splitFacilitationRoom, type QuestionState } from './control.ts';

describe('timer math', () => {
  it('counts down from endsAt while running and holds while paused', () => {
    const t = applyTimerAction(null, 'start', 60, 1000)!;
    expect(remainingMs(t, 1000)).toBe(60_000);
    expect(remainingMs(t, 31_000)).toBe(30_000);
    const paused = applyTimerAction(t, 'pause', undefined, 31_000)!;
    expect(remainingMs(paused, 500_000)).toBe(30_000);
    const resumed = applyTimerAction(paused, 'resume', undefined, 100_000)!;
    expect(remainingMs(resumed, 110_000)).toBe(20_000);
  });
  it('adds time while running or paused, goes negative when over time, resets to the full duration', () => {
    const t = applyTimerAction(null, 'start', 10, 0)!;
    expect(remainingMs(applyTimerAction(t, 'add', 60, 5000), 5000)).toBe(65_000);
    expect(remainingMs(t, 15_000)).toBe(-5000);
    const paused = applyTimerAction(t, 'pause', undefined, 4000)!;
    expect(remainingMs(applyTimerAction(paused, 'add', 30, 9000), 99_000)).toBe(36_000);
    const reset = applyTimerAction(t, 'reset', undefined, 20_000)!;
    expect(reset.running).toBe(false);
    expect(remainingMs(reset, 50_000)).toBe(10_000);
  });
  it('refuses actions that make no sense', () => {
    expect(applyTimerAction(null, 'pause', undefined, 0)).toBeNull();
    expect(applyTimerAction(null, 'start', 0, 0)).toBeNull();
    const t = applyTimerAction(null, 'start', 10, 0)!;
    expect(applyTimerAction(t, 'resume', undefined, 1)).toBeNull();
  });
  it('formats the countdown, with a minus over time', () => {
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(500)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-61_500)).toBe('-1:01');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});

describe('vote budget rules', () => {
  it('allows votes up to the budget, several on one item, and no more', () => {
    let b = {};
    for (let i = 0; i < 3; i++) {
      const r = applyVote(b, 'a', 1, 3, null);
      expect(r.ok).toBe(true);
      if (r.ok) b = r.ballot;
    }
    expect(votesUsed(b)).toBe(3);
    expect(applyVote(b, 'b', 1, 3, null)).toEqual({ ok: false, reason: 'over_budget' });
  });
  it('takes votes back, but only ones that exist; removes emptied items', () => {
    const r = applyVote({ a: 1 }, 'a', -1, 3, null);
    expect(r).toEqual({ ok: true, ballot: {} });
    expect(applyVote({}, 'a', -1, 3, null)).toEqual({ ok: false, reason: 'no_vote_to_remove' });
  });
  it('only the round items are votable', () => {
    expect(applyVote({}, 'x', 1, 3, ['a', 'b'])).toEqual({ ok: false, reason: 'not_votable' });
    expect(applyVote({}, 'a', 1, 3, ['a', 'b']).ok).toBe(true);
  });
  it('tallies ballots and polls', () => {
    expect(tallyBallots([{ a: 2 }, { a: 1, b: 1 }])).toEqual({ a: 3, b: 1 });
    expect(tallyPoll(3, [[0], [0, 2], [5]])).toEqual({ counts: [2, 0, 1], respondents: 3 });
  });
});

describe('control doc helpers', () => {
  it('names facilitation rooms after their session room', () => {
    expect(splitFacilitationRoom('s_abc-ctl')).toEqual({ base: 's_abc', kind: 'ctl' });
    expect(splitFacilitationRoom('s_abc-priv')).toEqual({ base: 's_abc', kind: 'priv' });
    expect(splitFacilitationRoom('s_abc')).toEqual({ base: 's_abc', kind: null });
  });
  it('orders open questions by votes then age, answered ones apart', () => {
    const q = (id: string, votes: number, createdAt: number, answered = false): QuestionState => ({
      id, text: id, authorId: null, authorName: null, createdAt, upvoters: Array.from({ length: votes }, (_, i) => `u${i}`), answered, answer: null,
    });
    const { open, answered } = orderQuestions([q('a', 1, 1), q('b', 2, 2), q('c', 1, 0), q('d', 5, 0, true)]);
    expect(open.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(answered.map((x) => x.id)).toEqual(['d']);
  });
});
