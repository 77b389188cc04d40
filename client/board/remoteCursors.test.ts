import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from '../../shared/colors.ts';
import { remoteCursors } from './remoteCursors.ts';

describe('remoteCursors', () => {
  it('lists the others with a cursor, not me', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Ada', color: '#1d4ed8' }, cursor: { x: 10, y: -5 } }],
      [1, { user: { name: 'Me', color: '#000000' }, cursor: { x: 0, y: 0 } }],
      [2, { user: { name: 'Off board', color: '#000000' }, cursor: null }],
      [4, { user: { name: 'No cursor field' } }],
    ]);
    expect(remoteCursors(states, 1)).toEqual([{ clientId: 3, name: 'Ada', color: '#1d4ed8', x: 10, y: -5 }]);
  });

  it('rejects malformed positions and sanitises names and colours', () => {
    const states = new Map<number, unknown>([
      [5, { user: { name: 'x'.repeat(200), color: 'red;background:url(x)' }, cursor: { x: 1, y: 2 } }],
      [6, { user: 'nope', cursor: { x: 1, y: 2 } }],
      [7, { user: { name: 'NaN' }, cursor: { x: NaN, y: 2 } }],
      [8, { user: { name: 'string' }, cursor: { x: '1', y: 2 } }],
      [9, null],
      [10, { cursor: 'here' }],
    ]);
    const out = remoteCursors(states, 0);
    expect(out.map((c) => c.clientId)).toEqual([5, 6]);
    expect(out[0].name).toHaveLength(40);
    expect(out[0].color).toBe(PRESENCE_COLORS[5 % PRESENCE_COLORS.length]);
    expect(out[1].name).toBe('Guest');
  });
});
