/**
 * The slow suite's load generator: half-open upgrades (request headers never finished) and upgraded
 * sockets that answer pings but never sync, spread over several loopback source addresses (Linux routes
 * all of 127.0.0.0/8 to lo) so that each address stays under the default per-IP cap. It runs in a child
 * process of its own, like attackProcess.ts, so that opening hundreds of sockets does not stall the
 * canary's event loop and pass for server latency. It reports when the server dropped each socket.
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';

export interface SlowPlan {
  port: number;
  /** Request path of the half-open upgrades, e.g. `/collab/<room>`. */
  halfOpenPath: string;
  halfOpen: number;
  /** Collaboration URLs with tickets for the never-syncing sockets, used in turn. */
  neverSyncUrls: string[];
  neverSync: number;
  /** Source addresses (`127.0.0.x`), used in turn. */
  localAddresses: string[];
  /** Stop waiting for the drops after this long (the sockets still open are left out of the report). */
  timeoutMs: number;
}

export interface SlowReport {
  /** Time from the start of the attack to each drop, ms. */
  halfOpenDroppedMs: number[];
  neverSyncDroppedMs: number[];
  /** Close codes the never-syncing sockets got, code → count. */
  neverSyncCodes: Record<string, number>;
  /** Never-syncing sockets refused at the upgrade, HTTP status (or `error`) → count. */
  refused: Record<string, number>;
  /** Time until every never-syncing socket was open (or refused), ms. */
  openedMs: number;
}

const count = (m: Record<string, number>, k: string | number) => (m[k] = (m[k] ?? 0) + 1);

/** Opens every slow socket now and resolves once all were dropped, or at the timeout. */
export async function runSlowSockets(plan: SlowPlan): Promise<SlowReport> {
  const report: SlowReport = { halfOpenDroppedMs: [], neverSyncDroppedMs: [], neverSyncCodes: {}, refused: {}, openedMs: 0 };
  const t0 = performance.now();
  const since = () => Math.round(performance.now() - t0);
  const sockets: (net.Socket | WebSocket)[] = [];
  const done: Promise<void>[] = [];
  for (let i = 0; i < plan.halfOpen; i++) {
    const s = net.connect({ port: plan.port, host: '127.0.0.1', localAddress: plan.localAddresses[i % plan.localAddresses.length] });
    s.on('error', () => {});
    s.resume(); // read the server's 408 and FIN, or 'close' never fires on our side
    s.write(`GET ${plan.halfOpenPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
    done.push(new Promise((resolve) => s.once('close', () => resolve(void report.halfOpenDroppedMs.push(since())))));
    sockets.push(s);
  }
  const opened: Promise<void>[] = [];
  for (let i = 0; i < plan.neverSync; i++) {
    // ws answers pings by itself: these look alive to the heartbeat, and never send a frame.
    const ws = new WebSocket(plan.neverSyncUrls[i % plan.neverSyncUrls.length]!, { localAddress: plan.localAddresses[i % plan.localAddresses.length], perMessageDeflate: false });
    ws.on('error', () => {});
    let refused = false;
    opened.push(
      new Promise((resolve) => {
        ws.once('open', () => resolve());
        ws.once('unexpected-response', (_req, res) => (count(report.refused, res.statusCode ?? 0), (refused = true), resolve()));
        ws.once('error', () => resolve());
      }),
    );
    done.push(
      new Promise((resolve) =>
        ws.once('close', (code) => {
          if (!refused) {
            report.neverSyncDroppedMs.push(since());
            count(report.neverSyncCodes, code);
          }
          resolve();
        }),
      ),
    );
    sockets.push(ws);
  }
  await Promise.all(opened);
  report.openedMs = since();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(done), new Promise((resolve) => (timer = setTimeout(resolve, plan.timeoutMs)))]);
  clearTimeout(timer);
  for (const s of sockets) s instanceof WebSocket ? s.terminate() : s.destroy();
  return report;
}

/**
 * Runs {@link runSlowSockets} in a child process; `started` resolves when the child begins opening
 * sockets (the start of the attack), the returned promise with its report.
 */
export function slowSocketsInChildProcess(plan: SlowPlan, started: () => void): Promise<SlowReport> {
  const child = fork(import.meta.filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: SlowReport | null = null;
    child.on('message', (msg: { type: 'started' } | { type: 'report'; report: SlowReport }) => {
      if (msg.type === 'started') started();
      else report = msg.report;
    });
    child.once('exit', (code) => (report ? resolve(report) : reject(new Error(`slow-socket process exited with ${code} and no report`))));
    child.send(plan);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.once('message', (plan: SlowPlan) => {
    process.send!({ type: 'started' }, () =>
      void runSlowSockets(plan).then((report) => process.send!({ type: 'report', report }, () => process.exit(0))),
    );
  });
}
