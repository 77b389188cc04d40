import { describe, expect, it } from 'vitest';
import type { AgendaEntry, BoardEntry } from '../../shared/knowledge/sessionContent.ts';
import { countContributions } from './countContributions.ts';

const agenda = (createdBy: string): AgendaEntry => ({ id: 'a', title: 't', minutes: 5, owner: '', done: false, createdBy });
const board = (type: BoardEntry['type'], createdBy: string): BoardEntry => ({ id: 'b', type, x: 0, y: 0, w: 1, h: 1, text: '', color: '#fff3a3', z: 0, createdBy, createdAt: 0 });

describe('countContributions', () => {
  const members = [
    { userId: 'ann', name: 'Ann' },
    { userId: 'bob', name: 'Bob' },
    { userId: 'cy', name: 'Cy' },
  ];

  it('counts written board items, agenda items and resources per member, highest total first', () => {
    const got = countContributions(members, [
      { agenda: [agenda('ann'), agenda('gone')], board: [board('sticky', 'bob'), board('link', 'bob'), board('frame', 'bob'), board('connector', 'ann')] },
      { agenda: [], board: [board('stroke', 'bob'), board('image', 'cy'), board('file', 'cy'), board('text', 'gone')] },
    ]);
    expect(got.map((c) => [c.userId, c.boardItems, c.agendaItems, c.resources, c.questions])).toEqual([
      ['bob', 2, 0, 1, 0],
      ['cy', 0, 0, 2, 0],
      ['ann', 0, 1, 0, 0],
    ]);
  });

  it('includes questions from the hook and members without contributions', () => {
    const got = countContributions(members, [], new Map([['cy', 3]]));
    expect(got.map((c) => [c.userId, c.questions])).toEqual([
      ['cy', 3],
      ['ann', 0],
      ['bob', 0],
    ]);
    expect(got[0]!.name).toBe('Cy');
  });
});
