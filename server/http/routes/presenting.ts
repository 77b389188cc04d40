/**
 * Presenting to a room: audience mode (issue 4 item 10) — a facilitator makes the session view-only for
 * members and guests except the speakers handed the pen, enforced by the session room on every change
 * (SPEC R14) — and "bring everyone there" for the current agenda item's linked content (item 2). Both
 * are written into the control room (SPEC R11).
 */
import { Hono } from 'hono';
import { canManageSessions } from '../../../shared/roles.ts';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../../shared/facilitation/control.ts';
import { AUDIENCE_OFF, type AudienceState } from '../../../shared/facilitation/audience.ts';
import type { JumpState } from '../../../shared/facilitation/jump.ts';
import { getAgenda, readAgendaItem } from '../../../shared/doc/layout.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** `POST /api/sessions/:id/audience` and `/agenda/jump`. */
export function presentingRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.setAudience, async (c, body) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can do this');
    if (!deps.facilitation) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    const audience = await deps.facilitation.change(controlRoomOf(session.room), (doc) => {
      const map = getControl(doc);
      const current = (map.get(CONTROL_KEYS.audience) as AudienceState | undefined) ?? AUDIENCE_OFF;
      const speakers = body.speakers ? [...new Map(body.speakers.map((s) => [s.id, s])).values()] : current.speakers;
      const next: AudienceState = { enabled: body.enabled ?? current.enabled, speakers };
      map.set(CONTROL_KEYS.audience, next);
      return next;
    });
    return c.json({ audience }, 200);
  });

  registerRoute(app, ROUTES.agendaJump, async (c, body) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can do this');
    if (!deps.facilitation) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    // The link is read from the agenda as it is now: the client's idea of it is never trusted.
    const target = await deps.facilitation.read(session.room, (doc) => {
      for (const m of getAgenda(doc)) {
        const item = readAgendaItem(m);
        if (item.id === body.itemId) return item.link ?? null;
      }
      throw new HttpError('not_found', 'No such agenda item');
    });
    if (!target) throw new HttpError('conflict', 'This agenda item links to no board frame or notes heading');
    const jump: JumpState = { itemId: body.itemId, target, at: Date.now(), by: user.name };
    await deps.facilitation.change(controlRoomOf(session.room), (doc) => getControl(doc).set(CONTROL_KEYS.jump, jump));
    return c.json({ jump }, 200);
  });

  return app;
}
