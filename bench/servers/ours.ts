/**
 * Launcher for our server in the benchmarks: `server/main.ts` as a fresh pinned child process on a
 * temporary DATA_DIR (or a fresh PostgreSQL database), with a host and a community created through the
 * HTTP API; rooms are sessions, clients belong to members (at most CLIENTS_PER_USER sockets each, within
 * the default per-user caps) and every client gets its own ticket, as a browser would.
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
/** Sockets per member: like a person with a few tabs, and under MAX_CONNECTIONS_PER_USER (24). */
const CLIENTS_PER_USER = 20;

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
      // Every bench socket comes from 127.0.0.1: lift that cap, and only that one.
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
    const community = await api.createCommunity('Bench community', 'open');
    const ws = s.url.replace(/^http/, 'ws');
    const server = s;
    const members: ApiClient[] = [];
    const member = async (i: number): Promise<ApiClient> => {
      while (members.length <= i) {
        const m = new ApiClient(server.url, ORIGIN);
        await m.signup(`Bench Member ${members.length}`);
        await m.join(community.id);
        members.push(m);
      }
      return members[i];
    };
    let clientSeq = 0;
    return {
      kind: 'ours',
      label: opts.postgres ? `${SERVER_LABELS.ours} (PostgreSQL)` : SERVER_LABELS.ours,
      pid: server.pid,
      url: server.url,
      protocol: 'y-websocket',
      async prepareRooms(rooms, clientsPerRoom) {
        const sessions = await runPool(rooms, 8, (i) => api.createSession(community.id, `Bench room ${i}`));
        // Consecutive clients share a member, so a member's sockets span few rooms (MAX_ROOMS_PER_USER).
        const first = clientSeq;
        clientSeq += rooms * clientsPerRoom;
        await member(Math.floor((clientSeq - 1) / CLIENTS_PER_USER));
        return runPool(rooms, 8, async (r) => {
          const session = sessions[r];
          const tickets = await Promise.all(
            Array.from({ length: clientsPerRoom }, async (_, c) => (await member(Math.floor((first + r * clientsPerRoom + c) / CLIENTS_PER_USER))).ticket(session.id)),
          );
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
