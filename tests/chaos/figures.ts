/**
 * What `npm run test:chaos` passes to the suites (lengths, rounds, seed) and what they hand back: each
 * suite writes its measured figures to `.tmp/chaos-figures/<suite>.json`, and run.ts prints them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Where the suites leave their figures (one JSON object per suite). */
export const FIGURES_DIR = path.resolve(import.meta.dirname, '../../.tmp/chaos-figures');

/** The lengths of one chaos run, from the environment run.ts sets (defaults: the full run). */
export interface ChaosSettings {
  /** Fuzz soak with garbage from attacker sockets, in seconds. */
  soakSeconds: number;
  /** 500 clients typing, in seconds. */
  loadSeconds: number;
  /** SIGKILL rounds in the crash suite. */
  rounds: number;
  /** Unload/reconnect races. */
  races: number;
  /** Seed of every random choice, so a failing run reproduces. */
  seed: number;
  quick: boolean;
}

/** Reads CHAOS_* variables; anything missing or invalid takes the full-run default. */
export function chaosSettings(env: Record<string, string | undefined> = process.env): ChaosSettings {
  const num = (name: string, def: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : def;
  };
  return {
    soakSeconds: num('CHAOS_SOAK_SECONDS', 600),
    loadSeconds: num('CHAOS_LOAD_SECONDS', 60),
    rounds: Math.round(num('CHAOS_ROUNDS', 50)),
    races: Math.round(num('CHAOS_RACES', 200)),
    seed: Math.round(num('CHAOS_SEED', 20261123)),
    quick: env.CHAOS_QUICK === '1',
  };
}

export type Figure = number | string | boolean | null;

/** Merges `figures` into the suite's file, so that a suite failing halfway still reports what it measured. */
export function writeFigures(suite: string, figures: Record<string, Figure>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = path.join(FIGURES_DIR, `${suite}.json`);
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Figure>) : {};
  writeFileSync(file, JSON.stringify({ ...previous, ...figures }, null, 2) + '\n');
}

/** Every suite's figures, by suite name. */
export function readAllFigures(): Record<string, Record<string, Figure>> {
  if (!existsSync(FIGURES_DIR)) return {};
  const out: Record<string, Record<string, Figure>> = {};
  for (const f of readdirSync(FIGURES_DIR).filter((n) => n.endsWith('.json')).sort()) {
    out[f.slice(0, -5)] = JSON.parse(readFileSync(path.join(FIGURES_DIR, f), 'utf8')) as Record<string, Figure>;
  }
  return out;
}

/** The p-th percentile (0–100, nearest rank) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** The largest of `values` (0 for none); unlike Math.max(...values), fine for any number of them. */
export function max(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** Rounds to `digits` decimals (figures are for people to read). */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
