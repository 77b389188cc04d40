/**
 * `node --import tsx bench/profile.ts [fanout <clients> | rooms <rooms>]`: runs one scenario against our
 * server under `node --cpu-prof` (default: fan-out, 250 clients) and prints where its core goes (self
 * time by package and by function). The summary goes to bench/results/profile-<date>.json; the raw
 * profile stays in a temp folder (open it in Chrome DevTools → Performance).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFanout } from './scenarios/fanout.ts';
import { benchRooms } from './scenarios/rooms.ts';
import { GENERATOR_CORE } from './servers/launch.ts';
import { pinToCore } from './servers/procStats.ts';
import { renderProfile, summarizeCpuProfile } from './cpuProfile.ts';
import { waitForQuiet } from './machineLoad.ts';

pinToCore(process.pid, GENERATOR_CORE);
const scenario = process.argv[2] === 'rooms' ? 'rooms' : 'fanout';
const size = Number(process.argv[3] ?? (scenario === 'rooms' ? 1000 : 250));
const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-cpuprof-'));
await waitForQuiet(25, 60_000);
let run: unknown;
if (scenario === 'rooms') {
  const r = await benchRooms('ours', { rooms: size, clientsPerRoom: 2, concurrency: 16, settleMs: 1000, launch: { cpuProfileDir: dir } });
  console.log(`${size} rooms under --cpu-prof: ${r.kbPerRoom} KB/room, connect→synced p50 ${r.connect.p50} ms p95 ${r.connect.p95} ms (profiling adds overhead)`);
  run = r;
} else {
  const r = await benchFanout('ours', {
    clients: size,
    docClients: size >= 100 ? 10 : size,
    ratePerSec: 5,
    warmupMs: 1000,
    durationMs: 10_000,
    drainMs: 15_000,
    launch: { cpuProfileDir: dir },
  });
  console.log(`fan-out ${size} under --cpu-prof: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.usPerDelivery} µs/delivery (profiling adds overhead)`);
  run = r;
}
// CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's loader hooks
// run in a worker and write a profile of their own).
const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
const summary = summarizeCpuProfile(path.join(dir, file), 30);
console.log(renderProfile(summary));
const out = path.join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
const json = path.join(out, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), scenario, size, run, profile: path.join(dir, file), summary }, null, 2));
console.log(`\nprofile: ${path.join(dir, file)}\nsummary: ${path.relative(process.cwd(), json)}`);
process.exit(0);
