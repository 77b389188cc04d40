/**
 * The upgrade decision for a guest (issue 4 item 10, SPEC R15): a guest reaches its own session's room
 * (editing only with an `edit` link) and that session's control room (read-only), nothing else — not
 * other sessions, not breakout, draft or private rooms. A revoked or expired link is refused like a
 * signed-out session (401).
 */
import { colorForUser } from '../../shared/colors.ts';
import { canGuestEdit } from '../../shared/roles.ts';
import { EXTENSIONS_PARAM } from '../../shared/protocol/messages.ts';
import type { SessionRecord } from '../store/types.ts';
import type { GuestAccess } from '../auth/GuestAccess.ts';
import type { UpgradeDecision } from './authorizeUpgrade.ts';

/** The room being opened, as authorizeUpgrade classified it. */
export interface RoomTarget {
  room: string;
  kind: string | null;
  session: SessionRecord | null;
}

export async function authorizeGuest(
  guests: GuestAccess | undefined,
  guestHash: string,
  target: RoomTarget,
  params: URLSearchParams,
): Promise<UpgradeDecision> {
  const guest = guests ? await guests.resolveHash(guestHash) : null;
  if (!guest) return { ok: false, status: 401, code: 'unauthenticated', message: 'This guest link has expired or was revoked' };
  // Anything but its own session's room or control room answers like a missing room.
  if (!target.session || target.session.id !== guest.sessionId || (target.kind !== null && target.kind !== 'ctl')) {
    return { ok: false, status: 404, code: 'not_found', message: 'No such room' };
  }
  return {
    ok: true,
    role: 'guest',
    ctx: {
      userId: guest.id,
      name: guest.name,
      color: colorForUser(guest.id),
      room: target.room,
      sessionId: guest.sessionId,
      communityId: guest.communityId,
      readOnly: target.kind === 'ctl' || !canGuestEdit(guest.permission),
      extensions: params.get(EXTENSIONS_PARAM) === '1',
      facilitator: false,
      guestLinkId: guest.linkId,
      accessUntil: guest.expiresAt,
    },
  };
}
