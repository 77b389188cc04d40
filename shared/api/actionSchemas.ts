/** Request validation for decisions and actions (issue 3, item 6), defined once for server and client. */
import { z } from 'zod';
import { ACTION_STATUSES } from '../knowledge/actions.ts';

/** `?status=open|done|all` of `GET /api/communities/:id/actions` (open when absent). */
export const ActionsParams = z.object({
  status: z.enum(ACTION_STATUSES, { error: 'status is one of open, done, all' }).optional().default('open'),
});
export type ActionsParams = z.infer<typeof ActionsParams>;
