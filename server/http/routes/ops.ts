/**
 * Operations endpoints for load balancers and monitoring: `GET /readyz` (can this node serve: is its
 * database reachable?) and `GET /metrics` (Prometheus text format, behind METRICS_TOKEN when it is set).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDeps } from '../createApp.ts';
import type { AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { ROUTES, registerRoute } from '../routeTable.ts';
import { MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from '../../ops/metrics.ts';
import { registerProcessMetrics } from '../../ops/processMetrics.ts';
import { checkReadiness, type ReadinessChecks } from '../../ops/readiness.ts';

/** Compares secrets in constant time whatever their lengths (hashing first equalises them). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `/readyz` and `/metrics`. Without `deps.metrics` (tests, tools) the endpoint serves process metrics only. */
export function opsRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, log, config } = deps;
  const app = new Hono<AppEnv>();
  const checks: ReadinessChecks = deps.readinessChecks ?? { database: () => store.ping() };
  const metrics = deps.metrics ?? processOnlyRegistry();

  registerRoute(app, ROUTES.readyz, async (c) => {
    const report = await checkReadiness(checks, {
      onFailure: (check, err) => log.warn('ops.readiness_check_failed', { check, err }),
    });
    return c.json(report, report.ok ? 200 : 503, { 'Cache-Control': 'no-store' });
  });

  registerRoute(app, ROUTES.metrics, (c) => {
    const token = config.metricsToken;
    if (token) {
      const [scheme, given] = (c.req.header('authorization') ?? '').split(' ', 2);
      if (scheme?.toLowerCase() !== 'bearer' || !given || !sameSecret(given, token)) {
        throw new HttpError('unauthenticated', 'Metrics need the bearer token configured as METRICS_TOKEN', {
          headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
        });
      }
    }
    return c.body(metrics.render(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  });

  return app;
}

function processOnlyRegistry(): MetricsRegistry {
  const registry = new MetricsRegistry();
  registerProcessMetrics(registry);
  return registry;
}
