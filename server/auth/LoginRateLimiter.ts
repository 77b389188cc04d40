/**
 * Slows password guessing: failed logins are counted per account (email) and per client IP in a
 * sliding window. Past the limit, logins answer 429 until the oldest failure leaves the window — there is
 * no permanent lockout, so an attacker cannot lock a real person out for good. In memory: per process.
 */

/** Outcome of a rate-limit check. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The part of Config the limiter reads. */
export interface LoginLimitsConfig {
  limits: {
    /** Failures per account allowed inside the window. */
    loginMaxFailures: number;
    loginWindowMs: number;
  };
}

/** Optional tuning, mostly for tests. */
export interface LoginRateLimiterOptions {
  /** Failures per IP allowed inside the window (default 5× the per-account limit: people share IPs). */
  maxFailuresPerIp?: number;
  /** How often stale entries are dropped (default: one minute); 0 disables the timer. */
  pruneIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

// Bounds memory when someone sprays random emails: past this many keys, the oldest are dropped.
const MAX_KEYS = 100_000;

/** A sliding window of failure timestamps per key, keeping only the newest `limit` of them. */
class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  check(key: string, now: number): RateDecision {
    const times = this.live(key, now);
    if (times.length < this.limit) return { allowed: true };
    // times holds the newest `limit` failures; the request is allowed again when the oldest expires.
    const retryAfterMs = times[0] + this.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  record(key: string, now: number): void {
    const times = this.live(key, now);
    times.push(now);
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.failures.delete(key); // re-insert so Map order stays "least recently failed first"
    this.failures.set(key, times);
    if (this.failures.size > MAX_KEYS) this.evict(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times[times.length - 1] + this.windowMs <= now) this.failures.delete(key);
    }
  }

  get size(): number {
    return this.failures.size;
  }

  private live(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const firstLive = times.findIndex((t) => t + this.windowMs > now);
    if (firstLive === -1) {
      this.failures.delete(key);
      return [];
    }
    return firstLive === 0 ? times : times.slice(firstLive);
  }

  private evict(now: number): void {
    this.prune(now);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_KEYS) break;
      this.failures.delete(key);
    }
  }
}

/** Per-account and per-IP login failure limits. */
export class LoginRateLimiter {
  private readonly accounts: FailureWindow;
  private readonly ips: FailureWindow;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | null;

  constructor(config: LoginLimitsConfig, opts: LoginRateLimiterOptions = {}) {
    const { loginMaxFailures: max, loginWindowMs: windowMs } = config.limits;
    this.now = opts.now ?? Date.now;
    this.accounts = new FailureWindow(max, windowMs);
    this.ips = new FailureWindow(opts.maxFailuresPerIp ?? max * 5, windowMs);
    const every = opts.pruneIntervalMs ?? 60_000;
    this.timer = every > 0 ? setInterval(() => this.prune(), every) : null;
    this.timer?.unref();
  }

  /** Whether a login attempt for this email from this IP may proceed. `ip` null = unknown (not limited by IP). */
  check(email: string, ip: string | null): RateDecision {
    const now = this.now();
    const byAccount = this.accounts.check(accountKey(email), now);
    const byIp = ip ? this.ips.check(ip, now) : ({ allowed: true } as const);
    if (byAccount.allowed) return byIp;
    if (byIp.allowed) return byAccount;
    return { allowed: false, retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds) };
  }

  /** Counts a failed attempt (wrong password or unknown email alike). */
  recordFailure(email: string, ip: string | null): void {
    const now = this.now();
    this.accounts.record(accountKey(email), now);
    if (ip) this.ips.record(ip, now);
  }

  /** A successful login clears the account's failures (not the IP's: one good account must not unlock spraying). */
  recordSuccess(email: string): void {
    this.accounts.clear(accountKey(email));
  }

  /** Drops entries whose failures have all left the window. */
  prune(): void {
    const now = this.now();
    this.accounts.prune(now);
    this.ips.prune(now);
  }

  /** Number of tracked keys (accounts + IPs), for tests and metrics. */
  get trackedKeys(): number {
    return this.accounts.size + this.ips.size;
  }

  /** Stops the pruning timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
