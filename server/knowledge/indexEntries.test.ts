import { describe, expect, it } from 'vitest';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import { buildIndexEntries } from './indexEntries.ts';

const board = (over: Partial<SessionContent['board'][number]>): SessionContent['board'][number] => ({
  id: 'b',
  type: 'sticky',
  text: '',
  x: 0,
  y: 0,
  w: 200,
  h: 160,
  color: '#fff3a3',
  z: 0,
  createdBy: '',
  createdAt: 0,
  ...over,
});

describe('buildIndexEntries', () => {
  it('indexes the title, agenda items with owners, notes blocks by section, and board texts with link hosts', () => {
    const content: SessionContent = {
      agenda: [
        { id: 'a1', title: 'Welcome', minutes: 5, owner: 'Ada', done: false, createdBy: '' },
        { id: 'a2', title: 'Cases', minutes: 20, owner: '', done: false, createdBy: '' },
      ],
      notes: [
        { type: 'paragraph', text: 'Before headings', depth: 0, id: 'b-1', links: [] },
        { type: 'heading', level: 2, text: 'Decisions', anchor: 'decisions', section: 'decisions', depth: 0, id: 'decisions', links: [] },
        { type: 'listItem', text: 'Pilot the checklist', section: 'decisions', depth: 1, id: 'b-2', links: [] },
        { type: 'paragraph', text: '   ', section: 'decisions', depth: 0, id: 'b-3', links: [] },
      ],
      board: [board({ id: 's1', text: 'Consent first' }), board({ id: 'l1', type: 'link', text: 'Guideline', url: 'https://nice.org.uk/', host: 'nice.org.uk' }), board({ id: 'st', type: 'stroke' })],
    };
    expect(buildIndexEntries('Mentoring Monday', content)).toEqual([
      { kind: 'title', itemId: null, text: 'Mentoring Monday' },
      { kind: 'agenda', itemId: 'a1', text: 'Welcome — Ada' },
      { kind: 'agenda', itemId: 'a2', text: 'Cases' },
      { kind: 'notes', itemId: null, text: 'Before headings' },
      { kind: 'notes', itemId: 'decisions', text: 'Decisions' },
      { kind: 'notes', itemId: 'decisions', text: 'Pilot the checklist' },
      { kind: 'board', itemId: 's1', text: 'Consent first' },
      { kind: 'board', itemId: 'l1', text: 'Guideline — nice.org.uk' },
    ]);
  });
});
