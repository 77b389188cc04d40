/**
 * GET /api/link-preview?url= (issue 7): the title, description and site name of a web page, fetched by
 * the server through the SSRF guard of server/links. For people who can add links somewhere — members
 * with edit rights in at least one community — so the server is no open fetch proxy for any account.
 */
import { Hono } from 'hono';
import { LinkPreviewParams } from '../../../shared/api/linkPreviewSchemas.ts';
import { canEditRoom } from '../../../shared/roles.ts';
import { LinkPreviews, PreviewRateLimitedError } from '../../links/LinkPreviews.ts';
import { PreviewFetchError } from '../../links/fetchPreview.ts';
import { BlockedUrlError } from '../../links/ssrfGuard.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { ROUTES, registerRoute } from '../routeTable.ts';

/** Route /api/link-preview. `previews` replaces the service built from the config (tests). */
export function linkPreviewRoutes(deps: AppDeps, previews = new LinkPreviews({ policy: deps.config.linkPreview })): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.linkPreview, async (c) => {
    const user = requireUser(c);
    const parsed = LinkPreviewParams.safeParse({ url: c.req.query('url') });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new HttpError('invalid_input', issues[0]?.message ?? 'Give a web address', { issues });
    }
    const mine = await store.listCommunities(user.id);
    if (!mine.some((m) => m.myRole !== null && canEditRoom(m.myRole))) {
      throw new HttpError('forbidden', 'Link previews are for members who can add links to a community');
    }
    try {
      return c.json(await previews.preview(user.id, parsed.data.url), 200);
    } catch (err) {
      if (err instanceof BlockedUrlError) throw new HttpError('invalid_input', err.message, { issues: [{ path: 'url', message: err.message }] });
      if (err instanceof PreviewFetchError) throw new HttpError('bad_gateway', err.message);
      if (err instanceof PreviewRateLimitedError) {
        throw new HttpError('rate_limited', err.message, { headers: { 'retry-after': String(err.retryAfterSeconds) } });
      }
      throw err;
    }
  });

  return app;
}
