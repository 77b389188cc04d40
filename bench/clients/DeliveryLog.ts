/**
 * Counts update deliveries and their latencies for one scenario run. A delivery is one marker (one
 * sent update) reaching one client other than its sender; latency is arrival minus the send time the
 * marker carries. Samples live in a growable Float64Array (millions of them at 250 clients).
 */
import { nowMicros } from './markers.ts';

export interface LatencySummary {
  /** Deliveries expected for the updates sent in the window (sent × other clients). */
  expected: number;
  delivered: number;
  /** Milliseconds; Infinity when that quantile was never delivered before the drain deadline. */
  p50: number;
  p99: number;
  max: number;
}

export class DeliveryLog {
  /** Markers sent before this (µs) are ignored: they come from the join-time sync. */
  countFrom = Number.POSITIVE_INFINITY;
  /** Send-time window (µs) whose updates are latency samples. */
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  /** Updates sent in the window (by the scenario's senders). */
  sentInWindow = 0;
  /** While true, every arrival (of a marker sent after `countFrom`) counts toward `arrivals`. */
  counting = false;
  arrivals = 0;
  private samples = new Float64Array(1 << 20);
  private n = 0;

  /** Called by the clients for each marker they see (bound: pass it around as a callback). */
  readonly record = (receiver: number, sender: number, sentAt: number): void => {
    if (receiver === sender || sentAt < this.countFrom) return;
    if (this.counting) this.arrivals++;
    if (sentAt < this.windowStart || sentAt > this.windowEnd) return;
    if (this.n === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.n++] = nowMicros() - sentAt;
  };

  /** Latency samples collected so far (deliveries of window updates). */
  get delivered(): number {
    return this.n;
  }

  /** Quantiles over all expected deliveries: undelivered ones count as slower than any delivered. */
  summary(otherClients: number): LatencySummary {
    const expected = this.sentInWindow * otherClients;
    const sorted = this.samples.subarray(0, this.n).sort();
    const q = (p: number) => {
      const i = Math.max(0, Math.ceil(p * expected) - 1);
      return i < this.n ? round(sorted[i] / 1000) : Number.POSITIVE_INFINITY;
    };
    return { expected, delivered: this.n, p50: q(0.5), p99: q(0.99), max: this.n ? round(sorted[this.n - 1] / 1000) : 0 };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
