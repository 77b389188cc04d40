/**
 * A session's content as plain data: what the server extracts from a room's Yjs document
 * (server/knowledge/extractContent.ts) and what the archive view, search index, exports and later
 * knowledge features read. Never contains anything unsafe to render: link targets are http(s) only and
 * colours are from the sticky palette.
 */
import type { BoardItemFields } from '../doc/layout.ts';

/** One agenda item, in agenda order. */
export interface AgendaEntry {
  id: string;
  title: string;
  minutes: number;
  owner: string;
  done: boolean;
  createdBy: string;
}

/** The block types the notes are flattened into (ProseMirror node types, simplified). */
export const NOTE_BLOCK_TYPES = ['heading', 'paragraph', 'listItem', 'taskItem', 'quote', 'code'] as const;
export type NoteBlockType = (typeof NOTE_BLOCK_TYPES)[number];

/** A link found in the notes: an http(s) URL (bare hosts get https://) and the linked text. */
export interface NoteLink {
  href: string;
  text: string;
}

/**
 * One block of the notes, in document order. Lists are flattened: each list item is one block with its
 * nesting `depth` (1 = top-level list); nested lists follow their parent item.
 */
export interface NoteBlock {
  type: NoteBlockType;
  /** Plain text; hard breaks are '\n'. */
  text: string;
  /** Headings only: 1–6. */
  level?: number;
  /** Task items only. */
  checked?: boolean;
  /** Task items (actions) only, when set: the assignee's user id and name, and the due date (YYYY-MM-DD). */
  assignee?: string;
  assigneeName?: string;
  due?: string;
  /** Blocks marked as a decision (a paragraph, or a list item whose paragraph is one). */
  decision?: boolean;
  /** List items only: true inside an ordered list. */
  ordered?: boolean;
  /** List nesting depth (0 outside lists). */
  depth: number;
  /** Headings only: a slug unique within the notes (shared/knowledge/anchors.ts), the `focus` target. */
  anchor?: string;
  /** The anchor of the heading this block sits under (a heading's own anchor for a heading). */
  section?: string;
  /**
   * Identifies the block for pins: the anchor for headings, otherwise derived from the block's text
   * (stable while the block's own text is unchanged, whatever else is edited).
   */
  id: string;
  links: NoteLink[];
}

/**
 * One board item, in reading order (top to bottom, then left to right): the layout's fields as
 * readBoardItem validates them (type-specific ones — shape, connector ends, stroke points, file hash —
 * only on their types), with `url`/`host` only for http(s) link targets and `color` always from the
 * palette of its type (INK_COLORS for strokes and connectors, STICKY_COLORS otherwise).
 */
export type BoardEntry = Omit<BoardItemFields, 'url'> & {
  /** Link cards with an http(s) URL only. */
  url?: string;
  /** Host of `url`. */
  host?: string;
};

/** Everything readable in a session room. */
export interface SessionContent {
  agenda: AgendaEntry[];
  notes: NoteBlock[];
  board: BoardEntry[];
  /** Id of the agenda item marked "Now", if it still exists. */
  currentAgendaItem?: string;
}
