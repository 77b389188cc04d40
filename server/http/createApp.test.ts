/**
 * The HTTP API end to end through `app.request()`, on a real in-memory SqliteStore: auth flow, request
 * guards (CSRF, content type, size), community visibility and roles, sessions and tickets, errors.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ERRORS } from '../../shared/api/errors.ts';
import { ROOM_NAME_PATTERN } from '../../shared/protocol/messages.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../log.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { AuthSessions } from '../auth/AuthSessions.ts';
import { TicketSigner } from '../auth/TicketSigner.ts';
import { LoginRateLimiter } from '../auth/LoginRateLimiter.ts';
import type { AuthEvents } from '../auth/AuthEvents.ts';
import { createApp } from './createApp.ts';
import { ROUTE_LIST } from './routeTable.ts';
import { CONTENT_SECURITY_POLICY } from './middleware/securityHeaders.ts';

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';

type Json = Record<string, any>;

/** Records what the collab layer would be told. */
class RecordingAuthEvents implements AuthEvents {
  loggedOut: string[] = [];
  changed: [string, string][] = [];
  userLoggedOut(userId: string) {
    this.loggedOut.push(userId);
  }
  membershipChanged(communityId: string, userId: string) {
    this.changed.push([communityId, userId]);
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function setup(env: Record<string, string> = {}) {
  const config = loadConfig({
    PORT: '3000',
    SCRYPT_LOG_N: '10',
    LOGIN_MAX_FAILURES: '3',
    CLIENT_DIST: path.join(tmpdir(), 'commonplace-no-such-dist'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const store = SqliteStore.open({ filename: ':memory:' });
  const sessions = new AuthSessions(store, config.sessionTtlMs);
  const tickets = new TicketSigner('t'.repeat(40), config.ticketTtlMs);
  const loginLimiter = new LoginRateLimiter(config, { pruneIntervalMs: 0 });
  const events = new RecordingAuthEvents();
  const app = createApp({ config, store, log: createLogger('silent'), sessions, tickets, loginLimiter, authEvents: events });
  cleanups.push(() => loginLimiter.stop(), () => store.close());

  /** Every response must carry the security headers, and every API error must be the JSON shape. */
  async function check(res: Response, url: string): Promise<Response> {
    expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    if (res.status >= 400 && new URL(url, 'http://x').pathname.startsWith('/api')) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.clone().json()) as Json;
      expect(Object.keys(body)).toEqual(['error']);
      expect(API_ERRORS[body.error.code as keyof typeof API_ERRORS], `${url} ${body.error.code}`).toBe(res.status);
      expect(typeof body.error.message).toBe('string');
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
    }
    return res;
  }

  /** A browser-like client with its own cookie jar that sends our Origin on writes. */
  function client() {
    const c = {
      token: null as string | null,
      async req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
        const h = new Headers(headers);
        if (body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json');
        if (c.token && !h.has('cookie')) h.set('cookie', `theme=dark; cp_session=${c.token}`);
        if (method !== 'GET' && !('origin' in headers)) h.set('origin', ORIGIN);
        if (headers.origin === '') h.delete('origin');
        const init: RequestInit = { method, headers: h };
        if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
        const res = await check(await app.request(url, init), url);
        const setCookie = res.headers.get('set-cookie');
        const m = setCookie?.match(/cp_session=([^;]*)/);
        if (m) c.token = m[1] && !/Max-Age=0/.test(setCookie!) ? m[1] : null;
        return res;
      },
      async json(method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> {
        const res = await c.req(method, url, body);
        return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Json) };
      },
      async signup(name: string, email = `${name.toLowerCase()}@example.org`) {
        const r = await c.json('POST', '/api/auth/signup', { name, email, password: PASSWORD });
        expect(r.status).toBe(201);
        return r.body.user as { id: string; email: string };
      },
    };
    return c;
  }

  return { app, config, store, tickets, events, client };
}

describe('auth', () => {
  it('signs up, reads /api/me, logs out, logs back in', async () => {
    const { client, events, config } = setup();
    const ada = client();
    const res = await ada.req('POST', '/api/auth/signup', { name: ' Ada ', email: 'Ada@Example.org', password: PASSWORD });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cp_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(config.sessionTtlMs / 1000).toBe(2592000);
    const { user } = (await res.json()) as Json;
    expect(user).toEqual({ id: expect.any(String), name: 'Ada', email: 'ada@example.org', color: expect.stringMatching(/^#/) });
    expect(user).not.toHaveProperty('passwordHash');

    expect(await ada.json('GET', '/api/me')).toEqual({ status: 200, body: { user } });

    const sessionToken = ada.token;
    expect((await ada.json('POST', '/api/auth/logout')).status).toBe(204);
    expect(ada.token).toBeNull();
    expect(events.loggedOut).toEqual([user.id]);
    expect((await ada.json('GET', '/api/me')).status).toBe(401);
    // The old cookie is dead server-side too, not only forgotten by this browser.
    ada.token = sessionToken;
    expect((await ada.json('GET', '/api/me')).status).toBe(401);

    const login = await ada.json('POST', '/api/auth/login', { email: 'ADA@example.org ', password: PASSWORD });
    expect(login).toEqual({ status: 200, body: { user } });
    expect(ada.token).not.toBe(sessionToken);
    expect((await ada.json('GET', '/api/me')).body.user.id).toBe(user.id);
  });

  it('logout without a session is a harmless 204', async () => {
    const { client, events } = setup();
    expect((await client().json('POST', '/api/auth/logout')).status).toBe(204);
    expect(events.loggedOut).toEqual([]);
  });

  it('refuses a second account with the same email (409), whatever its case', async () => {
    const { client } = setup();
    await client().signup('Ada', 'ada@example.org');
    const again = await client().json('POST', '/api/auth/signup', { name: 'Other', email: 'ADA@example.org', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('answers unknown email and wrong password identically', async () => {
    const { client } = setup();
    await client().signup('Ada');
    const wrong = await client().json('POST', '/api/auth/login', { email: 'ada@example.org', password: 'not the password' });
    const unknown = await client().json('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong).toEqual({ status: 401, body: { error: { code: 'unauthenticated', message: 'Email or password is incorrect' } } });
    expect(unknown).toEqual(wrong);
  });

  it('rate limits an account after N failures with 429 and Retry-After, even for the right password', async () => {
    const { client } = setup(); // LOGIN_MAX_FAILURES=3
    await client().signup('Ada');
    const c = client();
    for (let i = 0; i < 3; i++) {
      expect((await c.json('POST', '/api/auth/login', { email: 'ada@example.org', password: `guess-${i}` })).status).toBe(401);
    }
    const limited = await c.req('POST', '/api/auth/login', { email: 'ada@example.org', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await limited.json()) as Json).error.code).toBe('rate_limited');
    // Other accounts are unaffected.
    await client().signup('Bob');
    expect((await c.json('POST', '/api/auth/login', { email: 'bob@example.org', password: PASSWORD })).status).toBe(200);
  });

  it('limits per IP only from the socket address unless the proxy is trusted', async () => {
    const login = (app: ReturnType<typeof setup>['app'], i: number, xff: string) =>
      app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
          body: JSON.stringify({ email: `user${i}@example.org`, password: 'nope-nope' }),
        },
        { incoming: { socket: { remoteAddress: '10.0.0.1' } } },
      );
    // Untrusted: a varying X-Forwarded-For does not hide that all attempts come from 10.0.0.1 (limit 5×3).
    const direct = setup();
    for (let i = 0; i < 15; i++) expect((await login(direct.app, i, `203.0.113.${i}`)).status).toBe(401);
    expect((await login(direct.app, 99, '203.0.113.99')).status).toBe(429);
    // Trusted proxy: the address the proxy appended is the client.
    const proxied = setup({ TRUST_PROXY: 'true' });
    for (let i = 0; i < 16; i++) expect((await login(proxied.app, i, `198.51.100.7, 203.0.113.${i}`)).status).toBe(401);
  });

  it('marks the cookie Secure per SECURE_COOKIES, trusting X-Forwarded-Proto only behind a trusted proxy', async () => {
    const signup = async (env: Record<string, string>, url: string, headers: Record<string, string> = {}) => {
      const { app } = setup(env);
      const res = await app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'Ada', email: 'ada@example.org', password: PASSWORD }),
      });
      expect(res.status).toBe(201);
      return /; Secure/.test(res.headers.get('set-cookie')!);
    };
    expect(await signup({}, 'http://localhost/api/auth/signup')).toBe(false);
    expect(await signup({}, 'https://localhost/api/auth/signup')).toBe(true);
    expect(await signup({}, 'http://localhost/api/auth/signup', { 'x-forwarded-proto': 'https' })).toBe(false);
    expect(await signup({ TRUST_PROXY: 'true' }, 'http://localhost/api/auth/signup', { 'x-forwarded-proto': 'https' })).toBe(true);
    expect(await signup({ SECURE_COOKIES: 'true' }, 'http://localhost/api/auth/signup')).toBe(true);
    expect(await signup({ SECURE_COOKIES: 'false' }, 'https://localhost/api/auth/signup')).toBe(false);
  });
});

describe('request guards', () => {
  it('400 invalid_input names each bad field', async () => {
    const { client } = setup();
    const r = await client().json('POST', '/api/auth/signup', { name: '', email: 'not-an-email', password: 'short' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    const paths = (r.body.error.issues as { path: string; message: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['email', 'name', 'password']);
    expect(r.body.error.issues.find((i: Json) => i.path === 'password').message).toBe('Password must be at least 8 characters');

    const extra = await client().json('POST', '/api/auth/login', { email: 'a@b.c', password: 'x', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues[0].message).toMatch(/admin/);

    const notJson = await client().json('POST', '/api/auth/login', '{"email": ');
    expect(notJson.status).toBe(400);
    const empty = await client().json('POST', '/api/auth/login', '');
    expect(empty.status).toBe(400);
  });

  it('415 for bodies that are not JSON', async () => {
    const { client } = setup();
    const c = client();
    const form = await c.req('POST', '/api/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const text = await c.req('POST', '/api/auth/signup', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    // A body-less write to a route that needs a body is refused as well.
    const none = await c.req('POST', '/api/auth/login');
    expect(none.status).toBe(415);
    const ok = await c.req('POST', '/api/auth/login', { email: 'a@example.org', password: 'x' }, { 'content-type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(401);
  });

  it('413 for oversized bodies, declared or streamed', async () => {
    const { client } = setup();
    const big = JSON.stringify({ name: 'A', email: 'a@example.org', password: 'x'.repeat(70 * 1024) });
    const streamed = await client().req('POST', '/api/auth/signup', big);
    expect(streamed.status).toBe(413);
    const declared = await client().req('POST', '/api/auth/signup', big, { 'content-length': String(big.length) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as Json).error.code).toBe('payload_too_large');
  });

  it('cookie-authenticated writes need an allowed Origin (CSRF)', async () => {
    const { client } = setup();
    const ada = client();
    await ada.signup('Ada');
    const body = { name: 'Circle', domain: 'Design', visibility: 'open' };
    const missing = await ada.req('POST', '/api/communities', body, { origin: '' });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as Json).error.code).toBe('forbidden');
    expect((await ada.req('POST', '/api/communities', body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await ada.req('POST', '/api/communities', body, { origin: 'http://localhost:3000.evil.com' })).status).toBe(403);
    expect((await ada.req('POST', '/api/communities', body, { origin: 'null' })).status).toBe(403);
    expect((await ada.req('POST', '/api/auth/logout', undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await ada.json('GET', '/api/me')).status).toBe(200); // still signed in
    expect((await ada.req('POST', '/api/communities', body, { origin: ORIGIN })).status).toBe(201);
    expect((await ada.req('POST', '/api/communities', body, { origin: 'http://127.0.0.1:3000' })).status).toBe(201);
  });

  it('a foreign Origin cannot sign anyone in, even without a cookie', async () => {
    const { client } = setup();
    await client().signup('Ada');
    const res = await client().req('POST', '/api/auth/login', { email: 'ada@example.org', password: PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    // Non-browser clients without cookies may omit Origin.
    expect((await client().req('POST', '/api/auth/login', { email: 'ada@example.org', password: PASSWORD }, { origin: '' })).status).toBe(200);
  });

  it('security headers are on every response, errors are JSON, API responses are not cached', async () => {
    const { app, client } = setup();
    const c = client();
    for (const [method, url] of [
      ['GET', '/healthz'],
      ['GET', '/api/openapi.json'],
      ['GET', '/api/me'],
      ['GET', '/api/nope'],
      ['DELETE', '/api/me'],
      ['GET', '/some/page'],
    ] as const) {
      await c.req(method, url); // check() asserts the headers and the error shape
    }
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    expect((await c.req('GET', '/api/me')).headers.get('cache-control')).toBe('no-store');
    const notFound = await c.json('GET', '/api/nope');
    expect(notFound).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Not found' } } });
  });

  it('unexpected failures are a 500 JSON error without internals', async () => {
    const { client, store } = setup();
    const ada = client();
    await ada.signup('Ada');
    await store.close(); // every query now throws inside the handlers
    const r = await ada.json('GET', '/api/me');
    expect(r).toEqual({ status: 500, body: { error: { code: 'internal', message: expect.any(String) } } });
    expect(r.body.error.message).not.toMatch(/database|sqlite|connection/i);
  });
});

describe('route table', () => {
  it('every registered API route is in the table, and every table route is registered', () => {
    const { app } = setup();
    const registered = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api') || ['/healthz', '/readyz', '/metrics'].includes(r.path)))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(registered).toEqual(new Set(ROUTE_LIST.map((r) => `${r.method} ${r.path}`)));
  });

  it('every non-public route refuses an anonymous caller with 401', async () => {
    const { client } = setup();
    const anon = client();
    for (const route of ROUTE_LIST.filter((r) => r.access !== 'public')) {
      const url = route.path.replace(/:\w+/g, 'x');
      const res = await anon.req(route.method, url, route.method === 'GET' ? undefined : {});
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('serves an OpenAPI document listing every route with its body schema', async () => {
    const { client } = setup();
    const { status, body } = await client().json('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const r of ROUTE_LIST) expect(body.paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()].summary).toBe(r.summary);
    const signup = body.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema;
    expect(signup.required.sort()).toEqual(['email', 'name', 'password']);
    const setRole = body.paths['/api/communities/{id}/members/{userId}'].put;
    expect(setRole.parameters.map((p: Json) => p.name)).toEqual(['id', 'userId']);
    expect(setRole['x-access']).toBe('host');
  });
});

describe('communities', () => {
  async function world(env: Record<string, string> = {}) {
    const s = setup(env);
    const host = s.client();
    const member = s.client();
    const outsider = s.client();
    const ids = { host: (await host.signup('Hana')).id, member: (await member.signup('Mo')).id, outsider: (await outsider.signup('Otto')).id };
    return { ...s, host, member, outsider, ids };
  }

  it('creates a community with its creator as host and lists it in the directory', async () => {
    const { host, outsider } = await world();
    const created = await host.json('POST', '/api/communities', { name: ' UX Circle ', domain: 'Design research', visibility: 'open' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'UX Circle', domain: 'Design research', groundRules: '', visibility: 'open', memberCount: 1, myRole: 'host' });
    await host.json('POST', '/api/communities', { name: 'Secret', domain: 'x', visibility: 'invite' });

    const mine = await host.json('GET', '/api/communities');
    expect(mine.body.communities.map((c: Json) => c.name).sort()).toEqual(['Secret', 'UX Circle']);
    const theirs = await outsider.json('GET', '/api/communities');
    expect(theirs.body.communities).toEqual([{ ...created.body, myRole: null }]);
    expect((await outsider.json('GET', `/api/communities/${created.body.id}`)).body.myRole).toBeNull();
  });

  it('joins open communities idempotently and refuses joining invite-only ones', async () => {
    const { host, member } = await world();
    const open = (await host.json('POST', '/api/communities', { name: 'Open', domain: 'x', visibility: 'open' })).body;
    const first = await member.json('POST', `/api/communities/${open.id}/join`);
    expect(first).toMatchObject({ status: 200, body: { id: open.id, myRole: 'member', memberCount: 2 } });
    const again = await member.json('POST', `/api/communities/${open.id}/join`);
    expect(again).toEqual(first);
    // The host joining their own community stays host.
    expect((await host.json('POST', `/api/communities/${open.id}/join`)).body.myRole).toBe('host');

    const closed = (await host.json('POST', '/api/communities', { name: 'Closed', domain: 'x', visibility: 'invite' })).body;
    expect((await member.json('POST', `/api/communities/${closed.id}/join`)).status).toBe(403);
  });

  it('invite-only communities are 404 to non-members, exactly like a missing id', async () => {
    const { host, outsider } = await world();
    const secret = (await host.json('POST', '/api/communities', { name: 'Secret', domain: 'x', visibility: 'invite' })).body;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const suffix of ['', '/members', '/sessions']) {
      const a = await outsider.json('GET', `/api/communities/${secret.id}${suffix}`);
      const b = await outsider.json('GET', `/api/communities/${missing}${suffix}`);
      expect(a.status).toBe(404);
      expect(a).toEqual(b);
    }
    expect((await outsider.json('POST', `/api/communities/${secret.id}/invites`)).status).toBe(404);
    expect((await host.json('GET', `/api/communities/${secret.id}`)).status).toBe(200);
  });

  it('members-only lists refuse non-members of open communities', async () => {
    const { host, outsider } = await world();
    const open = (await host.json('POST', '/api/communities', { name: 'Open', domain: 'x', visibility: 'open' })).body;
    expect((await outsider.json('GET', `/api/communities/${open.id}/members`)).status).toBe(403);
    expect((await outsider.json('GET', `/api/communities/${open.id}/sessions`)).status).toBe(403);
  });

  it('hosts create invites; accepting one joins the community, once', async () => {
    const { host, member, outsider, store, ids } = await world();
    const secret = (await host.json('POST', '/api/communities', { name: 'Secret', domain: 'x', visibility: 'invite' })).body;
    const invite = await host.json('POST', `/api/communities/${secret.id}/invites`);
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(invite.body.url).toBe(`${ORIGIN}/invite/${invite.body.code}`);
    const days = (Date.parse(invite.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThanOrEqual(14);

    const accepted = await member.json('POST', `/api/invites/${invite.body.code}/accept`);
    expect(accepted).toMatchObject({ status: 200, body: { id: secret.id, myRole: 'member', memberCount: 2 } });
    expect((await member.json('GET', `/api/communities/${secret.id}`)).status).toBe(200);
    // The host accepting their own invite is not demoted.
    expect((await host.json('POST', `/api/invites/${invite.body.code}/accept`)).body.myRole).toBe('host');

    // Members who are not hosts cannot invite.
    expect((await member.json('POST', `/api/communities/${secret.id}/invites`)).status).toBe(403);

    expect((await outsider.json('POST', '/api/invites/AAAAAAAAAAAAAAAAAAAAAA/accept')).status).toBe(404);
    expect((await outsider.json('POST', '/api/invites/..%2F..%2Fetc/accept')).status).toBe(404);
    await store.createInvite({
      code: 'expiredexpiredexpired1',
      communityId: secret.id,
      createdBy: ids.host,
      createdAt: new Date(0).toISOString(),
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      role: 'member',
    });
    expect((await outsider.json('POST', '/api/invites/expiredexpiredexpired1/accept')).status).toBe(404);
    expect((await outsider.json('GET', `/api/communities/${secret.id}`)).status).toBe(404);
  });

  it('only hosts change roles; the last host cannot step down; changes notify the collab layer', async () => {
    const { host, member, outsider, ids, events } = await world();
    const c = (await host.json('POST', '/api/communities', { name: 'Open', domain: 'x', visibility: 'open' })).body;
    await member.json('POST', `/api/communities/${c.id}/join`);
    await outsider.json('POST', `/api/communities/${c.id}/join`);
    const url = (userId: string) => `/api/communities/${c.id}/members/${userId}`;

    expect((await member.json('PUT', url(ids.outsider), { role: 'viewer' })).status).toBe(403);
    expect((await member.json('PUT', url(ids.member), { role: 'host' })).status).toBe(403);
    expect((await host.json('PUT', url(ids.member), { role: 'owner' })).status).toBe(400);
    expect((await host.json('PUT', url('no-such-user'), { role: 'viewer' })).status).toBe(404);

    const demoteSelf = await host.json('PUT', url(ids.host), { role: 'member' });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.code).toBe('conflict');
    expect(events.changed).toEqual([]);

    const promoted = await host.json('PUT', url(ids.member), { role: 'facilitator' });
    expect(promoted).toEqual({
      status: 200,
      body: { userId: ids.member, name: 'Mo', color: expect.any(String), role: 'facilitator', joinedAt: expect.any(String) },
    });
    expect(events.changed).toEqual([[c.id, ids.member]]);
    // Setting the same role again changes nothing and tells no one.
    await host.json('PUT', url(ids.member), { role: 'facilitator' });
    expect(events.changed).toHaveLength(1);

    // With a second host, the first may step down.
    await host.json('PUT', url(ids.outsider), { role: 'host' });
    expect((await host.json('PUT', url(ids.host), { role: 'member' })).status).toBe(200);
    expect((await host.json('PUT', url(ids.member), { role: 'viewer' })).status).toBe(403);

    const members = await outsider.json('GET', `/api/communities/${c.id}/members`);
    expect(Object.fromEntries(members.body.members.map((m: Json) => [m.name, m.role]))).toEqual({ Hana: 'member', Mo: 'facilitator', Otto: 'host' });
  });
});

describe('sessions and tickets', () => {
  const sessionBody = { title: 'Show and tell', startsAt: '2026-03-01T17:00:00+01:00', format: 'presentation_qa' };

  async function community() {
    const s = setup();
    const host = s.client();
    const member = s.client();
    const outsider = s.client();
    await host.signup('Hana');
    const memberUser = await member.signup('Mo');
    await outsider.signup('Otto');
    const c = (await host.json('POST', '/api/communities', { name: 'Open', domain: 'x', visibility: 'open' })).body;
    await member.json('POST', `/api/communities/${c.id}/join`);
    return { ...s, host, member, outsider, c, memberUser };
  }

  it('members cannot schedule; hosts and facilitators can, with a server-made room name', async () => {
    const { host, member, outsider, c, memberUser } = await community();
    const url = `/api/communities/${c.id}/sessions`;
    expect((await member.json('POST', url, sessionBody)).status).toBe(403);
    expect((await outsider.json('POST', url, sessionBody)).status).toBe(403);

    const created = await host.json('POST', url, sessionBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      communityId: c.id,
      title: 'Show and tell',
      startsAt: '2026-03-01T16:00:00.000Z',
      durationMinutes: 60,
      format: 'presentation_qa',
    });
    expect(created.body.room).toMatch(/^s_[A-Za-z0-9_-]{16}$/);
    expect(created.body.room).toMatch(ROOM_NAME_PATTERN);

    await host.json('PUT', `/api/communities/${c.id}/members/${memberUser.id}`, { role: 'facilitator' });
    const byFacilitator = await member.json('POST', url, { ...sessionBody, durationMinutes: 90, format: 'workshop' });
    expect(byFacilitator.status).toBe(201);
    expect(byFacilitator.body.room).not.toBe(created.body.room);

    const bad = await host.json('POST', url, { ...sessionBody, startsAt: 'tomorrow', format: 'party', room: 'mine' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Json) => i.path).sort()).toEqual(['', 'format', 'startsAt']);

    const list = await member.json('GET', url);
    expect(list.body.sessions).toHaveLength(2);
  });

  it('a session is readable by members only; tickets carry the member role', async () => {
    const { host, member, outsider, c, tickets, memberUser } = await community();
    const session = (await host.json('POST', `/api/communities/${c.id}/sessions`, sessionBody)).body;

    const read = await member.json('GET', `/api/sessions/${session.id}`);
    expect(read).toMatchObject({ status: 200, body: { session, community: { id: c.id, myRole: 'member' }, myRole: 'member' } });
    expect((await outsider.json('GET', `/api/sessions/${session.id}`)).status).toBe(404);
    expect(await outsider.json('GET', `/api/sessions/${session.id}`)).toEqual(await outsider.json('GET', '/api/sessions/nope'));

    const ticket = await member.json('POST', `/api/sessions/${session.id}/ticket`);
    expect(ticket.status).toBe(200);
    expect(ticket.body.room).toBe(session.room);
    expect(Date.parse(ticket.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(tickets.verify(ticket.body.token)).toMatchObject({ userId: memberUser.id, room: session.room, role: 'member' });

    expect((await outsider.json('POST', `/api/sessions/${session.id}/ticket`)).status).toBe(404);
  });
});

describe('static client', () => {
  it('answers 503 with instructions when the client is not built', async () => {
    const { app } = setup();
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves files, caches hashed assets for long, falls back to index.html for app routes', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'commonplace-dist-'));
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Commonplace</title>');
    writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *');
    const { app } = setup({ CLIENT_DIST: dist });

    const asset = await app.request('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');

    const robots = await app.request('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('no-cache');

    for (const p of ['/', '/communities/123', '/invite/abc']) {
      const page = await app.request(p);
      expect(page.status, p).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(await page.text()).toContain('<title>Commonplace</title>');
    }

    expect((await app.request('/assets/missing.js')).status).toBe(404);
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    expect((await app.request('/collab/s_room')).status).toBe(404);
    expect((await app.request('/../../etc/passwd')).status).not.toBe(500);
  });
});
