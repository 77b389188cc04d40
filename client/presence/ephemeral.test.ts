import { describe, expect, it } from 'vitest';
import { newBursts, remoteLasers } from './ephemeral.ts';

const user = { id: 'u', name: 'U', color: '#112233' };
describe('newBursts', () => {
  it('shows a reaction when its id changes (a first one too), never one already set on first sight, never my own', () => {
    const seen = new Map<number, number | null>();
    const states = new Map<number, unknown>([[2, { user, reaction: { id: 1, emoji: '👍', x: 5, y: 6 } }], [1, { user, reaction: { id: 9, emoji: '🎉', x: 0, y: 0 } }], [4, { user }]]);
    expect(newBursts(states, 1, seen)).toEqual([]);
    states.set(2, { user, reaction: { id: 2, emoji: '❤️', x: 7, y: 8 } });
    states.set(4, { user, reaction: { id: 1, emoji: '👏', x: 1, y: 1 } });
    expect(newBursts(states, 1, seen)).toEqual([
      { key: '2:2', emoji: '❤️', x: 7, y: 8, color: '#112233' },
      { key: '4:1', emoji: '👏', x: 1, y: 1, color: '#112233' },
    ]);
    expect(newBursts(states, 1, seen)).toEqual([]);
  });
  it('ignores malformed reactions and forgets clients that left', () => {
    const seen = new Map<number, number | null>([[3, 1]]);
    const states = new Map<number, unknown>([[3, { reaction: { id: 2, emoji: 'nope', x: 0, y: 0 } }]]);
    expect(newBursts(states, 1, seen)).toEqual([]);
    expect(newBursts(new Map(), 1, seen)).toEqual([]);
    expect(seen.size).toBe(0);
  });
});

describe('remoteLasers', () => {
  it('reads valid lasers of others only', () => {
    const states = new Map<number, unknown>([[1, { laser: { x: 1, y: 1 } }], [2, { user, laser: { x: 3, y: 4 } }], [3, { laser: { x: 'a', y: 0 } }], [4, { laser: null }]]);
    expect(remoteLasers(states, 1)).toEqual([{ clientId: 2, x: 3, y: 4, color: '#112233' }]);
  });
});
