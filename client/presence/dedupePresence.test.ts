import { describe, expect, it } from 'vitest';
import type { PresenceState } from '../collab/RoomConnection.ts';
import { dedupePresence } from './dedupePresence.ts';

const state = (id: string, name: string, color = '#1d4ed8'): PresenceState => ({ user: { id, name, color } });

describe('dedupePresence', () => {
  it('shows each person once, counting their connections', () => {
    const states = new Map<number, PresenceState>([
      [1, state('u2', 'Zoë')],
      [2, state('u1', 'Ada')],
      [3, state('u2', 'Zoë')],
    ]);
    const people = dedupePresence(states, 'nobody');
    expect(people.map((p) => [p.id, p.connections])).toEqual([
      ['u1', 1],
      ['u2', 2],
    ]);
  });

  it('puts me first, then sorts by name', () => {
    const states = new Map<number, PresenceState>([
      [1, state('b', 'Bea')],
      [2, state('z', 'Zed')],
      [3, state('a', 'Al')],
    ]);
    expect(dedupePresence(states, 'z').map((p) => p.name)).toEqual(['Zed', 'Al', 'Bea']);
    expect(dedupePresence(states, 'z')[0].isMe).toBe(true);
  });

  it('ignores states without a usable user', () => {
    const states = new Map<number, PresenceState>([
      [1, {} as PresenceState],
      [2, { user: { id: 5, name: 'x' } } as unknown as PresenceState],
      [3, state('a', 'Al')],
    ]);
    expect(dedupePresence(states, 'a').map((p) => p.id)).toEqual(['a']);
  });
});
