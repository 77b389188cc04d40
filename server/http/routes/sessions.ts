/**
 * Scheduled sessions of a community and the tickets that open their rooms. Room names are generated
 * here, never chosen by clients, so they always match ROOM_NAME_PATTERN.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { canManageSessions } from '../../../shared/roles.ts';
import type { TicketDto } from '../../../shared/api/schemas.ts';
import type { SessionRecord } from '../../store/types.ts';
import { hashSessionToken } from '../../auth/AuthSessions.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { communityDto, loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { toSessionDto } from '../dto.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';
import { newRoomName } from '../newRoomName.ts';
import { loadSessionForParticipant } from '../sessionParticipant.ts';
import { toGuestDto } from './guests.ts';
import { splitBreakoutRoom } from '../../../shared/facilitation/breakouts.ts';
import { HttpError } from '../HttpError.ts';
import { applyTemplate } from '../../series/applyTemplate.ts';
import { ensureCommunitySeries } from '../../series/ensureUpcomingSessions.ts';

export { newRoomName };

/** Routes under /api/communities/:id/sessions and /api/sessions. */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, tickets } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.createSession, async (c, body) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can schedule sessions');
    const session: SessionRecord = {
      id: randomUUID(),
      communityId: community.id,
      title: body.title,
      startsAt: new Date(body.startsAt).toISOString(),
      durationMinutes: body.durationMinutes,
      format: body.format,
      room: newRoomName(),
      createdBy: user.id,
      createdAt: new Date().toISOString(),
    };
    await store.createSession(session);
    // Before anyone can join (the room is not loaded yet), so the template lands in the stored document.
    if (body.template) await applyTemplate(store, session.room, session.format, user.id);
    return c.json(toSessionDto(session), 201);
  });

  registerRoute(app, ROUTES.listSessions, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    // Reading the schedule is the "tick" that keeps recurring series' upcoming sessions generated.
    await ensureCommunitySeries(store, community.id);
    const sessions = await store.listSessions(community.id);
    return c.json({ sessions: sessions.map(toSessionDto) }, 200);
  });

  registerRoute(app, ROUTES.getSession, async (c) => {
    // Members, and guests of this session (who get `guest` instead of a role).
    const { session, community, participant } = await loadSessionForParticipant(c, store, pathParam(c, 'id'));
    const { membership, guest } = participant;
    return c.json(
      { session: toSessionDto(session), community: await communityDto(store, community, membership), myRole: membership?.role ?? null, ...(guest ? { guest: toGuestDto(guest) } : {}) },
      200,
    );
  });

  registerRoute(app, ROUTES.issueTicket, async (c) => {
    const { session, participant } = await loadSessionForParticipant(c, store, pathParam(c, 'id'));
    if (participant.guest) {
      // A guest's ticket opens its session's room only, and names the guest: the upgrade re-checks the link (SPEC R15).
      if ((c.req.query('room') ?? session.room) !== session.room) throw new HttpError('not_found', 'No such room in this session');
      const issued = tickets.issue({ userId: participant.id, room: session.room, role: 'guest', guestHash: participant.guest.tokenHash });
      const guestTicket: TicketDto = { room: session.room, token: issued.token, expiresAt: issued.expiresAt.toISOString() };
      return c.json(guestTicket, 200);
    }
    const user = requireUser(c);
    const membership = participant.membership!;
    const signIn = c.get('sessionToken');
    // `?room=` may name one of the session's breakout rooms: the ticket then opens that room only.
    const asked = c.req.query('room');
    if (asked !== undefined && asked !== session.room && splitBreakoutRoom(asked)?.base !== session.room) throw new HttpError('not_found', 'No such room in this session');
    const room = asked ?? session.room;
    const { token, expiresAt } = tickets.issue({
      userId: user.id,
      room,
      role: membership.role,
      // Bound to the sign-in session, so logging out revokes the ticket too.
      ...(signIn ? { sessionHash: hashSessionToken(signIn) } : {}),
    });
    const dto: TicketDto = { room, token, expiresAt: expiresAt.toISOString() };
    return c.json(dto, 200);
  });

  return app;
}
