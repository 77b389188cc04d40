import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, getNotes, readAgendaLink, toYMap } from '../../shared/doc/layout.ts';
import { agendaLinkOptions } from './agendaLinks.ts';
import { addItem, readAgenda, updateItem } from './agendaOps.ts';

function heading(text: string): Y.XmlElement {
  const h = new Y.XmlElement('heading');
  h.setAttribute('level', '2');
  h.insert(0, [new Y.XmlText(text)]);
  return h;
}

describe('agenda links', () => {
  it('offers the board frames and the notes headings, with the anchors the server derives', () => {
    const doc = new Y.Doc();
    getBoard(doc).set('f1', toYMap({ id: 'f1', type: 'frame', text: 'Case study' }));
    getBoard(doc).set('s1', toYMap({ id: 's1', type: 'sticky', text: 'not a frame' }));
    getNotes(doc).insert(0, [heading('Decisions & next steps'), new Y.XmlElement('paragraph'), heading('Decisions & next steps')]);
    expect(agendaLinkOptions(doc)).toEqual([
      { value: 'board:f1', label: 'Board frame: Case study' },
      { value: 'notes:decisions-next-steps', label: 'Notes heading: Decisions & next steps' },
      { value: 'notes:decisions-next-steps-2', label: 'Notes heading: Decisions & next steps' },
    ]);
  });

  it('stores only well-formed links on items, and unlinks with an empty one', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, null, { title: 'Case', minutes: 10, link: 'board:f1' }, 'u1')!;
    expect(readAgenda(doc)[0].link).toBe('board:f1');
    expect(updateItem(doc, null, id, { link: 'javascript:alert(1)' })).toBe(true);
    expect(readAgenda(doc)[0].link).toBeUndefined();
    expect(updateItem(doc, null, id, { link: 'notes:intro' })).toBe(true);
    expect(readAgenda(doc)[0].link).toBe('notes:intro');
    expect(readAgendaLink('notes:has space')).toBeUndefined();
    expect(readAgendaLink('agenda:x')).toBeUndefined();
  });
});
