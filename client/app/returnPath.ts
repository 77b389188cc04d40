/**
 * Where to go after signing in. The return path travels in the `next` query parameter, so it is
 * attacker-controlled: only same-site paths are accepted, never another origin (an open redirect).
 */

/** The parameter of /signin and /signup that carries the return path. */
export const NEXT_PARAM = 'next';

/** `raw` if it is a path on this site ("/c/abc?x=1"), otherwise "/". */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  // "//evil.example" and "/\evil.example" are protocol-relative URLs in browsers; control characters
  // can smuggle either past naive checks.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  if (raw === '/signin' || raw.startsWith('/signin?') || raw === '/signup' || raw.startsWith('/signup?')) return '/';
  return raw;
}

/** The sign-in (or sign-up) URL that returns to `path` afterwards. */
export function authPath(page: '/signin' | '/signup', path: string): string {
  const next = safeReturnPath(path);
  return next === '/' ? page : `${page}?${NEXT_PARAM}=${encodeURIComponent(next)}`;
}
