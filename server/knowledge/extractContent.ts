/**
 * Reads a session room's Y.Doc into plain SessionContent through the shared document layout
 * (shared/doc/layout.ts). Pure and synchronous: it never changes the document, so it may read a live
 * room's doc directly.
 */
import * as Y from 'yjs';
import {
  INK_COLORS,
  META_KEYS,
  STICKY_COLORS,
  getAgenda,
  getBoard,
  getMeta,
  getNotes,
  readAgendaItem,
  readBoardItem,
  safeHttpUrl,
} from '../../shared/doc/layout.ts';
import type { AgendaEntry, BoardEntry, SessionContent } from '../../shared/knowledge/sessionContent.ts';
import { extractNotes } from './extractNotes.ts';

/** Everything readable in the document: agenda in order, notes as blocks, board items in reading order. */
export function extractContent(doc: Y.Doc): SessionContent {
  const agenda = extractAgenda(doc);
  const current = getMeta(doc).get(META_KEYS.currentAgendaItem);
  const content: SessionContent = { agenda, notes: extractNotes(getNotes(doc)), board: extractBoard(doc) };
  if (typeof current === 'string' && current && agenda.some((a) => a.id === current)) content.currentAgendaItem = current;
  return content;
}

/** Agenda items in agenda order. Entries that are not maps (a foreign client's junk) are skipped. */
export function extractAgenda(doc: Y.Doc): AgendaEntry[] {
  const out: AgendaEntry[] = [];
  for (const map of getAgenda(doc).toArray()) {
    if (map instanceof Y.Map) out.push(readAgendaItem(map));
  }
  return out;
}

/**
 * Board items, sorted top to bottom, then left to right (reading order), ids from the board map's keys.
 * Only http(s) link targets are kept and colours are forced into their type's palette, so the result
 * can be rendered as it is.
 */
export function extractBoard(doc: Y.Doc): BoardEntry[] {
  const out: BoardEntry[] = [];
  for (const [key, map] of getBoard(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const { url: rawUrl, ...item } = readBoardItem(map);
    const palette: readonly string[] = item.type === 'stroke' || item.type === 'connector' ? INK_COLORS : STICKY_COLORS;
    const entry: BoardEntry = { ...item, id: key, color: palette.includes(item.color) ? item.color : palette[0] };
    const url = item.type === 'link' ? safeHttpUrl(rawUrl) : null;
    if (url) {
      entry.url = url.href;
      entry.host = url.host;
    }
    out.push(entry);
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
