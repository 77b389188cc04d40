/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and ranks functions by self time: where the
 * server's core actually goes, package by package.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name (file:line)`, paths relative to the repository or node_modules. */
  fn: string;
  selfMs: number;
  /** Share of all non-idle samples, %. */
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  top: SelfTime[];
  /** Self time grouped by package (or "ours", "node:", "(gc)"). */
  byPackage: { pkg: string; selfMs: number; pct: number }[];
}

export function summarizeCpuProfile(file: string, topN = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attributing it to sample i is what DevTools does.
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    total += us;
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    const where = shortUrl(n.callFrame.url);
    const key = where ? `${name} (${where}:${n.callFrame.lineNumber + 1})` : name;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const pkg = packageOf(n.callFrame.url, name);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => Math.round((us / busy) * 1000) / 10;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(total),
    idleMs: ms(idle),
    top: [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([fn, us]) => ({ fn, selfMs: ms(us), pct: pct(us) })),
    byPackage: [...byPkg].sort((a, b) => b[1] - a[1]).map(([pkg, us]) => ({ pkg, selfMs: ms(us), pct: pct(us) })),
  };
}

function shortUrl(url: string): string {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const root = url.indexOf('/work/main/');
  if (root >= 0) return url.slice(root + '/work/main/'.length);
  return url.replace(/^file:\/\//, '');
}

function packageOf(url: string, name: string): string {
  if (name === '(garbage collector)') return '(gc)';
  if (name === '(program)') return '(program: native, outside JS)';
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node: core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return 'ours';
}

export function renderProfile(s: ProfileSummary): string {
  const lines = [`busy ${Math.round(s.totalMs - s.idleMs)} ms of ${Math.round(s.totalMs)} ms sampled`, '', 'self time by package:'];
  for (const p of s.byPackage.slice(0, 12)) lines.push(`  ${String(p.pct).padStart(5)}%  ${String(p.selfMs).padStart(8)} ms  ${p.pkg}`);
  lines.push('', 'top functions by self time:');
  for (const f of s.top) lines.push(`  ${String(f.pct).padStart(5)}%  ${String(f.selfMs).padStart(8)} ms  ${f.fn}`);
  return lines.join('\n');
}
