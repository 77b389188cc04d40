/**
 * Export and import (issue 3, item 5): a session as Markdown and its board as SVG (members), the whole
 * community as a zip (hosts), and importing such a zip as a new community (any signed-in user, who
 * becomes its host). Exports read rooms without opening them (live copy if loaded, else the store).
 */
import path from 'node:path';
import { Hono } from 'hono';
import { IMPORT_LIMITS } from '../../../shared/api/exportSchemas.ts';
import { canManageMembers } from '../../../shared/roles.ts';
import { FileStorage } from '../../files/FileStorage.ts';
import { readUploadBody } from '../../files/readUploadBody.ts';
import { extractBoard } from '../../knowledge/extractContent.ts';
import { exportCommunity } from '../../knowledge/export/exportCommunity.ts';
import { importCommunity } from '../../knowledge/export/importCommunity.ts';
import { renderBoardSvg } from '../../knowledge/export/renderBoardSvg.ts';
import { sessionFileName, sessionToMarkdown } from '../../knowledge/export/sessionToMarkdown.ts';
import { withRoomDoc } from '../../knowledge/readRoomContent.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { loadCommunity, loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';
import { contentDisposition } from './files.ts';

/**
 * The board SVG is our own drawing (every text escaped), but it is still served so that nothing in it
 * could run or load: no scripts, no fetches, only inline styles and embedded data: images, sandboxed.
 */
export const BOARD_SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** Routes under /api/sessions/:id/export.md, board.svg, /api/communities/:id/export.zip and /import. */
export function exportRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, rooms, config, log } = deps;
  const files = new FileStorage(path.join(config.dataDir, 'files'));
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.exportSessionMarkdown, async (c) => {
    const user = requireUser(c);
    const { session, community } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const tags = await store.knowledge.getSessionTags(session.id);
    const info = { ...session, tags, communityName: community.name };
    const markdown = await withRoomDoc(session.room, { store, rooms }, (doc) => sessionToMarkdown(doc, info));
    return c.body(markdown, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', sessionFileName(session)),
    });
  });

  registerRoute(app, ROUTES.exportBoardSvg, async (c) => {
    const user = requireUser(c);
    const { session } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    const items = await withRoomDoc(session.room, { store, rooms }, extractBoard);
    const svg = await renderBoardSvg(items, { store, files }, user.id);
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Security-Policy': BOARD_SVG_CSP,
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Disposition': contentDisposition('attachment', sessionFileName(session).replace(/\.md$/, '-board.svg')),
    });
  });

  registerRoute(app, ROUTES.exportCommunity, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageMembers, 'Only hosts can export the community');
    const zip = await exportCommunity({ store, rooms, files }, community, user.id);
    const date = new Date().toISOString().slice(0, 10);
    const slug = community.name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase() || 'community';
    log.info('community.exported', { communityId: community.id, bytes: zip.byteLength });
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(zip.byteLength),
      'Content-Disposition': contentDisposition('attachment', `${slug}-${date}.zip`),
    });
  });

  registerRoute(app, ROUTES.importCommunity, async (c) => {
    const user = requireUser(c);
    const { bytes } = await readUploadBody(c, IMPORT_LIMITS.zipBytes);
    const result = await importCommunity(
      { store, files, log, limits: { maxUploadBytes: config.limits.maxUploadBytes, maxDocBytes: config.limits.maxDocBytes } },
      bytes,
      user.id,
    );
    return c.json(result, 201);
  });

  return app;
}
