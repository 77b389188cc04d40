/**
 * `npm run bench`: runs the benchmarks, prints a table and writes bench/results/<date>.json.
 * Benchmarks measure; they never fail the build (tests do that).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchLatecomerSync } from './latecomerSync.ts';

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

for (const items of [1000, 5000]) {
  const r = await benchLatecomerSync(items);
  results[`latecomerSync_${items}`] = r;
  console.log(
    `latecomer sync, board of ${items} items (${(r.storedBytes / 1024).toFixed(0)} KB): ` +
      `in memory p50 ${r.inMemory.p50} ms / p95 ${r.inMemory.p95} ms; ` +
      `from SQLite p50 ${r.fromStorage.p50} ms / p95 ${r.fromStorage.p95} ms`,
  );
}

const dir = path.join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`results written to ${path.relative(process.cwd(), file)}`);
