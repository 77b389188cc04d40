import { describe, expect, it } from 'vitest';
import { planSessionOccurrences, type StoredSessionOccurrence } from './resourceListing.ts';
import type { ResourceOccurrence } from './types.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';
const NOW = '2026-03-01T00:00:00.000Z';

function link(url: string, itemId: string, seenAt?: string): ResourceOccurrence {
  return { key: url, kind: 'link', url, title: '', sha256: null, place: 'board', itemId, sharedBy: 'u1', ...(seenAt ? { seenAt } : {}) };
}

describe('planSessionOccurrences', () => {
  it('keeps the first-seen time of an occurrence already stored, else the document time, else the indexing time', () => {
    const previous: StoredSessionOccurrence[] = [{ resourceId: 'r1', key: 'https://a.example/', place: 'board', itemId: 'i1', seenAt: T0 }];
    const plan = planSessionOccurrences(previous, [link('https://a.example/', 'i1', T1), link('https://b.example/', 'i2', T1), link('https://c.example/', 'i3')], NOW);
    expect(plan.writes.map((w) => [w.key, w.seenAt])).toEqual([
      ['https://a.example/', T0],
      ['https://b.example/', T1],
      ['https://c.example/', NOW],
    ]);
  });

  it('writes each place once and names every resource the session shared before as possibly orphaned', () => {
    const previous: StoredSessionOccurrence[] = [
      { resourceId: 'r1', key: 'https://a.example/', place: 'board', itemId: 'i1', seenAt: T0 },
      { resourceId: 'r1', key: 'https://a.example/', place: 'notes', itemId: 'b1', seenAt: T0 },
      { resourceId: 'r2', key: 'https://gone.example/', place: 'board', itemId: 'i9', seenAt: T0 },
    ];
    const plan = planSessionOccurrences(previous, [link('https://a.example/', 'i1'), link('https://a.example/', 'i1')], NOW);
    expect(plan.writes).toHaveLength(1);
    expect(plan.maybeOrphaned).toEqual(['r1', 'r2']);
  });
});
