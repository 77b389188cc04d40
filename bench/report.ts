/**
 * Turns the side-by-side results into the printed table (each reference's figure with ours ÷ theirs)
 * and the issue's targets checked one by one. Pure functions over the scenario results.
 */
import type { ServerKind } from './servers/launch.ts';
import { SERVER_KINDS, SERVER_LABELS } from './servers/launch.ts';
import type { FanoutResult } from './scenarios/fanout.ts';
import type { ThroughputResult } from './scenarios/throughput.ts';
import type { RoomsResult } from './scenarios/rooms.ts';
import type { ColdStartResult } from './scenarios/coldStart.ts';

/** A run that failed keeps its place in the results with the error. */
export interface Failure {
  kind: ServerKind;
  error: string;
  /** Cold start: the PostgreSQL variant of ours. */
  postgres?: boolean;
}
export type Outcome<T> = T | Failure;

export interface SideBySide {
  fanout: Outcome<FanoutResult>[];
  throughput: Outcome<ThroughputResult>[];
  rooms: Outcome<RoomsResult>[];
  coldStart: Outcome<ColdStartResult>[];
}

export interface Row {
  scenario: string;
  unit: string;
  /** Lower is better (times, CPU, memory); false for throughput. */
  lowerIsBetter: boolean;
  values: Partial<Record<ServerKind, number | string>>;
}

const ok = <T extends object>(o: Outcome<T>): o is T => !('error' in o);
export { ok as succeeded };

/** The rows of the table, in the issue's order. Missing cells are runs that failed or do not apply. */
export function buildRows(r: SideBySide): Row[] {
  const rows: Row[] = [];
  const sizes = [...new Set(r.fanout.filter(ok).map((f) => f.clients))].sort((a, b) => a - b);
  for (const n of sizes) {
    const at = (pick: (f: FanoutResult) => number) => cells(r.fanout, (f) => (f.clients === n ? pick(f) : undefined));
    const errorsAt = errorCells(r.fanout.filter((f) => !ok(f) || f.clients === n));
    rows.push({ scenario: `fan-out ${n} clients, p50`, unit: 'ms', lowerIsBetter: true, values: { ...errorsAt, ...at((f) => f.p50) } });
    rows.push({ scenario: `fan-out ${n} clients, p99`, unit: 'ms', lowerIsBetter: true, values: { ...errorsAt, ...at((f) => f.p99) } });
    rows.push({ scenario: `fan-out ${n} clients, server CPU per delivery`, unit: 'µs', lowerIsBetter: true, values: { ...errorsAt, ...at((f) => f.usPerDelivery) } });
  }
  const loops = [...new Set(r.throughput.filter(ok).map((t) => t.maxInFlight))];
  for (const loop of loops) {
    const runs = r.throughput.filter((t) => ok(t) && t.maxInFlight === loop);
    const label = loop === null ? 'open loop' : `≤${loop} in flight per client`;
    const n = r.throughput.find(ok)?.clients ?? 0;
    rows.push({ scenario: `throughput ceiling (${n} clients, ${label}), deliveries/s`, unit: '/s', lowerIsBetter: false, values: cells(runs, (t) => t.deliveriesPerSec) });
    rows.push({ scenario: `throughput ceiling (${label}), server CPU per delivery`, unit: 'µs', lowerIsBetter: true, values: cells(runs, (t) => (t.deliveriesPerSec > 0 ? t.usPerDelivery : undefined)) });
  }
  if (r.rooms.length) {
    const n = r.rooms.find(ok)?.rooms ?? 0;
    rows.push({ scenario: `${n} rooms × 2 idle clients, memory per room`, unit: 'KB', lowerIsBetter: true, values: { ...errorCells(r.rooms), ...cells(r.rooms, (x) => x.kbPerRoom) } });
    rows.push({ scenario: 'rooms: connect → synced p50', unit: 'ms', lowerIsBetter: true, values: cells(r.rooms, (x) => x.connect.p50) });
    rows.push({ scenario: 'rooms: connect → synced p95', unit: 'ms', lowerIsBetter: true, values: cells(r.rooms, (x) => x.connect.p95) });
  }
  if (r.coldStart.length) {
    const sqlite = r.coldStart.filter((c) => !ok(c) || !c.postgres);
    const n = r.coldStart.find(ok)?.updates ?? 0;
    rows.push({ scenario: `${n}-update room in memory, new client complete p50`, unit: 'ms', lowerIsBetter: true, values: { ...errorCells(sqlite), ...cells(sqlite, (c) => c.inMemory.p50) } });
    rows.push({ scenario: 'same room unloaded, from storage p50 (SQLite / y-leveldb)', unit: 'ms', lowerIsBetter: true, values: cells(sqlite, (c) => c.unloaded?.p50) });
    rows.push({ scenario: 'same room unloaded, from storage max', unit: 'ms', lowerIsBetter: true, values: cells(sqlite, (c) => c.unloaded?.max) });
    const pgRun = r.coldStart.find((c) => c.postgres);
    if (pgRun) {
      const v = ok(pgRun) ? pgRun.unloaded?.p50 : `error: ${pgRun.error}`;
      if (v !== undefined) rows.push({ scenario: 'same room unloaded, from PostgreSQL p50 (ours only)', unit: 'ms', lowerIsBetter: true, values: { ours: v } });
    }
  }
  return rows;
}

function cells<T extends { kind: ServerKind }>(list: Outcome<T>[], pick: (t: T) => number | undefined): Partial<Record<ServerKind, number>> {
  const out: Partial<Record<ServerKind, number>> = {};
  for (const x of list) {
    if (!ok(x)) continue;
    const v = pick(x);
    if (v !== undefined && v !== null) out[x.kind] = v;
  }
  return out;
}

function errorCells(list: readonly ({ kind: ServerKind } | Failure)[]): Partial<Record<ServerKind, string>> {
  const out: Partial<Record<ServerKind, string>> = {};
  for (const x of list) if ('error' in x) out[x.kind] = 'error';
  return out;
}

/** ours ÷ reference; null when either side is missing. */
export function ratio(row: Row, ref: ServerKind): number | null {
  const a = row.values.ours;
  const b = row.values[ref];
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (!Number.isFinite(a) && !Number.isFinite(b)) return null;
  if (b === 0) return null;
  return a / b;
}

function fmt(v: number | string | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '>drain';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function fmtRatio(r: number | null): string {
  if (r === null) return '';
  if (!Number.isFinite(r)) return ' (×∞)';
  return ` (×${r >= 10 ? r.toFixed(0) : r.toFixed(2)})`;
}

/** A Markdown table: each reference's figure followed by ours ÷ reference. */
export function renderTable(rows: Row[]): string {
  const kinds = SERVER_KINDS.filter((k) => rows.some((r) => r.values[k] !== undefined));
  const header = ['scenario', ...kinds.map((k) => (k === 'ours' ? SERVER_LABELS[k] : `${SERVER_LABELS[k]} (ours ÷ it)`))];
  const lines = [header, header.map(() => '---')];
  for (const row of rows) {
    lines.push([
      `${row.scenario} (${row.unit})`,
      ...kinds.map((k) => (k === 'ours' ? fmt(row.values[k]) : fmt(row.values[k]) + (row.values[k] === undefined ? '' : fmtRatio(ratio(row, k))))),
    ]);
  }
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

export interface TargetCheck {
  target: string;
  /** null: could not be checked (a run is missing). */
  met: boolean | null;
  detail: string;
}

/** The issue's targets, each checked against this run. */
export function checkTargets(r: SideBySide): TargetCheck[] {
  const out: TargetCheck[] = [];
  const fan = r.fanout.filter(ok);
  const get = (kind: ServerKind, n: number) => fan.find((f) => f.kind === kind && f.clients === n);
  const sizes = [...new Set(fan.map((f) => f.clients))].sort((a, b) => a - b);
  for (const n of sizes) {
    const o = get('ours', n);
    for (const ref of ['yws', 'hocuspocus'] as const) {
      const x = get(ref, n);
      out.push(compare(`fan-out ${n}: p99 below ${SERVER_LABELS[ref]}`, o?.p99, x?.p99, 'ms', (a, b) => a < b));
      out.push(compare(`fan-out ${n}: µs per delivery below ${SERVER_LABELS[ref]}`, o?.usPerDelivery, x?.usPerDelivery, 'µs', (a, b) => a < b));
    }
  }
  const o250 = get('ours', 250);
  if (o250 || get('corked', 250)) {
    out.push(compare('fan-out 250: p99 within 3× the corked relay', o250?.p99, get('corked', 250)?.p99, 'ms', (a, b) => a <= 3 * b));
  }
  const rooms = r.rooms.filter(ok);
  const kb = (k: ServerKind) => rooms.find((x) => x.kind === k)?.kbPerRoom;
  if (rooms.length) {
    out.push(compare('idle room memory below @y/websocket-server', kb('ours'), kb('yws'), 'KB', (a, b) => a < b));
    out.push(compare('idle room memory below Hocuspocus', kb('ours'), kb('hocuspocus'), 'KB', (a, b) => a < b));
    out.push(compare('idle room memory within 1.3× the relay', kb('ours'), kb('relay'), 'KB', (a, b) => a <= 1.3 * b));
  }
  const cold = r.coldStart.filter(ok);
  const fromSqlite = cold.find((c) => c.kind === 'ours' && !c.postgres)?.unloaded?.p50;
  const fromPg = cold.find((c) => c.kind === 'ours' && c.postgres)?.unloaded?.p50;
  if (cold.length) {
    out.push(limit('20k-update room complete from SQLite (unloaded) under 100 ms', fromSqlite, 100));
    out.push(limit('20k-update room complete from PostgreSQL (unloaded) under 150 ms', fromPg, 150));
  }
  return out;
}

function compare(target: string, ours: number | undefined, ref: number | undefined, unit: string, pass: (a: number, b: number) => boolean): TargetCheck {
  if (ours === undefined || ref === undefined) return { target, met: null, detail: 'not measured' };
  return { target, met: pass(ours, ref), detail: `ours ${fmt(ours)} ${unit} vs ${fmt(ref)} ${unit}` };
}

function limit(target: string, ours: number | undefined, max: number): TargetCheck {
  if (ours === undefined) return { target, met: null, detail: 'not measured' };
  return { target, met: ours < max, detail: `p50 ${fmt(ours)} ms` };
}

export function renderTargets(checks: TargetCheck[]): string {
  return checks.map((c) => `${c.met === null ? 'n/a ' : c.met ? 'MET ' : 'MISS'}  ${c.target} — ${c.detail}`).join('\n');
}

/** Per-run health: whether the server, the generator or other load limited each fan-out run. */
export function renderHealth(r: SideBySide): string {
  const lines = ['| run | delivered / expected | server CPU | generator CPU | generator lag p99 | other load | drops |', '|---|---|---|---|---|---|---|'];
  for (const f of r.fanout) {
    if (!ok(f)) {
      lines.push(`| fan-out ${SERVER_LABELS[f.kind]} | error: ${f.error} | | | | | |`);
      continue;
    }
    lines.push(
      `| fan-out ${f.clients}, ${f.server} | ${f.delivered.toLocaleString('en-US')} / ${f.expected.toLocaleString('en-US')} | ${f.serverCpuPct}% | ${f.generatorCpuPct}% | ${f.generatorLagP99} ms | ${f.backgroundCpuPct}% | ${f.drops} |`,
    );
  }
  for (const t of r.throughput) {
    if (!ok(t)) continue;
    lines.push(`| throughput ${t.maxInFlight === null ? 'open loop' : `≤${t.maxInFlight} in flight`}, ${t.server} | sent ${t.sentPerSec.toLocaleString('en-US')}/s | ${t.serverCpuPct}% | ${t.generatorCpuPct}% | | ${t.backgroundCpuPct}% | ${t.drops} |`);
  }
  return lines.join('\n');
}
