/**
 * Composition root: picks the implementations from the config, wires HTTP and collaboration onto one
 * Node server, and returns an ordered shutdown. `server/main.ts` calls it for the real process; tests
 * call it to run the real server on a free port.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from './config/config.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/types.ts';
import { SqliteStore } from './store/sqlite/SqliteStore.ts';
import { PostgresStore } from './store/postgres/PostgresStore.ts';
import { ServerMetrics } from './ops/ServerMetrics.ts';
import type { ReadinessChecks } from './ops/readiness.ts';
import { AuthSessions } from './auth/AuthSessions.ts';
import { GuestAccess } from './auth/GuestAccess.ts';
import { TicketSigner } from './auth/TicketSigner.ts';
import { LoginRateLimiter } from './auth/LoginRateLimiter.ts';
import { resolveTicketSecret } from './auth/ticketSecret.ts';
import { createApp } from './http/createApp.ts';
import { RoomRegistry } from './collab/RoomRegistry.ts';
import { breakoutRoomChecker } from './facilitation/breakoutRooms.ts';
import { privateDraftsOf, watchDraftRooms } from './facilitation/privateDrafts.ts';
import { LocalFanout, type Fanout } from './fanout/Fanout.ts';
import { RedisFanout } from './fanout/RedisFanout.ts';
import { CollabServer } from './collab/CollabServer.ts';
import { KnowledgeIndexer } from './knowledge/KnowledgeIndexer.ts';
import { SessionEndings } from './actions/SessionEndings.ts';
import { SessionVersions } from './versions/SessionVersions.ts';
import { DEFAULT_THINNING } from './versions/thinVersions.ts';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  store: Store;
  registry: RoomRegistry;
  fanout: Fanout;
  collab: CollabServer;
  /** Keeps the search index current (flush() in tests to index pending changes now). */
  knowledge: KnowledgeIndexer;
  /** Carries open actions forward and writes end-of-session summaries. */
  endings: SessionEndings;
  /** Keeps session versions (flush() in tests to capture changed rooms now). */
  versions: SessionVersions;
  metrics: ServerMetrics;
  /** Graceful shutdown: stop accepting, flush every pending update, close sockets and the database. */
  close(): Promise<void>;
}

/**
 * The store the config asks for: PostgreSQL when DATABASE_URL is set (schema migrated on open), else the
 * SQLite file in DATA_DIR. Throws if the database cannot be opened or migrated.
 */
export async function openStore(config: Config, log?: Logger): Promise<Store> {
  if (config.databaseUrl) {
    return PostgresStore.open({
      connectionString: config.databaseUrl,
      poolSize: config.databasePoolSize,
      onError: (err) => log?.warn('store.connection_error', { err }),
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteStore.open({ filename: path.join(config.dataDir, 'commonplace.sqlite'), synchronous: config.sqliteSynchronous });
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const store = await openStore(config, log.child({ part: 'store' }));
  const metrics = new ServerMetrics();
  const sessions = new AuthSessions(store, config.sessionTtlMs);
  const tickets = new TicketSigner(await resolveTicketSecret(config, store), config.ticketTtlMs);
  const loginLimiter = new LoginRateLimiter(config);
  const fanout: Fanout = config.redisUrl ? new RedisFanout(config.redisUrl, config.redisPrefix, log.child({ part: 'fanout' })) : new LocalFanout();
  const registry = new RoomRegistry(metrics.docStore(store), { ...config.rooms, limits: config.limits }, log.child({ part: 'collab' }), fanout);
  const collab = new CollabServer(
    registry,
    { store, sessions, tickets, allowedOrigins: config.allowedOrigins, breakoutExists: breakoutRoomChecker(registry), guests: new GuestAccess(store) },
    { ...config.limits, trustProxy: config.trustProxy },
    log.child({ part: 'collab' }),
  );
  metrics.observeCollab(registry, collab);
  // Private mode (SPEC R13): draft rooms are mirrored for facilitators, or revealed once it is off.
  watchDraftRooms(registry, privateDraftsOf(registry, async (id) => (await store.getUserById(id))?.name ?? ''), (room, err) => log.error('facilitation.draft_mirror_failed', { room, err }));
  const knowledge = new KnowledgeIndexer(store, registry, config.knowledge, log.child({ part: 'knowledge' }));
  const endings = new SessionEndings(store, registry, log.child({ part: 'endings' }));
  const versions = new SessionVersions(
    store,
    registry,
    { intervalMs: config.versions.intervalMs, seenGapMs: Math.min(config.versions.intervalMs, 60_000), thinning: { ...DEFAULT_THINNING, maxVersions: config.versions.maxPerSession } },
    log.child({ part: 'versions' }),
  );
  const readinessChecks: ReadinessChecks = { database: () => store.ping() };
  if (config.redisUrl) readinessChecks.redis = () => fanout.ping();
  const app = createApp({ config, store, log, sessions, tickets, loginLimiter, authEvents: collab, rooms: registry, facilitation: registry, endings, versions, metrics: metrics.registry, readinessChecks });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        // Slowloris: request headers (an upgrade's too) must arrive in time; checked every second.
        serverOptions: { headersTimeout: config.limits.headersTimeoutMs, requestTimeout: Math.max(config.limits.headersTimeoutMs, 30_000), connectionsCheckingInterval: 1000 },
      },
      () => resolve(s as Server),
    );
    (s as Server).once('error', reject);
  });
  collab.attach(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // The database URL is not logged: it may carry a password.
  log.info('server.listening', { url, store: config.databaseUrl ? 'postgres' : 'sqlite', dataDir: config.dataDir });

  knowledge.start();
  endings.start();
  versions.start();

  const pruneTimer = setInterval(() => void sessions.pruneExpired().catch(() => {}), 3_600_000);
  pruneTimer.unref();

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(pruneTimer);
      server.close();
      const drained = await registry.shutdown();
      if (!drained) log.error('server.shutdown_unflushed', {});
      // After the rooms' last writes (which it indexes from the store), before the store closes.
      await knowledge.stop();
      await endings.stop();
      await versions.stop();
      collab.close();
      await fanout.close();
      server.closeAllConnections?.();
      loginLimiter.stop?.();
      await store.close();
      log.info('server.stopped', { drained });
    })());

  return { url, port, store, registry, fanout, collab, knowledge, endings, versions, metrics, close };
}
