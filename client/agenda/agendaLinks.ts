/**
 * What an agenda item can link to (issue 4 item 2): the board's frames and the notes' headings, as
 * `board:<frame id>` / `notes:<heading anchor>` — the `?focus=` format, with the anchors the server
 * derives (shared/knowledge/anchors.ts), so "bring everyone there" opens exactly that place.
 */
import * as Y from 'yjs';
import { getBoard, getNotes, readBoardItem } from '../../shared/doc/layout.ts';
import { headingAnchors } from '../../shared/knowledge/anchors.ts';

export interface AgendaLinkOption {
  value: string;
  label: string;
}

/** The plain text of a notes block (marks and nested elements flattened). */
function blockText(el: Y.XmlElement | Y.XmlText): string {
  if (el instanceof Y.XmlText) return el.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  return el.toArray().map((c) => (c instanceof Y.XmlElement || c instanceof Y.XmlText ? blockText(c) : '')).join('');
}

/** Frames (by title) and headings (in document order) a person can link an agenda item to. */
export function agendaLinkOptions(doc: Y.Doc): AgendaLinkOption[] {
  const frames: AgendaLinkOption[] = [];
  for (const [id, m] of getBoard(doc)) {
    if (!(m instanceof Y.Map)) continue;
    const item = readBoardItem(m);
    if (item.type === 'frame') frames.push({ value: `board:${id}`, label: `Board frame: ${item.text || 'Untitled frame'}` });
  }
  frames.sort((a, b) => a.label.localeCompare(b.label));
  const headings = getNotes(doc)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading');
  const texts = headings.map(blockText);
  const anchors = headingAnchors(texts);
  const notes = texts.map((t, i) => ({ value: `notes:${anchors[i]}`, label: `Notes heading: ${t || 'Untitled'}` }));
  return [...frames, ...notes];
}
