/**
 * Starting the real server for tests: in-process on a free port (fast, most tests) or as a child
 * process (so a test can kill it with SIGKILL and restart it on the same data folder).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config/config.ts';
import { createLogger } from '../../server/log.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';

/** Test defaults: a private data folder, port 0, quick unloads, cheap password hashing. */
export function testEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SCRYPT_LOG_N: '10',
    ROOM_UNLOAD_DELAY_MS: '200',
    ALLOWED_ORIGINS: 'http://commonplace.test',
    ...extra,
  };
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'commonplace-test-'));
}

export interface TestServer extends RunningServer {
  dataDir: string;
  origin: string;
  /** Stops the server and deletes its data folder. */
  dispose(): Promise<void>;
}

export async function startTestServer(extra: Record<string, string> = {}, dataDir = makeDataDir()): Promise<TestServer> {
  const env = testEnv(dataDir, extra);
  const config = loadConfig(env);
  const running = await startServer(config, createLogger(config.logLevel));
  return {
    ...running,
    dataDir,
    origin: config.allowedOrigins[0],
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code/signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `server/main.ts` in a child process and waits until it listens. */
export function spawnServer(dataDir: string, extra: Record<string, string> = {}): Promise<ChildServer> {
  const child = fork(path.join(ROOT, 'server/main.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...testEnv(dataDir, extra) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    child.on('message', (msg: { type?: string; url?: string; port?: number }) => {
      if (msg?.type !== 'listening') return;
      clearTimeout(timer);
      resolve({ url: msg.url!, port: msg.port!, child, exited });
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with ${code}`));
    });
  });
}

/** A port that was free a moment ago (for restarting a server on the same address). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as import('node:net').AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
