/**
 * Who is taking part in a session: a member of its community, or a guest of exactly that session (issue
 * 4 item 10). Used by the few routes that admit guests (RouteSpec.guests); a guest of another session
 * gets the same 404 as a missing session.
 */
import type { Context } from 'hono';
import { canEditRoom, canGuestEdit, canManageSessions, type SessionRole } from '../../shared/roles.ts';
import type { GuestIdentity } from '../auth/GuestAccess.ts';
import type { AppStore, CommunityRecord, MembershipRecord, SessionRecord } from '../store/types.ts';
import type { AppEnv } from './AppEnv.ts';
import { HttpError } from './HttpError.ts';
import { loadSessionForMember } from './communityAccess.ts';
import { routeAdmitsGuests } from './routeTable.ts';

export interface SessionParticipant {
  /** Identity in the session's rooms and facilitation state: a user id, or a guest's room identity. */
  id: string;
  name: string;
  role: SessionRole;
  canEdit: boolean;
  facilitator: boolean;
  /** Set for a guest. */
  guest: GuestIdentity | null;
  /** Set for a member. */
  membership: MembershipRecord | null;
}

/** The session, its community and the caller as a participant; 404 unless member or guest of it. */
export async function loadSessionForParticipant(
  c: Context<AppEnv>,
  store: AppStore,
  sessionId: string,
): Promise<{ session: SessionRecord; community: CommunityRecord; participant: SessionParticipant }> {
  const missing = new HttpError('not_found', 'Session not found');
  const user = c.get('user');
  const guest = c.get('guest');
  // Deny by default: a guest counts only on a route that admits guests.
  const guestHere = guest !== null && guest.sessionId === sessionId && routeAdmitsGuests(c.req.method, c.req.routePath);
  if (user) {
    try {
      const { session, community, membership } = await loadSessionForMember(store, sessionId, user.id);
      const participant: SessionParticipant = {
        id: user.id, name: user.name, role: membership.role, canEdit: canEditRoom(membership.role),
        facilitator: canManageSessions(membership.role), guest: null, membership,
      };
      return { session, community, participant };
    } catch (err) {
      // A signed-in non-member who opened a guest link takes part as that guest.
      if (!(guestHere && err instanceof HttpError && err.status === 404)) throw err;
    }
  }
  if (!guest) throw new HttpError('unauthenticated', 'Please sign in first');
  if (!guestHere) throw missing;
  const session = await store.getSession(sessionId);
  const community = session ? await store.getCommunity(session.communityId) : null;
  if (!session || !community) throw missing;
  const participant: SessionParticipant = {
    id: guest.id, name: guest.name, role: 'guest', canEdit: canGuestEdit(guest.permission), facilitator: false, guest, membership: null,
  };
  return { session, community, participant };
}
