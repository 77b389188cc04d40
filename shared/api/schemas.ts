/**
 * Request bodies and response shapes of the HTTP API, defined once. The server validates every body
 * with these schemas; the client imports the types (and may reuse the schemas for form checks).
 */
import { z } from 'zod';
import { ROLES } from '../roles.ts';

import { SESSION_FORMATS, VISIBILITIES, type SessionFormat } from './sessionFormats.ts';

export { SESSION_FORMATS, SESSION_FORMAT_LABELS, VISIBILITIES, type SessionFormat, type Visibility } from './sessionFormats.ts';

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

export const SignupBody = z.strictObject({
  name: trimmed(1, 80),
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
  // NIST 800-63B: at least 8, allow long passphrases; cap to bound hashing cost.
  password: z.string().min(8, 'Password must be at least 8 characters').max(256),
});
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CreateCommunityBody = z.strictObject({
  name: trimmed(1, 120),
  domain: trimmed(1, 4000),
  groundRules: z.string().trim().max(8000).optional().default(''),
  visibility: z.enum(VISIBILITIES),
});
export type CreateCommunityBody = z.input<typeof CreateCommunityBody>;

export const SetRoleBody = z.strictObject({ role: z.enum(ROLES) });
export type SetRoleBody = z.infer<typeof SetRoleBody>;

export const CreateSessionBody = z.strictObject({
  title: trimmed(1, 200),
  startsAt: z.iso.datetime({ offset: true }),
  format: z.enum(SESSION_FORMATS),
  durationMinutes: z.number().int().min(5).max(24 * 60).optional().default(60),
  /** Start the agenda from the format's template (shared/templates.ts). Off unless asked, so API clients see no change. */
  template: z.boolean().optional().default(false),
});
export type CreateSessionBody = z.input<typeof CreateSessionBody>;

export interface UserDto {
  id: string;
  name: string;
  email: string;
  color: string;
}

export interface CommunityDto {
  id: string;
  name: string;
  domain: string;
  groundRules: string;
  visibility: (typeof VISIBILITIES)[number];
  createdAt: string;
  memberCount: number;
  /** The caller's role, or null when the caller is not a member. */
  myRole: (typeof ROLES)[number] | null;
}

export interface MemberDto {
  userId: string;
  name: string;
  color: string;
  role: (typeof ROLES)[number];
  joinedAt: string;
}

export interface SessionDto {
  id: string;
  communityId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  room: string;
  createdBy: string;
  createdAt: string;
  /** The recurring series this session belongs to (shared/api/seriesSchemas.ts); absent for one-off sessions. */
  seriesId?: string;
}

export interface InviteDto {
  code: string;
  url: string;
  expiresAt: string;
}

export interface TicketDto {
  room: string;
  token: string;
  expiresAt: string;
}
