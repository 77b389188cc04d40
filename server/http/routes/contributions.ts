/**
 * Members' contributions to a community (issue 4, item 11), counted from the sessions' documents so
 * that hosts can recognise who shapes the community. Reads at most MAX_SESSIONS recent sessions.
 */
import { Hono } from 'hono';
import type { ContributionsDto } from '../../../shared/api/seriesSchemas.ts';
import type { SessionContent } from '../../../shared/knowledge/sessionContent.ts';
import { readRoomContent } from '../../knowledge/readRoomContent.ts';
import { countContributions } from '../../series/countContributions.ts';
import { countQuestions } from '../../series/countQuestions.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { loadCommunity, requireMember } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Bound on documents decoded per request: the most recent sessions that have started. */
export const MAX_SESSIONS = 50;

/** GET /api/communities/:id/contributions. */
export function contributionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.contributions, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    const now = Date.now();
    const all = await store.listSessions(community.id);
    const started = all.filter((s) => Date.parse(s.startsAt) <= now).slice(-MAX_SESSIONS);
    const contents: SessionContent[] = [];
    for (const s of started) contents.push(await readRoomContent(s.room, { store, rooms: deps.rooms }));

    const source = { store, rooms: deps.rooms };
    const [members, questions] = await Promise.all([store.listMembers(community.id), countQuestions(started.map((s) => s.room), source)]);
    const dto: ContributionsDto = {
      contributions: countContributions(members, contents, questions),
      sessionsCounted: started.length,
      sessionsTotal: all.length,
    };
    return c.json(dto, 200);
  });

  return app;
}
