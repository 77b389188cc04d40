/**
 * Feedback check-ins: members answer "was this valuable (1–5), what should we focus on next" once per
 * session (changeable); hosts and facilitators see per-session results and the trend across a series.
 */
import { Hono } from 'hono';
import { canManageSessions } from '../../../shared/roles.ts';
import type { FeedbackTrendDto, MyFeedbackDto } from '../../../shared/api/seriesSchemas.ts';
import { summarizeFeedback } from '../../series/summarizeFeedback.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadCommunity, loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Routes under /api/sessions/:id/feedback and /api/communities/:id/series/:seriesId/feedback-trend. */
export function feedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.submitFeedback, async (c, body) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const updatedAt = new Date().toISOString();
    await store.series.setFeedback({ sessionId: session.id, userId: user.id, valuable: body.valuable, focusNext: body.focusNext, updatedAt });
    const dto: MyFeedbackDto = { mine: { valuable: body.valuable, focusNext: body.focusNext, updatedAt } };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.myFeedback, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const mine = (await store.series.listFeedback(session.id)).find((f) => f.userId === user.id);
    const dto: MyFeedbackDto = { mine: mine ? { valuable: mine.valuable, focusNext: mine.focusNext, updatedAt: mine.updatedAt } : null };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.sessionFeedback, async (c) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators see check-in results');
    return c.json(summarizeFeedback(session.id, await store.series.listFeedback(session.id)), 200);
  });

  registerRoute(app, ROUTES.feedbackTrend, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators see check-in results');
    const series = await store.series.getSeries(community.id, pathParam(c, 'seriesId'));
    if (!series) throw new HttpError('not_found', 'Series not found');
    const now = Date.now();
    // Sessions that have started: upcoming ones cannot have a meaningful check-in yet.
    const sessions = (await store.listSessions(community.id)).filter((s) => s.seriesId === series.id && Date.parse(s.startsAt) <= now);
    const dto: FeedbackTrendDto = { seriesId: series.id, sessions: [] };
    for (const s of sessions) {
      const { count, average } = summarizeFeedback(s.id, await store.series.listFeedback(s.id));
      dto.sessions.push({ sessionId: s.id, title: s.title, startsAt: s.startsAt, count, average });
    }
    return c.json(dto, 200);
  });

  return app;
}
