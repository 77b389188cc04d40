/**
 * Export and import end to end (issue 3, item 5): a community whose sessions were written by stock
 * y-websocket clients (agenda, rich notes, every board item type, uploaded files), with tags, pins and
 * a series, is exported as a zip and imported into a SECOND server with its own data folder; every
 * session's decoded content (extractContent, and the Yjs JSON of agenda, notes, board and meta) is
 * equal, and so are the library's direct additions, the end-of-session summaries, the carry-forward
 * claims and the timeline versions (format version 2); a version 1 export still imports. Hostile zips (oversized or lying entries, path tricks, bad manifests, an unknown version)
 * are refused with 400/413 and create nothing; a write failure mid-import leaves nothing behind.
 */
import { createHash } from 'node:crypto';
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
import { packState, unpackState } from '../../server/versions/versionState.ts';
import type { SessionSummary } from '../../shared/knowledge/actions.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MAX_UPLOAD = 256 * 1024;
/** The importing server's document cap (a version entry over it is refused before it is inflated). */
const MAX_DOC = 1024 * 1024;
const VERSION_AT = '2026-03-02T10:15:00.000Z';
const CARRIED_AT = '2026-03-09T08:00:00.000Z';

let a: TestServer;
let b: TestServer;
let host: ApiClient;
let member: ApiClient;
let importer: ApiClient;
let community: CommunityDto;
let sessions: SessionDto[];
let zip: Uint8Array;
/** The sessions written to, and the series sessions (oldest first). */
let written: SessionDto[];
let seriesSessions: SessionDto[];

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
  b = await startTestServer({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD), MAX_DOC_BYTES: String(MAX_DOC) });
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
  seriesSessions = sessions.filter((s) => s.seriesId).sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  written = sessions.filter((s) => !s.seriesId).concat(seriesSessions.slice(0, 1));
  for (const [i, s] of written.entries()) await writeSession(i % 2 ? member : host, s, i, { png, pdf });
  await host.json('PUT', `/api/sessions/${written[0].id}/tags`, { tags: ['Onboarding', 'cases'] });
  await host.json('PUT', `/api/sessions/${written[1].id}/tags`, { tags: ['protocols'] });
  await member.json('POST', `/api/communities/${community.id}/pins`, { sessionId: written[0].id, kind: 'board', itemId: 'sticky' });
  const content = await host.json<SessionContent>('GET', `/api/sessions/${written[1].id}/content`);
  await host.json('POST', `/api/communities/${community.id}/pins`, { sessionId: written[1].id, kind: 'notes', itemId: content.notes[1].id });
  // Format version 2's parts: direct additions (one also on the boards), a summary, a claim, a version.
  await member.json('POST', `/api/communities/${community.id}/resources`, { url: 'https://Direct.example/handbook?utm_source=mail', title: 'Handbook', note: 'Chapter 3' });
  await host.json('POST', `/api/communities/${community.id}/resources`, { url: 'https://example.org/guide', title: 'Guide', note: 'Start here' });
  await host.json('POST', `/api/sessions/${written[0].id}/end`, {});
  await a.store.actions.claimCarryForward(seriesSessions[1].id, seriesSessions[0].id, CARRIED_AT);
  const stored = await a.store.loadDoc(written[0].room);
  const doc = new Y.Doc();
  applyAll(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
  const state = await packState(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  await a.store.versions.addVersion({ id: 'v-explicit', sessionId: written[0].id, takenAt: VERSION_AT, state, bytes: state.byteLength });

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
    expect(manifest.formatVersion).toBe(2);
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
    // Direct additions by name only (accounts are not exported), summaries, claims and versions.
    expect(manifest.resources.map((r) => ({ url: r.url, by: r.addedByName, note: r.note }))).toEqual([
      { url: 'https://direct.example/handbook', by: 'Mo Member', note: 'Chapter 3' },
      { url: 'https://example.org/guide', by: 'Hana Host', note: 'Start here' },
    ]);
    const first = manifest.sessions.find((s) => s.id === written[0].id)!;
    expect(first.summary).toMatchObject({ title: written[0].title, endedBy: 'facilitator' });
    expect(first.summary).not.toHaveProperty('sessionId');
    expect(first.versions).toContainEqual({ takenAt: VERSION_AT, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const s of manifest.sessions) for (const v of s.versions) expect(entries[`versions/${v.sha256}`]).toBeDefined();
    expect(manifest.sessions.find((s) => s.id === seriesSessions[1].id)!.carriedForward).toEqual({ fromSessionId: seriesSessions[0].id, at: CARRIED_AT });
    expect(JSON.stringify(manifest)).not.toContain('valuable'); // no feedback check-ins
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
    expect(result).toMatchObject({ sessions: sessions.length, files: 2, pins: 2, series: 1, resources: 2, summaries: 1 });
    expect(result.versions).toBeGreaterThanOrEqual(1);
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

  /** The imported session that has `s`'s title and start. */
  async function importedOf(s: SessionDto): Promise<SessionDto> {
    const imported = (await importer.json<{ sessions: SessionDto[] }>('GET', `/api/communities/${result.communityId}/sessions`)).sessions;
    return imported.find((t) => t.startsAt === s.startsAt && t.title === s.title)!;
  }

  it('brings the library’s direct additions, owned by the importer, with their notes and times', async () => {
    const [da, db] = await Promise.all([a.store.resources.listDirect(community.id), b.store.resources.listDirect(result.communityId)]);
    const { user: me } = await importer.json<{ user: { id: string } }>('GET', '/api/me');
    const pick = (r: (typeof da)[number]) => ({ key: r.key, url: r.url, title: r.title, note: r.note, addedAt: r.addedAt });
    expect(db.map(pick)).toEqual(da.map(pick));
    expect(new Set(db.map((r) => r.addedByName))).toEqual(new Set(['Ida Importer']));
    expect(db.every((r) => r.addedBy === me.id)).toBe(true);
    type Listing = { resources: { url: string; title: string; note?: string; count: number }[] };
    const lib = await importer.json<Listing>('GET', `/api/communities/${result.communityId}/resources`);
    expect(lib.resources.find((r) => r.url === 'https://direct.example/handbook')).toMatchObject({ title: 'Handbook', note: 'Chapter 3' });
  });

  it('brings each end-of-session summary, frozen, under the new session', async () => {
    for (const s of sessions) {
      const t = await importedOf(s);
      const [sa, sb] = await Promise.all([
        host.json<{ summary: SessionSummary | null }>('GET', `/api/sessions/${s.id}/summary`),
        importer.json<{ summary: SessionSummary | null }>('GET', `/api/sessions/${t.id}/summary`),
      ]);
      if (!sa.summary) {
        expect(sb.summary).toBeNull();
        continue;
      }
      expect(sb.summary).toEqual({ ...sa.summary, sessionId: t.id, communityId: result.communityId });
    }
    expect((await importer.json<{ summary: SessionSummary | null }>('GET', `/api/sessions/${(await importedOf(written[0])).id}/summary`)).summary).not.toBeNull();
  });

  it('keeps the carry-forward claim, remapped, so the imported series does not carry again', async () => {
    const [from, into] = await Promise.all([importedOf(seriesSessions[0]), importedOf(seriesSessions[1])]);
    expect(await b.store.actions.getCarryForward(into.id)).toEqual({ fromSessionId: from.id, at: CARRIED_AT });
    expect(await b.store.actions.claimCarryForward(into.id, from.id, new Date().toISOString())).toBe(false);
  });

  it('brings the timeline: every exported version, its time and its decoded document', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])) as CommunityManifest;
    const entries = unzipSync(zip);
    const decoded = (state: Uint8Array) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      const out = { agenda: getAgenda(doc).toJSON(), notes: getNotes(doc).toJSON(), board: getBoard(doc).toJSON(), meta: getMeta(doc).toJSON() };
      doc.destroy();
      return out;
    };
    let checked = 0;
    for (const s of sessions) {
      const exported = manifest.sessions.find((m) => m.id === s.id)!;
      const t = await importedOf(s);
      const got = await b.store.versions.listVersions(t.id);
      expect(got.map((v) => v.takenAt)).toEqual(exported.versions.map((v) => v.takenAt));
      for (const [i, v] of got.entries()) {
        const stored = (await b.store.versions.getVersion(t.id, v.id))!;
        expect(decoded(await unpackState(stored.state))).toEqual(decoded(entries[`versions/${exported.versions[i].sha256}`]));
        checked++;
      }
    }
    // The version taken on the first server decodes to the same document there and here.
    const original = (await a.store.versions.getVersion(written[0].id, 'v-explicit'))!;
    const t = await importedOf(written[0]);
    const mine = (await b.store.versions.versionAtOrBefore(t.id, VERSION_AT))!;
    expect(mine.takenAt).toBe(VERSION_AT);
    expect(decoded(await unpackState(mine.state))).toEqual(decoded(await unpackState(original.state)));
    expect(checked).toBeGreaterThanOrEqual(1);
  });
});

describe('format version 1 exports', () => {
  /** The current zip as the first exporter wrote it: no direct additions, summaries, claims or versions. */
  function asVersion1(extra: (m: Record<string, unknown>) => void = () => {}): Uint8Array {
    const entries: Zippable = { ...unzipSync(zip) };
    const m = JSON.parse(new TextDecoder().decode(entries['manifest.json'] as Uint8Array)) as CommunityManifest;
    for (const name of Object.keys(entries)) if (name.startsWith('versions/')) delete entries[name];
    const { resources: _r, ...rest } = m;
    const v1 = { ...rest, formatVersion: 1, sessions: m.sessions.map(({ summary: _s, carriedForward: _c, versions: _v, ...s }) => s) };
    extra(v1);
    entries['manifest.json'] = strToU8(JSON.stringify(v1));
    return zipSync(entries);
  }

  it('still import, with the same sessions and content', async () => {
    const res = await importZip(importer, b, asVersion1());
    expect(res.status, await res.clone().text()).toBe(201);
    const got = (await res.json()) as ImportResultDto;
    expect(got).toMatchObject({ sessions: sessions.length, files: 2, pins: 2, series: 1, resources: 0, summaries: 0, versions: 0 });
    const imported = (await importer.json<{ sessions: SessionDto[] }>('GET', `/api/communities/${got.communityId}/sessions`)).sessions;
    const s = written[0];
    const t = imported.find((x) => x.startsAt === s.startsAt && x.title === s.title)!;
    expect(await storedJson(b, t.room)).toEqual(await storedJson(a, s.room));
  });

  it('are read strictly as version 1: a version 2 field is refused', async () => {
    const res = await importZip(importer, b, asVersion1((m) => (m.resources = [])));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues.map((i) => i.message).join(' ')).toMatch(/resources/);
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
    await expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify({ ...manifestOf(), formatVersion: 99 })) }), 400, /format version 99; this server reads versions 1 and 2/);
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

  it('checks timeline versions like room states: present, intact, within the size cap, readable', async () => {
    const m = manifestOf();
    const sha = m.sessions.flatMap((s) => s.versions)[0]!.sha256;
    await expectRefused(withEntries({}, [`versions/${sha}`]), 400, /lacks versions\//);
    await expectRefused(withEntries({ [`versions/${sha}`]: strToU8('not this state') }), 400, /does not have that sha256/);
    await expectRefused(withEntries({ [`versions/${'e'.repeat(64)}`]: new Uint8Array(MAX_DOC + 1) }), 413, /larger than/);
    // Intact but not a Yjs update.
    const junk = strToU8('\xff\xff\xff\xff\xff junk');
    const junkSha = createHash('sha256').update(junk).digest('hex');
    const withJunk = { ...m, sessions: m.sessions.map((s, i) => (i === 0 ? { ...s, versions: [{ takenAt: VERSION_AT, sha256: junkSha }] } : s)) };
    await expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify(withJunk)), [`versions/${junkSha}`]: junk }), 400, /cannot be read/);
  });

  it('checks summaries, claims and direct additions strictly', async () => {
    const m = manifestOf();
    const ended = m.sessions.findIndex((s) => s.summary);
    const withSession = (change: (s: CommunityManifest['sessions'][number]) => object) => ({ ...m, sessions: m.sessions.map((s, i) => (i === ended ? change(s) : s)) });
    const refuse = (manifest: object, message?: RegExp) => expectRefused(withEntries({ 'manifest.json': strToU8(JSON.stringify(manifest)) }), 400, message);
    const summary = m.sessions[ended]!.summary!;
    await refuse(withSession((s) => ({ ...s, summary: { ...summary, extra: 1 } })));
    await refuse(withSession((s) => ({ ...s, summary: { ...summary, resources: [{ kind: 'link', url: 'javascript:alert(1)', title: 'x', where: 'board' }] } })));
    await refuse(withSession((s) => ({ ...s, summary: { ...summary, boardSvg: '<img src=x onerror=alert(1)>' } })));
    await refuse(withSession((s) => ({ ...s, summary: { ...summary, boardSvg: `<svg>${'x'.repeat(16 * 1024 * 1024)}</svg>` } })));
    await refuse(withSession((s) => ({ ...s, carriedForward: { fromSessionId: 'nope', at: CARRIED_AT } })), /carried forward from a session/);
    await refuse({ ...m, resources: [{ ...m.resources[0], url: 'javascript:alert(1)' }] });
    await refuse({ ...m, resources: [{ ...m.resources[0], url: 'HTTPS://Direct.example/handbook?utm_source=x' }] }, /not a normalised address/);
    await refuse({ ...m, resources: [{ ...m.resources[0], addedBy: 'someone-else' }] });
    await refuse({ ...m, feedback: [] });
  });

  it('leaves nothing half-imported when a write fails part-way', async () => {
    const knowledge = b.store.knowledge as unknown as { addPin: (...args: unknown[]) => Promise<unknown> };
    const original = knowledge.addPin;
    knowledge.addPin = async () => {
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
      knowledge.addPin = original;
    }
  });
});
