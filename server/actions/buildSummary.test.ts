import { describe, expect, it } from 'vitest';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { BoardEntry } from '../../shared/knowledge/sessionContent.ts';
import type { SessionRecord } from '../store/types.ts';
import { buildSummary, topVoted } from './buildSummary.ts';

const item = (id: string, over: Partial<BoardEntry> = {}): BoardEntry => ({
  id, type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: `Idea ${id}`, color: '#fff3a3', z: 1, createdBy: 'u', createdAt: 0, ...over,
});

const content: SessionContent = {
  agenda: [{ id: 'ag1', title: 'Welcome', minutes: 5, owner: 'Mo', done: true, createdBy: 'u' }],
  notes: [
    { type: 'paragraph', text: 'We adopt the checklist', depth: 0, id: 'b-1', links: [], decision: true },
    { type: 'taskItem', text: 'Send the checklist', depth: 1, id: 'b-2', links: [{ href: 'https://example.org/checklist', text: 'checklist' }], checked: false, assignee: 'u-mo', assigneeName: 'Mo', due: '2026-02-01' },
  ],
  board: [
    item('a'),
    item('b', { x: 300 }),
    item('c', { x: 600 }),
    item('link', { type: 'link', x: 900, text: 'Guidance', url: 'https://nice.org.uk/g', host: 'nice.org.uk' }),
  ],
};

const session: SessionRecord = {
  id: 's1', communityId: 'c1', title: 'Mentoring Monday', startsAt: '2026-01-05T16:00:00.000Z', durationMinutes: 60, format: 'open_discussion',
  room: 'r1', createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z',
};

describe('end-of-session summary', () => {
  it('lists the most-voted board items, most first, without unvoted ones', () => {
    expect(topVoted(content, { a: 1, b: 4, c: 4, gone: 9 })).toEqual([
      { itemId: 'b', label: 'Sticky note: Idea b', votes: 4 },
      { itemId: 'c', label: 'Sticky note: Idea c', votes: 4 },
      { itemId: 'a', label: 'Sticky note: Idea a', votes: 1 },
    ]);
    expect(topVoted(content, {})).toEqual([]);
  });

  it('holds the agenda, decisions, actions, resources and an SVG of the board', () => {
    const s = buildSummary({ session, content, votes: { a: 2 }, endedAt: '2026-01-05T17:00:00.000Z', endedBy: 'facilitator' });
    expect(s).toMatchObject({
      sessionId: 's1',
      communityId: 'c1',
      title: 'Mentoring Monday',
      endedBy: 'facilitator',
      agenda: [{ id: 'ag1', title: 'Welcome', owner: 'Mo', minutes: 5, done: true }],
      decisions: [{ blockId: 'b-1', text: 'We adopt the checklist' }],
      actions: [{ blockId: 'b-2', text: 'Send the checklist', assignee: 'u-mo', due: '2026-02-01', done: false }],
      topVoted: [{ itemId: 'a', votes: 2 }],
    });
    expect(s.resources.map((r) => [r.kind, r.where, r.title])).toEqual([
      ['link', 'board', 'Guidance'],
      ['link', 'notes', 'checklist'],
    ]);
    expect(s.boardSvg).toMatch(/^<svg[\s\S]*Idea a[\s\S]*<\/svg>$/);
  });

  it('has no board image for an empty board', () => {
    expect(buildSummary({ session, content: { agenda: [], notes: [], board: [] }, votes: {}, endedAt: 'x', endedBy: 'schedule' }).boardSvg).toBeNull();
  });
});
