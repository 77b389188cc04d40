/**
 * Guest links (issue 4 item 10): facilitators create time-limited links to one session, list and revoke
 * them; a visitor opens one, gives a display name and gets a guest cookie bound to that link. Revoking
 * (or expiry) refuses new tickets and closes the guests' open sockets (SPEC R15).
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { canManageSessions } from '../../../shared/roles.ts';
import { colorForUser } from '../../../shared/colors.ts';
import type { GuestDto, GuestLinkCreatedDto, GuestLinkDto, GuestLinkInfoDto } from '../../../shared/api/guestSchemas.ts';
import { isAllowedOrigin, normalizeOrigin } from '../../auth/origin.ts';
import { serializeGuestCookie } from '../../auth/cookies.ts';
import { guestConnectionId, guestTokenHash, isLinkLive, newGuestToken, type GuestIdentity } from '../../auth/GuestAccess.ts';
import type { GuestLinkRecord } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import { wantsSecureCookie } from '../requestInfo.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** The caller's guest identity as the client sees it. */
export function toGuestDto(g: GuestIdentity): GuestDto {
  return { id: g.id, name: g.name, color: colorForUser(g.id), permission: g.permission, expiresAt: new Date(g.expiresAt).toISOString(), sessionId: g.sessionId };
}

function toLinkDto(l: GuestLinkRecord, now = Date.now()): GuestLinkDto {
  const status = l.revokedAt !== null ? 'revoked' : isLinkLive(l, now) ? 'active' : 'expired';
  return { id: l.id, permission: l.permission, label: l.label, expiresAt: l.expiresAt, revokedAt: l.revokedAt, createdAt: l.createdAt, status };
}

const LINK_GONE = 'This guest link has expired or was revoked';

/** Routes under /api/sessions/:id/guest-links and /api/guest-links. */
export function guestRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, config } = deps;
  const app = new Hono<AppEnv>();

  const facilitatorOf = async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can manage guest links');
    return { user, session };
  };

  /** The live link a token opens; 404 for unknown, malformed, revoked and expired ones alike. */
  const liveLink = async (c: Context<AppEnv>) => {
    const hash = guestTokenHash(pathParam(c, 'token'));
    const link = hash ? await store.guests.getLinkByTokenHash(hash) : null;
    if (!link || !isLinkLive(link)) throw new HttpError('not_found', LINK_GONE);
    const session = await store.getSession(link.sessionId);
    const community = session ? await store.getCommunity(session.communityId) : null;
    if (!session || !community) throw new HttpError('not_found', LINK_GONE);
    return { link, session, community };
  };

  registerRoute(app, ROUTES.createGuestLink, async (c, body) => {
    const { user, session } = await facilitatorOf(c);
    const { token, hash } = newGuestToken();
    const now = Date.now();
    const link: GuestLinkRecord = {
      id: randomUUID(), tokenHash: hash, sessionId: session.id, communityId: session.communityId, permission: body.permission, label: body.label,
      expiresAt: new Date(now + body.expiresInMinutes * 60_000).toISOString(), revokedAt: null, createdBy: user.id, createdAt: new Date(now).toISOString(),
    };
    await store.guests.createLink(link);
    // The link uses the origin the facilitator is using (the Origin check already proved it is one of ours).
    const origin = normalizeOrigin(c.req.header('origin') ?? '');
    const base = origin && isAllowedOrigin(origin, config.allowedOrigins) ? origin : config.allowedOrigins[0];
    const dto: GuestLinkCreatedDto = { link: toLinkDto(link, now), url: `${base}/guest/${token}` };
    return c.json(dto, 201);
  });

  registerRoute(app, ROUTES.listGuestLinks, async (c) => {
    const { session } = await facilitatorOf(c);
    const links = (await store.guests.listLinks(session.id)).map((l) => toLinkDto(l));
    return c.json({ links }, 200);
  });

  registerRoute(app, ROUTES.revokeGuestLink, async (c) => {
    const { session } = await facilitatorOf(c);
    const linkId = pathParam(c, 'linkId');
    if (!(await store.guests.revokeLink(session.id, linkId, new Date().toISOString()))) throw new HttpError('not_found', 'No such active guest link');
    // After the store says revoked: a reconnect is refused from now on.
    deps.authEvents?.guestLinkRevoked?.(linkId);
    return c.body(null, 204);
  });

  registerRoute(app, ROUTES.guestLinkInfo, async (c) => {
    const { link, session, community } = await liveLink(c);
    const guest = c.get('guest');
    const dto: GuestLinkInfoDto = {
      session: { id: session.id, title: session.title, startsAt: session.startsAt, durationMinutes: session.durationMinutes, format: session.format },
      communityName: community.name,
      permission: link.permission,
      expiresAt: link.expiresAt,
      joined: guest && guest.linkId === link.id ? toGuestDto(guest) : null,
      accountName: c.get('user')?.name ?? null,
    };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.joinGuestLink, async (c, body) => {
    const { link } = await liveLink(c);
    const user = c.get('user');
    const name = body.name ?? user?.name;
    if (!name) throw new HttpError('invalid_input', 'Enter your name', { issues: [{ path: 'name', message: 'Enter your name' }] });
    const { token, hash } = newGuestToken();
    const id = randomUUID();
    await store.guests.createGuest({ id, tokenHash: hash, linkId: link.id, name, userId: user?.id ?? null, createdAt: new Date().toISOString() });
    const expiresAt = Date.parse(link.expiresAt);
    c.header('Set-Cookie', serializeGuestCookie(token, { maxAgeSeconds: (expiresAt - Date.now()) / 1000, secure: wantsSecureCookie(c, config) }), { append: true });
    const guest: GuestDto = { id: guestConnectionId(id), name, color: colorForUser(guestConnectionId(id)), permission: link.permission, expiresAt: link.expiresAt, sessionId: link.sessionId };
    return c.json({ guest }, 200);
  });

  return app;
}
