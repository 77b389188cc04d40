import { afterEach, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter.ts';

const config = { limits: { loginMaxFailures: 3, loginWindowMs: 60_000 } };

describe('LoginRateLimiter', () => {
  let t = 0;
  const limiters: LoginRateLimiter[] = [];
  const make = (opts = {}) => {
    const l = new LoginRateLimiter(config, { now: () => t, pruneIntervalMs: 0, ...opts });
    limiters.push(l);
    return l;
  };
  afterEach(() => {
    for (const l of limiters.splice(0)) l.stop();
    t = 0;
  });

  it('allows up to the limit of failures per account, then refuses with a retry time', () => {
    const l = make();
    for (let i = 0; i < 3; i++) {
      expect(l.check('a@example.org', '1.1.1.1')).toEqual({ allowed: true });
      l.recordFailure('a@example.org', '1.1.1.1');
      t += 1000;
    }
    // Failures at t=0, 1000, 2000; now t=3000: allowed again when the first leaves the window (t=60000).
    expect(l.check('a@example.org', '2.2.2.2')).toEqual({ allowed: false, retryAfterSeconds: 57 });
    expect(l.check('A@Example.org ', null)).toMatchObject({ allowed: false });
    expect(l.check('b@example.org', '3.3.3.3')).toEqual({ allowed: true });
  });

  it('is a sliding window, not a lockout', () => {
    const l = make();
    for (let i = 0; i < 3; i++) l.recordFailure('a@example.org', null);
    expect(l.check('a@example.org', null).allowed).toBe(false);
    t = 60_000;
    expect(l.check('a@example.org', null)).toEqual({ allowed: true });
    l.recordFailure('a@example.org', null);
    expect(l.check('a@example.org', null)).toEqual({ allowed: true });
  });

  it('a success clears the account', () => {
    const l = make();
    for (let i = 0; i < 3; i++) l.recordFailure('a@example.org', null);
    l.recordSuccess('a@example.org');
    expect(l.check('a@example.org', null)).toEqual({ allowed: true });
  });

  it('limits an IP spraying many accounts at 5x the per-account limit', () => {
    const l = make();
    for (let i = 0; i < 15; i++) {
      expect(l.check(`user${i}@example.org`, '9.9.9.9').allowed).toBe(true);
      l.recordFailure(`user${i}@example.org`, '9.9.9.9');
    }
    const refused = l.check('fresh@example.org', '9.9.9.9');
    expect(refused).toMatchObject({ allowed: false });
    expect(l.check('fresh@example.org', '8.8.8.8')).toEqual({ allowed: true });
    // A success on one account does not reset the IP.
    l.recordSuccess('user0@example.org');
    expect(l.check('fresh@example.org', '9.9.9.9').allowed).toBe(false);
  });

  it('when both limits apply, waits for the later one', () => {
    const l = make({ maxFailuresPerIp: 3 });
    for (let i = 0; i < 3; i++) l.recordFailure('a@example.org', '1.1.1.1');
    t = 30_000;
    l.recordFailure('b@example.org', '4.4.4.4');
    expect(l.check('a@example.org', '1.1.1.1')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('prunes entries whose failures all left the window', () => {
    const l = make();
    l.recordFailure('a@example.org', '1.1.1.1');
    l.recordFailure('b@example.org', null);
    expect(l.trackedKeys).toBe(3);
    t = 61_000;
    l.prune();
    expect(l.trackedKeys).toBe(0);
  });
});
