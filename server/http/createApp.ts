/**
 * Builds the HTTP app from its dependencies: guards, API sub-apps, the static client and one error
 * handler. No `listen` here — server/main.ts serves it, tests call `app.request()` directly.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_ERRORS, type ApiErrorBody, type ApiErrorCode } from '../../shared/api/errors.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { AuthSessions } from '../auth/AuthSessions.ts';
import type { TicketSigner } from '../auth/TicketSigner.ts';
import type { LoginRateLimiter } from '../auth/LoginRateLimiter.ts';
import type { AuthEvents } from '../auth/AuthEvents.ts';
import { primeDummyHash } from '../auth/passwords.ts';
import { GuestAccess } from '../auth/GuestAccess.ts';
import type { AppEnv } from './AppEnv.ts';
import { HttpError } from './HttpError.ts';
import { securityHeaders } from './middleware/securityHeaders.ts';
import { jsonBodyLimit, jsonOnly, noStore, originCheck } from './middleware/apiGuards.ts';
import { loadSession } from './middleware/loadSession.ts';
import { authRoutes } from './routes/auth.ts';
import { communityRoutes } from './routes/communities.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { fileRoutes } from './routes/files.ts';
import { searchRoutes } from './routes/search.ts';
import { knowledgeRoutes } from './routes/knowledge.ts';
import { pinRoutes } from './routes/pins.ts';
import { exportRoutes } from './routes/exports.ts';
import { seriesRoutes } from './routes/series.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { contributionRoutes } from './routes/contributions.ts';
import { resourceRoutes } from './routes/resources.ts';
import { feedRoutes } from './routes/feed.ts';
import { actionRoutes } from './routes/actions.ts';
import type { SessionEndings } from '../actions/SessionEndings.ts';
import { facilitationRoutes, type FacilitationRooms } from './routes/facilitation.ts';
import { guestRoutes } from './routes/guests.ts';
import { presentingRoutes } from './routes/presenting.ts';
import { breakoutRoutes } from './routes/breakouts.ts';
import { linkPreviewRoutes } from './routes/linkPreview.ts';
import type { LiveRooms } from '../knowledge/readRoomContent.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { ROUTES, isRawBodyRequest, registerRoute } from './routeTable.ts';
import { staticClient } from './staticClient.ts';
import { opsRoutes } from './routes/ops.ts';
import { versionRoutes } from './routes/versions.ts';
import type { SessionVersions } from '../versions/SessionVersions.ts';
import type { MetricsRegistry } from '../ops/metrics.ts';
import type { ReadinessChecks } from '../ops/readiness.ts';

/** Everything the HTTP app needs; built by server/main.ts (or a test). */
export interface AppDeps {
  config: Config;
  store: Store;
  log: Logger;
  sessions: AuthSessions;
  tickets: TicketSigner;
  loginLimiter: LoginRateLimiter;
  /** Lets the collab layer close sockets whose rights just changed. */
  authEvents?: AuthEvents;
  /** Loaded rooms, so that session content is read from the live document; without it, from the store. */
  rooms?: LiveRooms;
  /** Lets facilitation routes write the session's control rooms (SPEC R11); without it, they answer 503. */
  facilitation?: FacilitationRooms;
  /** Session versions (timeline, restore, catch-up); without it, restore answers 503. */
  versions?: SessionVersions;
  /** Ends sessions and writes their summaries; without it, "End session" answers 503. */
  endings?: SessionEndings;
  /** What `/metrics` serves; without it, process metrics only. */
  metrics?: MetricsRegistry;
  /** What `/readyz` checks; defaults to `{ database: store.ping }`. */
  readinessChecks?: ReadinessChecks;
}

const CODE_BY_STATUS = new Map<number, ApiErrorCode>(
  Object.entries(API_ERRORS).map(([code, status]) => [status, code as ApiErrorCode]),
);

function errorJson(c: Context, status: number, body: ApiErrorBody, headers?: Record<string, string>): Response {
  return c.json(body, status as ContentfulStatusCode, headers);
}

/** Creates the Hono app. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, log } = deps;
  const app = new Hono<AppEnv>();
  // Unknown-email logins verify against this hash; computing it now keeps the first such login's
  // timing identical to the others.
  primeDummyHash(config.scryptLogN).catch((err) => log.error('could not prepare the dummy password hash', { err }));

  app.use('*', securityHeaders());
  app.use('/api/*', noStore(), originCheck(config.allowedOrigins), jsonOnly(isRawBodyRequest), jsonBodyLimit(undefined, isRawBodyRequest), loadSession(deps.sessions, new GuestAccess(deps.store)));

  registerRoute(app, ROUTES.health, (c) => c.json({ ok: true }, 200));
  const openapi = buildOpenApiDocument();
  registerRoute(app, ROUTES.openapi, (c) => c.json(openapi, 200));
  app.route('/', opsRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', communityRoutes(deps));
  app.route('/', sessionRoutes(deps));
  app.route('/', fileRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', knowledgeRoutes(deps));
  app.route('/', versionRoutes(deps));
  app.route('/', pinRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', seriesRoutes(deps));
  app.route('/', feedbackRoutes(deps));
  app.route('/', contributionRoutes(deps));
  app.route('/', resourceRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', actionRoutes(deps));
  app.route('/', facilitationRoutes(deps));
  app.route('/', guestRoutes(deps));
  app.route('/', presentingRoutes(deps));
  app.route('/', breakoutRoutes(deps));
  app.route('/', linkPreviewRoutes(deps));
  app.route('/', staticClient(config.clientDist));

  app.notFound((c) => errorJson(c, 404, { error: { code: 'not_found', message: 'Not found' } }));

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorJson(c, err.status, err.toBody(), err.headers);
    if (err instanceof HTTPException && err.status < 500) {
      const code = CODE_BY_STATUS.get(err.status) ?? 'invalid_input';
      return errorJson(c, API_ERRORS[code], { error: { code, message: err.message || code.replace(/_/g, ' ') } });
    }
    // Unexpected: log the details, tell the client nothing about them.
    log.error('unhandled error in HTTP handler', { err, method: c.req.method, path: c.req.path });
    return errorJson(c, 500, { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  });

  return app;
}
