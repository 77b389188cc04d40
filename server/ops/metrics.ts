/**
 * A tiny Prometheus metrics registry: counters, gauges and histograms with labels, and the text
 * exposition format (version 0.0.4) that `/metrics` serves. No dependency: this is all we need of one.
 */

/** Content-Type of the text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Label values of one series, keyed by the metric's label names. */
export type Labels<L extends string> = Record<L, string>;

/** A value read at scrape time: one number (no labels), or one number per label set. */
export type Collected<L extends string> = number | readonly (readonly [Labels<L>, number])[];

interface MetricOptions<L extends string> {
  /** `snake_case`, with the unit as suffix (`_bytes`, `_seconds`, `_total` for counters). */
  name: string;
  help: string;
  labelNames?: readonly L[];
}

interface CollectableOptions<L extends string> extends MetricOptions<L> {
  /**
   * Reads the value(s) from their owner at every scrape, instead of being told (e.g. rooms loaded, a
   * component's own counters). A counter's source must only ever grow.
   */
  collect?: () => Collected<L>;
}

interface HistogramOptions<L extends string> extends MetricOptions<L> {
  /** Upper bounds, ascending; `+Inf` is added. */
  buckets: readonly number[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Exponential bucket bounds: `start`, `start*factor`, … (`count` of them). */
export function exponentialBuckets(start: number, factor: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start * factor ** i);
}

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** `{a="x",b="y"}` for the given names and values (empty string when there are no labels). */
function labelText(names: readonly string[], values: readonly string[], extra?: string): string {
  const parts = names.map((n, i) => `${n}="${escapeLabelValue(values[i]!)}"`);
  if (extra) parts.push(extra);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/** Shared bookkeeping: label validation and one series per distinct label set. */
abstract class Metric<L extends string, S> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  protected readonly series = new Map<string, { values: string[]; state: S }>();

  constructor(opts: MetricOptions<L>, reserved: readonly string[] = []) {
    if (!NAME.test(opts.name)) throw new Error(`invalid metric name "${opts.name}"`);
    this.name = opts.name;
    this.help = opts.help;
    this.labelNames = opts.labelNames ?? [];
    for (const l of this.labelNames) {
      if (!LABEL.test(l) || l.startsWith('__') || reserved.includes(l)) throw new Error(`invalid label name "${l}" on ${opts.name}`);
    }
  }

  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  protected abstract initial(): S;
  /** The exposition lines of every series (without HELP/TYPE). */
  abstract lines(): string[];

  /** The series for `labels`, created on first use. */
  protected seriesFor(labels: Partial<Labels<L>> | undefined): S {
    const values = this.labelNames.map((n) => {
      const v = labels?.[n];
      if (v === undefined) throw new Error(`${this.name}: missing label "${n}"`);
      return v;
    });
    const key = values.join('\u0000');
    let s = this.series.get(key);
    if (!s) {
      s = { values, state: this.initial() };
      this.series.set(key, s);
    }
    return s.state;
  }

  render(): string {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n${this.lines().join('')}`;
  }
}

/** A value per series that is told (`inc`, `set`) or read at scrape time (`collect`). */
abstract class ValueMetric<L extends string> extends Metric<L, { value: number }> {
  constructor(private readonly opts: CollectableOptions<L>) {
    super(opts);
  }

  protected initial() {
    return { value: 0 };
  }

  lines(): string[] {
    if (this.opts.collect) {
      const collected = this.opts.collect();
      // The source is the truth: a label set it no longer reports disappears.
      this.series.clear();
      if (typeof collected === 'number') this.seriesFor(undefined).value = collected;
      else for (const [labels, v] of collected) this.seriesFor(labels).value = v;
    }
    const out: string[] = [];
    for (const { values, state } of this.series.values()) {
      out.push(`${this.name}${labelText(this.labelNames, values)} ${formatValue(state.value)}\n`);
    }
    return out;
  }
}

/** A count that only goes up (resets only when the process restarts). */
export class Counter<L extends string = never> extends ValueMetric<L> {
  readonly type = 'counter';

  inc(labels?: Labels<L>, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter cannot decrease`);
    this.seriesFor(labels).value += by;
  }

  /** A handle on one series, so a hot path skips the label lookup. */
  labels(labels: Labels<L>): { inc(by?: number): void } {
    const s = this.seriesFor(labels);
    return { inc: (by = 1) => void (s.value += by) };
  }
}

/** A value that goes up and down. */
export class Gauge<L extends string = never> extends ValueMetric<L> {
  readonly type = 'gauge';

  set(value: number, labels?: Labels<L>): void {
    this.seriesFor(labels).value = value;
  }

  inc(labels?: Labels<L>, by = 1): void {
    this.seriesFor(labels).value += by;
  }

  dec(labels?: Labels<L>, by = 1): void {
    this.seriesFor(labels).value -= by;
  }
}

interface HistogramState {
  /** Per-bucket (non-cumulative) counts; the last slot is +Inf. */
  counts: number[];
  sum: number;
  count: number;
}

/** Observations counted into buckets, with their sum and count (quantiles are computed by Prometheus). */
export class Histogram<L extends string = never> extends Metric<L, HistogramState> {
  readonly type = 'histogram';
  readonly buckets: readonly number[];

  constructor(opts: HistogramOptions<L>) {
    super(opts, ['le']);
    if (opts.buckets.length === 0) throw new Error(`${opts.name}: no buckets`);
    for (let i = 1; i < opts.buckets.length; i++) {
      if (!(opts.buckets[i]! > opts.buckets[i - 1]!)) throw new Error(`${opts.name}: buckets must increase`);
    }
    this.buckets = opts.buckets.filter((b) => b !== Infinity);
  }

  protected initial(): HistogramState {
    return { counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
  }

  observe(value: number, labels?: Labels<L>): void {
    this.record(this.seriesFor(labels), value);
  }

  /** A handle on one series, so a hot path skips the label lookup. */
  labels(labels: Labels<L>): { observe(value: number): void } {
    const s = this.seriesFor(labels);
    return { observe: (value) => this.record(s, value) };
  }

  private record(s: HistogramState, value: number) {
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    s.counts[i]!++;
    s.sum += value;
    s.count++;
  }

  lines(): string[] {
    const out: string[] = [];
    for (const { values, state } of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i <= this.buckets.length; i++) {
        cumulative += state.counts[i]!;
        const le = i < this.buckets.length ? formatValue(this.buckets[i]!) : '+Inf';
        out.push(`${this.name}_bucket${labelText(this.labelNames, values, `le="${le}"`)} ${cumulative}\n`);
      }
      const labels = labelText(this.labelNames, values);
      out.push(`${this.name}_sum${labels} ${formatValue(state.sum)}\n`, `${this.name}_count${labels} ${state.count}\n`);
    }
    return out;
  }
}

/** The metrics of one server process, rendered together for a scrape. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric<string, unknown>>();
  /** Every series name exposed so far, histograms' _bucket/_sum/_count included. */
  private readonly exposed = new Set<string>();

  counter<L extends string = never>(opts: CollectableOptions<L>): Counter<L> {
    return this.add(new Counter<L>(opts));
  }

  gauge<L extends string = never>(opts: CollectableOptions<L>): Gauge<L> {
    return this.add(new Gauge<L>(opts));
  }

  histogram<L extends string = never>(opts: HistogramOptions<L>): Histogram<L> {
    return this.add(new Histogram<L>(opts));
  }

  private add<M extends Metric<string, unknown>>(metric: M): M {
    const names = metric.type === 'histogram' ? ['_bucket', '_sum', '_count', ''].map((x) => metric.name + x) : [metric.name];
    for (const n of names) if (this.exposed.has(n)) throw new Error(`metric "${n}" is already registered`);
    for (const n of names) this.exposed.add(n);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  /** Every metric in the text exposition format, in registration order. */
  render(): string {
    let out = '';
    for (const m of this.metrics.values()) out += m.render();
    return out;
  }
}
