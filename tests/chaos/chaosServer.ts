/**
 * The real server as a child process for the chaos suites: pinned to one CPU (the clients get the
 * other), its stderr read line by line so that unhandled errors are counted, its memory read from /proc.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { testEnv } from '../helpers/testServer.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TASKSET = '/usr/bin/taskset';

/** The CPU the server runs on, and the one the test process (the clients) runs on. */
export const SERVER_CPU = '0';
export const CLIENT_CPU = '1';

/** One structured log line the server wrote to stderr (warnings and errors, see server/log.ts). */
export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** The log messages that mean an error escaped every handler (server/main.ts). */
export const UNHANDLED_MESSAGES = ['process.unhandled_rejection', 'process.uncaught_exception'];

export interface ChaosServer {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code/signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every log line at error level so far. */
  errors: LogLine[];
  /** stderr lines that were not JSON (a crash's stack trace, a Node warning). */
  rawStderr: string[];
  /** Errors that escaped every handler (unhandled rejections, uncaught exceptions). */
  unhandled(): LogLine[];
  /** Resident memory of the server process now (VmRSS), in bytes. */
  rssBytes(): number;
  /** True while the process runs. */
  alive(): boolean;
}

/** Options for {@link spawnChaosServer}. */
export interface SpawnOptions {
  /** Pin to this CPU list (taskset); default SERVER_CPU. `null`: no pinning. */
  cpu?: string | null;
  /** How long to wait for "listening". */
  startTimeoutMs?: number;
}

/**
 * Starts `server/main.ts` on `dataDir` with the test defaults plus `env`, logging at error level so
 * that stderr carries exactly the errors. Resolves once it listens.
 */
export function spawnChaosServer(dataDir: string, env: Record<string, string> = {}, opts: SpawnOptions = {}): Promise<ChaosServer> {
  const cpu = opts.cpu === undefined ? SERVER_CPU : opts.cpu;
  const pin = cpu !== null && existsSync(TASKSET);
  // CHAOS_SERVER_NODE_ARGS reaches only the server, e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`.
  const nodeArgs = ['--import', 'tsx', ...(process.env.CHAOS_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = fork(path.join(ROOT, 'server/main.ts'), [], {
    cwd: ROOT,
    // taskset execs node in place: same pid, and the IPC channel (an inherited fd) survives.
    ...(pin ? { execPath: TASKSET, execArgv: ['-c', cpu, process.execPath, ...nodeArgs] } : { execArgv: nodeArgs }),
    env: { ...process.env, ...testEnv(dataDir, { LOG_LEVEL: 'error', ...env }) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const errors: LogLine[] = [];
  const rawStderr: string[] = [];
  let buffered = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const rec = JSON.parse(line) as LogLine;
        if (rec.level === 'error') errors.push(rec);
      } catch {
        rawStderr.push(line);
      }
    }
  });
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const timeoutMs = opts.startTimeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (msg: { type?: string; url?: string; port?: number }) => {
      if (msg?.type !== 'listening') return;
      clearTimeout(timer);
      resolve({
        url: msg.url!,
        port: msg.port!,
        pid: child.pid!,
        child,
        exited,
        errors,
        rawStderr,
        unhandled: () => errors.filter((e) => UNHANDLED_MESSAGES.includes(e.msg)),
        rssBytes: () => readRssBytes(child.pid!),
        alive: () => running,
      });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (${code ?? signal}): ${rawStderr.slice(-5).join('\n')}`));
    });
  });
}

/** VmRSS of a process, in bytes (Linux). */
export function readRssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

/** Pins the calling process (every thread: the test's clients) to CLIENT_CPU, away from the server. */
export function pinTestProcess(): void {
  if (!existsSync(TASKSET)) return;
  execFileSync(TASKSET, ['-a', '-cp', CLIENT_CPU, String(process.pid)], { stdio: 'ignore' });
}

/** Kills the server hard and waits for the exit. */
export async function killHard(server: ChaosServer): Promise<void> {
  if (server.alive()) server.child.kill('SIGKILL');
  await server.exited;
}

/** Scrapes the server's /metrics into `name{labels}` → value. */
export async function scrapeMetrics(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\S+) (\S+)$/.exec(line);
    if (m && !line.startsWith('#')) samples.set(m[1]!, Number(m[2]));
  }
  return samples;
}
