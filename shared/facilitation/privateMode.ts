/**
 * Private mode (issue 4 item 6): while a facilitator has it on, members' new sticky notes go to a
 * per-author draft room `<room>-draft-<userId>` that only its author may open, instead of the session
 * room (whose updates everyone receives). The server mirrors every draft into `<room>-drafts`, a room
 * only hosts and facilitators may open (read-only), and on reveal moves the drafts into the board.
 * Both rooms use the session room's layout (`board` map, shared/doc/layout.ts).
 */

/** Suffix (followed by the author's user id) of a member's draft room. */
export const DRAFT_ROOM_INFIX = '-draft-';
/** Suffix of the facilitators' read-only view of every draft. */
export const DRAFTS_ROOM_SUFFIX = '-drafts';

export const draftRoomOf = (room: string, userId: string) => room + DRAFT_ROOM_INFIX + userId;
export const draftsRoomOf = (room: string) => room + DRAFTS_ROOM_SUFFIX;

/** `createdBy` of a sticky revealed anonymously: names nobody. */
export const ANONYMOUS_AUTHOR = 'anonymous';

/** Most drafts one member may have (more are not mirrored or revealed). */
export const MAX_DRAFTS_PER_AUTHOR = 200;

/** Control-room state of private mode (`CONTROL_KEYS.privateMode`). */
export interface PrivateModeState {
  on: boolean;
  /** Revealed stickies name no author. */
  anonymous: boolean;
  /** Server clock when it was turned on. */
  since: number;
}

/** Splits a draft room name into its session room and author, or null. */
export function splitDraftRoom(room: string): { base: string; author: string } | null {
  const at = room.lastIndexOf(DRAFT_ROOM_INFIX);
  if (at <= 0) return null;
  const author = room.slice(at + DRAFT_ROOM_INFIX.length);
  return author ? { base: room.slice(0, at), author } : null;
}

/** Key of an author's draft in the facilitators' drafts room: ids are client-chosen, so scoped by author. */
export const draftKey = (author: string, itemId: string) => `${author}:${itemId}`;
