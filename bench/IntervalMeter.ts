/**
 * CPU accounting over one measured interval: the server's CPU (from /proc), the generator's own, and
 * everything else on the machine (background load that may have skewed the run).
 */
import { machineBusyMicros } from './machineLoad.ts';

export interface IntervalReading {
  wallMs: number;
  serverMicros: number;
  /** Percent of one core. */
  serverCpuPct: number;
  generatorCpuPct: number;
  backgroundCpuPct: number;
}

export class IntervalMeter {
  private readonly wall0 = performance.now();
  private readonly server0: number;
  private readonly gen0 = process.cpuUsage();
  private readonly machine0 = machineBusyMicros();

  constructor(private readonly serverCpuMicros: () => number) {
    this.server0 = serverCpuMicros();
  }

  read(): IntervalReading {
    const serverMicros = this.serverCpuMicros() - this.server0;
    const g = process.cpuUsage(this.gen0);
    const generatorMicros = g.user + g.system;
    const machineMicros = machineBusyMicros() - this.machine0;
    const wallMs = performance.now() - this.wall0;
    const pct = (us: number) => Math.round((us / 1000 / wallMs) * 1000) / 10;
    return {
      wallMs,
      serverMicros,
      serverCpuPct: pct(serverMicros),
      generatorCpuPct: pct(generatorMicros),
      backgroundCpuPct: pct(Math.max(0, machineMicros - serverMicros - generatorMicros)),
    };
  }
}
