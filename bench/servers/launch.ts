/**
 * Starts one benchmark server as a fresh child process pinned to the server core (`taskset -c 0`), and
 * gives the scenarios one shape for all of them: how clients reach a room, the process id for CPU and
 * memory readings, and a clean stop. Ours is `server/main.ts` (see ours.ts); the others are the scripts
 * beside this file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cpuMicros, rssBytes } from './procStats.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The server gets core 0; the load generator (this process) pins itself to core 1. */
export const SERVER_CORE = 0;
export const GENERATOR_CORE = 1;

export type ServerKind = 'ours' | 'yws' | 'hocuspocus' | 'relay' | 'corked';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'yws', 'hocuspocus', 'relay', 'corked'];
export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'Commonplace',
  yws: '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 4.7',
  relay: 'ws relay',
  corked: 'corked relay',
};

/** How a client talks to a server: y-websocket frames, Hocuspocus frames (document name first), or a relay. */
export type WireProtocol = 'y-websocket' | 'hocuspocus' | 'relay';

/** Everything one client needs to join one room. */
export interface ClientAccess {
  protocol: WireProtocol;
  /** Full URL a raw socket opens. */
  socketUrl: string;
  /** Base URL the stock provider is given (it adds the room itself, or sends it in frames). */
  providerUrl: string;
  /** Room (y-websocket) or document name (Hocuspocus). */
  room: string;
  /** Query parameters for the stock y-websocket provider (ours: the ticket). */
  params: Record<string, string>;
}

export interface BenchServer {
  kind: ServerKind;
  label: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  protocol: WireProtocol;
  /** Creates `rooms` rooms and returns, per room, one access for each of its clients. */
  prepareRooms(rooms: number, clientsPerRoom: number): Promise<ClientAccess[][]>;
  cpuMicros(): number;
  rssBytes(): number;
  /** SIGTERM, then waits for exit (SIGKILL after 15 s); removes temporary data. */
  stop(): Promise<void>;
  /** SIGKILL at once (nothing left to measure); removes temporary data. */
  kill(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Ours only: run under `node --cpu-prof` and write the profile here. */
  cpuProfileDir?: string;
  /** Ours only: PostgreSQL instead of SQLite (a fresh database, dropped on stop). */
  postgres?: boolean;
  /** Ours only: ROOM_UNLOAD_DELAY_MS. */
  unloadDelayMs?: number;
}

/** Variables that must not leak from the bench's own environment into a server under test. */
const SCRUBBED_ENV = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'YPERSISTENCE', 'NODE_OPTIONS', 'LOG_LEVEL', 'RELAY_MODE'];

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SCRUBBED_ENV) delete env[k];
  return { ...env, ...extra };
}

export interface SpawnedServer {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Runs `node [nodeArgs] --import tsx <script>` pinned to SERVER_CORE and waits for its 'listening' message. */
export function spawnPinned(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<SpawnedServer> {
  // taskset execs node, so the child's pid is the server's pid and every thread inherits the pinning.
  const child = spawn('taskset', ['-c', String(SERVER_CORE), process.execPath, ...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not start within 30 s`));
    }, 30_000);
    child.on('message', (msg: { type?: string; port?: number }) => {
      if (msg?.type !== 'listening' || !msg.port) return;
      clearTimeout(timer);
      resolve({ child, pid: child.pid!, port: msg.port, url: `http://127.0.0.1:${msg.port}`, stop: () => stop(), kill: () => stop('SIGKILL') });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before listening (${code ?? signal})`));
    });
  });
}

const SCRIPTS: Record<Exclude<ServerKind, 'ours'>, { script: string; env?: Record<string, string>; protocol: WireProtocol }> = {
  yws: { script: 'bench/servers/ywsServer.ts', protocol: 'y-websocket' },
  hocuspocus: { script: 'bench/servers/hocuspocusServer.ts', protocol: 'hocuspocus' },
  relay: { script: 'bench/servers/relayServer.ts', env: { RELAY_MODE: 'plain' }, protocol: 'relay' },
  corked: { script: 'bench/servers/relayServer.ts', env: { RELAY_MODE: 'corked' }, protocol: 'relay' },
};

/** Starts a reference server (anything but ours). Rooms are just names: `bench-<n>`. */
export async function launchReference(kind: Exclude<ServerKind, 'ours'>, opts: LaunchOptions = {}): Promise<BenchServer> {
  const spec = SCRIPTS[kind];
  const s = await spawnPinned(spec.script, serverEnv({ ...spec.env, ...opts.env }));
  const ws = s.url.replace(/^http/, 'ws');
  let roomSeq = 0;
  return {
    kind,
    label: SERVER_LABELS[kind],
    pid: s.pid,
    url: s.url,
    protocol: spec.protocol,
    async prepareRooms(rooms, clientsPerRoom) {
      return Array.from({ length: rooms }, () => {
        const room = `bench-${roomSeq++}`;
        const access: ClientAccess =
          spec.protocol === 'hocuspocus'
            ? { protocol: spec.protocol, socketUrl: ws, providerUrl: ws, room, params: {} }
            : { protocol: spec.protocol, socketUrl: `${ws}/${room}`, providerUrl: ws, room, params: {} };
        return Array.from({ length: clientsPerRoom }, () => access);
      });
    },
    cpuMicros: () => cpuMicros(s.pid),
    rssBytes: () => rssBytes(s.pid),
    stop: s.stop,
    kill: s.kill,
  };
}
