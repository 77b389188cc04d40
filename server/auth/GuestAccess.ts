/**
 * Guest identities (issue 4 item 10): a guest link's token and a guest's cookie token are random, only
 * their SHA-256 is stored. A guest is valid while its link is neither revoked nor expired; it reaches
 * exactly one session.
 */
import { randomBytes } from 'node:crypto';
import type { GuestPermission } from '../../shared/roles.ts';
import type { GuestLinkRecord, GuestStore } from '../store/types.ts';
import { hashSessionToken } from './AuthSessions.ts';

// 32 random bytes in base64url without padding, like session tokens.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A resolved, currently valid guest. */
export interface GuestIdentity {
  /** The guest record's id. */
  guestId: string;
  /** Identity in rooms and facilitation state (presence, hands, questions): never a user id. */
  id: string;
  name: string;
  /** The guest's account, when a signed-in person opened the link. */
  accountId: string | null;
  linkId: string;
  sessionId: string;
  communityId: string;
  permission: GuestPermission;
  /** When the link expires (ms since the epoch): the guest's access ends then. */
  expiresAt: number;
  /** Hash of the guest's cookie token (carried by the guest's tickets). */
  tokenHash: string;
}

/** A new random token and its stored form. */
export function newGuestToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSessionToken(token) };
}

/** The stored form of a token from a URL or cookie; null when it is malformed (no store lookup then). */
export function guestTokenHash(token: string | null | undefined): string | null {
  return token && TOKEN_PATTERN.test(token) ? hashSessionToken(token) : null;
}

/** Whether a link still lets people in. */
export function isLinkLive(link: GuestLinkRecord, now = Date.now()): boolean {
  return link.revokedAt === null && Date.parse(link.expiresAt) > now;
}

/** The room identity of a guest. The prefix cannot collide with user ids (UUIDs). */
export const guestConnectionId = (guestId: string) => `guest:${guestId}`;

/** Resolves guest cookies (by the token) and guest tickets (by the stored hash). */
export class GuestAccess {
  constructor(private readonly store: { guests: GuestStore }) {}

  /** The guest for a cookie token, or null when unknown, malformed, revoked or expired. */
  resolve(token: string | null | undefined): Promise<GuestIdentity | null> {
    const hash = guestTokenHash(token);
    return hash ? this.resolveHash(hash) : Promise.resolve(null);
  }

  async resolveHash(tokenHash: string, now = Date.now()): Promise<GuestIdentity | null> {
    const found = await this.store.guests.getGuestByTokenHash(tokenHash);
    if (!found || !isLinkLive(found.link, now)) return null;
    const { guest, link } = found;
    return {
      guestId: guest.id,
      id: guestConnectionId(guest.id),
      name: guest.name,
      accountId: guest.userId,
      linkId: link.id,
      sessionId: link.sessionId,
      communityId: link.communityId,
      permission: link.permission,
      expiresAt: Date.parse(link.expiresAt),
      tokenHash,
    };
  }
}
