/**
 * `npm run test:chaos`: runs the long fault, fuzz and load suites (tests/chaos/*.chaos.ts) with vitest
 * and prints the figures they measured against the acceptance bars of issue 7.
 *
 *   npm run test:chaos                      full run: 10-minute fuzz soak, 60 s load, 50 crash rounds,
 *                                           500 slow sockets at the default deadlines
 *   npm run test:chaos -- --quick           CI: 20 s soak, 15 s load, 10 crash rounds, 100 races,
 *                                           500 slow sockets at 3 s / 5 s deadlines
 *   npm run test:chaos -- --soak-seconds 120 --rounds 20 crash   (options, then vitest file filters)
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIGURES_DIR, readAllFigures, type Figure } from './figures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Options {
  soakSeconds: number;
  loadSeconds: number;
  rounds: number;
  races: number;
  seed: number | null;
  quick: boolean;
  filters: string[];
}

const USAGE = `usage: npm run test:chaos -- [--quick] [--soak-seconds N] [--load-seconds N] [--rounds N] [--races N] [--seed N] [file filter…]`;

/** Parses the command line; `--quick` sets the CI lengths, explicit options win over it. */
export function parseArgs(argv: string[]): Options {
  const given: Partial<Record<'soakSeconds' | 'loadSeconds' | 'rounds' | 'races' | 'seed', number>> = {};
  const names = { '--soak-seconds': 'soakSeconds', '--load-seconds': 'loadSeconds', '--rounds': 'rounds', '--races': 'races', '--seed': 'seed' } as const;
  let quick = false;
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--quick') quick = true;
    else if (flag in names) {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || (flag !== '--seed' && n === 0)) throw new Error(`${flag} needs a positive integer, got ${raw}\n${USAGE}`);
      given[names[flag as keyof typeof names]] = n;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else filters.push(arg);
  }
  const soakSeconds = given.soakSeconds ?? (quick ? 20 : 600);
  return {
    soakSeconds,
    // The full run types for 60 s; a shortened soak shortens the load with it.
    loadSeconds: given.loadSeconds ?? (quick ? 15 : Math.min(60, soakSeconds)),
    rounds: given.rounds ?? (quick ? 10 : 50),
    races: given.races ?? (quick ? 100 : 200),
    seed: given.seed ?? null,
    quick,
    filters,
  };
}

/** How each figure is shown, and the bar it must meet (for the reader; the suites assert them). */
const LABELS: Record<string, [label: string, bar: string]> = {
  crash_rounds: ['crash: SIGKILL rounds (20 clients editing)', ''],
  edits_written: ['crash: edits written', ''],
  edits_acknowledged: ['crash: edits acknowledged (seen by the observer)', ''],
  edits_acknowledged_before_a_kill: ['crash: of which acknowledged before a SIGKILL (checked in the store)', ''],
  edits_lost: ['crash: acknowledged edits lost', '0'],
  edits_duplicated: ['crash: edits duplicated', '0'],
  offline_edits_merged: ['crash: edits made while down, merged after restart', '20'],
  resync_ms: ['crash: all clients resynced after the last restart (ms)', ''],
  convergence_ms: ['crash: convergence after the last restart (ms)', '< 2000'],
  sigterm_exit_ms: ['crash: SIGTERM mid-edit, time to exit (ms)', '< 10000'],
  sigterm_lost: ['crash: acknowledged edits lost at SIGTERM', '0'],
  unstored_edit_served: ['crash: joiner served an edit not yet stored', 'false'],
  db_unavailable_refused_4503: ['crash: unreadable database, room refused with 4503', 'true'],
  races: ['crash: unload/reconnect races', ''],
  race_failures: ['crash: races with an empty or partial document', '0'],
  race_missing_at_end: ['crash: race edits missing at the end', '0'],
  crash_unhandled_errors: ['crash: unhandled errors in the server', '0'],
  corpus_frames: ['fuzz: malformed frames sent over real sockets', '≥ 10000'],
  corpus_connections: ['fuzz: attacker connections for the corpus', ''],
  corpus_closed: ['fuzz: corpus frames that closed their connection', ''],
  soak_seconds: ['fuzz: soak length (s)', ''],
  soak_attack_connections: ['fuzz: attacker connections during the soak', ''],
  soak_attack_frames: ['fuzz: garbage frames during the soak', ''],
  canary_p50_ms: ['fuzz: canary edit latency p50 (ms)', ''],
  canary_p99_ms: ['fuzz: canary edit latency p99 (ms)', '< 500'],
  canary_max_ms: ['fuzz: canary edit latency max (ms)', ''],
  canary_disconnects: ['fuzz: canary disconnects', '0'],
  canary_unreceived: ['fuzz: canary edits never received', '0'],
  event_loop_lag_max_ms: ['fuzz: event-loop lag, max /healthz time (ms)', '< 1000'],
  client_loop_delay_max_ms: ['fuzz: (the clients’ own event-loop stall, max ms)', ''],
  oversize_1009_max_ms: ['fuzz: oversized frame closed with 1009 (max ms)', '< 1000'],
  soak_rss_early_mb: ['fuzz: server RSS, first tenth of the soak (max MB)', ''],
  soak_rss_late_mb: ['fuzz: server RSS, last tenth of the soak (max MB)', ''],
  fuzz_server_crashes: ['fuzz: server crashes', '0'],
  fuzz_unhandled_errors: ['fuzz: unhandled errors in the server', '0'],
  rooms_reloaded: ['fuzz: rooms loaded after the restart', 'all'],
  cycles: ['load: connect/disconnect cycles', '1000'],
  rss_baseline_mb: ['load: server RSS before the cycles (MB)', ''],
  rss_after_mb: ['load: server RSS after the cycles (MB)', ''],
  rss_growth_pct: ['load: RSS growth (%)', '< 10'],
  heap_used_before_mb: ['load: server heap used before the cycles (MB)', ''],
  heap_used_after_mb: ['load: server heap used after the cycles (MB)', ''],
  rooms_unloaded_after_ms: ['load: rooms in memory gone after last leave (ms)', '< 60000'],
  load_clients: ['load: concurrent clients typing (50 rooms)', '500'],
  load_p50_ms: ['load: edit delivery p50 (ms)', ''],
  load_p99_ms: ['load: edit delivery p99 (ms)', 'reported'],
  load_errors: ['load: client errors and disconnects while typing', '0'],
  load_max_ms: ['load: edit delivery max (ms)', ''],
  storm_resync_ms: ['load: reconnect storm, all 500 resynced (ms)', '< 30000'],
  storm_divergent_rooms: ['load: rooms diverging after the storm', '0'],
  load_unhandled_errors: ['load: unhandled errors in the server', '0'],
  slow_sockets: ['slow: slowloris sockets (half-open upgrades + never syncing)', '500'],
  slow_headers_timeout_ms: ['slow: HEADERS_TIMEOUT_MS of the run', ''],
  slow_sync_deadline_ms: ['slow: SYNC_DEADLINE_MS of the run', ''],
  slow_dropped: ['slow: slow sockets dropped by the server', '500'],
  slow_half_open_last_drop_ms: ['slow: last half-open upgrade dropped after (ms)', ''],
  slow_never_sync_last_drop_ms: ['slow: last never-syncing socket dropped after (ms)', ''],
  slow_last_drop_ms: ['slow: all slow sockets dropped after (ms)', '< 60000'],
  slow_never_sync_codes: ['slow: close codes of the never-syncing sockets', '4008×250'],
  slow_connections_left: ['slow: sockets open after the drops (the canary’s)', '2'],
  slow_canary_p99_baseline_ms: ['slow: canary edit latency p99 before the attack (ms)', ''],
  slow_canary_p99_attack_ms: ['slow: canary edit latency p99 under attack (ms)', ''],
  slow_canary_p99_rise_ms: ['slow: canary p99 rise under attack (ms)', '< 500'],
  slow_canary_disconnects: ['slow: canary disconnects', '0'],
  slow_unhandled_errors: ['slow: unhandled errors in the server', '0'],
};
/** Figures too long for the table (kept in the JSON files). */
const NOT_IN_TABLE = new Set(['corpus_outcomes']);

/** The summary table: known figures in LABELS order, then anything else a suite reported. */
export function summaryTable(all: Record<string, Record<string, Figure>>): string {
  const flat = new Map<string, Figure>();
  for (const figures of Object.values(all)) for (const [k, v] of Object.entries(figures)) if (!NOT_IN_TABLE.has(k)) flat.set(k, v);
  const rows: [string, string, string][] = [];
  for (const [key, [label, bar]] of Object.entries(LABELS)) if (flat.has(key)) rows.push([label, String(flat.get(key)), bar]);
  for (const [key, v] of flat) if (!(key in LABELS)) rows.push([key, String(v), '']);
  if (rows.length === 0) return '(no figures were written)';
  const header: [string, string, string] = ['figure', 'value', 'bar'];
  const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHAOS_SOAK_SECONDS: String(opts.soakSeconds),
    CHAOS_LOAD_SECONDS: String(opts.loadSeconds),
    CHAOS_ROUNDS: String(opts.rounds),
    CHAOS_RACES: String(opts.races),
    CHAOS_QUICK: opts.quick ? '1' : '0',
    ...(opts.seed !== null ? { CHAOS_SEED: String(opts.seed) } : {}),
  };
  console.log(
    `chaos run: soak ${opts.soakSeconds} s, load ${opts.loadSeconds} s, ${opts.rounds} crash rounds, ${opts.races} races${opts.seed !== null ? `, seed ${opts.seed}` : ''}`,
  );
  const started = Date.now();
  const vitest = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.chaos.config.ts', ...opts.filters], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => vitest.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => vitest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  console.log(`\nChaos figures (${Math.round((Date.now() - started) / 1000)} s; per suite in ${path.relative(ROOT, FIGURES_DIR)}/, vitest report in .tmp/chaos-report.json):\n`);
  console.log(summaryTable(readAllFigures()));
  console.log(code === 0 ? '\nchaos: all suites passed' : `\nchaos: FAILED (vitest exit code ${code})`);
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(2);
    },
  );
}
