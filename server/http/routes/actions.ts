/**
 * Decisions, actions and the end of a session (issue 3, item 6): a community's actions and decisions as
 * the knowledge indexer extracted them from the notes, "End session" for facilitators, and the summary
 * written when a session ends.
 */
import { Hono } from 'hono';
import { ActionsParams } from '../../../shared/api/actionSchemas.ts';
import {
  compareActions, isOverdue, todayIso,
  type ActionDto, type ActionsResponse, type DecisionDto, type DecisionsResponse, type SessionSummaryResponse,
} from '../../../shared/knowledge/actions.ts';
import { sessionHref } from '../../../shared/knowledge/focus.ts';
import { canManageSessions } from '../../../shared/roles.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadCommunity, loadSessionForMember, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Opens the session's notes at the block's section (the notes as a whole above the first heading). */
const blockHref = (sessionId: string, anchor: string | null) => sessionHref(sessionId, anchor ? { kind: 'notes', itemId: anchor } : { kind: 'notes' });

/** Routes /api/communities/:id/actions|decisions and /api/sessions/:id/end|summary. */
export function actionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.listActions, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const parsed = ActionsParams.safeParse({ status: c.req.query('status') });
    if (!parsed.success) throw new HttpError('invalid_input', parsed.error.issues[0]?.message ?? 'Invalid status');
    const [rows, members] = await Promise.all([store.actions.listActions(community.id, parsed.data.status), store.listMembers(community.id)]);
    const names = new Map(members.map((m) => [m.userId, m.name]));
    const today = todayIso();
    const actions: ActionDto[] = rows
      .map((a) => ({
        sessionId: a.sessionId,
        sessionTitle: a.sessionTitle,
        sessionStartsAt: a.sessionStartsAt,
        blockId: a.blockId,
        text: a.text,
        assignee: a.assignee ? { id: a.assignee, name: names.get(a.assignee) ?? a.assigneeName ?? 'Former member' } : null,
        due: a.due,
        done: a.done,
        overdue: isOverdue(a, today),
        href: blockHref(a.sessionId, a.anchor),
        position: a.position,
      }))
      .sort((a, b) => compareActions(a, b) || a.sessionId.localeCompare(b.sessionId) || a.position - b.position)
      .map(({ position: _position, ...dto }) => dto);
    const body: ActionsResponse = { actions };
    return c.json(body, 200);
  });

  registerRoute(app, ROUTES.listDecisions, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const decisions: DecisionDto[] = (await store.actions.listDecisions(community.id)).map((d) => ({
      sessionId: d.sessionId,
      sessionTitle: d.sessionTitle,
      sessionStartsAt: d.sessionStartsAt,
      blockId: d.blockId,
      text: d.text,
      href: blockHref(d.sessionId, d.anchor),
    }));
    const body: DecisionsResponse = { decisions };
    return c.json(body, 200);
  });

  registerRoute(app, ROUTES.endSession, async (c) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can end a session');
    if (!deps.endings) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    const body: SessionSummaryResponse = { summary: await deps.endings.end(session, 'facilitator') };
    return c.json(body, 200);
  });

  registerRoute(app, ROUTES.sessionSummary, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const body: SessionSummaryResponse = { summary: await store.actions.getSummary(session.id) };
    return c.json(body, 200);
  });

  return app;
}
