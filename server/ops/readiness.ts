/**
 * Readiness: whether this node can serve traffic right now (its database answers; later Redis too).
 * A load balancer polls `/readyz` and stops routing to a node whose checks fail.
 */

/** Named dependency checks; each resolves when its dependency answers and rejects otherwise. */
export type ReadinessChecks = Record<string, () => Promise<void>>;

/** Outcome of one check. */
export type CheckResult = 'ok' | 'failed' | 'timeout';

/** The `/readyz` body. */
export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

/** Long enough for a healthy database under load, short enough for a probe that runs every few seconds. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/**
 * Runs every check concurrently, each bounded by `timeoutMs`. `onFailure` receives the reason of each
 * failed check (for the log: the report itself names only the check, never internals).
 */
export async function checkReadiness(
  checks: ReadinessChecks,
  opts: { timeoutMs?: number; onFailure?: (name: string, err: unknown) => void } = {},
): Promise<ReadinessReport> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const outcome = await Promise.race([check().then(() => 'ok' as const), timedOut]);
        if (outcome === 'timeout') opts.onFailure?.(name, new Error(`no answer within ${timeoutMs} ms`));
        return [name, outcome];
      } catch (err) {
        opts.onFailure?.(name, err);
        return [name, 'failed'];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const results = Object.fromEntries(entries);
  return { ok: entries.every(([, r]) => r === 'ok'), checks: results };
}
