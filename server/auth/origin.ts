/**
 * Origin checks for cookie-authenticated writes and WebSocket upgrades. Compares whole origins
 * (scheme, host, port) after normalisation — never prefixes or substrings, which look-alike hosts beat.
 */

// What an Origin header looks like: scheme "://" authority, and nothing after it (no path, query, hash).
const ORIGIN_SHAPE = /^https?:\/\/[^/?#\\@\s]+$/i;

/**
 * The canonical `scheme://host[:port]` of an http(s) origin (lower-case host, default port dropped), or
 * null if the value is not exactly an origin.
 */
export function normalizeOrigin(value: string): string | null {
  if (!ORIGIN_SHAPE.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** True only when `origin` is present and equal to one of the allowed origins. `"null"` is refused. */
export function isAllowedOrigin(origin: string | undefined | null, allowed: readonly string[]): boolean {
  if (!origin || origin.length > 2048) return false;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  // Configured entries may carry a trailing slash; the header never does.
  return allowed.some((a) => normalizeOrigin(a.replace(/\/$/, '')) === normalized);
}
