/**
 * `GET /readyz` and `GET /metrics` through `app.request()` on a real store: readiness follows the
 * database (a closed store is a 503 naming the check), metrics are well-formed Prometheus text, and
 * METRICS_TOKEN guards them.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createLogger } from '../../log.ts';
import { SqliteStore } from '../../store/sqlite/SqliteStore.ts';
import { AuthSessions } from '../../auth/AuthSessions.ts';
import { TicketSigner } from '../../auth/TicketSigner.ts';
import { LoginRateLimiter } from '../../auth/LoginRateLimiter.ts';
import { ServerMetrics } from '../../ops/ServerMetrics.ts';
import { PROMETHEUS_CONTENT_TYPE } from '../../ops/metrics.ts';
import type { ReadinessChecks } from '../../ops/readiness.ts';
import { createApp } from '../createApp.ts';
import { ROUTES } from '../routeTable.ts';

const TOKEN = 'metrics-token-0123456789';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function setup(opts: { env?: Record<string, string>; withMetrics?: boolean; readinessChecks?: ReadinessChecks } = {}) {
  const config = loadConfig({ SCRYPT_LOG_N: '10', CLIENT_DIST: path.join(tmpdir(), 'commonplace-no-such-dist'), LOG_LEVEL: 'silent', ...opts.env });
  const store = SqliteStore.open({ filename: ':memory:' });
  const loginLimiter = new LoginRateLimiter(config, { pruneIntervalMs: 0 });
  cleanups.push(() => loginLimiter.stop(), () => store.close());
  const metrics = opts.withMetrics ? new ServerMetrics() : undefined;
  const app = createApp({
    config,
    store,
    log: createLogger('silent'),
    sessions: new AuthSessions(store, config.sessionTtlMs),
    tickets: new TicketSigner('t'.repeat(40), config.ticketTtlMs),
    loginLimiter,
    metrics: metrics?.registry,
    readinessChecks: opts.readinessChecks,
  });
  return { app, store, metrics };
}

/** Each non-comment line is `name{labels} value`; each metric has HELP and TYPE before its samples. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const typed = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE (\S+) (counter|gauge|histogram)$/.exec(line);
    if (type) typed.add(type[1]!);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
    expect(m, line).not.toBeNull();
    const base = m![1]!.replace(/_(bucket|sum|count)$/, '');
    expect(typed.has(m![1]!) || typed.has(base), `${line} has no TYPE`).toBe(true);
    samples.set(m![1]! + (m![2] ?? ''), Number(m![3]));
  }
  return samples;
}

describe('GET /readyz', () => {
  it('is public and answers 200 with every check ok while the database answers', async () => {
    expect(ROUTES.readyz.access).toBe('public');
    const { app } = setup();
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok' } });
  });

  it('answers 503 naming the database once the store is closed', async () => {
    const { app, store } = setup();
    await store.close();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, checks: { database: 'failed' } });
  });

  it('reports each configured check, e.g. Redis down while the database is fine', async () => {
    const { app, store } = setup({
      readinessChecks: {
        database: () => store.ping(),
        redis: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')),
      },
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({ ok: false, checks: { database: 'ok', redis: 'failed' } });
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED'); // details go to the log only
  });
});

describe('GET /metrics', () => {
  it('serves well-formed Prometheus text with process and server metrics', async () => {
    const { app } = setup({ withMetrics: true });
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const samples = parseExposition(await res.text());
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(samples.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples.get('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('commonplace_errors_total{kind="bad_frame"}')).toBe(0);
    expect(samples.get('commonplace_errors_total{kind="room_load_failed"}')).toBe(0);
    expect(samples.has('commonplace_write_batch_duration_seconds_count')).toBe(false); // no series before the first write
  });

  it('serves process metrics when the app was built without a server registry', async () => {
    const { app } = setup();
    const samples = parseExposition(await (await app.request('/metrics')).text());
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect([...samples.keys()].some((k) => k.startsWith('commonplace_'))).toBe(false);
  });

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const { app } = setup({ env: { METRICS_TOKEN: TOKEN }, withMetrics: true });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const res = await app.request('/metrics', { headers: authorization ? { authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE commonplace_errors_total counter');
    // The readiness probe stays open: load balancers do not carry the token.
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('refuses a METRICS_TOKEN shorter than 16 characters at start-up, and treats an empty one as unset', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });
});
