/**
 * Appends an answered question to a session's notes, written the way Tiptap (y-prosemirror) stores
 * them: a `blockquote` element holding two `paragraph`s; marks are text attributes (`bold: {}`).
 */
import * as Y from 'yjs';
import { getNotes } from '../../shared/doc/layout.ts';

function paragraph(label: string, text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  t.insert(0, label, { bold: {} });
  t.insert(label.length, text, {});
  return p;
}

/** Adds "Q: question / A: answer" as a blockquote at the end of the notes. Call inside a transaction. */
export function appendAnsweredQuestion(doc: Y.Doc, question: string, answer: string): void {
  const notes = getNotes(doc);
  const quote = new Y.XmlElement('blockquote');
  quote.insert(0, [paragraph('Q: ', question), paragraph('A: ', answer)]);
  notes.insert(notes.length, [quote]);
}
