/** Request validation for the resource library API (issue 3, item 3). */
import { z } from 'zod';
import { normalizeUrl } from '../knowledge/normalizeUrl.ts';
import { RESOURCE_NOTE_MAX, RESOURCE_TITLE_MAX, RESOURCE_URL_MAX } from '../knowledge/resources.ts';
import { MAX_TAG_LENGTH } from '../knowledge/tags.ts';

/** `POST /api/communities/:id/resources`: a web address (http or https) with a title and an optional note. */
export const AddResourceBody = z.strictObject({
  url: z
    .string()
    .trim()
    .min(1, 'Enter a web address')
    .max(RESOURCE_URL_MAX, `Web addresses are at most ${RESOURCE_URL_MAX} characters`)
    .refine((u) => normalizeUrl(u) !== null, 'Enter a web address starting with http:// or https://'),
  title: z.string().trim().min(1, 'Give the resource a title').max(RESOURCE_TITLE_MAX, `Titles are at most ${RESOURCE_TITLE_MAX} characters`),
  note: z.string().trim().max(RESOURCE_NOTE_MAX, `Notes are at most ${RESOURCE_NOTE_MAX} characters`).optional().default(''),
});
export type AddResourceBody = z.input<typeof AddResourceBody>;

/** `?tag=&session=&q=` of the library listing; every filter is optional. */
export const ResourceFilterParams = z.object({
  tag: z.string().trim().max(MAX_TAG_LENGTH).optional(),
  session: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200, 'Search for at most 200 characters').optional(),
});
export type ResourceFilterParams = z.infer<typeof ResourceFilterParams>;
