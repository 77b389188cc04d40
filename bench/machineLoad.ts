/**
 * Other work on the machine skews a benchmark (this machine is shared with test runs). The bench waits
 * for a quiet moment before each run and records how much CPU everything else used while it ran.
 */
import { readFileSync } from 'node:fs';
import { sleep } from './pool.ts';

const TICK_MICROS = 10_000; // /proc/stat counts USER_HZ (100) ticks

/** CPU time used by everything on the machine so far (all cores), µs. */
export function machineBusyMicros(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
  const busy = f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
  return busy * TICK_MICROS;
}

/**
 * Waits (up to `maxWaitMs`) until the machine's other load stays under `maxPct` % of one core over a
 * 500 ms sample. Returns the last sampled load.
 */
export async function waitForQuiet(maxPct = 20, maxWaitMs = 90_000): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const b0 = machineBusyMicros();
    await sleep(500);
    const pct = ((machineBusyMicros() - b0) / 500_000) * 100;
    if (pct <= maxPct || Date.now() > deadline) return Math.round(pct);
    await sleep(1000);
  }
}
