/**
 * Communities, their members and invites. Role checks go through shared/roles.ts; visibility through
 * communityAccess.ts (invite-only communities are 404 to non-members).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { canManageMembers } from '../../../shared/roles.ts';
import type { InviteDto } from '../../../shared/api/schemas.ts';
import type { CommunityRecord } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { isAllowedOrigin, normalizeOrigin } from '../../auth/origin.ts';
import { communityDto, loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { toCommunityDto, toMemberDto } from '../dto.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** How long an invite link stays valid. */
export const INVITE_TTL_MS = 14 * 86_400_000;
// Invite codes are 16 random bytes in base64url (22 chars); anything else is refused before a lookup.
const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Routes under /api/communities and /api/invites. */
export function communityRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.createCommunity, async (c, body) => {
    const user = requireUser(c);
    const community: CommunityRecord = {
      id: randomUUID(),
      name: body.name,
      domain: body.domain,
      groundRules: body.groundRules,
      visibility: body.visibility,
      createdBy: user.id,
      createdAt: new Date().toISOString(),
    };
    await store.createCommunity(community);
    return c.json(toCommunityDto(community, 1, 'host'), 201);
  });

  registerRoute(app, ROUTES.listCommunities, async (c) => {
    const user = requireUser(c);
    const rows = await store.listCommunities(user.id);
    return c.json({ communities: rows.map((r) => toCommunityDto(r, r.memberCount, r.myRole)) }, 200);
  });

  registerRoute(app, ROUTES.getCommunity, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    return c.json(await communityDto(store, community, membership), 200);
  });

  registerRoute(app, ROUTES.joinCommunity, async (c) => {
    const user = requireUser(c);
    const id = pathParam(c, 'id');
    const community = await store.getCommunity(id);
    if (!community) throw new HttpError('not_found', 'Community not found');
    const membership = await store.getMembership(id, user.id);
    // Joining twice is fine and never changes the role (a host stays host).
    if (membership) return c.json(await communityDto(store, community, membership), 200);
    // The API contract says 403 here, which (unlike GET's 404) tells a non-member holding the id that the
    // community exists; ids are random UUIDs, so only someone who was given one can ask.
    if (community.visibility !== 'open') throw new HttpError('forbidden', 'This community is invite-only: ask a host for an invite');
    const joined = await store.addMember({ communityId: community.id, userId: user.id, role: 'member', joinedAt: new Date().toISOString() });
    return c.json(await communityDto(store, community, joined), 200);
  });

  registerRoute(app, ROUTES.createInvite, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageMembers, 'Only hosts can invite people');
    const now = Date.now();
    const code = randomBytes(16).toString('base64url');
    const expiresAt = new Date(now + INVITE_TTL_MS).toISOString();
    await store.createInvite({
      code,
      communityId: community.id,
      createdBy: user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt,
      role: 'member',
    });
    // The link uses the origin the host is using (the Origin check already proved it is one of ours).
    const origin = normalizeOrigin(c.req.header('origin') ?? '');
    const base = origin && isAllowedOrigin(origin, config.allowedOrigins) ? origin : config.allowedOrigins[0];
    const dto: InviteDto = { code, url: `${base}/invite/${code}`, expiresAt };
    return c.json(dto, 201);
  });

  registerRoute(app, ROUTES.acceptInvite, async (c) => {
    const user = requireUser(c);
    const code = pathParam(c, 'code');
    const missing = new HttpError('not_found', 'This invite does not exist or has expired');
    const invite = INVITE_CODE_PATTERN.test(code) ? await store.getInvite(code) : null;
    if (!invite || Date.parse(invite.expiresAt) <= Date.now()) throw missing;
    const community = await store.getCommunity(invite.communityId);
    if (!community) throw missing;
    // addMember keeps an existing membership, so an invite never demotes anyone.
    const membership = await store.addMember({
      communityId: community.id,
      userId: user.id,
      role: invite.role,
      joinedAt: new Date().toISOString(),
    });
    return c.json(await communityDto(store, community, membership), 200);
  });

  registerRoute(app, ROUTES.listMembers, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const members = await store.listMembers(community.id);
    return c.json({ members: members.map(toMemberDto) }, 200);
  });

  registerRoute(app, ROUTES.setMemberRole, async (c, body) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageMembers, "Only hosts can change members' roles");
    const targetId = pathParam(c, 'userId');
    const members = await store.listMembers(community.id);
    const target = members.find((m) => m.userId === targetId);
    if (!target) throw new HttpError('not_found', 'Member not found');
    if (target.role === 'host' && body.role !== 'host' && members.filter((m) => m.role === 'host').length <= 1) {
      // Known gap: two hosts demoting each other at the same instant can both pass this check; the
      // store has no conditional update yet.
      throw new HttpError('conflict', 'A community needs at least one host: make someone else host first');
    }
    if (target.role !== body.role) {
      await store.setMemberRole(community.id, targetId, body.role);
      deps.authEvents?.membershipChanged(community.id, targetId);
    }
    return c.json(toMemberDto({ ...target, role: body.role }), 200);
  });

  return app;
}
