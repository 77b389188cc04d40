import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApi, errorMessage, fieldErrors } from './http.ts';

/** A real HTTP server whose answers depend on the path, recording what each request carried. */
let server: Server;
let base = '';
const seen: { method: string; url: string; contentType?: string; body: string }[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    switch (req.url) {
      case '/ok':
        return json(200, { hello: 'world' });
      case '/echo':
        return json(201, { got: JSON.parse(body || 'null') });
      case '/empty':
        res.writeHead(204);
        return res.end();
      case '/invalid':
        return json(400, {
          error: { code: 'invalid_input', message: 'Check the form', issues: [{ path: 'email', message: 'Invalid email' }, { path: 'email', message: 'second' }, { bogus: 1 }] },
        });
      case '/conflict':
        return json(409, { error: { code: 'conflict', message: 'Email taken' } });
      case '/html':
        res.writeHead(502, { 'Content-Type': 'text/html' });
        return res.end('<h1>Bad gateway</h1>');
      default:
        return json(404, { error: { code: 'not_found', message: 'Nothing here' } });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('createApi', () => {
  it('returns the parsed JSON of a successful GET, without a body or content type', async () => {
    const api = createApi(base);
    await expect(api.get('/ok')).resolves.toEqual({ hello: 'world' });
    const req = seen.at(-1)!;
    expect(req.method).toBe('GET');
    expect(req.contentType).toBeUndefined();
  });

  it('sends writes as JSON, with an empty object when there is no body', async () => {
    const api = createApi(base);
    await expect(api.post('/echo', { a: 1 })).resolves.toEqual({ got: { a: 1 } });
    expect(seen.at(-1)!.contentType).toBe('application/json');
    await expect(api.put('/echo')).resolves.toEqual({ got: {} });
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', contentType: 'application/json', body: '{}' });
  });

  it('resolves undefined for 204', async () => {
    await expect(createApi(base).post('/empty')).resolves.toBeUndefined();
  });

  it('throws ApiError with code, message, status and well-formed issues', async () => {
    const err = await createApi(base).post('/invalid', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect([e.status, e.code, e.message]).toEqual([400, 'invalid_input', 'Check the form']);
    expect(e.issues).toEqual([
      { path: 'email', message: 'Invalid email' },
      { path: 'email', message: 'second' },
    ]);
    expect(fieldErrors(e)).toEqual({ email: 'Invalid email' });
  });

  it('maps a non-JSON error body to a code from the status', async () => {
    const e = (await createApi(base).get('/html').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(502);
    // 502 is one of our codes (bad_gateway: a failed link preview), so a proxy's 502 reads as that too.
    expect(e.code).toBe('bad_gateway');
    expect(e.message).toMatch(/502/);
  });

  it('reports an unreachable server as a network error', async () => {
    const e = (await createApi('http://127.0.0.1:1').get('/ok').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code]).toEqual([0, 'network']);
  });

  it('lets an aborted request reject with the abort, not a network ApiError', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const e = await createApi(base).get('/ok', ctl.signal).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(ApiError);
    expect((e as Error).name).toBe('AbortError');
  });
});

describe('errorMessage / fieldErrors', () => {
  it('never leaks non-API errors to people', () => {
    expect(errorMessage(new TypeError('x is undefined'))).toBe('Something went wrong. Please try again.');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
