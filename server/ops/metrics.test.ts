/**
 * The metrics registry renders the Prometheus text exposition format exactly: HELP/TYPE lines, label
 * escaping, cumulative histogram buckets, values read at scrape time, and it refuses invalid names.
 */
import { describe, expect, it } from 'vitest';
import { MetricsRegistry, exponentialBuckets } from './metrics.ts';

/** Every sample line of `text` must match the exposition grammar (name, optional labels, value). */
const SAMPLE_LINE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\n"])*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/;

function expectWellFormed(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    expect(line).toMatch(SAMPLE_LINE);
  }
}

describe('MetricsRegistry', () => {
  it('renders counters and gauges with HELP and TYPE, labelled series in first-use order', () => {
    const m = new MetricsRegistry();
    const c = m.counter<'kind'>({ name: 'app_errors_total', help: 'Errors.', labelNames: ['kind'] });
    const g = m.gauge({ name: 'app_temperature_celsius', help: 'Temperature.' });
    c.inc({ kind: 'b' });
    c.inc({ kind: 'a' }, 2);
    c.inc({ kind: 'b' });
    g.set(21.5);
    g.dec(undefined, 0.5);
    expect(m.render()).toBe(
      [
        '# HELP app_errors_total Errors.',
        '# TYPE app_errors_total counter',
        'app_errors_total{kind="b"} 2',
        'app_errors_total{kind="a"} 2',
        '# HELP app_temperature_celsius Temperature.',
        '# TYPE app_temperature_celsius gauge',
        'app_temperature_celsius 21',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and help text', () => {
    const m = new MetricsRegistry();
    m.counter<'path'>({ name: 'x_total', help: 'Back\\slash and\nnewline.', labelNames: ['path'] }).inc({ path: 'a"b\\c\nd' });
    const text = m.render();
    expect(text).toContain('# HELP x_total Back\\\\slash and\\nnewline.\n');
    expect(text).toContain('x_total{path="a\\"b\\\\c\\nd"} 1\n');
    expectWellFormed(text);
  });

  it('renders histograms with cumulative buckets, +Inf, _sum and _count per label set', () => {
    const m = new MetricsRegistry();
    const h = m.histogram<'op'>({ name: 'op_seconds', help: 'Durations.', labelNames: ['op'], buckets: [0.1, 0.5, 1] });
    for (const v of [0.05, 0.1, 0.3, 0.7, 5]) h.observe(v, { op: 'read' });
    h.labels({ op: 'write' }).observe(0.2);
    expect(m.render()).toBe(
      [
        '# HELP op_seconds Durations.',
        '# TYPE op_seconds histogram',
        'op_seconds_bucket{op="read",le="0.1"} 2', // le is inclusive
        'op_seconds_bucket{op="read",le="0.5"} 3',
        'op_seconds_bucket{op="read",le="1"} 4',
        'op_seconds_bucket{op="read",le="+Inf"} 5',
        'op_seconds_sum{op="read"} 6.15',
        'op_seconds_count{op="read"} 5',
        'op_seconds_bucket{op="write",le="0.1"} 0',
        'op_seconds_bucket{op="write",le="0.5"} 1',
        'op_seconds_bucket{op="write",le="1"} 1',
        'op_seconds_bucket{op="write",le="+Inf"} 1',
        'op_seconds_sum{op="write"} 0.2',
        'op_seconds_count{op="write"} 1',
        '',
      ].join('\n'),
    );
  });

  it('reads collected values at every render, dropping label sets the source stopped reporting', () => {
    const m = new MetricsRegistry();
    let rooms = 3;
    let perKind: [{ kind: string }, number][] = [[{ kind: 'a' }, 1], [{ kind: 'b' }, 2]];
    m.gauge({ name: 'rooms', help: 'Rooms.', collect: () => rooms });
    m.counter<'kind'>({ name: 'things_total', help: 'Things.', labelNames: ['kind'], collect: () => perKind });
    expect(m.render()).toContain('rooms 3\n');
    rooms = 5;
    perKind = [[{ kind: 'b' }, 7]];
    const text = m.render();
    expect(text).toContain('rooms 5\n');
    expect(text).toContain('things_total{kind="b"} 7\n');
    expect(text).not.toContain('kind="a"');
  });

  it('formats special values', () => {
    const m = new MetricsRegistry();
    const g = m.gauge<'v'>({ name: 'g', help: 'G.', labelNames: ['v'] });
    g.set(NaN, { v: 'nan' });
    g.set(Infinity, { v: 'inf' });
    g.set(-Infinity, { v: 'ninf' });
    g.set(1e-7, { v: 'tiny' });
    const text = m.render();
    expect(text).toContain('g{v="nan"} NaN\n');
    expect(text).toContain('g{v="inf"} +Inf\n');
    expect(text).toContain('g{v="ninf"} -Inf\n');
    expect(text).toContain('g{v="tiny"} 1e-7\n');
    expectWellFormed(text);
  });

  it('refuses invalid or duplicate names, missing labels and decreasing counters', () => {
    const m = new MetricsRegistry();
    expect(() => m.counter({ name: 'bad-name', help: '' })).toThrow(/invalid metric name/);
    expect(() => m.counter({ name: 'ok', help: '', labelNames: ['__reserved'] })).toThrow(/invalid label name/);
    expect(() => m.histogram({ name: 'h', help: '', labelNames: ['le'], buckets: [1] })).toThrow(/invalid label name/);
    expect(() => m.histogram({ name: 'h2', help: '', buckets: [2, 1] })).toThrow(/increase/);
    m.histogram({ name: 'lat', help: '', buckets: [1] });
    expect(() => m.counter({ name: 'lat_count', help: '' })).toThrow(/already registered/);
    const c = m.counter<'k'>({ name: 'c_total', help: '', labelNames: ['k'] });
    expect(() => m.gauge({ name: 'c_total', help: '' })).toThrow(/already registered/);
    expect(() => c.inc({} as { k: string })).toThrow(/missing label "k"/);
    expect(() => c.inc({ k: 'x' }, -1)).toThrow(/cannot decrease/);
  });

  it('builds exponential buckets', () => {
    expect(exponentialBuckets(1, 4, 4)).toEqual([1, 4, 16, 64]);
  });
});
