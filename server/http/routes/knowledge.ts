/**
 * A session's content and tags: `GET /api/sessions/:id/content` reads the agenda, notes and board
 * without opening the room (live copy if loaded, else the stored one), so even viewers can read an
 * archive without any write path; tags are set by hosts and facilitators.
 */
import { Hono } from 'hono';
import { canManageSessions } from '../../../shared/roles.ts';
import type { CommunityTagsDto, SessionTagsDto } from '../../../shared/knowledge/tags.ts';
import type { SessionContent } from '../../../shared/knowledge/sessionContent.ts';
import { readRoomContent } from '../../knowledge/readRoomContent.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { loadCommunity, loadSessionForMember, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Routes /api/sessions/:id/content, /api/sessions/:id/tags and /api/communities/:id/tags. */
export function knowledgeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, rooms } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.sessionContent, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const content: SessionContent = await readRoomContent(session.room, { store, rooms });
    return c.json(content, 200);
  });

  registerRoute(app, ROUTES.getSessionTags, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const dto: SessionTagsDto = { tags: await store.knowledge.getSessionTags(session.id) };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.setSessionTags, async (c, body) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can tag sessions');
    await store.knowledge.setSessionTags(session.id, body.tags);
    const dto: SessionTagsDto = { tags: await store.knowledge.getSessionTags(session.id) };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.communityTags, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const dto: CommunityTagsDto = { sessions: await store.knowledge.listCommunityTags(community.id) };
    return c.json(dto, 200);
  });

  return app;
}
