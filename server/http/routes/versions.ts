/**
 * The timeline and catch-up: a session's versions and their content (read-only plain data, so readers
 * without edit rights get nothing writable), restoring one (hosts only, SessionVersions.restore), and
 * each member's last-seen mark with what changed since it.
 */
import { Hono } from 'hono';
import type { CatchUpDto, RestoreResultDto, SeenDto, VersionContentDto, VersionListDto } from '../../../shared/knowledge/versions.ts';
import { diffContent } from '../../../shared/knowledge/versions.ts';
import { readRoomContent } from '../../knowledge/readRoomContent.ts';
import { RestoreConflictError, toVersionDto, versionContent } from '../../versions/SessionVersions.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

const VERSION_NOT_FOUND = 'Version not found';

/** Routes /api/sessions/:id/versions…, /api/sessions/:id/seen and /api/sessions/:id/catch-up. */
export function versionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, rooms } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.listVersions, async (c) => {
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), requireUser(c).id);
    const dto: VersionListDto = { versions: (await store.versions.listVersions(session.id)).map(toVersionDto) };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.versionContent, async (c) => {
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), requireUser(c).id);
    const version = await store.versions.getVersion(session.id, pathParam(c, 'versionId'));
    if (!version) throw new HttpError('not_found', VERSION_NOT_FOUND);
    const dto: VersionContentDto = { version: toVersionDto(version), content: await versionContent(version.state) };
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.restoreVersion, async (c) => {
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), requireUser(c).id);
    requireRole(membership, (role) => role === 'host', 'Only hosts can restore a version');
    if (!deps.versions) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    const result = await deps.versions.restore(session, pathParam(c, 'versionId')).catch((err: unknown) => {
      throw err instanceof RestoreConflictError ? new HttpError('conflict', err.message) : err;
    });
    if (!result) throw new HttpError('not_found', VERSION_NOT_FOUND);
    const dto: RestoreResultDto = result;
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.markSeen, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    // A version close to the mark first, so the next catch-up compares with what this person saw.
    await deps.versions?.noteSeen(session.room);
    const dto: SeenDto = { seenAt: new Date().toISOString() };
    await store.versions.markSeen(user.id, session.id, dto.seenAt);
    return c.json(dto, 200);
  });

  registerRoute(app, ROUTES.catchUp, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const since = await store.versions.getSeen(user.id, session.id);
    const base = since ? await store.versions.versionAtOrBefore(session.id, since) : null;
    const now = await readRoomContent(session.room, { store, rooms });
    const dto: CatchUpDto = { since, baseVersion: base ? toVersionDto(base) : null, changes: diffContent(await versionContent(base?.state ?? null), now) };
    return c.json(dto, 200);
  });

  return app;
}
