/**
 * File uploads end to end against the real server: the size limit (413, also without a Content-Length),
 * type detection by content (a PNG named .pdf is a PNG; HTML claiming to be a PNG is 415), SVG
 * neutralised and served so it cannot run, content-addressed storage in the data folder, and who may
 * upload (members who can edit) and read (members of a community that has the file; others get 404).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import type { FileDto } from '../../shared/api/files.ts';
import type { CommunityDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';

const MAX = 64 * 1024;

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let server: TestServer;
let host: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let community: CommunityDto;
let session: SessionDto;
let viewerUser: UserDto;

/** POSTs raw bytes as `client`, declaring `type` and naming the file `name`. */
function upload(client: ApiClient, body: BodyInit, type: string, name: string, sessionId = session.id): Promise<Response> {
  return fetch(`${server.url}/api/sessions/${sessionId}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, origin: server.origin, ...(client.cookie ? { cookie: client.cookie } : {}) },
    body,
    duplex: 'half',
  } as RequestInit);
}

function get(client: ApiClient, sha: string): Promise<Response> {
  return fetch(`${server.url}/api/files/${sha}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
}

beforeAll(async () => {
  server = await startTestServer({ MAX_UPLOAD_BYTES: String(MAX) });
  host = new ApiClient(server.url, server.origin);
  viewer = new ApiClient(server.url, server.origin);
  outsider = new ApiClient(server.url, server.origin);
  await host.signup('Hana Host');
  viewerUser = await viewer.signup('Vic Viewer');
  await outsider.signup('Otto Outsider');
  community = await host.createCommunity('Ward Managers', 'open');
  session = await host.createSession(community.id, 'Rota planning');
  await viewer.join(community.id);
  await host.setRole(community.id, viewerUser.id, 'viewer');
});

afterAll(async () => {
  await server?.dispose();
});

describe('uploads', () => {
  it('stores a PNG content-addressed in the data folder and serves it to members', async () => {
    const res = await upload(host, PNG, 'image/png', 'ward.png');
    expect(res.status).toBe(201);
    const dto = (await res.json()) as FileDto;
    expect(dto).toMatchObject({ mime: 'image/png', bytes: PNG.length, name: 'ward.png', url: `/api/files/${dto.sha256}` });
    const stored = path.join(server.dataDir, 'files', dto.sha256.slice(0, 2), dto.sha256.slice(2, 4), dto.sha256);
    expect(readFileSync(stored).equals(PNG)).toBe(true);

    const got = await get(host, dto.sha256);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^inline; filename="ward.png"/);
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    // Viewers are members too: they see the board's images.
    expect((await get(viewer, dto.sha256)).status).toBe(200);
    // The same content again is the same file.
    const again = (await (await upload(host, PNG, 'image/png', 'copy.png')).json()) as FileDto;
    expect(again.sha256).toBe(dto.sha256);
  });

  it('refuses a file over MAX_UPLOAD_BYTES with 413, with or without a Content-Length', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX)]);
    const res = await upload(host, big, 'image/png', 'big.png');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    // Streamed in chunks, so the server only finds out while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new Uint8Array(16 * 1024));
        controller.close();
      },
    });
    const chunked = await upload(host, stream, 'image/png', 'stream.png');
    expect(chunked.status).toBe(413);
    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([PNG, Buffer.alloc(MAX - PNG.length)]);
    expect((await upload(host, atLimit, 'image/png', 'exact.png')).status).toBe(201);
  });

  it('detects the type from the content: a PNG named .pdf is stored as a PNG', async () => {
    const res = await upload(host, PNG, 'application/pdf', 'report.pdf');
    expect(res.status).toBe(201);
    const dto = (await res.json()) as FileDto;
    expect(dto.mime).toBe('image/png');
    expect((await get(host, dto.sha256)).headers.get('content-type')).toBe('image/png');
  });

  it('refuses HTML that claims to be a PNG with 415', async () => {
    const res = await upload(host, '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>', 'image/png', 'innocent.png');
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('serves a PDF as an attachment', async () => {
    const dto = (await (await upload(host, PDF, 'application/octet-stream', 'Ward guide.pdf')).json()) as FileDto;
    expect(dto.mime).toBe('application/pdf');
    const got = await get(host, dto.sha256);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Ward guide.pdf"; filename*=UTF-8''Ward%20guide.pdf`);
  });

  it('neutralises an SVG with a script: stored without it, served sandboxed as an attachment', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><circle r="5"/></a><foreignObject><iframe src="https://evil.example"/></foreignObject></svg>`;
    const res = await upload(host, svg, 'image/svg+xml', 'logo.svg');
    expect(res.status).toBe(201);
    const dto = (await res.json()) as FileDto;
    expect(dto.mime).toBe('image/svg+xml');
    const got = await get(host, dto.sha256);
    const body = await got.text();
    expect(body).not.toMatch(/script|onload|javascript|alert|foreignObject|iframe/i);
    expect(body).toContain('<circle r="5"/>');
    expect(got.headers.get('content-type')).toBe('image/svg+xml');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    // What is on disk is the sanitised file.
    const stored = path.join(server.dataDir, 'files', dto.sha256.slice(0, 2), dto.sha256.slice(2, 4), dto.sha256);
    expect(readFileSync(stored, 'utf8')).toBe(body);
  });

  it('accepts multipart/form-data with a file field', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'text/plain' }), 'from-form.png');
    const res = await fetch(`${server.url}/api/sessions/${session.id}/files`, { method: 'POST', headers: { origin: server.origin, cookie: host.cookie }, body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ mime: 'image/png', name: 'from-form.png' });
  });

  it('lets only members who can edit upload, and only members read; others get 404', async () => {
    const dto = (await (await upload(host, PNG, 'image/png', 'private.png')).json()) as FileDto;
    expect((await upload(viewer, PNG, 'image/png', 'v.png')).status).toBe(403);
    expect((await upload(outsider, PNG, 'image/png', 'o.png')).status).toBe(404);
    expect((await upload(new ApiClient(server.url, server.origin), PNG, 'image/png', 'a.png')).status).toBe(401);

    expect((await get(outsider, dto.sha256)).status).toBe(404);
    expect((await get(outsider, 'f'.repeat(64))).status).toBe(404);
    expect((await get(host, 'not-a-sha')).status).toBe(404);
    expect((await get(new ApiClient(server.url, server.origin), dto.sha256)).status).toBe(401);

    // Once the outsider's own community has the same content, they may read it.
    const own = await outsider.createCommunity('Other ward', 'invite');
    const ownSession = await outsider.createSession(own.id, 'Theirs');
    expect((await upload(outsider, PNG, 'image/png', 'mine.png', ownSession.id)).status).toBe(201);
    const got = await get(outsider, dto.sha256);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('mine.png');
  });

  it('answers a repeated request with 304 and leaves no temporary files behind', async () => {
    const dto = (await (await upload(host, PNG, 'image/png', 'cached.png')).json()) as FileDto;
    const first = await get(host, dto.sha256);
    expect(first.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/files/${dto.sha256}`, { headers: { cookie: host.cookie, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const dir = path.join(server.dataDir, 'files', dto.sha256.slice(0, 2), dto.sha256.slice(2, 4));
    expect(existsSync(dir)).toBe(true);
  });
});
