import { describe, expect, it } from 'vitest';
import type { AgendaEntry, BoardEntry, NoteBlock, SessionContent } from './sessionContent.ts';
import { diffContent, noChanges } from './versions.ts';

const agenda = (id: string, done: boolean): AgendaEntry => ({ id, title: `Item ${id}`, minutes: 10, owner: '', done, createdBy: 'u' });
const note = (id: string, text: string): NoteBlock => ({ type: 'paragraph', text, depth: 0, id, links: [] });
const board = (id: string, text: string): BoardEntry => ({ id, type: 'sticky', x: 0, y: 0, w: 200, h: 160, text, color: '#fff3a3', z: 0, createdBy: 'u', createdAt: 0 });
const content = (c: Partial<SessionContent>): SessionContent => ({ agenda: [], notes: [], board: [], ...c });

describe('diffContent', () => {
  it('lists agenda items done since, notes blocks and board items added since', () => {
    const before = content({ agenda: [agenda('a', false), agenda('b', true)], notes: [note('n1', 'Welcome')], board: [board('s1', 'First')] });
    const after = content({
      agenda: [agenda('a', true), agenda('b', true), agenda('c', true), agenda('d', false)],
      notes: [note('n1', 'Welcome'), note('n2', 'Decision: meet monthly'), note('n3', '  ')],
      board: [board('s1', 'First'), board('s2', 'Second')],
    });
    expect(diffContent(before, after)).toEqual({
      agendaDone: [{ id: 'a', title: 'Item a' }, { id: 'c', title: 'Item c' }],
      notesAdded: [{ id: 'n2', type: 'paragraph', text: 'Decision: meet monthly' }],
      boardAdded: [{ id: 's2', type: 'sticky', text: 'Second' }],
    });
  });

  it('from the empty document everything present counts as new; nothing changed is empty', () => {
    const now = content({ agenda: [agenda('a', true)], notes: [note('n1', 'Hello')], board: [board('s1', 'Hi')] });
    const all = diffContent(content({}), now);
    expect(all.agendaDone).toHaveLength(1);
    expect(all.notesAdded).toHaveLength(1);
    expect(all.boardAdded).toHaveLength(1);
    expect(noChanges(diffContent(now, now))).toBe(true);
  });

  it('does not list removals or items undone', () => {
    const before = content({ agenda: [agenda('a', true)], board: [board('s1', 'x')], notes: [note('n1', 'x')] });
    expect(noChanges(diffContent(before, content({ agenda: [agenda('a', false)] })))).toBe(true);
  });
});
