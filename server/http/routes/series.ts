/**
 * Recurring series of a community and its calendar feed. Upcoming sessions of a series are generated
 * by server/series/ensureUpcomingSessions.ts; the feed is authenticated by a private per-member token
 * (calendar apps cannot sign in), checked against the member's current membership on every read.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { canManageMembers, canManageSessions } from '../../../shared/roles.ts';
import { SESSION_FORMAT_LABELS } from '../../../shared/api/sessionFormats.ts';
import type { FeedTokenDto, SeriesDto } from '../../../shared/api/seriesSchemas.ts';
import { describeRule, parseRule } from '../../../shared/recurrence.ts';
import type { SeriesRecord } from '../../store/types.ts';
import { isAllowedOrigin, normalizeOrigin } from '../../auth/origin.ts';
import { buildIcs } from '../../series/buildIcs.ts';
import { ensureCommunitySeries, ensureUpcomingSessions, upcomingStarts } from '../../series/ensureUpcomingSessions.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { authenticateFeedToken, hashFeedToken, newFeedToken } from '../feedToken.ts';
import { loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Past sessions the feed still lists (calendar apps keep older ones themselves). */
const FEED_PAST_DAYS = 90;

function toSeriesDto(s: SeriesRecord, now: Date): SeriesDto {
  return {
    id: s.id,
    communityId: s.communityId,
    title: s.title,
    rule: s.rule,
    ruleText: describeRule(parseRule(s.rule)),
    timeZone: s.timeZone,
    startDate: s.startDate,
    startTime: s.startTime,
    format: s.format,
    durationMinutes: s.durationMinutes,
    createdAt: s.createdAt,
    next: upcomingStarts(s, now).slice(0, 3).map((d) => d.toISOString()),
  };
}

/** Routes under /api/communities/:id/series, feed-token and calendar.ics. */
export function seriesRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store } = deps;
  const app = new Hono<AppEnv>();
  /** Links in responses use the origin the caller is on when it is one of ours, else the first configured. */
  const baseUrl = (origin: string | undefined) => {
    const o = normalizeOrigin(origin ?? '');
    return o && isAllowedOrigin(o, config.allowedOrigins) ? o : config.allowedOrigins[0];
  };

  registerRoute(app, ROUTES.createSeries, async (c, body) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can define series');
    const now = new Date();
    const series: SeriesRecord = { id: randomUUID(), communityId: community.id, ...body, createdBy: user.id, createdAt: now.toISOString() };
    await store.series.createSeries(series);
    await ensureUpcomingSessions(store, series, now);
    return c.json(toSeriesDto(series, now), 201);
  });

  registerRoute(app, ROUTES.listSeries, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const now = new Date();
    await ensureCommunitySeries(store, community.id, now);
    const series = await store.series.listSeries(community.id);
    return c.json({ series: series.map((s) => toSeriesDto(s, now)) }, 200);
  });

  registerRoute(app, ROUTES.deleteSeries, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageMembers, 'Only hosts can end a series');
    const deleted = await store.series.deleteSeries(community.id, pathParam(c, 'seriesId'), new Date().toISOString());
    if (!deleted) throw new HttpError('not_found', 'Series not found');
    return c.body(null, 204);
  });

  registerRoute(app, ROUTES.createFeedToken, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const token = newFeedToken();
    await store.series.setFeedToken({ tokenHash: hashFeedToken(token), communityId: community.id, userId: user.id, createdAt: new Date().toISOString() });
    // One token serves both feeds, so making a new link never silently turns the other one off.
    const feedBase = `${baseUrl(c.req.header('origin'))}/api/communities/${encodeURIComponent(community.id)}`;
    const dto: FeedTokenDto = { url: `${feedBase}/calendar.ics?token=${token}`, atomUrl: `${feedBase}/feed.atom?token=${token}` };
    return c.json(dto, 201);
  });

  registerRoute(app, ROUTES.calendarFeed, async (c) => {
    const { community } = await authenticateFeedToken(store, pathParam(c, 'id'), c.req.query('token') ?? '', 'Calendar not found');
    const now = new Date();
    await ensureCommunitySeries(store, community.id, now);
    const since = now.getTime() - FEED_PAST_DAYS * 86_400_000;
    const sessions = (await store.listSessions(community.id)).filter((s) => Date.parse(s.startsAt) >= since);
    const base = config.allowedOrigins[0];
    const text = buildIcs({
      name: community.name,
      now,
      events: sessions.map((s) => {
        const start = new Date(s.startsAt);
        return {
          uid: `${s.id}@commonplace`,
          start,
          end: new Date(start.getTime() + s.durationMinutes * 60_000),
          summary: s.title,
          description: `${SESSION_FORMAT_LABELS[s.format] ?? s.format} · ${community.name}`,
          url: `${base}/s/${encodeURIComponent(s.id)}`,
        };
      }),
    });
    return c.body(text, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="community.ics"' });
  });

  return app;
}
