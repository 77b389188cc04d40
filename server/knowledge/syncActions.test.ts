import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotes } from '../../shared/doc/layout.ts';
import { collectActions, compareActions, isOverdue } from '../../shared/knowledge/actions.ts';
import { extractNotes } from './extractNotes.ts';

/** A task item as the editor stores it: attributes on the element, text in a paragraph. */
function task(text: string, attrs: Record<string, unknown> = {}) {
  const item = new Y.XmlElement('taskItem');
  for (const [k, v] of Object.entries(attrs)) item.setAttribute(k, v as string);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  item.insert(0, [p]);
  return item;
}

function paragraph(text: string, attrs: Record<string, unknown> = {}) {
  const p = new Y.XmlElement('paragraph');
  for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v as string);
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

function heading(text: string) {
  const h = new Y.XmlElement('heading');
  h.setAttribute('level', 2 as unknown as string);
  h.insert(0, [new Y.XmlText(text)]);
  return h;
}

function notes(build: (f: Y.XmlFragment) => void) {
  const doc = new Y.Doc();
  build(getNotes(doc));
  return extractNotes(getNotes(doc));
}

describe('decisions and actions from the notes', () => {
  it('reads task items with assignee, due date and done state, and decision paragraphs', () => {
    const blocks = notes((f) => {
      const list = new Y.XmlElement('taskList');
      list.insert(0, [
        task('Call the school nurse', { assignee: 'u-mo', assigneeName: 'Mo', due: '2026-12-01' }),
        task('Book the room', { checked: true }),
        task('   '),
        task('Bad date', { due: '2026-13-45', assignee: 42 }),
      ]);
      f.insert(0, [paragraph('Intro'), heading('Next steps'), paragraph('We meet monthly', { decision: true }), list, paragraph('Not a decision', { decision: false })]);
    });
    const { actions, decisions } = collectActions(blocks);
    expect(decisions).toEqual([{ blockId: expect.stringMatching(/^b-/), anchor: 'next-steps', text: 'We meet monthly' }]);
    expect(actions).toEqual([
      { blockId: expect.stringMatching(/^b-/), anchor: 'next-steps', text: 'Call the school nurse', assignee: 'u-mo', assigneeName: 'Mo', due: '2026-12-01', done: false },
      { blockId: expect.stringMatching(/^b-/), anchor: 'next-steps', text: 'Book the room', assignee: null, assigneeName: null, due: null, done: true },
      { blockId: expect.stringMatching(/^b-/), anchor: 'next-steps', text: 'Bad date', assignee: null, assigneeName: null, due: null, done: false },
    ]);
    // Block ids are the notes' own (pins and focus links use the same ones).
    expect(actions[0].blockId).toBe(blocks.find((b) => b.text === 'Call the school nurse')!.id);
  });

  it('keeps notes written before actions existed readable (no attributes: plain open actions)', () => {
    const blocks = notes((f) => {
      const list = new Y.XmlElement('taskList');
      list.insert(0, [task('Old task')]);
      f.insert(0, [list]);
    });
    expect(blocks[0]).toEqual({ type: 'taskItem', text: 'Old task', depth: 1, id: expect.any(String), links: [], checked: false });
    expect(collectActions(blocks).actions[0]).toMatchObject({ text: 'Old task', anchor: null, done: false, due: null });
  });

  it('marks a list item whose paragraph is a decision', () => {
    const blocks = notes((f) => {
      const list = new Y.XmlElement('bulletList');
      const li = new Y.XmlElement('listItem');
      li.insert(0, [paragraph('Adopt the checklist', { decision: true })]);
      list.insert(0, [li]);
      f.insert(0, [list]);
    });
    expect(collectActions(blocks).decisions.map((d) => d.text)).toEqual(['Adopt the checklist']);
  });

  it('flags overdue open actions and sorts by due date, undated last', () => {
    expect(isOverdue({ due: '2026-01-01', done: false }, '2026-01-02')).toBe(true);
    expect(isOverdue({ due: '2026-01-02', done: false }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due: '2026-01-01', done: true }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due: null, done: false }, '2026-01-02')).toBe(false);
    const list = [
      { due: null, sessionStartsAt: '2026-01-01' },
      { due: '2026-03-01', sessionStartsAt: '2026-01-01' },
      { due: '2026-02-01', sessionStartsAt: '2026-01-05' },
      { due: '2026-02-01', sessionStartsAt: '2026-01-01' },
    ];
    expect([...list].sort(compareActions)).toEqual([list[3], list[2], list[1], list[0]]);
  });
});
