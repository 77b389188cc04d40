/**
 * Who may see what: loads a community or session together with the caller's membership and applies the
 * visibility rule — an invite-only community (and its sessions) is indistinguishable from a missing one
 * to non-members, so ids cannot be probed.
 */
import type { Role } from '../../shared/roles.ts';
import type { CommunityDto } from '../../shared/api/schemas.ts';
import type { AppStore, CommunityRecord, MembershipRecord, SessionRecord } from '../store/types.ts';
import { HttpError } from './HttpError.ts';
import { toCommunityDto } from './dto.ts';

const NOT_FOUND = 'Community not found';

/** The community and the caller's membership (null if none); 404 if missing or invite-only to a non-member. */
export async function loadCommunity(
  store: AppStore,
  communityId: string,
  userId: string,
): Promise<{ community: CommunityRecord; membership: MembershipRecord | null }> {
  const community = communityId ? await store.getCommunity(communityId) : null;
  if (!community) throw new HttpError('not_found', NOT_FOUND);
  const membership = await store.getMembership(communityId, userId);
  if (community.visibility === 'invite' && !membership) throw new HttpError('not_found', NOT_FOUND);
  return { community, membership };
}

/** The membership, or 403 for a non-member of an open community. */
export function requireMember(membership: MembershipRecord | null): MembershipRecord {
  if (!membership) throw new HttpError('forbidden', 'Only members of this community can do this');
  return membership;
}

/** 403 unless the member's role passes `allowed` (a shared/roles.ts predicate). */
export function requireRole(membership: MembershipRecord | null, allowed: (role: Role) => boolean, message: string): MembershipRecord {
  const m = requireMember(membership);
  if (!allowed(m.role)) throw new HttpError('forbidden', message);
  return m;
}

/**
 * A session, its community and the caller's membership. Sessions are for members only, whatever the
 * community's visibility: non-members get 404 exactly like a missing id.
 */
export async function loadSessionForMember(
  store: AppStore,
  sessionId: string,
  userId: string,
): Promise<{ session: SessionRecord; community: CommunityRecord; membership: MembershipRecord }> {
  const missing = new HttpError('not_found', 'Session not found');
  const session = sessionId ? await store.getSession(sessionId) : null;
  if (!session) throw missing;
  const [community, membership] = await Promise.all([
    store.getCommunity(session.communityId),
    store.getMembership(session.communityId, userId),
  ]);
  if (!community || !membership) throw missing;
  return { session, community, membership };
}

/** The community as the caller sees it, with a fresh member count. */
export async function communityDto(store: AppStore, community: CommunityRecord, membership: MembershipRecord | null): Promise<CommunityDto> {
  return toCommunityDto(community, await store.countMembers(community.id), membership?.role ?? null);
}
