/**
 * Short-lived WebSocket tickets: `POST /api/sessions/:id/ticket` issues one, the upgrade handler verifies
 * it. A ticket is `base64url(JSON payload).base64url(HMAC-SHA256(payload))`; it binds a user to one room
 * with the role they had at issue time (the upgrade handler re-checks the membership anyway).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_ROLES, type SessionRole } from '../../shared/roles.ts';
import { ROOM_NAME_PATTERN } from '../../shared/protocol/messages.ts';

/** What a valid ticket asserts. */
export interface TicketClaims {
  userId: string;
  room: string;
  role: SessionRole;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
  /** Unique ticket id (lets a verifier refuse replays if it wants to). */
  jti: string;
  /**
   * Hash of the sign-in session the ticket was issued under: the upgrade refuses the ticket once that
   * session is gone (logout revokes the tickets it issued).
   */
  sessionHash?: string;
  /** A guest's ticket (role `guest`): the hash of the guest's cookie token; the upgrade re-checks the guest and its link. */
  guestHash?: string;
}

interface Payload {
  u: string;
  r: string;
  role: SessionRole;
  exp: number;
  jti: string;
  s?: string;
  g?: string;
}

// Far above any real ticket; refuses megabyte "tokens" before doing any crypto.
const MAX_TOKEN_LENGTH = 1024;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** Signs and verifies tickets with one secret. */
export class TicketSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlMs: number,
  ) {
    if (secret.length < 32) throw new Error('Ticket secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  /** Issues a ticket valid for the configured TTL. */
  issue(claims: { userId: string; room: string; role: SessionRole; sessionHash?: string; guestHash?: string }, now = Date.now()): { token: string; expiresAt: Date } {
    const exp = now + this.ttlMs;
    const payload: Payload = { u: claims.userId, r: claims.room, role: claims.role, exp, jti: randomBytes(12).toString('base64url') };
    if (claims.sessionHash) payload.s = claims.sessionHash;
    if (claims.guestHash) payload.g = claims.guestHash;
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return { token: `${body}.${this.sign(body).toString('base64url')}`, expiresAt: new Date(exp) };
  }

  /** The claims of a valid, unexpired ticket; null for anything else (never throws). */
  verify(token: unknown, now = Date.now()): TicketClaims | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
    const body = token.slice(0, dot);
    const sig = token.slice(dot + 1);
    if (!B64URL.test(body) || !B64URL.test(sig)) return null;
    const given = Buffer.from(sig, 'base64url');
    const expected = this.sign(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

    let p: Partial<Payload>;
    try {
      p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (typeof p !== 'object' || p === null) return null;
    if (typeof p.u !== 'string' || p.u.length === 0) return null;
    if (typeof p.r !== 'string' || !ROOM_NAME_PATTERN.test(p.r)) return null;
    if (typeof p.role !== 'string' || !(SESSION_ROLES as readonly string[]).includes(p.role)) return null;
    if (typeof p.exp !== 'number' || !Number.isFinite(p.exp) || p.exp <= now) return null;
    if (typeof p.jti !== 'string') return null;
    if (p.s !== undefined && typeof p.s !== 'string') return null;
    if (p.g !== undefined && typeof p.g !== 'string') return null;
    // A guest ticket always names its guest, and only a guest ticket does.
    if ((p.role === 'guest') !== (p.g !== undefined)) return null;
    return { userId: p.u, room: p.r, role: p.role, expiresAt: p.exp, jti: p.jti, ...(p.s ? { sessionHash: p.s } : {}), ...(p.g ? { guestHash: p.g } : {}) };
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
