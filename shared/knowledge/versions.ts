/**
 * Session versions (the timeline) and catch-up ("what happened so far"): the DTOs of
 * /api/sessions/:id/versions…, /seen and /catch-up, and the pure diff of two contents the catch-up is
 * computed with (the server diffs; the client only renders the result).
 */
import type { BoardEntry, NoteBlock, SessionContent } from './sessionContent.ts';

/** One stored version of a session's document. */
export interface VersionDto {
  id: string;
  /** ISO instant the state was captured. */
  takenAt: string;
  /** Size of the stored state. */
  bytes: number;
}

/** `GET /api/sessions/:id/versions`: oldest first. */
export interface VersionListDto {
  versions: VersionDto[];
}

/** `GET /api/sessions/:id/versions/:versionId`: the version's content, read-only. */
export interface VersionContentDto {
  version: VersionDto;
  content: SessionContent;
}

/** `POST /api/sessions/:id/versions/:versionId/restore`. */
export interface RestoreResultDto {
  restored: VersionDto;
  /** The state just before the restore, kept as a version so the restore can be undone. */
  savedBefore: VersionDto;
}

/** What changed between two contents, as the catch-up panel lists it. */
export interface ContentChanges {
  /** Agenda items done now that were not done (or did not exist) before. */
  agendaDone: { id: string; title: string }[];
  /** Notes blocks whose id did not exist before (a block's id follows its text: an edited block counts). */
  notesAdded: { id: string; type: NoteBlock['type']; text: string }[];
  /** Board items added. */
  boardAdded: { id: string; type: BoardEntry['type']; text: string }[];
}

/** `GET /api/sessions/:id/catch-up`. */
export interface CatchUpDto {
  /** My previous mark (ISO), or null if I never looked: then everything counts as new. */
  since: string | null;
  /** The version compared with (taken at or just before `since`), or null for the empty document. */
  baseVersion: VersionDto | null;
  changes: ContentChanges;
}

/** `POST /api/sessions/:id/seen`. */
export interface SeenDto {
  seenAt: string;
}

/** The changes from `before` to `after` (pure). Empty blocks and items without text still count. */
export function diffContent(before: SessionContent, after: SessionContent): ContentChanges {
  const wasDone = new Map(before.agenda.map((a) => [a.id, a.done]));
  const oldNotes = new Set(before.notes.map((n) => n.id));
  const oldBoard = new Set(before.board.map((b) => b.id));
  return {
    agendaDone: after.agenda.filter((a) => a.done && wasDone.get(a.id) !== true).map((a) => ({ id: a.id, title: a.title })),
    notesAdded: after.notes.filter((n) => !oldNotes.has(n.id) && n.text.trim() !== '').map((n) => ({ id: n.id, type: n.type, text: n.text })),
    boardAdded: after.board.filter((b) => !oldBoard.has(b.id)).map((b) => ({ id: b.id, type: b.type, text: b.text })),
  };
}

/** True when nothing is listed. */
export function noChanges(c: ContentChanges): boolean {
  return c.agendaDone.length === 0 && c.notesAdded.length === 0 && c.boardAdded.length === 0;
}
