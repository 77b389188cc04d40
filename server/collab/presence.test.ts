import { describe, expect, it } from 'vitest';
import { boundEphemeral, ReactionLimiter, type AwarenessEntry } from './presence.ts';

const entry = (state: Record<string, unknown> | null, clientId = 1): AwarenessEntry => ({ clientId, clock: 1, state });
const opts = (o: Partial<Parameters<typeof boundEphemeral>[1]> = {}) => ({ facilitator: false, previous: () => undefined, allowReaction: () => true, ...o });

describe('boundEphemeral', () => {
  it('keeps valid reactions and drops malformed ones without touching the rest', () => {
    const ok = { id: 3, emoji: '🎉', x: 10, y: -4 };
    expect(boundEphemeral([entry({ cursor: { x: 1, y: 2 }, reaction: ok })], opts())[0].state).toEqual({ cursor: { x: 1, y: 2 }, reaction: ok });
    for (const bad of [{ ...ok, emoji: '💩' }, { ...ok, x: Infinity }, { ...ok, extra: 1 }, 'boom', { ...ok, id: -1 }]) {
      expect(boundEphemeral([entry({ cursor: null, reaction: bad })], opts())[0].state).toEqual({ cursor: null });
    }
  });

  it('drops the laser of anyone who may not facilitate, and malformed lasers', () => {
    expect(boundEphemeral([entry({ laser: { x: 1, y: 2 } })], opts())[0].state).toEqual({});
    expect(boundEphemeral([entry({ laser: { x: 1, y: 2 } })], opts({ facilitator: true }))[0].state).toEqual({ laser: { x: 1, y: 2 } });
    expect(boundEphemeral([entry({ laser: null })], opts({ facilitator: true }))[0].state).toEqual({ laser: null });
    expect(boundEphemeral([entry({ laser: { x: 'a', y: 2 } })], opts({ facilitator: true }))[0].state).toEqual({});
  });

  it('over the rate, a new reaction is replaced by the previous one (or dropped); an unchanged one is free', () => {
    const prev = { id: 1, emoji: '👍', x: 0, y: 0 };
    const next = { id: 2, emoji: '👍', x: 0, y: 0 };
    let asked = 0;
    const deny = () => (asked++, false);
    expect(boundEphemeral([entry({ reaction: next })], opts({ previous: () => ({ reaction: prev }), allowReaction: deny }))[0].state).toEqual({ reaction: prev });
    expect(boundEphemeral([entry({ reaction: next })], opts({ allowReaction: deny }))[0].state).toEqual({});
    expect(asked).toBe(2);
    // Re-sending the same reaction (any other awareness change) does not count.
    expect(boundEphemeral([entry({ reaction: prev })], opts({ previous: () => ({ reaction: prev }), allowReaction: deny }))[0].state).toEqual({ reaction: prev });
    expect(asked).toBe(2);
    expect(boundEphemeral([entry(null)], opts())[0].state).toBeNull();
  });
});

describe('ReactionLimiter', () => {
  it('allows a burst, then one per refill interval, per user', () => {
    const l = new ReactionLimiter(3, 500);
    expect([0, 1, 2, 3].map(() => l.allow('a', 1000))).toEqual([true, true, true, false]);
    expect(l.allow('b', 1000)).toBe(true);
    expect(l.allow('a', 1400)).toBe(false);
    expect(l.allow('a', 1600)).toBe(true);
    expect(l.allow('a', 1700)).toBe(false);
  });
});
