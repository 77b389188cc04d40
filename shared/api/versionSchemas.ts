/**
 * Request validation for the timeline and catch-up API (/api/sessions/:id/versions…, /seen, /catch-up).
 * Both writes carry no data — the server takes the time and the caller from the request — so their
 * bodies must be empty objects.
 */
import { z } from 'zod';

/** `POST /api/sessions/:id/seen`: marks the session seen now. */
export const MarkSeenBody = z.strictObject({});
export type MarkSeenBody = z.infer<typeof MarkSeenBody>;

/** `POST /api/sessions/:id/versions/:versionId/restore` (hosts). */
export const RestoreVersionBody = z.strictObject({});
export type RestoreVersionBody = z.infer<typeof RestoreVersionBody>;
