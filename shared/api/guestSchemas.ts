/**
 * Guest links and audience mode (issue 4 item 10): request schemas and response shapes, defined once —
 * the server parses with these, the client reuses the types.
 */
import { z } from 'zod';
import { GUEST_PERMISSIONS, type GuestPermission } from '../roles.ts';
import { MAX_SPEAKERS, type Speaker } from '../facilitation/audience.ts';
import type { SessionDto } from './schemas.ts';

/** Shortest and longest life of a guest link: an hour to a week. */
export const GUEST_LINK_MIN_MINUTES = 60;
export const GUEST_LINK_MAX_MINUTES = 7 * 24 * 60;
export const MAX_GUEST_NAME = 60;

/** `POST /api/sessions/:id/guest-links`. */
export const CreateGuestLinkBody = z.strictObject({
  expiresInMinutes: z
    .number()
    .int()
    .min(GUEST_LINK_MIN_MINUTES, 'A guest link lasts at least an hour')
    .max(GUEST_LINK_MAX_MINUTES, 'A guest link lasts at most 7 days'),
  permission: z.enum(GUEST_PERMISSIONS),
  label: z.string().trim().max(80, 'At most 80 characters').default(''),
});
export type CreateGuestLinkBody = z.input<typeof CreateGuestLinkBody>;

/** `POST /api/guest-links/:token/join`: the display name (a signed-in person may leave it out). */
export const JoinGuestBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name').max(MAX_GUEST_NAME, `At most ${MAX_GUEST_NAME} characters`).optional(),
});
export type JoinGuestBody = z.infer<typeof JoinGuestBody>;

/** `POST /api/sessions/:id/audience`: turn audience mode on or off and/or replace the speakers. */
export const AudienceBody = z
  .strictObject({
    enabled: z.boolean().optional(),
    speakers: z
      .array(z.strictObject({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(100) }))
      .max(MAX_SPEAKERS, `At most ${MAX_SPEAKERS} speakers`)
      .optional(),
  })
  .refine((b) => b.enabled !== undefined || b.speakers !== undefined, 'Say what to change');
export type AudienceBody = z.infer<typeof AudienceBody>;

export type GuestLinkStatus = 'active' | 'expired' | 'revoked';

/** A guest link as facilitators see it (the token is shown once, at creation). */
export interface GuestLinkDto {
  id: string;
  permission: GuestPermission;
  label: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  status: GuestLinkStatus;
}

/** `POST /api/sessions/:id/guest-links` → 201. */
export interface GuestLinkCreatedDto {
  link: GuestLinkDto;
  /** The link to hand out: `/guest/<token>` on this server. Never retrievable again. */
  url: string;
}

/** The guest identity of the caller, for one session. */
export interface GuestDto {
  id: string;
  name: string;
  color: string;
  permission: GuestPermission;
  expiresAt: string;
  sessionId: string;
}

/** `GET /api/guest-links/:token`: what the landing page shows before anyone joins. */
export interface GuestLinkInfoDto {
  session: Pick<SessionDto, 'id' | 'title' | 'startsAt' | 'durationMinutes' | 'format'>;
  communityName: string;
  permission: GuestPermission;
  expiresAt: string;
  /** Set when this browser already joined through this link. */
  joined: GuestDto | null;
  /** The signed-in person's name, to prefill the form. */
  accountName: string | null;
}

export type { Speaker };

/** `POST /api/sessions/:id/agenda/jump`: bring everyone to what this agenda item links to. */
export const AgendaJumpBody = z.strictObject({ itemId: z.string().min(1).max(200) });
export type AgendaJumpBody = z.infer<typeof AgendaJumpBody>;
