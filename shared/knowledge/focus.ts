/**
 * The `?focus=<kind>:<itemId>` parameter that opens a session at one place: a notes heading, a board
 * item (selected and zoomed into view) or an agenda item (highlighted). Search results and pins link
 * with it; the session page reads it.
 */
import { SEARCH_KINDS, type SearchKind } from './search.ts';

/** Query parameter name. */
export const FOCUS_PARAM = 'focus';

/** A place in a session. `itemId` is absent for "the notes/board/agenda as a whole" and for titles. */
export interface FocusTarget {
  kind: SearchKind;
  itemId?: string;
}

const MAX_ITEM_ID = 200;

/** "notes:decisions" → { kind: 'notes', itemId: 'decisions' }; anything malformed → null. */
export function parseFocus(value: string | null | undefined): FocusTarget | null {
  if (!value) return null;
  const i = value.indexOf(':');
  const kind = i < 0 ? value : value.slice(0, i);
  const itemId = i < 0 ? '' : value.slice(i + 1);
  if (!(SEARCH_KINDS as readonly string[]).includes(kind) || itemId.length > MAX_ITEM_ID) return null;
  return itemId ? { kind: kind as SearchKind, itemId } : { kind: kind as SearchKind };
}

/** The parameter value for a target ("board:3fa9…"). */
export function formatFocus(target: FocusTarget): string {
  return target.itemId ? `${target.kind}:${target.itemId}` : target.kind;
}

/** Link to a live session opened at `target` (no parameter for titles). */
export function sessionHref(sessionId: string, target?: FocusTarget): string {
  const base = `/s/${encodeURIComponent(sessionId)}`;
  if (!target || target.kind === 'title') return base;
  return `${base}?${FOCUS_PARAM}=${encodeURIComponent(formatFocus(target))}`;
}

/** Link to the read-only archive view of a session. */
export function archiveHref(sessionId: string): string {
  return `/s/${encodeURIComponent(sessionId)}/archive`;
}

/** Link to the end-of-session summary of a session. */
export function summaryHref(sessionId: string): string {
  return `/s/${encodeURIComponent(sessionId)}/summary`;
}
