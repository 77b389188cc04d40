/**
 * Search over the knowledge base: one community (members only, like its sessions) or every community
 * the caller is a member of. Answers `{ results: SearchResultDto[] }`, best first.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { SearchParams } from '../../../shared/api/knowledgeSchemas.ts';
import type { SearchResponse } from '../../../shared/knowledge/search.ts';
import type { SearchHit } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadCommunity, requireMember } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Validates `?q=` (1–200 characters, not only spaces) and `?limit=`; 400 otherwise. */
function searchParams(c: Context): SearchParams {
  const parsed = SearchParams.safeParse({ q: c.req.query('q'), limit: c.req.query('limit') });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new HttpError('invalid_input', issues[0]?.message ?? 'Invalid search', { issues });
  }
  return parsed.data;
}

/** The API shape of store hits (itemId omitted when there is none). */
export function toSearchResponse(hits: SearchHit[]): SearchResponse {
  return {
    results: hits.map((h) => ({
      sessionId: h.sessionId,
      room: h.room,
      communityId: h.communityId,
      title: h.title,
      snippet: h.snippet,
      where: h.itemId ? { kind: h.kind, itemId: h.itemId } : { kind: h.kind },
      score: Math.round(h.score * 1000) / 1000,
    })),
  };
}

/** Routes /api/communities/:id/search and /api/search. */
export function searchRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.searchCommunity, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const { q, limit } = searchParams(c);
    return c.json(toSearchResponse(await store.searchIndex.search([community.id], { text: q }, limit)), 200);
  });

  registerRoute(app, ROUTES.searchAll, async (c) => {
    const user = requireUser(c);
    const { q, limit } = searchParams(c);
    // Membership, not visibility: open communities one has not joined are not searched.
    const mine = (await store.listCommunities(user.id)).filter((r) => r.myRole !== null).map((r) => r.id);
    return c.json(toSearchResponse(await store.searchIndex.search(mine, { text: q }, limit)), 200);
  });

  return app;
}
