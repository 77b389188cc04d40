/**
 * Many idle rooms: `rooms` rooms × `clientsPerRoom` stock clients that join and then do nothing.
 * Measures the server's resident memory per room (after minus before, both after room setup) and each
 * client's connect → synced time (relays: connect → open, as a relay has nothing to sync).
 */
import type { LaunchOptions, ServerKind } from '../servers/launch.ts';
import { launchServer } from '../servers/launchServer.ts';
import { StockClient } from '../clients/StockClient.ts';
import { withTimeout } from '../clients/connectClients.ts';
import { runPool, sleep } from '../pool.ts';
import { summarize, type Summary } from '../stats.ts';
import { IntervalMeter } from '../IntervalMeter.ts';

export interface RoomsOptions {
  rooms: number;
  clientsPerRoom: number;
  /** Joins in flight at once. */
  concurrency: number;
  /** Pause before reading memory, so that connection setup garbage is not counted as rooms. */
  settleMs: number;
  launch?: LaunchOptions;
}

export interface RoomsResult {
  kind: ServerKind;
  server: string;
  rooms: number;
  clients: number;
  baselineRssMB: number;
  loadedRssMB: number;
  /** (loaded − baseline) / rooms, KB. */
  kbPerRoom: number;
  /** Connect → synced (relays: → open), ms. */
  connect: Summary;
  drops: number;
  /** CPU used by other processes on the machine while clients connected (noise), % of one core. */
  backgroundCpuPct: number;
}

export async function benchRooms(kind: ServerKind, o: RoomsOptions): Promise<RoomsResult> {
  const server = await launchServer(kind, o.launch);
  const clients: StockClient[] = [];
  try {
    const accesses = (await server.prepareRooms(o.rooms, o.clientsPerRoom)).flat();
    await sleep(1000);
    const baseline = server.rssBytes();
    const meter = new IntervalMeter(server.cpuMicros);
    const times = await runPool(accesses.length, o.concurrency, async (i) => {
      const t0 = performance.now();
      const c = new StockClient(i, accesses[i], null);
      clients.push(c);
      await withTimeout(c.ready, 60_000, `client ${i} to sync`);
      return performance.now() - t0;
    });
    const background = meter.read().backgroundCpuPct;
    await sleep(o.settleMs);
    const loaded = server.rssBytes();
    const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
    return {
      kind,
      server: server.label,
      rooms: o.rooms,
      clients: accesses.length,
      baselineRssMB: mb(baseline),
      loadedRssMB: mb(loaded),
      kbPerRoom: Math.round(((loaded - baseline) / 1024 / o.rooms) * 10) / 10,
      connect: summarize(times),
      drops: clients.reduce((n, c) => n + c.drops, 0),
      backgroundCpuPct: background,
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}
