/** Session tags: short labels hosts and facilitators put on sessions ("onboarding", "case review"). */

/** Most tags per session. */
export const MAX_TAGS = 20;
/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 40;

/** A tag as stored: whitespace collapsed, trimmed, lower case. */
export function normalizeTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Tags as stored: normalised, empty ones dropped, repeats removed, sorted. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter(Boolean))].sort();
}

/** `GET`/`PUT /api/sessions/:id/tags`. */
export interface SessionTagsDto {
  tags: string[];
}

/** `GET /api/communities/:id/tags`: the tags of every tagged session, by session id. */
export interface CommunityTagsDto {
  sessions: Record<string, string[]>;
}
