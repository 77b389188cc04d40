/**
 * The resource library (issue 3, item 3): every link card, file card and notes link of a community's
 * sessions, plus resources members add directly, one entry per normalised URL (files: per content).
 */

/** Where a resource was shared: a board card, a link in the notes, or added to the library directly. */
export const RESOURCE_PLACES = ['board', 'notes', 'direct'] as const;
export type ResourcePlace = (typeof RESOURCE_PLACES)[number];

export const RESOURCE_KINDS = ['link', 'file'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Longest title and note of a directly added resource, in characters. */
export const RESOURCE_TITLE_MAX = 200;
export const RESOURCE_NOTE_MAX = 1000;
/** Longest URL accepted when adding a resource. */
export const RESOURCE_URL_MAX = 2000;

/** The library key of an uploaded file (links are keyed by their normalised URL). */
export function fileResourceKey(sha256: string): string {
  return `sha256:${sha256}`;
}

/** One resource as `GET /api/communities/:id/resources` returns it. */
export interface ResourceDto {
  id: string;
  kind: ResourceKind;
  title: string;
  /** The normalised http(s) URL, or `/api/files/<sha256>` for an uploaded file. */
  url: string;
  /** The note of whoever added it directly, if any. */
  note?: string;
  /** People who shared it (board cards and direct additions), in the order they first did. */
  sharedBy: { id: string; name: string }[];
  /** It appears as a link in some session's notes (notes have no author). */
  inNotes: boolean;
  /** Sessions it appeared in, newest first. */
  sessions: { id: string; title: string; startsAt: string }[];
  /** How many times it was shared: board cards, notes blocks and direct additions. */
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** `GET /api/communities/:id/resources`. */
export interface ResourcesResponse {
  resources: ResourceDto[];
}
