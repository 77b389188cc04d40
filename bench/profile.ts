/**
 * `node --import tsx bench/profile.ts [clients]`: runs the fan-out scenario (250 clients by default)
 * against our server under `node --cpu-prof` and prints where its core goes (self time by package and
 * by function). The summary goes to bench/results/profile-<date>.json; the raw profile stays in a temp
 * folder (open it in Chrome DevTools → Performance).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFanout } from './scenarios/fanout.ts';
import { GENERATOR_CORE } from './servers/launch.ts';
import { pinToCore } from './servers/procStats.ts';
import { renderProfile, summarizeCpuProfile } from './cpuProfile.ts';
import { waitForQuiet } from './machineLoad.ts';

pinToCore(process.pid, GENERATOR_CORE);
const clients = Number(process.argv[2] ?? 250);
const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-cpuprof-'));
await waitForQuiet(25, 60_000);
const run = await benchFanout('ours', {
  clients,
  docClients: clients >= 100 ? 10 : clients,
  ratePerSec: 5,
  warmupMs: 1000,
  durationMs: 10_000,
  drainMs: 15_000,
  launch: { cpuProfileDir: dir },
});
console.log(`fan-out ${clients} under --cpu-prof: p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.usPerDelivery} µs/delivery (profiling adds overhead)`);
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
const summary = summarizeCpuProfile(path.join(dir, file), 30);
console.log(renderProfile(summary));
const out = path.join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
const json = path.join(out, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), clients, run, profile: path.join(dir, file), summary }, null, 2));
console.log(`\nprofile: ${path.join(dir, file)}\nsummary: ${path.relative(process.cwd(), json)}`);
process.exit(0);
