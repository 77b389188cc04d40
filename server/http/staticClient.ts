/**
 * Serves the built client (config.clientDist): hashed files under /assets/ are cached for a year, every
 * other GET outside /api and /collab falls back to index.html so the client router handles deep links.
 * Without a build, answers 503 saying how to make one instead of a confusing 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { COLLAB_PATH } from '../../shared/protocol/messages.ts';

const NOT_BUILT = 'The Commonplace client has not been built yet. Run `npm run build`, then reload this page.\n';

function isServerPath(p: string): boolean {
  return p === '/api' || p.startsWith('/api/') || p === COLLAB_PATH || p.startsWith(`${COLLAB_PATH}/`) || p === '/healthz';
}

/** A sub-app serving the client from `clientDist` (an absolute path). Mount it after the API routes. */
export function staticClient(clientDist: string): Hono {
  const app = new Hono();
  const indexFile = path.join(clientDist, 'index.html');
  let built = false;
  let files: MiddlewareHandler | null = null;
  let spaIndex: MiddlewareHandler | null = null;

  app.get('*', async (c, next) => {
    if (isServerPath(c.req.path)) return next();
    // Checked per request until found, so building while the server runs needs no restart.
    if (!built) {
      if (!existsSync(indexFile)) return c.text(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });
      built = true;
      files = serveStatic({ root: clientDist });
      spaIndex = serveStatic({ path: indexFile });
    }
    const isAsset = c.req.path.startsWith('/assets/');
    const served = await files!(c, async () => {});
    if (served) {
      // Vite puts a content hash in every /assets/ file name, so those never change; the rest may.
      served.headers.set('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      return served;
    }
    // A missing hashed asset is a real 404 (a stale page asking for an old build), not the app shell.
    if (isAsset) return next();
    const shell = await spaIndex!(c, async () => {});
    if (!shell) return next();
    shell.headers.set('Cache-Control', 'no-cache');
    return shell;
  });

  return app;
}
