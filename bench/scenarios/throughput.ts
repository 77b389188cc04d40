/**
 * Throughput ceiling: one room, `clients` raw clients each sending updates as fast as backpressure
 * allows (they stop while their socket holds more than `maxBufferedBytes`). Measures deliveries per
 * second (an update reaching one other client) and the server's CPU per delivery while saturated.
 * Open loop, only TCP pushes back — and a server that reads everything it is offered can drown in it.
 * With `maxInFlight`, closed loop: a client also waits while more than that many of its updates have
 * not yet reached an observer client (the rate a server sustains, as editors waiting on peers would see).
 */
import type { LaunchOptions, ServerKind } from '../servers/launch.ts';
import { launchServer } from '../servers/launchServer.ts';
import { DeliveryLog } from '../clients/DeliveryLog.ts';
import { connectClients, countDrops, type LoadClient } from '../clients/connectClients.ts';
import { nowMicros } from '../clients/markers.ts';
import { RawClient } from '../clients/RawClient.ts';
import { sleep } from '../pool.ts';
import { IntervalMeter } from '../IntervalMeter.ts';

export interface ThroughputOptions {
  clients: number;
  warmupMs: number;
  durationMs: number;
  maxBufferedBytes: number;
  /** Closed loop: most updates per client not yet seen by the observer client (omit: open loop). */
  maxInFlight?: number;
  launch?: LaunchOptions;
}

export interface ThroughputResult {
  kind: ServerKind;
  server: string;
  clients: number;
  /** null: open loop. */
  maxInFlight: number | null;
  /** Updates the clients handed to their sockets per second. */
  sentPerSec: number;
  /** Deliveries (update × other client) per second. */
  deliveriesPerSec: number;
  usPerDelivery: number;
  serverCpuPct: number;
  generatorCpuPct: number;
  backgroundCpuPct: number;
  drops: number;
}

/** Sends per client per turn of the event loop: enough to fill the pipe, small enough to keep reading. */
const BURST = 32;

export async function benchThroughput(kind: ServerKind, o: ThroughputOptions): Promise<ThroughputResult> {
  const server = await launchServer(kind, o.launch);
  const log = new DeliveryLog();
  let clients: LoadClient[] = [];
  let running = true;
  let sent = 0;
  try {
    const [accesses] = await server.prepareRooms(1, o.clients);
    // Client 0 observes everyone else; client 1 observes client 0.
    const seen = new Array<number>(o.clients).fill(0);
    const sentBy = new Array<number>(o.clients).fill(0);
    const sink = (receiver: number, sender: number, sentAt: number) => {
      log.record(receiver, sender, sentAt);
      if ((receiver === 0 && sender !== 0) || (receiver === 1 && sender === 0)) seen[sender]++;
    };
    clients = await connectClients(accesses, 0, sink);
    await sleep(300);
    log.countFrom = nowMicros();
    const senders = clients.filter((c): c is RawClient => c instanceof RawClient);
    const pump = (c: RawClient) => {
      if (!running) return;
      const window = o.maxInFlight ?? Number.POSITIVE_INFINITY;
      for (let i = 0; i < BURST && c.bufferedAmount < o.maxBufferedBytes && sentBy[c.index] - seen[c.index] < window; i++) {
        c.sendMarker();
        sentBy[c.index]++;
        sent++;
      }
      setImmediate(pump, c);
    };
    for (const c of senders) pump(c);
    await sleep(o.warmupMs);

    const meter = new IntervalMeter(server.cpuMicros);
    const sent0 = sent;
    log.counting = true;
    await sleep(o.durationMs);
    log.counting = false;
    const m = meter.read();
    running = false;
    return {
      kind,
      server: server.label,
      clients: o.clients,
      maxInFlight: o.maxInFlight ?? null,
      sentPerSec: Math.round(((sent - sent0) / m.wallMs) * 1000),
      deliveriesPerSec: Math.round((log.arrivals / m.wallMs) * 1000),
      usPerDelivery: Math.round((m.serverMicros / Math.max(1, log.arrivals)) * 100) / 100,
      serverCpuPct: m.serverCpuPct,
      generatorCpuPct: m.generatorCpuPct,
      backgroundCpuPct: m.backgroundCpuPct,
      drops: countDrops(clients),
    };
  } finally {
    running = false;
    for (const c of clients) c.close();
    // A drowned server may not answer SIGTERM for a long time: nothing is left to measure, kill it.
    await server.kill();
  }
}
