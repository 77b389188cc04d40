/**
 * Recurring series of a community and its calendar feed. Upcoming sessions of a series are generated
 * by server/series/ensureUpcomingSessions.ts; the feed is authenticated by a private per-member token
 * (calendar apps cannot sign in), checked against the member's current membership on every read.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
import { loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Past sessions the feed still lists (calendar apps keep older ones themselves). */
const FEED_PAST_DAYS = 90;
// Feed tokens are 32 random bytes in base64url (43 chars); anything else is refused before a lookup.
const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** sha256 of a feed token: only the hash is stored, so a database leak exposes no feed. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

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
    await store.createSeries(series);
    await ensureUpcomingSessions(store, series, now);
    return c.json(toSeriesDto(series, now), 201);
  });

  registerRoute(app, ROUTES.listSeries, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const now = new Date();
    await ensureCommunitySeries(store, community.id, now);
    const series = await store.listSeries(community.id);
    return c.json({ series: series.map((s) => toSeriesDto(s, now)) }, 200);
  });

  registerRoute(app, ROUTES.deleteSeries, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageMembers, 'Only hosts can end a series');
    const deleted = await store.deleteSeries(community.id, pathParam(c, 'seriesId'), new Date().toISOString());
    if (!deleted) throw new HttpError('not_found', 'Series not found');
    return c.body(null, 204);
  });

  registerRoute(app, ROUTES.createFeedToken, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const token = randomBytes(32).toString('base64url');
    await store.setFeedToken({ tokenHash: hashFeedToken(token), communityId: community.id, userId: user.id, createdAt: new Date().toISOString() });
    const dto: FeedTokenDto = { url: `${baseUrl(c.req.header('origin'))}/api/communities/${encodeURIComponent(community.id)}/calendar.ics?token=${token}` };
    return c.json(dto, 201);
  });

  registerRoute(app, ROUTES.calendarFeed, async (c) => {
    const token = c.req.query('token') ?? '';
    const communityId = pathParam(c, 'id');
    // One answer for every failure, so the feed reveals nothing about communities or tokens.
    const missing = new HttpError('not_found', 'Calendar not found');
    if (!FEED_TOKEN_PATTERN.test(token)) throw missing;
    const record = await store.getFeedToken(hashFeedToken(token));
    if (!record || record.communityId !== communityId) throw missing;
    const [community, membership] = await Promise.all([store.getCommunity(communityId), store.getMembership(communityId, record.userId)]);
    // A member who left (or was removed) loses the feed with the membership.
    if (!community || !membership) throw missing;
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
