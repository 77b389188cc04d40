/**
 * The community's Atom feed for members who follow from a feed reader: authenticated by the member's
 * private feed token (the same token and checks as the calendar feed, server/http/feedToken.ts).
 */
import { Hono } from 'hono';
import { buildCommunityFeed } from '../../feed/communityFeed.ts';
import type { AppDeps } from '../createApp.ts';
import type { AppEnv } from '../AppEnv.ts';
import { authenticateFeedToken } from '../feedToken.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** GET /api/communities/:id/feed.atom. */
export function feedRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.atomFeed, async (c) => {
    const token = c.req.query('token') ?? '';
    const { community } = await authenticateFeedToken(store, pathParam(c, 'id'), token, 'Feed not found');
    const baseUrl = config.allowedOrigins[0];
    const selfUrl = `${baseUrl}/api/communities/${encodeURIComponent(community.id)}/feed.atom?token=${encodeURIComponent(token)}`;
    const xml = await buildCommunityFeed(store, { community, baseUrl, selfUrl });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  return app;
}
