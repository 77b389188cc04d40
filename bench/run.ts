/**
 * `npm run bench`: the side-by-side suite (ours vs @y/websocket-server, Hocuspocus and two raw relays),
 * then ours-only benchmarks; prints the tables and writes bench/results/<date>.json. About 15 minutes
 * (longer when other work on the machine forces runs to be repeated).
 * `BENCH_QUICK=1` is a ~1-minute smoke variant; `BENCH_SERVERS=ours,yws` and
 * `BENCH_SCENARIOS=fanout,rooms` narrow a run. Benchmarks measure; they never fail the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchLatecomerSync } from './latecomerSync.ts';
import { benchBoard, formatBoardBench } from './board.ts';
import { benchSearch } from './search.ts';
import { FULL, QUICK, SCENARIOS, runSideBySide } from './sideBySide.ts';
import { GENERATOR_CORE, SERVER_KINDS } from './servers/launch.ts';
import { pinToCore } from './servers/procStats.ts';
import { buildRows, checkTargets, renderHealth, renderTable, renderTargets } from './report.ts';
import { verifyMapSetWriter } from './clients/MapSetWriter.ts';

const quick = process.env.BENCH_QUICK === '1';
const servers = pick(process.env.BENCH_SERVERS, SERVER_KINDS);
const scenarios = pick(process.env.BENCH_SCENARIOS, SCENARIOS);
const cfg = quick ? QUICK : FULL;

// The load generator (this process) gets core 1; each server is started on core 0.
pinToCore(process.pid, GENERATOR_CORE);
verifyMapSetWriter();

const started = Date.now();
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  mode: quick ? 'quick' : 'full',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30) },
  git: gitState(),
  config: cfg,
};

console.log(`side-by-side (${quick ? 'quick' : 'full'}): servers ${servers.join(', ')}; scenarios ${scenarios.join(', ')}`);
const sideBySide = await runSideBySide(cfg, { servers, scenarios });
const rows = buildRows(sideBySide);
const targets = servers.includes('ours') ? checkTargets(sideBySide) : [];
Object.assign(results, { sideBySide, table: rows, targets });

console.log('\nIn brackets: ours ÷ reference. Below 1, ours is lower: better for times, CPU and memory; for deliveries/s, above 1 is better.');
console.log(renderTable(rows));
console.log('\nRun health (a saturated generator or busy machine makes a figure unreliable):\n' + renderHealth(sideBySide));
if (targets.length) console.log('\nIssue 6 targets:\n' + renderTargets(targets));

if (!quick && servers.includes('ours') && !process.env.BENCH_SCENARIOS) {
  console.log('\nours only: latecomer sync of a board');
  for (const items of [1000, 5000]) {
    const r = await benchLatecomerSync(items, 8);
    results[`latecomerSync_${items}`] = r;
    console.log(
      `  board of ${items} items (${(r.storedBytes / 1024).toFixed(0)} KB): ` +
        `in memory p50 ${r.inMemory.p50} ms / p95 ${r.inMemory.p95} ms; ` +
        `from SQLite p50 ${r.fromStorage.p50} ms / p95 ${r.fromStorage.p95} ms`,
    );
  }
}

if (!quick && !process.env.BENCH_SCENARIOS) {
  // Knowledge-base search: 1,000 sessions × (50 notes paragraphs + 100 board items), SQLite FTS5.
  const r = await benchSearch();
  results.search = r;
  const q = r.queries;
  console.log(
    `\nsearch over ${r.sessions} sessions (${r.entries} entries): all p50 ${q.all.p50} ms / p95 ${q.all.p95} ms; ` +
      `exact ${q.exact.p50}/${q.exact.p95}, prefix ${q.prefix.p50}/${q.prefix.p95}, typo ${q.typo.p50}/${q.typo.p95} ms`,
  );
}

if (!quick && !process.env.BENCH_SCENARIOS) {
  // The whiteboard in headless Chromium (needs `npx vite build`): 10,000 items, render, pan/zoom, drag, heap, bundle sizes.
  console.log('\nwhiteboard in Chromium');
  try {
    const r = await benchBoard();
    results.board = r;
    console.log(formatBoardBench(r));
  } catch (err) {
    console.log(`  skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
}

results.durationSeconds = Math.round((Date.now() - started) / 1000);
const dir = path.join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
writeFileSync(file, JSON.stringify(results, (_k, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), 2));
console.log(`\nresults written to ${path.relative(process.cwd(), file)} (${results.durationSeconds} s)`);
// Stock providers keep timers alive; everything is measured and written.
process.exit(0);

function pick<T extends string>(list: string | undefined, all: readonly T[]): T[] {
  if (!list) return [...all];
  const wanted = list.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !all.includes(w as T));
  if (unknown.length) throw new Error(`unknown ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  return all.filter((k) => wanted.includes(k));
}

function gitState(): { commit: string; dirtyServerFiles: number } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', 'server', 'shared'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    return { commit, dirtyServerFiles: dirty };
  } catch {
    return null;
  }
}

