/**
 * The link preview service behind `GET /api/link-preview`: checks the URL, answers from a small bounded
 * cache (an LRU with a lifetime; failures are cached briefly too, so a slow or refused host is not asked
 * again on every keystroke), limits how many pages each person makes the server fetch, and shares one
 * fetch between concurrent requests for the same page. In memory: per process.
 */
import type { LinkPreviewDto } from '../../shared/api/linkPreviewSchemas.ts';
import { checkUrl } from './ssrfGuard.ts';
import { fetchPreview, type FetchPreviewOptions } from './fetchPreview.ts';

export interface LinkPreviewsOptions extends FetchPreviewOptions {
  /** Pages kept (default 500). */
  cacheSize?: number;
  /** How long a preview is reused (default 10 minutes). */
  cacheTtlMs?: number;
  /** How long a failure is reused (default 1 minute). */
  errorTtlMs?: number;
  /** Pages one person may make the server fetch per minute; cached answers are free (default 30). */
  fetchesPerMinute?: number;
  /** The fetch itself (tests). */
  fetch?: typeof fetchPreview;
  now?: () => number;
}

/** One person fetched too many pages; retry after `retryAfterSeconds`. */
export class PreviewRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many link previews. Try again in a minute.');
    this.name = 'PreviewRateLimitedError';
  }
}

type Entry = { at: number; ok: true; value: LinkPreviewDto } | { at: number; ok: false; error: unknown };

// Bounds the rate limiter's memory: past this many people, the least recently seen are forgotten.
const MAX_BUCKETS = 10_000;

export class LinkPreviews {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<LinkPreviewDto>>();
  /** Per user: tokens left and when they were counted (a token bucket refilled continuously). */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly opts: LinkPreviewsOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The preview of `rawUrl` for `userId`. Throws BlockedUrlError, PreviewFetchError or PreviewRateLimitedError. */
  async preview(userId: string, rawUrl: string): Promise<LinkPreviewDto> {
    const url = checkUrl(rawUrl, this.opts.policy);
    url.hash = '';
    const key = url.href;
    const cached = this.fromCache(key);
    if (cached) {
      if (cached.ok) return cached.value;
      throw cached.error;
    }
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    this.take(userId);
    const fetching = (this.opts.fetch ?? fetchPreview)(key, this.opts).then(
      (value) => {
        this.store(key, { at: this.now(), ok: true, value });
        return value;
      },
      (error: unknown) => {
        this.store(key, { at: this.now(), ok: false, error });
        throw error;
      },
    );
    this.inFlight.set(key, fetching);
    try {
      return await fetching;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private fromCache(key: string): Entry | null {
    const entry = this.cache.get(key);
    if (!entry) return null;
    const ttl = entry.ok ? (this.opts.cacheTtlMs ?? 600_000) : (this.opts.errorTtlMs ?? 60_000);
    this.cache.delete(key);
    if (this.now() - entry.at > ttl) return null;
    // Re-inserted: Map order is least recently used first.
    this.cache.set(key, entry);
    return entry;
  }

  private store(key: string, entry: Entry) {
    this.cache.delete(key);
    this.cache.set(key, entry);
    const max = this.opts.cacheSize ?? 500;
    while (this.cache.size > max) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Takes one fetch from the person's bucket, or throws PreviewRateLimitedError. */
  private take(userId: string) {
    const perMinute = this.opts.fetchesPerMinute ?? 30;
    const now = this.now();
    const prev = this.buckets.get(userId);
    const tokens = Math.min(perMinute, (prev?.tokens ?? perMinute) + ((now - (prev?.at ?? now)) * perMinute) / 60_000);
    this.buckets.delete(userId);
    if (tokens < 1) {
      this.buckets.set(userId, { tokens, at: now });
      throw new PreviewRateLimitedError(Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute)));
    }
    this.buckets.set(userId, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
