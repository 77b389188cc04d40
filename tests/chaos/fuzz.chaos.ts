/**
 * Protocol fuzzing over real sockets (issue 7, part 2): the seeded corpus of ≥ 10,000 malformed frames
 * against a server child process, then a soak of continuous garbage from several attacker sockets while
 * a canary room exchanges an edit every 100 ms. The server must not crash or leak an unhandled error,
 * the canary must stay fast and connected, oversized frames are closed with 1009 within 1 s, and every
 * room loads after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { freePort, makeDataDir } from '../helpers/testServer.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { loadConfig } from '../../server/config/config.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { fuzzCorpus, type FrameKind } from './fuzzCorpus.ts';
import { openAttacker, unexpectedOutcome, type Attacker } from './Attacker.ts';
import { attackInChildProcess } from './attackProcess.ts';
import { chaosSettings, max, percentile, round, writeFigures } from './figures.ts';
import { pinTestProcess, spawnChaosServer, type ChaosServer } from './chaosServer.ts';
import { CHAOS_ENV, createWorld, type ChaosWorld } from './chaosWorld.ts';
import { readStoredDoc } from './storedDoc.ts';

const S = chaosSettings();
const CORPUS_FRAMES = 10_000;
/** Parallel attacker sockets for the corpus, and during the soak. */
const CORPUS_WORKERS = 8;
const SOAK_ATTACKERS = 4;
/** The default frame limit (MAX_MESSAGE_BYTES), set explicitly so that the environment cannot change it. */
const MAX_MESSAGE_BYTES = loadConfig({}).limits.maxMessageBytes;
const dataDir = makeDataDir();
const servers: ChaosServer[] = [];
/** Servers this suite stopped on purpose; any other that exited crashed. */
const stopped = new Set<ChaosServer>();
const crashes = () => servers.filter((s) => !s.alive() && !stopped.has(s)).length;
const clients: YClient[] = [];
let server: ChaosServer;
let port = 0;
let world: ChaosWorld;
/** Session 0 is the canary room; the others are attacked. */
const ATTACK_ROOMS = CORPUS_WORKERS;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const figures = (f: Parameters<typeof writeFigures>[1]) => writeFigures('fuzz', f);

async function start(): Promise<ChaosServer> {
  server = await spawnChaosServer(dataDir, { ...CHAOS_ENV, PORT: String(port), MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  pinTestProcess();
  port = await freePort();
  await start();
  world = await createWorld(server.url, 1 + ATTACK_ROOMS, 2, 'Fuzz');
}, 60_000);

afterAll(() => {
  for (const c of clients) c.destroy();
  for (const s of servers) if (s.alive()) s.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A ws URL of session `session` with a ticket of person `person`. */
async function roomUrl(session: number, person: number): Promise<string> {
  const token = await world.ticket(session, person);
  return `${server.url.replace('http', 'ws')}/collab/${world.sessions[session]!.room}?token=${encodeURIComponent(token)}`;
}

describe('protocol fuzzing over real sockets', () => {
  it(`R5: the ${CORPUS_FRAMES.toLocaleString('en')}-frame seeded corpus: no crash, no unhandled error, only the sender is closed`, async () => {
    const canary = connectClient(server.url, world.sessions[0]!.room, { token: await world.ticket(0, 0) });
    clients.push(canary);
    await waitForSync(canary);
    let canaryCloses = 0;
    canary.provider.on('connection-close', () => canaryCloses++);

    const frames = [...fuzzCorpus(S.seed, CORPUS_FRAMES)];
    const byKind: Record<string, { survived: number; closes: Record<number, number> }> = {};
    const unexpected: { i: number; kind: FrameKind; outcome: string }[] = [];
    let connections = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CORPUS_WORKERS }, async (_, w) => {
        const session = 1 + w;
        let a: Attacker | null = null;
        for (let i = w; i < frames.length; i += CORPUS_WORKERS) {
          if (!a?.open) {
            a?.terminate();
            a = await openAttacker(await roomUrl(session, w));
            connections++;
          }
          const f = frames[i]!;
          a.send(f.data);
          const outcome = await a.probe(5000);
          const k = (byKind[f.kind] ??= { survived: 0, closes: {} });
          if (outcome === 'alive') k.survived++;
          else if (typeof outcome === 'number') k.closes[outcome] = (k.closes[outcome] ?? 0) + 1;
          if (unexpectedOutcome(outcome)) unexpected.push({ i, kind: f.kind, outcome: String(outcome) });
        }
        a?.terminate();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const closedTotal = Object.values(byKind).reduce((n, k) => n + Object.values(k.closes).reduce((a, b) => a + b, 0), 0);
    figures({
      corpus_frames: frames.length,
      corpus_connections: connections,
      corpus_closed: closedTotal,
      corpus_survived: frames.length - closedTotal,
      corpus_seconds: round(seconds),
      corpus_outcomes: JSON.stringify(byKind),
    });
    expect(unexpected.slice(0, 10)).toEqual([]);
    expect(server.alive()).toBe(true);
    expect(server.unhandled()).toEqual([]);
    expect(canaryCloses).toBe(0);
    // The canary room still works.
    const second = connectClient(server.url, world.sessions[0]!.room, { token: await world.ticket(0, 1) });
    clients.push(second);
    await waitForSync(second);
    getBoard(second.doc).set('after-corpus', toYMap({ id: 'after-corpus', type: 'sticky', text: 'still here' }));
    await waitFor(() => getBoard(canary.doc).has('after-corpus'));
    canary.destroy();
    second.destroy();
  }, 300_000);

  it(`soak: ${S.soakSeconds} s of garbage from ${SOAK_ATTACKERS} attacker sockets; the canary room keeps p99 < 500 ms with no disconnect, lag < 1 s, oversized frames closed with 1009 within 1 s`, async () => {
    const a = connectClient(server.url, world.sessions[0]!.room, { token: await world.ticket(0, 0) });
    const b = connectClient(server.url, world.sessions[0]!.room, { token: await world.ticket(0, 1) });
    clients.push(a, b);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    let canaryDisconnects = 0;
    const canaryCloseCodes: number[] = [];
    for (const c of [a, b])
      c.provider.on('connection-close', (e) => {
        canaryDisconnects++;
        canaryCloseCodes.push(e?.code ?? 0);
      });

    // The canary: A and B take turns writing a numbered edit every 100 ms; the other measures its arrival.
    // Sent and not yet seen, per sender: edit number → time sent.
    const sentAt = { a: new Map<number, number>(), b: new Map<number, number>() };
    const latencies: number[] = [];
    const measure = (receiver: YClient, from: 'a' | 'b') =>
      getBoard(receiver.doc).observe((e) => {
        if (!e.keysChanged.has(`canary-${from}`)) return;
        const n = Number(getBoard(receiver.doc).get(`canary-${from}`)?.get('text'));
        // Each edit replaces the sender's previous one: seeing n delivers every earlier one too.
        for (const [m, t] of sentAt[from]) {
          if (m > n) continue;
          latencies.push(performance.now() - t);
          sentAt[from].delete(m);
        }
      });
    measure(b, 'a');
    measure(a, 'b');
    let seq = 0;
    const canaryTimer = setInterval(() => {
      const [from, c] = seq % 2 === 0 ? (['a', a] as const) : (['b', b] as const);
      sentAt[from].set(seq, performance.now());
      getBoard(c.doc).set(`canary-${from}`, toYMap({ id: `canary-${from}`, type: 'sticky', text: String(seq) }));
      seq++;
    }, 100);

    // Event-loop lag as a client sees it: how long a trivial HTTP request takes.
    const lag: number[] = [];
    const lagTimer = setInterval(() => {
      const t0 = performance.now();
      void fetch(`${server.url}/healthz`).then(
        (r) => (void r.arrayBuffer(), lag.push(performance.now() - t0)),
        () => lag.push(Infinity),
      );
    }, 250);
    // The clients' own event loop: a stall here inflates every latency measured above.
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const rss: number[] = [];
    const rssTimer = setInterval(() => rss.push(server.rssBytes()), 1000);

    const rooms = await Promise.all(world.sessions.map((_, i) => Promise.all([0, 1].map((person) => roomUrl(i, person)))));
    const attack = await attackInChildProcess({ rooms, seconds: S.soakSeconds, sockets: SOAK_ATTACKERS, seed: S.seed, maxMessageBytes: MAX_MESSAGE_BYTES });
    const oversize = attack.oversizeMs;
    clearInterval(canaryTimer);
    clearInterval(lagTimer);
    clearInterval(rssTimer);
    clientLoop.disable();
    await sleep(1000);
    const unreceived = sentAt.a.size + sentAt.b.size;

    const p99 = percentile(latencies, 99);
    const lagMax = max(lag);
    figures({
      soak_seconds: S.soakSeconds,
      soak_attack_connections: attack.connections,
      soak_attack_frames: attack.frames,
      canary_edits: seq,
      canary_p50_ms: round(percentile(latencies, 50)),
      canary_p99_ms: round(p99),
      canary_max_ms: round(max(latencies)),
      canary_unreceived: unreceived,
      canary_disconnects: canaryDisconnects,
      canary_close_codes: canaryCloseCodes.join(' '),
      event_loop_lag_max_ms: round(lagMax),
      client_loop_delay_max_ms: round(clientLoop.max / 1e6),
      client_loop_delay_p99_ms: round(clientLoop.percentile(99) / 1e6),
      oversize_frames: oversize.length,
      oversize_1009_max_ms: round(max(oversize)),
      // Memory over the soak (no bar: garbage makes it noisy), early tenth against last tenth.
      soak_rss_max_mb: round(max(rss) / 2 ** 20),
      soak_rss_early_mb: round(max(rss.slice(0, Math.ceil(rss.length / 10))) / 2 ** 20),
      soak_rss_late_mb: round(max(rss.slice(-Math.ceil(rss.length / 10))) / 2 ** 20),
    });
    figures({ fuzz_server_crashes: crashes() });
    expect(server.alive(), 'server crashed').toBe(true);
    expect(server.unhandled()).toEqual([]);
    expect(attack.unexpected.slice(0, 10)).toEqual([]);
    expect(canaryDisconnects).toBe(0);
    expect(unreceived).toBe(0);
    expect(p99).toBeLessThan(500);
    expect(lagMax).toBeLessThan(1000);
    expect(oversize.length).toBeGreaterThan(0);
    expect(max(oversize)).toBeLessThan(1000);
    a.destroy();
    b.destroy();
  }, S.soakSeconds * 1000 + 120_000);

  it('after the fuzzing, a graceful restart: every room loads, from the store and through the server', async () => {
    // The canary's final state, to compare with what comes back.
    const before = connectClient(server.url, world.sessions[0]!.room, { token: await world.ticket(0, 0) });
    await waitForSync(before);
    const canaryState = JSON.stringify(['a', 'b'].map((w) => getBoard(before.doc).get(`canary-${w}`)?.get('text')));
    before.destroy();

    stopped.add(server);
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    // Straight from the file: every room's snapshot and log still apply.
    for (const s of world.sessions) readStoredDoc(path.join(dataDir, 'commonplace.sqlite'), s.room).destroy();

    await start();
    let loaded = 0;
    for (const [i, s] of world.sessions.entries()) {
      const c = connectClient(server.url, s.room, { token: await world.ticket(i, 0) });
      clients.push(c);
      await waitForSync(c, 10_000);
      if (i === 0) expect(JSON.stringify(['a', 'b'].map((w) => getBoard(c.doc).get(`canary-${w}`)?.get('text')))).toBe(canaryState);
      c.destroy();
      loaded++;
    }
    const unhandled = servers.flatMap((s) => s.unhandled());
    figures({ rooms_reloaded: loaded, fuzz_unhandled_errors: unhandled.length, fuzz_server_crashes: crashes() });
    expect(loaded).toBe(world.sessions.length);
    expect(unhandled).toEqual([]);
    expect(servers.flatMap((s) => s.rawStderr)).toEqual([]);
  }, 60_000);
});
