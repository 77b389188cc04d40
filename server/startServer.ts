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
import { AuthSessions } from './auth/AuthSessions.ts';
import { TicketSigner } from './auth/TicketSigner.ts';
import { LoginRateLimiter } from './auth/LoginRateLimiter.ts';
import { resolveTicketSecret } from './auth/ticketSecret.ts';
import { createApp } from './http/createApp.ts';
import { RoomRegistry } from './collab/RoomRegistry.ts';
import { LocalFanout, type Fanout } from './fanout/Fanout.ts';
import { RedisFanout } from './fanout/RedisFanout.ts';
import { CollabServer } from './collab/CollabServer.ts';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  store: Store;
  registry: RoomRegistry;
  fanout: Fanout;
  collab: CollabServer;
  /** Graceful shutdown: stop accepting, flush every pending update, close sockets and the database. */
  close(): Promise<void>;
}

export function openStore(config: Config): Store {
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteStore.open({ filename: path.join(config.dataDir, 'commonplace.sqlite'), synchronous: config.sqliteSynchronous });
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const store = openStore(config);
  const sessions = new AuthSessions(store, config.sessionTtlMs);
  const tickets = new TicketSigner(await resolveTicketSecret(config, store), config.ticketTtlMs);
  const loginLimiter = new LoginRateLimiter(config);
  const fanout: Fanout = config.redisUrl ? new RedisFanout(config.redisUrl, config.redisPrefix, log.child({ part: 'fanout' })) : new LocalFanout();
  const registry = new RoomRegistry(store, { ...config.rooms, limits: config.limits }, log.child({ part: 'collab' }), fanout);
  const collab = new CollabServer(
    registry,
    { store, sessions, tickets, allowedOrigins: config.allowedOrigins },
    config.limits,
    log.child({ part: 'collab' }),
  );
  const app = createApp({ config, store, log, sessions, tickets, loginLimiter, authEvents: collab });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });
  collab.attach(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('server.listening', { url, dataDir: config.dataDir });

  const pruneTimer = setInterval(() => void sessions.pruneExpired().catch(() => {}), 3_600_000);
  pruneTimer.unref();

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(pruneTimer);
      server.close();
      const drained = await registry.shutdown();
      if (!drained) log.error('server.shutdown_unflushed', {});
      collab.close();
      await fanout.close();
      server.closeAllConnections?.();
      loginLimiter.stop?.();
      await store.close();
      log.info('server.stopped', { drained });
    })());

  return { url, port, store, registry, fanout, collab, close };
}
