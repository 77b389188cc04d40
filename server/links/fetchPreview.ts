/**
 * Fetches a web page for a link preview, safely (issue 7, SECURITY.md "Server-side fetches"). Every hop
 * — the URL and each redirect — is checked by ssrfGuard.ts; the host's addresses are resolved once,
 * ALL of them checked, and the connection is pinned to exactly those addresses through the request's
 * `lookup`, so a DNS answer that changes between the check and the connect (rebinding) is never used.
 * One deadline covers the whole fetch; the body is read up to a byte cap, HTML only.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BlockedUrlError, checkAddresses, checkUrl, classifyAddress, type UrlPolicy } from './ssrfGuard.ts';
import { decodeBody } from './decodeBody.ts';
import { parseMeta, type PageMeta } from './parseMeta.ts';

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (injectable: tests make a name resolve anywhere). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver, every address (dns.lookup: /etc/hosts, then DNS). */
export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface FetchPreviewOptions {
  policy: UrlPolicy;
  resolve?: Resolver;
  /** The whole fetch, redirects included (default 5 s). */
  timeoutMs?: number;
  /** Most bytes of (decompressed) body read; the rest is not downloaded (default 512 KiB). */
  maxBytes?: number;
  /** Redirects followed, each one checked again (default 3). */
  maxRedirects?: number;
}

/** A page's preview: its final URL (after redirects) and what it says about itself. */
export interface PagePreview extends PageMeta {
  url: string;
}

/** The page could not be fetched or read (a 502 for the API); the message is fit to show. */
export class PreviewFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewFetchError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\s*(;|$)/i;
const USER_AGENT = 'CommonplaceLinkPreview/1.0 (+link previews for a community board)';

/** Fetches `rawUrl` and reads its title and meta tags. Throws BlockedUrlError or PreviewFetchError. */
export async function fetchPreview(rawUrl: string, opts: FetchPreviewOptions): Promise<PagePreview> {
  const { policy, resolve = systemResolver, timeoutMs = 5000, maxBytes = 512 * 1024, maxRedirects = 3 } = opts;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkUrl(rawUrl, policy);
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await vetHost(url, policy, resolve, signal);
      const res = await get(url, addresses, signal);
      const remote = res.socket?.remoteAddress;
      // Defence in depth: the pinned lookup makes this impossible, but a connection must never have
      // reached a refused address whatever Node does.
      if (remote && !policy.privateHostsAllowed.has(url.hostname) && classifyAddress(remote)) {
        res.destroy();
        throw new BlockedUrlError('That address points into a network the server does not fetch from');
      }
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        const location = res.headers.location;
        if (!location) throw new PreviewFetchError('The page redirects without saying where');
        if (hop >= maxRedirects) throw new PreviewFetchError(`The page redirects more than ${maxRedirects} times`);
        url = checkUrl(URL.canParse(location, url) ? new URL(location, url) : 'invalid:', policy);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new PreviewFetchError(`The page answered with status ${status}`);
      }
      const type = res.headers['content-type'];
      if (!type || !HTML_TYPES.test(type)) {
        res.destroy();
        throw new PreviewFetchError('The address is not a web page (HTML)');
      }
      const bytes = await readLimited(res, maxBytes, signal);
      return { url: url.href, ...parseMeta(decodeBody(bytes, type)) };
    }
  } catch (err) {
    if (err instanceof BlockedUrlError || err instanceof PreviewFetchError) throw err;
    if (signal.aborted) throw new PreviewFetchError('The page took too long to answer');
    throw new PreviewFetchError('The page could not be reached');
  }
}

/** The addresses to connect to for `url`, each one checked (an IP literal was checked by checkUrl). */
async function vetHost(url: URL, policy: UrlPolicy, resolve: Resolver, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  let addresses: ResolvedAddress[];
  try {
    addresses = await abortable(resolve(host), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new PreviewFetchError('That host name does not resolve');
  }
  checkAddresses(url.hostname, addresses.map((a) => a.address), policy);
  return addresses;
}

/** A GET of `url` whose connection can only go to `addresses` (see the file header). */
function get(url: URL, addresses: ResolvedAddress[], signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9', 'accept-encoding': 'gzip, deflate, br' },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

/** Reads at most `maxBytes` of the (decompressed) body, then stops downloading. */
function readLimited(res: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  let body: Readable = res;
  // Counted after decompression: a small gzip bomb must not inflate past the cap.
  if (encoding === 'gzip' || encoding === 'x-gzip') body = res.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') body = res.pipe(zlib.createInflate());
  else if (encoding === 'br') body = res.pipe(zlib.createBrotliDecompress());
  else if (encoding !== 'identity') {
    res.destroy();
    return Promise.reject(new PreviewFetchError('The page uses an unknown content encoding'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = () => {
      cleanup();
      resolve(Buffer.concat(chunks, total));
    };
    const fail = (err: unknown) => {
      cleanup();
      // A cut connection after some of the head still gives a preview.
      if (total > 0 && !signal.aborted) resolve(Buffer.concat(chunks, total));
      else reject(err);
    };
    const onData = (chunk: Buffer) => {
      const room = maxBytes - total;
      chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.byteLength, room);
      if (total >= maxBytes) finish();
    };
    const onAbort = () => fail(signal.reason);
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', finish);
      body.off('error', fail);
      signal.removeEventListener('abort', onAbort);
      res.destroy();
      if (body !== res) body.destroy();
    };
    body.on('data', onData);
    body.once('end', finish);
    body.once('error', fail);
    res.once('error', fail);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`, or a rejection as soon as `signal` aborts (dns.lookup itself cannot be cancelled). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}
