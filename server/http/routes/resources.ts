/**
 * The community resource library: what the knowledge indexer collected from every session's board
 * and notes (server/knowledge/syncResources.ts), plus links members add directly. Members read it;
 * members who can edit (not viewers) add to it.
 */
import { Hono, type Context } from 'hono';
import { ResourceFilterParams } from '../../../shared/api/resourceSchemas.ts';
import { normalizeUrl } from '../../../shared/knowledge/normalizeUrl.ts';
import type { ResourceDto, ResourcesResponse } from '../../../shared/knowledge/resources.ts';
import { normalizeTag } from '../../../shared/knowledge/tags.ts';
import { canEditRoom } from '../../../shared/roles.ts';
import type { ResourceListing } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Most resources one listing returns. */
const LIST_MAX = 200;

/** A library entry as the API shows it (files link to GET /api/files/:sha256). */
export function toResourceDto(r: ResourceListing): ResourceDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title || r.url,
    url: r.kind === 'file' && r.sha256 ? `/api/files/${r.sha256}` : r.url,
    ...(r.note ? { note: r.note } : {}),
    sharedBy: r.sharedBy,
    inNotes: r.inNotes,
    sessions: r.sessions,
    count: r.count,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
  };
}

/** The listing narrowed to resources seen in `sessionIds` (null: any) whose title, URL or note contains `text`. */
export function filterResources(list: ResourceListing[], sessionIds: ReadonlySet<string> | null, text: string): ResourceListing[] {
  const q = text.trim().toLocaleLowerCase();
  return list.filter(
    (r) =>
      (!sessionIds || r.sessions.some((s) => sessionIds.has(s.id))) &&
      (!q || [r.title, r.url, r.note].some((field) => field.toLocaleLowerCase().includes(q))),
  );
}

function filterParams(c: Context): ResourceFilterParams {
  const parsed = ResourceFilterParams.safeParse({ tag: c.req.query('tag') || undefined, session: c.req.query('session') || undefined, q: c.req.query('q') || undefined });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new HttpError('invalid_input', issues[0]?.message ?? 'Invalid filter', { issues });
  }
  return parsed.data;
}

/** Routes under /api/communities/:id/resources. */
export function resourceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.listResources, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const { tag, session, q } = filterParams(c);
    let sessionIds: Set<string> | null = null;
    if (tag) {
      const wanted = normalizeTag(tag);
      const tags = await store.knowledge.listCommunityTags(community.id);
      sessionIds = new Set(Object.keys(tags).filter((id) => tags[id]!.includes(wanted)));
    }
    if (session) sessionIds = new Set(!sessionIds || sessionIds.has(session) ? [session] : []);
    const list = filterResources(await store.resources.listResources(community.id), sessionIds, q ?? '');
    const body: ResourcesResponse = { resources: list.slice(0, LIST_MAX).map(toResourceDto) };
    return c.json(body, 200);
  });

  registerRoute(app, ROUTES.addResource, async (c, body) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canEditRoom, 'Viewers cannot add resources');
    // The schema accepted it, so it normalises.
    const url = normalizeUrl(body.url)!;
    const id = await store.resources.addDirect({ communityId: community.id, key: url, url, title: body.title, note: body.note, addedBy: user.id, addedAt: new Date().toISOString() });
    const added = (await store.resources.listResources(community.id)).find((r) => r.id === id);
    if (!added) throw new HttpError('internal', 'The resource could not be read back');
    return c.json(toResourceDto(added), 201);
  });

  return app;
}
