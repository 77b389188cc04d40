/**
 * One spelling per web address, so the resource library counts "the same link" once however it was
 * pasted: case of scheme and host, default ports, fragments, tracking parameters, parameter order,
 * trailing slashes and needless percent-encoding do not make a different resource.
 */
import { parseUserUrl } from '../doc/layout.ts';

/** Query parameters that only say where a click came from (any `utm_*` too). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_hsenc', '_hsmi', 'yclid',
  'ref_src', 'ref_url', 'twclid', 'ttclid', 'li_fat_id', 'wbraid', 'gbraid', 'oly_anon_id', 'oly_enc_id', 'vero_id', '_openstat',
]);

/** True for a query parameter name that only tracks clicks. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Decodes escapes of unreserved characters (`%7E` → `~`) and upper-cases the hex of the others. */
function tidyEscapes(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** The parameter's name as a person reads it, for the tracking check (`utm%5Fsource` is `utm_source`). */
function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The normalised form of an http(s) address (bare hosts get https://, as when typed), or null for
 * anything else. Idempotent: normalising a normalised URL returns it unchanged.
 */
export function normalizeUrl(input: string): string | null {
  const url = parseUserUrl(input);
  if (!url) return null;
  // The WHATWG parser already lower-cases scheme and host and drops default ports.
  url.hash = '';
  let pathname = tidyEscapes(url.pathname);
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '') || '/';
  const params = url.search
    .slice(1)
    .split('&')
    .filter((p) => p && !isTrackingParam(paramName(p)))
    .map(tidyEscapes)
    .sort((a, b) => {
      const ka = a.split('=', 1)[0]!;
      const kb = b.split('=', 1)[0]!;
      return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}${pathname}${params.length ? `?${params.join('&')}` : ''}`;
}
