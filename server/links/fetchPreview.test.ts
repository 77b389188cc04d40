import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPreview, PreviewFetchError, type Resolver } from './fetchPreview.ts';
import { LinkPreviews, PreviewRateLimitedError } from './LinkPreviews.ts';
import { BlockedUrlError, type UrlPolicy } from './ssrfGuard.ts';

/** A local site: routes by path; counts requests so tests can prove nothing was fetched. */
let server: http.Server;
let port = 0;
let hits = 0;
const page = (title: string) => `<!doctype html><html><head><title>${title}</title><meta property="og:description" content="About ${title}"></head><body></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const path = req.url ?? '/';
    if (path === '/page') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Local &amp; page'));
    if (path.startsWith('/redirect-to?')) return res.writeHead(302, { location: decodeURIComponent(path.slice('/redirect-to?'.length)) }).end();
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      return n === 0 ? res.writeHead(200, { 'content-type': 'text/html' }).end(page('Landed')) : res.writeHead(301, { location: `/hop/${n - 1}` }).end();
    }
    if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"no"}');
    if (path === '/missing') return res.writeHead(404, { 'content-type': 'text/html' }).end(page('Not found'));
    if (path === '/slow') return; // never answers
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Huge</title></head><body>');
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === '/bomb') {
      const body = Buffer.concat([Buffer.from('<html><head><title>Bomb</title></head><body>'), Buffer.alloc(50 * 1024 * 1024, 0x20)]);
      return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(body));
    }
    if (path === '/latin1') return res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from('<title>Caf\xe9</title>', 'latin1'));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The production policy, except that the local server's port may be named. */
const strict = (): UrlPolicy => ({ allowedPorts: new Set([80, 443, port]), privateHostsAllowed: new Set() });
/** What LINK_PREVIEW_ALLOW_PRIVATE_HOSTS=127.0.0.1 gives: that host only is exempt. */
const testing = (): UrlPolicy => ({ allowedPorts: new Set([80, 443]), privateHostsAllowed: new Set(['127.0.0.1', 'site.test']) });
/** A resolver that knows a few names and records every question. */
function fakeResolver(names: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = (async (host: string) => {
    asked.push(host);
    const addrs = names[host];
    if (!addrs) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return addrs.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }) as Resolver & { asked: string[] };
  resolve.asked = asked;
  return resolve;
}

describe('fetchPreview: the SSRF guard', () => {
  it('refuses a server on 127.0.0.1 (loopback) without connecting', async () => {
    const before = hits;
    await expect(fetchPreview(`http://127.0.0.1:${port}/page`, { policy: strict() })).rejects.toThrow(/loopback/);
    await expect(fetchPreview(`http://2130706433:${port}/page`, { policy: strict() })).rejects.toThrow(BlockedUrlError);
    await expect(fetchPreview(`http://0x7f.1:${port}/page`, { policy: strict() })).rejects.toThrow(BlockedUrlError);
    await expect(fetchPreview(`http://[::ffff:127.0.0.1]:${port}/page`, { policy: strict() })).rejects.toThrow(BlockedUrlError);
    expect(hits).toBe(before);
  });

  it('refuses `localhost` by its resolved addresses (the real resolver)', async () => {
    await expect(fetchPreview(`http://localhost:${port}/page`, { policy: strict() })).rejects.toThrow(/loopback/);
  });

  it('refuses a name that resolves to a private address, or to any private address among public ones', async () => {
    const resolve = fakeResolver({ 'intranet.example': ['10.0.0.1'], 'mixed.example': ['93.184.215.14', '192.168.0.10'], 'meta.example': ['169.254.169.254'], 'v6.example': ['fd00::5'] });
    await expect(fetchPreview('http://intranet.example/', { policy: strict(), resolve })).rejects.toThrow(/private/);
    await expect(fetchPreview('https://mixed.example/', { policy: strict(), resolve })).rejects.toThrow(/private/);
    await expect(fetchPreview('http://meta.example/latest/meta-data/', { policy: strict(), resolve })).rejects.toThrow(/metadata/);
    await expect(fetchPreview('http://v6.example/', { policy: strict(), resolve })).rejects.toThrow(/private/);
    await expect(fetchPreview('http://nowhere.example/', { policy: strict(), resolve })).rejects.toThrow(PreviewFetchError);
  });

  it('pins the connection to the vetted addresses: the name is resolved once, and never again by the OS', async () => {
    // `site.test` does not exist for the system resolver: the fetch can only succeed through the pinned lookup.
    const resolve = fakeResolver({ 'site.test': ['127.0.0.1'] });
    const preview = await fetchPreview(`http://site.test:${port}/page`, { policy: testing(), resolve });
    expect(preview).toEqual({ url: `http://site.test:${port}/page`, title: 'Local & page', description: 'About Local & page', siteName: null });
    expect(resolve.asked).toEqual(['site.test']);
  });

  it('re-checks every redirect: an allowed host redirecting to loopback or a private name is refused', async () => {
    const resolve = fakeResolver({ 'intranet.example': ['10.0.0.1'] });
    const via = (target: string) => `http://127.0.0.1:${port}/redirect-to?${encodeURIComponent(target)}`;
    await expect(fetchPreview(via('http://localhost/admin'), { policy: testing() })).rejects.toThrow(/loopback/);
    await expect(fetchPreview(via('http://127.0.0.2/'), { policy: testing(), resolve })).rejects.toThrow(/loopback/);
    await expect(fetchPreview(via('http://169.254.169.254/latest/meta-data/'), { policy: testing(), resolve })).rejects.toThrow(/metadata/);
    await expect(fetchPreview(via('http://intranet.example/'), { policy: testing(), resolve })).rejects.toThrow(/private/);
    await expect(fetchPreview(via('file:///etc/passwd'), { policy: testing() })).rejects.toThrow(BlockedUrlError);
    await expect(fetchPreview(via('http://x:y@example.org/'), { policy: testing() })).rejects.toThrow(BlockedUrlError);
    // An allowed target is followed, and the preview names where it landed.
    const ok = await fetchPreview(via(`http://127.0.0.1:${port}/page`), { policy: testing() });
    expect(ok.title).toBe('Local & page');
  });

  it('follows at most 3 redirects', async () => {
    expect((await fetchPreview(`http://127.0.0.1:${port}/hop/3`, { policy: testing() })).url).toBe(`http://127.0.0.1:${port}/hop/0`);
    await expect(fetchPreview(`http://127.0.0.1:${port}/hop/4`, { policy: testing() })).rejects.toThrow(/more than 3/);
  });
});

describe('fetchPreview: reading the page', () => {
  const at = (path: string) => `http://127.0.0.1:${port}${path}`;

  it('HTML only; failures are PreviewFetchErrors', async () => {
    await expect(fetchPreview(at('/json'), { policy: testing() })).rejects.toThrow(/not a web page/);
    await expect(fetchPreview(at('/missing'), { policy: testing() })).rejects.toThrow(/status 404/);
    await expect(fetchPreview('http://127.0.0.1:1/', { policy: testing() })).rejects.toThrow(PreviewFetchError);
  });

  it('times out as a whole', async () => {
    const start = Date.now();
    await expect(fetchPreview(at('/slow'), { policy: testing(), timeoutMs: 300 })).rejects.toThrow(/too long/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('reads at most maxBytes of a huge page (and of a gzip bomb, after decompression)', async () => {
    const start = Date.now();
    expect((await fetchPreview(at('/huge'), { policy: testing(), maxBytes: 64 * 1024 })).title).toBe('Huge');
    expect((await fetchPreview(at('/bomb'), { policy: testing(), maxBytes: 64 * 1024 })).title).toBe('Bomb');
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('decodes the declared charset', async () => {
    expect((await fetchPreview(at('/latin1'), { policy: testing() })).title).toBe('Café');
  });
});

describe('LinkPreviews', () => {
  const policy: UrlPolicy = { allowedPorts: new Set([80, 443]), privateHostsAllowed: new Set() };
  const fakeFetch = () => {
    const calls: string[] = [];
    const fetch = (async (url: string) => {
      calls.push(url);
      if (url.includes('broken')) throw new PreviewFetchError('The page answered with status 500');
      return { url, title: `T ${url}`, description: null, siteName: null };
    }) as typeof fetchPreview;
    return { calls, fetch };
  };

  it('caches answers (the fragment ignored) and failures, each for its lifetime', async () => {
    let now = 0;
    const { calls, fetch } = fakeFetch();
    const previews = new LinkPreviews({ policy, fetch, now: () => now, cacheTtlMs: 1000, errorTtlMs: 100 });
    await previews.preview('u', 'https://example.org/a#x');
    await previews.preview('u', 'https://example.org/a#y');
    expect(calls).toEqual(['https://example.org/a']);
    await expect(previews.preview('u', 'https://broken.example/')).rejects.toThrow(PreviewFetchError);
    await expect(previews.preview('u', 'https://broken.example/')).rejects.toThrow(PreviewFetchError);
    expect(calls).toHaveLength(2);
    now = 500;
    await expect(previews.preview('u', 'https://broken.example/')).rejects.toThrow(PreviewFetchError);
    await previews.preview('u', 'https://example.org/a');
    expect(calls).toHaveLength(3);
    now = 2000;
    await previews.preview('u', 'https://example.org/a');
    expect(calls).toHaveLength(4);
  });

  it('is bounded (least recently used out) and shares concurrent fetches', async () => {
    const { calls, fetch } = fakeFetch();
    const previews = new LinkPreviews({ policy, fetch, cacheSize: 2, fetchesPerMinute: 100 });
    await Promise.all([previews.preview('u', 'https://a.example/'), previews.preview('v', 'https://a.example/')]);
    expect(calls).toHaveLength(1);
    await previews.preview('u', 'https://b.example/');
    await previews.preview('u', 'https://a.example/'); // a is now most recent
    await previews.preview('u', 'https://c.example/'); // evicts b
    await previews.preview('u', 'https://a.example/');
    expect(calls).toHaveLength(3);
    await previews.preview('u', 'https://b.example/');
    expect(calls).toHaveLength(4);
  });

  it('limits the fetches each person causes; cached answers are free; refused URLs fail before any fetch', async () => {
    let now = 0;
    const { calls, fetch } = fakeFetch();
    const previews = new LinkPreviews({ policy, fetch, now: () => now, fetchesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await previews.preview('u', `https://example.org/${i}`);
    await expect(previews.preview('u', 'https://example.org/3')).rejects.toBeInstanceOf(PreviewRateLimitedError);
    await previews.preview('u', 'https://example.org/0');
    await previews.preview('other', 'https://example.org/3');
    now = 20_000; // one token back
    await previews.preview('u', 'https://example.org/4');
    await expect(previews.preview('u', 'http://127.0.0.1/')).rejects.toBeInstanceOf(BlockedUrlError);
    expect(calls).toHaveLength(5);
  });
});
