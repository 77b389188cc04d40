/**
 * Export and import end to end (issue 3, item 5): a community whose sessions were written by stock
 * y-websocket clients (agenda, rich notes, every board item type, uploaded files), with tags, pins and
 * a series, is exported as a zip and imported into a SECOND server with its own data folder; every
 * session's decoded content (extractContent, and the Yjs JSON of agenda, notes, board and meta) is
 * equal. Hostile zips (oversized or lying entries, path tricks, bad manifests, an unknown version)
 * are refused with 400/413 and create nothing; a write failure mid-import leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync } from '../helpers/yclient.ts';
import type { CommunityDto, SessionDto } from '../../shared/api/schemas.ts';
import type { FileDto } from '../../shared/api/files.ts';
import type { CommunityManifest, ImportResultDto } from '../../shared/api/exportSchemas.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import { getAgenda, getBoard, getMeta, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { applyAll } from '../../server/collab/Room.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MAX_UPLOAD = 256 * 1024;

let a: TestServer;
let b: TestServer;
let host: ApiClient;
let member: ApiClient;
let importer: ApiClient;
let community: CommunityDto;
let sessions: SessionDto[];
let zip: Uint8Array;

function raw(client: ApiClient, server: TestServer, path: string, body: BodyInit, type: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, origin: server.origin, cookie: client.cookie },
    body,
    duplex: 'half',
  } as RequestInit);
}

async function upload(sessionId: string, bytes: Buffer, name: string): Promise<FileDto> {
  const res = await raw(host, a, `/api/sessions/${sessionId}/files?name=${encodeURIComponent(name)}`, new Uint8Array(bytes), 'application/octet-stream');
  expect(res.status).toBe(201);
  return (await res.json()) as FileDto;
}

/** Writes a session's agenda, notes and board through a stock y-websocket client, waiting until stored. */
async function writeSession(client: ApiClient, session: SessionDto, n: number, files: { png: FileDto; pdf: FileDto }): Promise<void> {
  const { token } = await client.ticket(session.id);
  const y = connectClient(a.url, session.room, { token });
  await waitForSync(y);
  const { doc } = y;
  doc.transact(() => {
    getAgenda(doc).push([
      toYMap({ id: `ag-${n}-1`, title: `Welcome ${n}`, minutes: 5, owner: 'Ann Åberg', done: true, createdBy: 'someone' }),
      toYMap({ id: `ag-${n}-2`, title: 'Case *review*', minutes: 25, owner: 'Bo', done: false, createdBy: 'someone' }),
    ]);
    getMeta(doc).set('currentAgendaItem', `ag-${n}-2`);
    const notes = getNotes(doc);
    const el = (name: string, attrs: Record<string, string | boolean | number> = {}, ...children: (Y.XmlElement | Y.XmlText)[]) => {
      const e = new Y.XmlElement(name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
      e.insert(0, children);
      return e;
    };
    const text = (...runs: [string, Record<string, unknown>?][]) => {
      const t = new Y.XmlText();
      let at = 0; // a prelim type's length cannot be read before it is in a document
      for (const [s, marks] of runs) {
        t.insert(at, s, marks ?? {});
        at += s.length;
      }
      return t;
    };
    notes.insert(0, [
      el('heading', { level: 1 }, text([`Session ${n} summary`])),
      el('paragraph', {}, text(['Plain, ', {}], ['bold', { bold: true }], [' and ', {}], ['a link', { link: { href: 'https://example.org/guide' } }])),
      el('bulletList', {}, el('listItem', {}, el('paragraph', {}, text(['first point'])))),
      el('taskList', {}, el('taskItem', { checked: true }, el('paragraph', {}, text(['done task'])))),
      el('blockquote', {}, el('paragraph', {}, text(['a quote']))),
      el('codeBlock', { language: 'ts' }, text(['const x = 1;'])),
    ]);
    const board = getBoard(doc);
    // createdBy '' names nobody: a client may not name someone else as an item's author (SPEC R18).
    const item = (id: string, fields: object) => board.set(id, toYMap({ id, x: 0, y: 0, w: 200, h: 160, z: 1, createdBy: '', createdAt: 1, ...fields }));
    item('sticky', { type: 'sticky', text: `Idea ${n}`, color: '#caffbf' });
    item('text', { type: 'text', text: 'Heading text', x: 300 });
    item('shape', { type: 'shape', shape: 'ellipse', text: 'Decide', x: 600 });
    item('link', { type: 'link', text: 'The guide', url: 'https://example.org/guide', y: 300 });
    item('connector', { type: 'connector', from: 'sticky', to: 'shape', fromAnchor: 'right', toAnchor: 'auto', strokeWidth: 2, color: '#1d4ed8' });
    item('stroke', { type: 'stroke', points: [0, 0, 0.5, 10, 10, 0.5, 20, 5, 0.5], strokeWidth: 4, x: 50, y: 600 });
    item('frame', { type: 'frame', text: 'Round 1', x: -100, y: -100, w: 1200, h: 1000, z: 0 });
    item('image', { type: 'image', text: 'ward.png', sha256: files.png.sha256, mime: 'image/png', bytes: files.png.bytes, y: 700 });
    item('file', { type: 'file', text: 'report.pdf', sha256: files.pdf.sha256, mime: 'application/pdf', bytes: files.pdf.bytes, x: 400, y: 700 });
  });
  // Stored once the server has it (D = 0): the content API (store or live room) shows it all.
  await waitFor(() => y.provider.wsconnected, 5000, 'connected');
  const deadline = Date.now() + 5000;
  for (;;) {
    const content = await client.json<SessionContent>('GET', `/api/sessions/${session.id}/content`);
    if (content.board.length === 9 && content.agenda.length >= 2) break;
    if (Date.now() > deadline) throw new Error('session content was not stored');
    await new Promise((r) => setTimeout(r, 50));
  }
  y.destroy();
}

/** The room's stored document as Yjs JSON, per part. */
async function storedJson(server: TestServer, room: string) {
  const stored = await server.store.loadDoc(room);
  const doc = new Y.Doc();
  applyAll(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
  const out = { agenda: getAgenda(doc).toJSON(), notes: getNotes(doc).toJSON(), board: getBoard(doc).toJSON(), meta: getMeta(doc).toJSON() };
  doc.destroy();
  return out;
}

async function importZip(client: ApiClient, server: TestServer, body: Uint8Array): Promise<Response> {
  return raw(client, server, '/api/communities/import', body as Uint8Array<ArrayBuffer>, 'application/zip');
}

beforeAll(async () => {
  a = await startTestServer({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
  b = await startTestServer({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
  host = new ApiClient(a.url, a.origin);
  member = new ApiClient(a.url, a.origin);
  importer = new ApiClient(b.url, b.origin);
  await host.signup('Hana Host');
  await member.signup('Mo Member');
  await importer.signup('Ida Importer');
  community = await host.json<CommunityDto>('POST', '/api/communities', { name: 'School Nurses Network', domain: 'Health in schools', groundRules: 'Be kind; share cases anonymously.', visibility: 'invite' });
  const invite = await host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {});
  await member.json('POST', `/api/invites/${invite.code}/accept`, {});
  await host.json('POST', `/api/communities/${community.id}/series`, {
    title: 'Power Hour', rule: 'FREQ=MONTHLY;BYDAY=1MO', timeZone: 'Europe/Berlin', startDate: '2026-01-01', startTime: '16:00', format: 'open_discussion',
  });
  await host.createSession(community.id, 'Mentoring Monday');
  await host.createSession(community.id, 'Concussion protocols');
  sessions = (await host.json<{ sessions: SessionDto[] }>('GET', `/api/communities/${community.id}/sessions`)).sessions;
  expect(sessions.length).toBeGreaterThanOrEqual(5);
  const png = await upload(sessions[0].id, PNG, 'ward.png');
  const pdf = await upload(sessions[0].id, PDF, 'report.pdf');
  const written = sessions.filter((s) => !s.seriesId).concat(sessions.filter((s) => s.seriesId).slice(0, 1));
  for (const [i, s] of written.entries()) await writeSession(i % 2 ? member : host, s, i, { png, pdf });
  await host.json('PUT', `/api/sessions/${written[0].id}/tags`, { tags: ['Onboarding', 'cases'] });
  await host.json('PUT', `/api/sessions/${written[1].id}/tags`, { tags: ['protocols'] });
  await member.json('POST', `/api/communities/${community.id}/pins`, { sessionId: written[0].id, kind: 'board', itemId: 'sticky' });
  const content = await host.json<SessionContent>('GET', `/api/sessions/${written[1].id}/content`);
  await host.json('POST', `/api/communities/${community.id}/pins`, { sessionId: written[1].id, kind: 'notes', itemId: content.notes[1].id });

  const res = await fetch(`${a.url}/api/communities/${community.id}/export.zip`, { headers: { cookie: host.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="school-nurses-network-\d{4}-\d{2}-\d{2}\.zip"/);
  zip = new Uint8Array(await res.arrayBuffer());
}, 60_000);

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
});

describe('community export', () => {
  it('holds a versioned manifest, one Markdown file per session and the boards’ files', () => {
    const entries = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as CommunityManifest;
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.community).toEqual({ name: 'School Nurses Network', domain: 'Health in schools', groundRules: 'Be kind; share cases anonymously.', visibility: 'invite' });
    expect(manifest.sessions).toHaveLength(sessions.length);
    expect(manifest.series).toHaveLength(1);
    expect(manifest.pins).toHaveLength(2);
    expect(manifest.files.map((f) => f.mime).sort()).toEqual(['application/pdf', 'image/png']);
    for (const f of manifest.files) expect(entries[`files/${f.sha256}`]).toBeDefined();
    const md = Object.keys(entries).filter((n) => n.startsWith('sessions/'));
    expect(md).toHaveLength(sessions.length);
    for (const s of manifest.sessions) expect(entries[s.markdown]).toBeDefined();
    const mentoring = new TextDecoder().decode(entries[manifest.sessions.find((s) => s.schedule.title === 'Mentoring Monday')!.markdown]);
    expect(mentoring).toContain('# Mentoring Monday');
    expect(mentoring).toContain('[The guide](https://example.org/guide)');
    expect(mentoring).toMatch(/\[report\.pdf\]\(\.\.\/files\/[0-9a-f]{64}\)/);
  });

  it('is for hosts only', async () => {
    const res = await fetch(`${a.url}/api/communities/${community.id}/export.zip`, { headers: { cookie: member.cookie } });
    expect(res.status).toBe(403);
  });
});

describe('session exports', () => {
  it('serves a session as Markdown with a file name', async () => {
    const s = sessions.find((x) => x.title === 'Mentoring Monday')!;
    const res = await fetch(`${a.url}/api/sessions/${s.id}/export.md`, { headers: { cookie: member.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="\d{4}-\d{2}-\d{2}-mentoring-monday\.md"/);
    const md = await res.text();
    expect(md).toContain('## Agenda');
    expect(md).toMatch(/1\. ✓ Welcome \d \(5 min, owner: Ann Åberg\)/);
    expect(md).toContain('[a link](https://example.org/guide)');
    expect(md).toContain('- [x] done task');
  });

  it('serves the board as an SVG that cannot run scripts, with images embedded', async () => {
    const s = sessions.find((x) => x.title === 'Mentoring Monday')!;
    const res = await fetch(`${a.url}/api/sessions/${s.id}/board.svg`, { headers: { cookie: host.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('href="data:image/png;base64,');
    expect(svg).not.toMatch(/<script|onload=/i);
  });
});

describe('import into another server', () => {
  let result: ImportResultDto;
  beforeAll(async () => {
    const res = await importZip(importer, b, zip);
    expect(res.status, await res.clone().text()).toBe(201);
    result = (await res.json()) as ImportResultDto;
  }, 30_000);

  it('creates a new community hosted by the importer, with the same description', async () => {
    const got = await importer.json<CommunityDto>('GET', `/api/communities/${result.communityId}`);
    expect(got).toMatchObject({ name: community.name, domain: community.domain, groundRules: community.groundRules, visibility: 'invite', myRole: 'host', memberCount: 1 });
    expect(result).toMatchObject({ sessions: sessions.length, files: 2, pins: 2, series: 1 });
  });

  it('reproduces every session: schedule, tags, and content equal when decoded', async () => {
    const imported = (await importer.json<{ sessions: SessionDto[] }>('GET', `/api/communities/${result.communityId}/sessions`)).sessions;
    const key = (s: SessionDto) => `${s.startsAt}|${s.title}`;
    const byKey = new Map(imported.map((s) => [key(s), s]));
    for (const s of sessions) {
      const t = byKey.get(key(s));
      expect(t, `session ${s.title} at ${s.startsAt}`).toBeDefined();
      expect(t!.id).not.toBe(s.id);
      expect(t!.room).not.toBe(s.room);
      expect({ d: t!.durationMinutes, f: t!.format, series: !!t!.seriesId }).toEqual({ d: s.durationMinutes, f: s.format, series: !!s.seriesId });
      const [ca, cb] = await Promise.all([host.json<SessionContent>('GET', `/api/sessions/${s.id}/content`), importer.json<SessionContent>('GET', `/api/sessions/${t!.id}/content`)]);
      expect(cb).toEqual(ca);
      expect(await storedJson(b, t!.room)).toEqual(await storedJson(a, s.room));
      const [ta, tb] = await Promise.all([host.json<{ tags: string[] }>('GET', `/api/sessions/${s.id}/tags`), importer.json<{ tags: string[] }>('GET', `/api/sessions/${t!.id}/tags`)]);
      expect(tb).toEqual(ta);
      const [ma, mb] = await Promise.all([
        fetch(`${a.url}/api/sessions/${s.id}/export.md`, { headers: { cookie: host.cookie } }).then((r) => r.text()),
        fetch(`${b.url}/api/sessions/${t!.id}/export.md`, { headers: { cookie: importer.cookie } }).then((r) => r.text()),
      ]);
      expect(mb).toBe(ma);
    }
    const written = (await host.json<SessionContent>('GET', `/api/sessions/${sessions.find((x) => x.title === 'Mentoring Monday')!.id}/content`)).board;
    expect(new Set(written.map((i) => i.type))).toEqual(new Set(['sticky', 'text', 'shape', 'link', 'connector', 'stroke', 'frame', 'image', 'file']));
  });

  it('brings the series, the pins (remapped) and the files', async () => {
    const [sa, sb] = await Promise.all([
      host.json<{ series: { title: string; rule: string; timeZone: string; startDate: string; startTime: string; format: string }[] }>('GET', `/api/communities/${community.id}/series`),
      importer.json<{ series: { title: string; rule: string; timeZone: string; startDate: string; startTime: string; format: string }[] }>('GET', `/api/communities/${result.communityId}/series`),
    ]);
    const pick = (s: (typeof sa.series)[number]) => ({ title: s.title, rule: s.rule, timeZone: s.timeZone, startDate: s.startDate, startTime: s.startTime, format: s.format });
    expect(sb.series.map(pick)).toEqual(sa.series.map(pick));

    type Pin = { sessionId: string; sessionTitle: string; kind: string; itemId: string; excerpt: string; anchor?: string };
    const [pa, pb] = await Promise.all([
      host.json<{ pins: Pin[] }>('GET', `/api/communities/${community.id}/pins`),
      importer.json<{ pins: Pin[] }>('GET', `/api/communities/${result.communityId}/pins`),
    ]);
    const pinKey = (p: Pin) => ({ sessionTitle: p.sessionTitle, kind: p.kind, itemId: p.itemId, excerpt: p.excerpt, anchor: p.anchor });
    expect(pb.pins.map(pinKey).sort((x, y) => x.itemId.localeCompare(y.itemId))).toEqual(pa.pins.map(pinKey).sort((x, y) => x.itemId.localeCompare(y.itemId)));
    const importedIds = new Set((await importer.json<{ sessions: SessionDto[] }>('GET', `/api/communities/${result.communityId}/sessions`)).sessions.map((s) => s.id));
    for (const p of pb.pins) expect(importedIds.has(p.sessionId)).toBe(true);

    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])) as CommunityManifest;
    for (const f of manifest.files) {
      const got = await fetch(`${b.url}/api/files/${f.sha256}`, { headers: { cookie: importer.cookie } });
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(unzipSync(zip)[`files/${f.sha256}`]))).toBe(true);
    }
  });
});

describe('hostile imports create nothing', () => {
  const manifestOf = () => JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])) as CommunityManifest;
  const withEntries = (over: Zippable, drop: string[] = []) => {
    const entries: Zippable = { ...unzipSync(zip) };
    for (const d of drop) delete entries[d];
    return zipSync({ ...entries, ...over });
  };
  const communities = async () => (await importer.json<{ communities: { id: string }[] }>('GET', '/api/communities')).communities.length;

  async function expectRefused(body: Uint8Array, status: number, message?: RegExp) {
    const before = await communities();
    const res = await importZip(importer, b, body);
    const text = await res.text();
    expect(res.status, text).toBe(status);
    if (message) expect((JSON.parse(text) as { error: { message: string } }).error.message).toMatch(message);
    expect(await communities()).toBe(before);
  }

  it('refuses what is not a zip', async () => {
    await expectRefused(strToU8('just text'), 400, /not a readable zip/);
  });

  it('refuses an entry over the size limit (declared), before inflating it', async () => {
    await expectRefused(withEntries({ [`files/${'0'.repeat(64)}`]: new Uint8Array(MAX_UPLOAD + 1) }), 413, /larger than/);
  });

  it('refuses an entry that lies about its size (a zip bomb reads as truncated, damaged content)', async () => {
    const bomb = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifestOf()) + ' '.repeat(1_000_000)) });
    // Declare the manifest as 100 bytes in the local and central headers.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    await expectRefused(bomb, 400, /not valid JSON/);
  });

  it('refuses path tricks and names the format does not have', async () => {
    for (const name of ['../evil.md', '/etc/passwd', 'files/../../x', 'sessions/../../escape.md', 'sessions\\..\\x.md', 'notes.txt']) {
      await expectRefused(withEntries({ [name]: strToU8('x') }), 400, /entry this format does not have/);
    }
  });

  it('refuses an unknown format version with a clear message', async () => {
    await expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify({ ...manifestOf(), formatVersion: 99 })) }), 400, /format version 99; this server reads version 1/);
  });

  it('refuses a manifest that does not match the format, naming the problem', async () => {
    const m = manifestOf() as unknown as Record<string, unknown>;
    const bad = { ...m, extra: true, community: { name: '', domain: 'x', visibility: 'secret' } };
    const res = await importZip(importer, b, withEntries({ 'manifest.json': strToU8(JSON.stringify(bad)) }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['community.name', 'community.visibility']));
    await expectRefused(withEntries({}, ['manifest.json']), 400, /no manifest\.json/);
  });

  it('refuses files that are missing, damaged or not what the manifest says', async () => {
    const m = manifestOf();
    const png = m.files.find((f) => f.mime === 'image/png')!;
    await expectRefused(withEntries({}, [`files/${png.sha256}`]), 400, /lacks files\//);
    await expectRefused(withEntries({ [`files/${png.sha256}`]: strToU8('<html>not a png</html>') }), 400, /does not have that sha256/);
    const lying = { ...m, files: m.files.map((f) => (f.sha256 === png.sha256 ? { ...f, mime: 'application/pdf' as const } : f)) };
    await expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify(lying)) }), 415);
  });

  it('refuses broken links between the manifest’s parts', async () => {
    const m = manifestOf();
    const orphanPin = { ...m, pins: [{ ...m.pins[0], sessionId: 'nope' }] };
    await expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify(orphanPin)) }), 400, /pin belongs to a session/);
  });

  it('leaves nothing half-imported when a write fails part-way', async () => {
    const store = b.store as unknown as { addPin: (...args: unknown[]) => Promise<unknown> };
    const original = store.addPin;
    store.addPin = async () => {
      throw new Error('disk full');
    };
    try {
      const before = await communities();
      const rooms = (await b.store.listRooms()).length;
      const res = await importZip(importer, b, zip);
      expect(res.status).toBe(500);
      expect(await communities()).toBe(before);
      // The rooms written before the failure are gone with their sessions.
      expect((await b.store.listRooms()).length).toBe(rooms);
    } finally {
      store.addPin = original;
    }
  });
});
