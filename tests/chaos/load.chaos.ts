/**
 * Load and leaks (issue 7, part 7), against a server child pinned to one CPU with every client in this
 * process on the other: 1,000 connect/disconnect cycles leave memory within 10% of its baseline and no
 * room loaded; 500 stock clients across 50 rooms type with no error (p99 of edit delivery reported);
 * after a restart all 500 reconnect and resync within 30 s without divergence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { freePort, makeDataDir } from '../helpers/testServer.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getNotes } from '../../shared/doc/layout.ts';
import { prng } from './fuzzCorpus.ts';
import { chaosSettings, max, percentile, round, writeFigures } from './figures.ts';
import { killHard, pinTestProcess, scrapeMetrics, spawnChaosServer, type ChaosServer } from './chaosServer.ts';
import { CHAOS_ENV, createWorld, type ChaosWorld } from './chaosWorld.ts';
import { PLACES, converged, tokenOf, writeToken } from './tokens.ts';

const S = chaosSettings();
const ROOMS = 50;
const PER_ROOM = 10;
const WRITERS_PER_ROOM = 2;
const CYCLES = 1000;
const WARMUP_CYCLES = 200;
const UNLOAD_DELAY_MS = 1000;
const MB = 2 ** 20;
const dataDir = makeDataDir();
const servers: ChaosServer[] = [];
let server: ChaosServer;
let port = 0;
let world: ChaosWorld;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Every stock provider adds a process 'exit' listener: 500 of them, plus the fresh ones of the storm check.
process.setMaxListeners(ROOMS * PER_ROOM * 2);
const figures = (f: Parameters<typeof writeFigures>[1]) => writeFigures('load', f);

async function start(): Promise<ChaosServer> {
  server = await spawnChaosServer(dataDir, { ...CHAOS_ENV, PORT: String(port), ROOM_UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) });
  servers.push(server);
  return server;
}

async function client(room: number, person = room): Promise<YClient> {
  return connectClient(server.url, world.sessions[room]!.room, { token: await world.ticket(room, person) });
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at a time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** Waits until the server holds no room and no socket; resolves with how long that took. */
async function roomsGone(timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const m = await scrapeMetrics(server.url);
    if (m.get('commonplace_rooms_loaded') === 0 && m.get('commonplace_connections_open') === 0) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`rooms still loaded after ${timeoutMs} ms: ${m.get('commonplace_rooms_loaded')}`);
    await sleep(100);
  }
}

/**
 * The lowest of RSS readings a second apart. A single reading may catch garbage not yet collected; V8
 * shrinks the heap once the process has been quiet for several seconds, so the readings span that.
 */
async function settledRss(samples: number): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < samples; i++) {
    if (i > 0) await sleep(1000);
    min = Math.min(min, server.rssBytes());
  }
  return min;
}

beforeAll(async () => {
  pinTestProcess();
  port = await freePort();
  await start();
  world = await createWorld(server.url, ROOMS, 5, 'Load');
}, 120_000);

afterAll(() => {
  for (const s of servers) if (s.alive()) s.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('load and leaks', () => {
  it(`R8: ${CYCLES.toLocaleString('en')} connect/disconnect cycles: memory within 10% of baseline, no room left in memory`, async () => {
    const rand = prng(S.seed);
    let errors = 0;
    const cycle = async (i: number) => {
      const c = await client(i % ROOMS, i);
      c.provider.on('connection-error', () => errors++);
      await waitForSync(c, 15_000);
      if (i % 4 === 0) writeToken(c.doc, tokenOf('cycle', i), PLACES[i % 3]!, rand);
      c.destroy();
    };
    await pool(WARMUP_CYCLES, 20, (i) => cycle(CYCLES + i));
    await roomsGone(60_000);
    await sleep(2000);
    const baseline = await settledRss(12);
    const heapBefore = (await scrapeMetrics(server.url)).get('nodejs_heap_size_used_bytes') ?? 0;

    const t0 = performance.now();
    await pool(CYCLES, 20, cycle);
    const cyclesMs = performance.now() - t0;
    // The last client has left: every room must unload (after ROOM_UNLOAD_DELAY_MS), well within 60 s.
    const goneMs = await roomsGone(60_000);
    await sleep(2000);
    const after = await settledRss(12);
    const heapAfter = (await scrapeMetrics(server.url)).get('nodejs_heap_size_used_bytes') ?? 0;
    const growth = (after - baseline) / baseline;
    figures({
      cycles: CYCLES,
      cycles_seconds: round(cyclesMs / 1000),
      cycle_errors: errors,
      rss_baseline_mb: round(baseline / MB),
      rss_after_mb: round(after / MB),
      rss_growth_pct: round(growth * 100),
      heap_used_before_mb: round(heapBefore / MB),
      heap_used_after_mb: round(heapAfter / MB),
      rooms_unloaded_after_ms: round(goneMs),
    });
    expect(errors).toBe(0);
    expect(goneMs).toBeLessThan(60_000);
    expect(growth).toBeLessThan(0.1);
  }, 300_000);

  // Shared by the typing test and the reconnect storm that follows it.
  const rooms: YClient[][] = [];
  /** Writer texts: `${room}:${writer}` → the writer's own paragraph text (in the writer's doc). */
  const texts = new Map<string, Y.XmlText>();
  const all = () => rooms.flat();
  let errors = 0;

  /** A writer's paragraph in any replica: the one whose text starts with its marker. */
  const findText = (doc: Y.Doc, marker: string): Y.XmlText | null => {
    for (const p of getNotes(doc).toArray()) {
      const t = p instanceof Y.XmlElement ? p.get(0) : null;
      if (t instanceof Y.XmlText && t.toString().startsWith(marker)) return t;
    }
    return null;
  };
  const roomConverged = (clients: YClient[]) => clients.every((c) => c.provider.synced) && converged(clients.map((c) => c.doc));

  it(`${ROOMS * PER_ROOM} stock clients in ${ROOMS} rooms type for ${S.loadSeconds} s: no error, p99 of edit delivery reported`, async () => {
    const t0 = performance.now();
    for (let r = 0; r < ROOMS; r++) rooms.push(await Promise.all(Array.from({ length: PER_ROOM }, (_, k) => client(r, k))));
    for (const c of all()) {
      c.provider.on('connection-close', () => errors++);
      c.provider.on('connection-error', () => errors++);
    }
    await Promise.all(all().map((c) => waitForSync(c, 60_000)));
    const connectMs = performance.now() - t0;

    // Each writer types into its own paragraph; every other client in the room times each keystroke's
    // arrival: keystroke n of a writer is the one that made its text n characters long.
    const sentAt = new Map<string, number[]>();
    const latencies: number[] = [];
    rooms.forEach((clients, r) => {
      for (let w = 0; w < WRITERS_PER_ROOM; w++) {
        const marker = `w${r}-${w}:`;
        const p = new Y.XmlElement('paragraph');
        const text = new Y.XmlText(marker);
        p.insert(0, [text]);
        getNotes(clients[w]!.doc).insert(getNotes(clients[w]!.doc).length, [p]);
        texts.set(`${r}:${w}`, text);
        sentAt.set(`${r}:${w}`, []);
      }
      for (const reader of clients) {
        const seen = new Map<string, { text: Y.XmlText | null; length: number }>();
        reader.doc.on('afterTransaction', () => {
          for (let w = 0; w < WRITERS_PER_ROOM; w++) {
            if (reader === clients[w]) continue;
            const key = `${r}:${w}`;
            let s = seen.get(key);
            if (!s?.text) {
              const text = findText(reader.doc, `w${r}-${w}:`);
              s = { text, length: text?.length ?? 0 };
              seen.set(key, s);
              if (!text) continue;
            }
            const length = s.text!.length;
            const sent = sentAt.get(key)!;
            const now = performance.now();
            for (let n = s.length + 1; n <= length; n++) if (sent[n] !== undefined) latencies.push(now - sent[n]!);
            s.length = length;
          }
        });
      }
    });
    const hasParagraphs = (c: YClient, r: number) => Array.from({ length: WRITERS_PER_ROOM }, (_, w) => findText(c.doc, `w${r}-${w}:`)).every(Boolean);
    await waitFor(() => rooms.every((clients, r) => clients.every((c) => hasParagraphs(c, r))), 30_000, 'writers’ paragraphs everywhere');

    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const rand = prng(S.seed ^ 0x10ad);
    let typing = true;
    let edits = 0;
    const timers: NodeJS.Timeout[] = [];
    for (const [key, text] of texts) {
      const type = () => {
        if (!typing) return;
        text.insert(text.length, String.fromCharCode(97 + Math.floor(rand() * 26)));
        sentAt.get(key)![text.length] = performance.now();
        edits++;
        timers.push(setTimeout(type, 150 + rand() * 100));
      };
      timers.push(setTimeout(type, rand() * 200));
    }
    await sleep(S.loadSeconds * 1000);
    typing = false;
    for (const t of timers) clearTimeout(t);
    clientLoop.disable();
    await waitFor(() => rooms.every(roomConverged), 30_000, 'every room to converge');

    figures({
      load_clients: all().length,
      load_rooms: ROOMS,
      load_seconds: S.loadSeconds,
      load_connect_ms: round(connectMs),
      load_edits: edits,
      load_deliveries: latencies.length,
      load_p50_ms: round(percentile(latencies, 50)),
      load_p99_ms: round(percentile(latencies, 99)),
      load_max_ms: round(max(latencies)),
      load_errors: errors,
      load_client_loop_delay_max_ms: round(clientLoop.max / 1e6),
    });
    // Every keystroke reached every other client in its room.
    expect(latencies.length).toBe(edits * (PER_ROOM - 1));
    expect(errors).toBe(0);
    expect(server.unhandled()).toEqual([]);
  }, S.loadSeconds * 1000 + 180_000);

  it(`a reconnect storm: ${ROOMS * PER_ROOM} stock clients resync within 30 s of a restart, with no divergence`, async () => {
    expect(all().length).toBe(ROOMS * PER_ROOM);
    await killHard(server);
    // Typed while the server was down: must merge.
    for (const text of texts.values()) text.insert(text.length, ' offline');
    await start();
    const t0 = performance.now();
    await waitFor(() => rooms.every(roomConverged), 30_000, 'all clients to resync');
    const stormMs = performance.now() - t0;

    // No divergence: a fresh client per room reads exactly what the room's clients hold.
    let divergent = 0;
    for (const [r, clients] of rooms.entries()) {
      const fresh = await client(r);
      await waitForSync(fresh, 15_000);
      if (!converged([fresh.doc, ...clients.map((c) => c.doc)])) divergent++;
      for (let w = 0; w < WRITERS_PER_ROOM; w++) if (!findText(fresh.doc, `w${r}-${w}:`)?.toString().endsWith(' offline')) divergent++;
      fresh.destroy();
    }
    for (const c of all()) c.destroy();
    const goneMs = await roomsGone(60_000);
    figures({ storm_clients: all().length, storm_resync_ms: round(stormMs), storm_divergent_rooms: divergent, storm_rooms_unloaded_after_ms: round(goneMs), load_unhandled_errors: servers.flatMap((s) => s.unhandled()).length });
    expect(stormMs).toBeLessThan(30_000);
    expect(divergent).toBe(0);
    expect(servers.flatMap((s) => s.unhandled())).toEqual([]);
    expect(servers.flatMap((s) => s.rawStderr)).toEqual([]);
  }, 180_000);
});
