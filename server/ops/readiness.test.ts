/**
 * checkReadiness runs every check, bounds each by a timeout, and reports each one by name without
 * leaking the failure's details (those go to `onFailure`, for the log).
 */
import { describe, expect, it } from 'vitest';
import { checkReadiness } from './readiness.ts';

describe('checkReadiness', () => {
  it('is ok when every check resolves', async () => {
    expect(await checkReadiness({ database: async () => {}, redis: async () => {} })).toEqual({
      ok: true,
      checks: { database: 'ok', redis: 'ok' },
    });
  });

  it('names the failed and the timed-out checks, and hands their reasons to onFailure', async () => {
    const failures: [string, string][] = [];
    const started = Date.now();
    const report = await checkReadiness(
      {
        database: async () => {
          throw new Error('connection refused');
        },
        redis: () => new Promise<void>(() => {}), // never answers
        other: async () => {},
      },
      { timeoutMs: 50, onFailure: (name, err) => failures.push([name, (err as Error).message]) },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report).toEqual({ ok: false, checks: { database: 'failed', redis: 'timeout', other: 'ok' } });
    expect(failures.sort()).toEqual([
      ['database', 'connection refused'],
      ['redis', 'no answer within 50 ms'],
    ]);
  });

  it('is ok with no checks at all', async () => {
    expect(await checkReadiness({})).toEqual({ ok: true, checks: {} });
  });
});
