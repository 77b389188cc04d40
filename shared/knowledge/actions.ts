/**
 * Decisions and actions of a session's notes (issue 3, item 6): how they are picked out of the notes
 * blocks (pure, so the indexer, the end-of-session summary and the carry-forward agree), and the shapes
 * the HTTP API returns for them and for the end-of-session summary.
 */
import type { NoteBlock } from './sessionContent.ts';

/** Longest action or decision text kept (the rest of a long block is cut). */
export const MAX_ACTION_TEXT = 1000;

/** An action: a task item of the notes. */
export interface ActionItem {
  /** The notes block id (NoteBlock.id). */
  blockId: string;
  /** The anchor of the heading the block sits under (where a link opens), null above the first heading. */
  anchor: string | null;
  text: string;
  /** The assignee's user id and name, when assigned. */
  assignee: string | null;
  assigneeName: string | null;
  /** YYYY-MM-DD, when set. */
  due: string | null;
  done: boolean;
}

/** A decision: a block marked as one. */
export interface DecisionItem {
  blockId: string;
  anchor: string | null;
  text: string;
}

/** A session's decisions and actions in document order. */
export interface SessionActions {
  actions: ActionItem[];
  decisions: DecisionItem[];
}

/** Picks the actions (non-empty task items) and decisions out of a session's notes blocks. */
export function collectActions(notes: readonly NoteBlock[]): SessionActions {
  const actions: ActionItem[] = [];
  const decisions: DecisionItem[] = [];
  for (const b of notes) {
    const text = b.text.trim().slice(0, MAX_ACTION_TEXT);
    if (!text) continue;
    const anchor = b.section ?? null;
    if (b.decision) decisions.push({ blockId: b.id, anchor, text });
    if (b.type === 'taskItem') {
      actions.push({
        blockId: b.id,
        anchor,
        text,
        assignee: b.assignee ?? null,
        assigneeName: b.assignee ? (b.assigneeName ?? null) : null,
        due: b.due ?? null,
        done: b.checked === true,
      });
    }
  }
  return { actions, decisions };
}

/** Today's date (UTC) as YYYY-MM-DD: due dates are calendar dates, compared as text. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** An open action whose due date is before today. */
export function isOverdue(action: Pick<ActionItem, 'due' | 'done'>, today: string): boolean {
  return !action.done && action.due !== null && action.due < today;
}

export const ACTION_STATUSES = ['open', 'done', 'all'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where an action or decision was written. */
export interface SessionRef {
  sessionId: string;
  sessionTitle: string;
  sessionStartsAt: string;
}

/** One action as `GET /api/communities/:id/actions` returns it. */
export interface ActionDto extends SessionRef {
  blockId: string;
  text: string;
  /** Null when nobody is assigned. `name` is the member's current name (or the name written in the notes). */
  assignee: { id: string; name: string } | null;
  due: string | null;
  done: boolean;
  overdue: boolean;
  /** Opens the session's notes at the block's section. */
  href: string;
}

export interface ActionsResponse {
  actions: ActionDto[];
}

/** One decision as `GET /api/communities/:id/decisions` returns it. */
export interface DecisionDto extends SessionRef {
  blockId: string;
  text: string;
  href: string;
}

export interface DecisionsResponse {
  decisions: DecisionDto[];
}

/** Sort order of action lists: due date first (undated last), then older sessions first. */
export function compareActions(a: Pick<ActionDto, 'due' | 'sessionStartsAt'>, b: Pick<ActionDto, 'due' | 'sessionStartsAt'>): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.sessionStartsAt < b.sessionStartsAt ? -1 : a.sessionStartsAt > b.sessionStartsAt ? 1 : 0;
}

/** A board item with the most votes when the session ended. */
export interface TopVotedItem {
  itemId: string;
  /** What the item says (shared/board/itemLabel.ts). */
  label: string;
  votes: number;
}

/** A link or uploaded file that appeared in the session. */
export interface SummaryResource {
  kind: 'link' | 'file';
  /** Links: the http(s) URL; files: the download path (GET /api/files/:sha256). */
  url: string;
  /** Link text or host, or the file name. */
  title: string;
  where: 'board' | 'notes';
}

/** The end-of-session summary (written once, when the session ends). */
export interface SessionSummary {
  sessionId: string;
  communityId: string;
  title: string;
  startsAt: string;
  endedAt: string;
  /** A facilitator pressed "End session", or the scheduled end passed and the room closed. */
  endedBy: 'facilitator' | 'schedule';
  agenda: { id: string; title: string; owner: string; minutes: number; done: boolean }[];
  decisions: DecisionItem[];
  actions: ActionItem[];
  topVoted: TopVotedItem[];
  resources: SummaryResource[];
  /** The board as it was at the end, as a standalone SVG document (null for an empty board). */
  boardSvg: string | null;
}

export interface SessionSummaryResponse {
  summary: SessionSummary | null;
}
