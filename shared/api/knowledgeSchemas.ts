/**
 * Request validation for the knowledge-base API (search, tags, pins), defined once: the server parses
 * with these, the client may reuse them for form checks.
 */
import { z } from 'zod';
import { PIN_KINDS } from '../knowledge/pins.ts';
import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '../knowledge/search.ts';
import { MAX_TAGS, MAX_TAG_LENGTH, normalizeTags } from '../knowledge/tags.ts';

/** Largest page of search results. */
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;

/** `?q=…&limit=…` of the search endpoints: q is 1–200 characters and not only spaces. */
export const SearchParams = z.object({
  q: z
    .string({ error: 'Type something to search for' })
    .max(SEARCH_QUERY_MAX, `Search for at most ${SEARCH_QUERY_MAX} characters`)
    .refine((q) => q.trim().length >= SEARCH_QUERY_MIN, 'Type something to search for'),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).optional().default(SEARCH_LIMIT_DEFAULT),
});
export type SearchParams = z.infer<typeof SearchParams>;

/** `PUT /api/sessions/:id/tags`. Tags are stored normalised (lower case, single spaces, no repeats). */
export const SetTagsBody = z.strictObject({
  tags: z
    .array(z.string().trim().min(1, 'A tag cannot be empty').max(MAX_TAG_LENGTH, `Tags are at most ${MAX_TAG_LENGTH} characters`))
    .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
    .transform(normalizeTags),
});
export type SetTagsBody = z.input<typeof SetTagsBody>;

/** `POST /api/communities/:id/pins`: the server reads the pinned text itself from the session. */
export const CreatePinBody = z.strictObject({
  sessionId: z.string().min(1).max(100),
  kind: z.enum(PIN_KINDS),
  itemId: z.string().min(1).max(200),
});
export type CreatePinBody = z.infer<typeof CreatePinBody>;
