/**
 * Fan-out: one room, N clients, each sending `ratePerSec` small updates (a Y.Map key holding a latency
 * marker). Measures delivery latency p50/p99 over every (update, other client) pair and the server's CPU
 * time per delivery. From 100 clients on, only `docClients` hold a Y.Doc; the rest are raw readers, so
 * that the generator's core is not what we measure.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LaunchOptions, ServerKind } from '../servers/launch.ts';
import { launchServer } from '../servers/launchServer.ts';
import { DeliveryLog } from '../clients/DeliveryLog.ts';
import { connectClients, countDrops, type LoadClient } from '../clients/connectClients.ts';
import { nowMicros } from '../clients/markers.ts';
import { sleep } from '../pool.ts';
import { IntervalMeter } from '../IntervalMeter.ts';

export interface FanoutOptions {
  clients: number;
  /** Clients holding a Y.Doc behind the stock provider (all of them when ≥ clients). */
  docClients: number;
  ratePerSec: number;
  warmupMs: number;
  durationMs: number;
  /** Longest wait after the last send for outstanding deliveries (a saturated server has a backlog). */
  drainMs: number;
  launch?: LaunchOptions;
}

export interface FanoutResult {
  kind: ServerKind;
  server: string;
  clients: number;
  docClients: number;
  sent: number;
  expected: number;
  delivered: number;
  /** Milliseconds (Infinity: that quantile never arrived before the drain deadline). */
  p50: number;
  p99: number;
  max: number;
  /** Server CPU per delivery counted in the same interval, µs. */
  usPerDelivery: number;
  /** Server and generator CPU use over the measured interval, % of one core. */
  serverCpuPct: number;
  generatorCpuPct: number;
  /** CPU used by other processes on the machine meanwhile (noise), % of one core. */
  backgroundCpuPct: number;
  /** Generator event-loop delay p99, ms (high: the generator, not the server, limits the run). */
  generatorLagP99: number;
  drops: number;
}

export async function benchFanout(kind: ServerKind, o: FanoutOptions): Promise<FanoutResult> {
  const server = await launchServer(kind, o.launch);
  const log = new DeliveryLog();
  const timers: NodeJS.Timeout[] = [];
  let clients: LoadClient[] = [];
  try {
    const [accesses] = await server.prepareRooms(1, o.clients);
    clients = await connectClients(accesses, Math.min(o.docClients, o.clients), log.record);
    await sleep(300); // presence and handshake echoes settle

    log.countFrom = nowMicros();
    const interval = 1000 / o.ratePerSec;
    for (const c of clients) {
      const send = () => {
        const t = nowMicros();
        if (t >= log.windowStart && t <= log.windowEnd) log.sentInWindow++;
        c.sendMarker(t);
      };
      // A random phase per client, as people do not type in lockstep.
      const start = setTimeout(() => {
        send();
        timers.push(setInterval(send, interval));
      }, Math.random() * interval);
      timers.push(start);
    }
    await sleep(o.warmupMs);

    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const meter = new IntervalMeter(server.cpuMicros);
    log.windowStart = nowMicros();
    log.counting = true;
    await sleep(o.durationMs);
    log.windowEnd = nowMicros();
    for (const t of timers) clearInterval(t);

    const others = o.clients - 1;
    const deadline = performance.now() + o.drainMs;
    let lastProgress = performance.now();
    let lastDelivered = log.delivered;
    while (log.delivered < log.sentInWindow * others && performance.now() < deadline) {
      await sleep(20);
      if (log.delivered !== lastDelivered) {
        lastDelivered = log.delivered;
        lastProgress = performance.now();
      } else if (performance.now() - lastProgress > 3000) break; // lost, not late
    }
    const m = meter.read();
    log.counting = false;
    lag.disable();

    const s = log.summary(others);
    return {
      kind,
      server: server.label,
      clients: o.clients,
      docClients: Math.min(o.docClients, o.clients),
      sent: log.sentInWindow,
      expected: s.expected,
      delivered: s.delivered,
      p50: s.p50,
      p99: s.p99,
      max: s.max,
      usPerDelivery: round(m.serverMicros / Math.max(1, log.arrivals)),
      serverCpuPct: m.serverCpuPct,
      generatorCpuPct: m.generatorCpuPct,
      backgroundCpuPct: m.backgroundCpuPct,
      generatorLagP99: round(lag.percentile(99) / 1e6),
      drops: countDrops(clients),
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const c of clients) c.close();
    await server.stop();
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
