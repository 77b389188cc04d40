/**
 * One session as a Markdown document: a header (title, start, length, format, tags), the agenda as a
 * numbered list (timebox, owner, done ✓, current), the notes (notesToMarkdown) and the board's items as
 * lists grouped by type — stickies, text, shapes with their text, link cards as [title](url), images
 * and files linked to their content, frames; arrows and drawings are counted. Pure.
 */
import * as Y from 'yjs';
import { SESSION_FORMAT_LABELS, type SessionFormat } from '../../../shared/api/sessionFormats.ts';
import { getNotes } from '../../../shared/doc/layout.ts';
import { SHAPE_NAMES, formatBytes } from '../../../shared/board/itemLabel.ts';
import type { AgendaEntry, BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { extractContent } from '../extractContent.ts';
import { escapeLineStart, escapeMarkdown, markdownLink } from './markdownText.ts';
import { notesToMarkdown } from './notesToMarkdown.ts';

/** What the header shows about the session. */
export interface SessionMarkdownInfo {
  title: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat | string;
  tags?: readonly string[];
  communityName?: string;
}

export interface SessionMarkdownOptions {
  /** Where an uploaded file is linked: `/api/files/<sha256>` by default (in a zip: `../files/<sha256>`). */
  fileHref?: (sha256: string) => string;
}

/** Text someone wrote, on one line of a list item: escaped, line breaks kept as Markdown hard breaks. */
function itemText(text: string): string {
  return text
    .trim()
    .split(/\n+/)
    .map((line) => escapeLineStart(escapeMarkdown(line.trim())))
    .join('\\\n  ');
}

/** The agenda as a numbered list; '' when there is none. */
export function agendaToMarkdown(agenda: readonly AgendaEntry[], current?: string): string {
  if (agenda.length === 0) return '';
  const lines = agenda.map((item, i) => {
    const facts = [item.minutes > 0 ? `${item.minutes} min` : '', item.owner ? `owner: ${escapeMarkdown(item.owner)}` : '']
      .filter(Boolean)
      .join(', ');
    return `${i + 1}. ${item.done ? '✓ ' : ''}${itemText(item.title) || '_Untitled item_'}${facts ? ` (${facts})` : ''}${item.id === current ? ' — **current**' : ''}`;
  });
  const total = agenda.reduce((sum, a) => sum + a.minutes, 0);
  return `${lines.join('\n')}\n\nTotal: ${total} min`;
}

/** The board's items as lists grouped by type (in reading order within a group); '' for an empty board. */
export function boardToMarkdown(board: readonly BoardEntry[], opts: SessionMarkdownOptions = {}): string {
  const fileHref = opts.fileHref ?? ((sha: string) => `/api/files/${sha}`);
  const groups: [string, string[]][] = [
    ['Sticky notes', []],
    ['Text', []],
    ['Shapes', []],
    ['Links', []],
    ['Images', []],
    ['Files', []],
    ['Frames', []],
  ];
  const add = (group: number, line: string) => groups[group][1].push(`- ${line}`);
  let arrows = 0;
  let drawings = 0;
  for (const it of board) {
    switch (it.type) {
      case 'sticky':
        if (it.text.trim()) add(0, itemText(it.text));
        break;
      case 'text':
        if (it.text.trim()) add(1, itemText(it.text));
        break;
      case 'shape':
        add(2, `${SHAPE_NAMES[it.shape ?? 'rectangle']}${it.text.trim() ? `: ${itemText(it.text)}` : ''}`);
        break;
      case 'link':
        // Only http(s) targets are links (extractContent dropped anything else); the rest stays text.
        add(3, it.url ? markdownLink(it.text || it.host || it.url, it.url) : `${itemText(it.text || 'Link')} (not a web address)`);
        break;
      case 'image':
      case 'file': {
        const name = it.text || (it.type === 'image' ? 'Image' : 'File');
        const facts = [it.mime === 'application/pdf' ? 'PDF' : '', it.bytes ? formatBytes(it.bytes) : ''].filter(Boolean).join(', ');
        const label = it.sha256 ? markdownLink(name, fileHref(it.sha256)) : itemText(name);
        add(it.type === 'image' ? 4 : 5, `${label}${facts ? ` (${facts})` : ''}`);
        break;
      }
      case 'frame':
        add(6, itemText(it.text || 'Untitled frame'));
        break;
      case 'connector':
        arrows++;
        break;
      case 'stroke':
        drawings++;
        break;
    }
  }
  const parts = groups.filter(([, lines]) => lines.length > 0).map(([title, lines]) => `### ${title}\n\n${lines.join('\n')}`);
  const extra = [arrows ? `${arrows} arrow${arrows === 1 ? '' : 's'}` : '', drawings ? `${drawings} drawing${drawings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' and ');
  if (extra) parts.push(`Also on the board: ${extra}.`);
  return parts.join('\n\n');
}

/** The whole session as Markdown, ending with a newline. */
export function sessionToMarkdown(doc: Y.Doc, info: SessionMarkdownInfo, opts: SessionMarkdownOptions = {}): string {
  const content = extractContent(doc);
  const facts = [
    `- **Starts:** ${escapeMarkdown(info.startsAt)}`,
    `- **Length:** ${info.durationMinutes} min`,
    `- **Format:** ${escapeMarkdown(SESSION_FORMAT_LABELS[info.format as SessionFormat] ?? info.format)}`,
  ];
  if (info.communityName) facts.unshift(`- **Community:** ${escapeMarkdown(info.communityName)}`);
  if (info.tags?.length) facts.push(`- **Tags:** ${info.tags.map(escapeMarkdown).join(', ')}`);
  const sections = [
    `# ${escapeMarkdown(info.title)}`,
    facts.join('\n'),
    `## Agenda\n\n${agendaToMarkdown(content.agenda, content.currentAgendaItem) || '_No agenda._'}`,
    // Notes headings sit under "## Notes": their levels shift by two.
    `## Notes\n\n${notesToMarkdown(getNotes(doc), { headingOffset: 2 }) || '_No notes._'}`,
    `## Board\n\n${boardToMarkdown(content.board, opts) || '_Nothing on the board._'}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** A file name for a session's Markdown: `<YYYY-MM-DD>-<slug>.md` (ASCII, at most ~80 characters). */
export function sessionFileName(info: Pick<SessionMarkdownInfo, 'title' | 'startsAt'>): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(info.startsAt)?.[0] ?? 'undated';
  const slug = info.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${date}-${slug || 'session'}.md`;
}
