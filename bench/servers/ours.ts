/**
 * Launcher for our server in the benchmarks: `server/main.ts` as a fresh pinned child process on a
 * temporary DATA_DIR (or a fresh PostgreSQL database), with one user and community created through the
 * HTTP API; rooms are sessions and every client gets its own ticket, as a browser would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ApiClient } from '../../tests/helpers/apiClient.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/postgres.ts';
import { runPool } from '../pool.ts';
import { cpuMicros, rssBytes } from './procStats.ts';
import { SERVER_LABELS, serverEnv, spawnPinned, type BenchServer, type ClientAccess, type LaunchOptions, type SpawnedServer } from './launch.ts';

const ORIGIN = 'http://bench.test';

/** Thrown when the server ignores DATABASE_URL (it left the fresh database empty). */
export class PostgresUnsupportedError extends Error {}

export async function launchOurs(opts: LaunchOptions = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-bench-'));
  let db: TestDatabase | null = null;
  let s: SpawnedServer | null = null;
  const cleanup = async (kill = false) => {
    await (kill ? s?.kill() : s?.stop());
    await db?.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (opts.postgres) db = await createTestDatabase('commonplace_bench');
    const env = serverEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SCRYPT_LOG_N: '10',
      ALLOWED_ORIGINS: ORIGIN,
      // One bench user opens every socket from one address: lift those caps, not the per-room rules.
      MAX_CONNECTIONS_PER_USER: '100000',
      MAX_ROOMS_PER_USER: '100000',
      MAX_CONNECTIONS_PER_IP: '100000',
      ...(opts.unloadDelayMs !== undefined ? { ROOM_UNLOAD_DELAY_MS: String(opts.unloadDelayMs) } : {}),
      ...(db ? { DATABASE_URL: db.url } : {}),
      ...opts.env,
    });
    const nodeArgs = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
    s = await spawnPinned('server/main.ts', env, nodeArgs);
    if (db && !(await hasTables(db.url))) {
      throw new PostgresUnsupportedError('the server left the fresh PostgreSQL database empty: DATABASE_URL is not supported yet');
    }

    const api = new ApiClient(s.url, ORIGIN);
    await api.signup('Bench Host');
    const community = await api.createCommunity('Bench community', 'invite');
    const ws = s.url.replace(/^http/, 'ws');
    const server = s;
    return {
      kind: 'ours',
      label: opts.postgres ? `${SERVER_LABELS.ours} (PostgreSQL)` : SERVER_LABELS.ours,
      pid: server.pid,
      url: server.url,
      protocol: 'y-websocket',
      async prepareRooms(rooms, clientsPerRoom) {
        const sessions = await runPool(rooms, 8, (i) => api.createSession(community.id, `Bench room ${i}`));
        return runPool(rooms, 4, async (r) => {
          const session = sessions[r];
          const tickets = await runPool(clientsPerRoom, 4, () => api.ticket(session.id));
          return tickets.map(
            (t): ClientAccess => ({
              protocol: 'y-websocket',
              socketUrl: `${ws}/collab/${t.room}?token=${encodeURIComponent(t.token)}`,
              providerUrl: `${ws}/collab`,
              room: t.room,
              params: { token: t.token },
            }),
          );
        });
      },
      cpuMicros: () => cpuMicros(server.pid),
      rssBytes: () => rssBytes(server.pid),
      stop: () => cleanup(),
      kill: () => cleanup(true),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function hasTables(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    return Number(r.rows[0].n) > 0;
  } finally {
    await c.end();
  }
}
