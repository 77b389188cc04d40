/**
 * Link previews over the real server (issue 7): GET /api/link-preview fetches a page's title for members
 * who can edit somewhere, and its SSRF guard refuses loopback, private and link-local targets — directly,
 * by name, or through a redirect. The test site listens on 127.0.0.1, so the "allowed" path needs
 * LINK_PREVIEW_ALLOW_PRIVATE_HOSTS=127.0.0.1 (a test-only, dangerous setting; SECURITY.md).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import type { LinkPreviewDto } from '../../shared/api/linkPreviewSchemas.ts';

let exempt: TestServer;
let strict: TestServer;
let site: http.Server;
let sitePort = 0;
let siteHits = 0;

beforeAll(async () => {
  site = http.createServer((req, res) => {
    siteHits++;
    if (req.url === '/guide') {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        '<html><head><title>Fallback</title><meta property="og:title" content="Return to learn &ndash; a guide"><meta name="description" content="Graded steps"><meta property="og:site_name" content="Guide Site"></head></html>',
      );
    }
    if (req.url?.startsWith('/go?')) return res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) }).end();
    if (req.url === '/broken') return res.writeHead(500, { 'content-type': 'text/html' }).end('<title>oops</title>');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  sitePort = (site.address() as AddressInfo).port;
  exempt = await startTestServer({ LINK_PREVIEW_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  strict = await startTestServer();
});

afterAll(async () => {
  await exempt?.dispose();
  await strict?.dispose();
  await new Promise<void>((r) => site.close(() => r()));
});

/** A member (with edit rights) of a fresh community on `server`. */
async function member(server: TestServer): Promise<ApiClient> {
  const c = new ApiClient(server.url, server.origin);
  await c.signup('Preview Member');
  await c.createCommunity('Previews');
  return c;
}

const previewPath = (url: string) => `/api/link-preview?url=${encodeURIComponent(url)}`;

describe('GET /api/link-preview', () => {
  it('returns the title, description and site name of an allowed page', async () => {
    const c = await member(exempt);
    const res = await c.request('GET', previewPath(`http://127.0.0.1:${sitePort}/guide`));
    expect(res.status).toBe(200);
    expect((await res.json()) as LinkPreviewDto).toEqual({
      url: `http://127.0.0.1:${sitePort}/guide`,
      title: 'Return to learn – a guide',
      description: 'Graded steps',
      siteName: 'Guide Site',
    });
  });

  it('refuses a local server on 127.0.0.1 when no host is exempt: 400, and nothing is fetched', async () => {
    const c = await member(strict);
    const before = siteHits;
    for (const url of [`http://127.0.0.1:${sitePort}/guide`, 'http://127.0.0.1/guide', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://localhost/']) {
      const res = await c.request('GET', previewPath(url));
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
    }
    expect(siteHits).toBe(before);
  });

  it('re-checks redirects: an allowed host redirecting to loopback (by name or address) is refused', async () => {
    const c = await member(exempt);
    for (const target of ['http://localhost/', 'http://127.0.0.2/', 'http://[::ffff:7f00:1]/', 'http://169.254.169.254/']) {
      const res = await c.request('GET', previewPath(`http://127.0.0.1:${sitePort}/go?${encodeURIComponent(target)}`));
      expect(res.status, target).toBe(400);
    }
  });

  it('answers clear errors, never a 500: bad input 400, a failing page 502', async () => {
    const c = await member(exempt);
    expect((await c.request('GET', '/api/link-preview')).status).toBe(400);
    expect((await c.request('GET', previewPath('ftp://example.org/'))).status).toBe(400);
    expect((await c.request('GET', previewPath('https://user:pw@example.org/'))).status).toBe(400);
    expect((await c.request('GET', previewPath('http://example.org:8080/'))).status).toBe(400);
    const broken = await c.request('GET', previewPath(`http://127.0.0.1:${sitePort}/broken`));
    expect(broken.status).toBe(502);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('bad_gateway');
  });

  it('is for members who can edit in some community: a signed-in user with none gets 403', async () => {
    const lone = new ApiClient(exempt.url, exempt.origin);
    await lone.signup('No Community');
    expect((await lone.request('GET', previewPath(`http://127.0.0.1:${sitePort}/guide`))).status).toBe(403);
    expect((await new ApiClient(exempt.url, exempt.origin).request('GET', previewPath('https://example.org/'))).status).toBe(401);
  });
});
