/**
 * A whole community as a zip (issue 3, item 5): `manifest.json` (shared/api/exportSchemas.ts) with the
 * community, series, sessions (schedule, tags, the room's whole Yjs state, end-of-session summary,
 * carry-forward claim, timeline), pins, files and the library's direct additions;
 * `sessions/<date>-<slug>.md`, a readable copy of each session; `files/<sha256>`, every uploaded file a
 * board shows that the exporting host may read; `versions/<sha256>`, the timeline's document states.
 * Members are not exported (accounts belong to people), nor their feedback check-ins (answers of accounts).
 */
import * as Y from 'yjs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CommunityManifest, EXPORT_FORMAT_VERSION, MANIFEST_NAME } from '../../../shared/api/exportSchemas.ts';
import { getBoard, readBoardItem } from '../../../shared/doc/layout.ts';
import type { UploadType } from '../../../shared/api/files.ts';
import { sha256Hex, type FileStorage } from '../../files/FileStorage.ts';
import { unpackState } from '../../versions/versionState.ts';
import type { CommunityRecord, SessionRecord, Store } from '../../store/types.ts';
import { withRoomDoc, type LiveRooms } from '../readRoomContent.ts';
import { sessionFileName, sessionToMarkdown } from './sessionToMarkdown.ts';
import { readStoredFile } from './readStoredFile.ts';

export interface CommunityExportDeps {
  store: Store;
  rooms?: LiveRooms;
  files: FileStorage;
}

/** The sha256 of every uploaded file a board shows. */
function boardFiles(doc: Y.Doc): string[] {
  const out = new Set<string>();
  for (const map of getBoard(doc).values()) {
    if (!(map instanceof Y.Map)) continue;
    const item = readBoardItem(map);
    if ((item.type === 'image' || item.type === 'file') && item.sha256) out.add(item.sha256);
  }
  return [...out];
}

/** A name not yet in `taken` ("a.md", "a-2.md", …); adds it. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/\.md$/, `-${n}.md`);
  taken.add(candidate);
  return candidate;
}

type ManifestSession = CommunityManifest['sessions'][number];

/** The session's frozen end-of-session summary, without the ids an import gives anew. */
async function exportedSummary(store: Store, sessionId: string): Promise<ManifestSession['summary']> {
  const summary = await store.actions.getSummary(sessionId);
  if (!summary) return null;
  const { sessionId: _s, communityId: _c, ...rest } = summary;
  return rest;
}

/** The session's timeline: each version's state goes into the zip once, as `versions/<sha256>`. */
async function exportedVersions(store: Store, sessionId: string, zip: Zippable): Promise<ManifestSession['versions']> {
  const out: ManifestSession['versions'] = [];
  for (const meta of await store.versions.listVersions(sessionId)) {
    const version = await store.versions.getVersion(sessionId, meta.id);
    if (!version) continue; // thinned meanwhile
    // Stored deflated (versionState.ts, a storage detail); the zip holds the plain Yjs state and deflates it itself.
    const state = await unpackState(version.state);
    const sha256 = sha256Hex(state);
    zip[`versions/${sha256}`] ??= state;
    out.push({ takenAt: version.takenAt, sha256 });
  }
  return out;
}

/** The claim that open actions were carried into the session, its source named by export id when exported. */
async function exportedCarryForward(store: Store, sessionId: string, exported: ReadonlyMap<string, SessionRecord>): Promise<ManifestSession['carriedForward']> {
  const claim = await store.actions.getCarryForward(sessionId);
  return claim ? { fromSessionId: exported.has(claim.fromSessionId) ? claim.fromSessionId : null, at: claim.at } : null;
}

/** Builds the export zip of `community` as `exporterId` (a host) may see it. */
export async function exportCommunity(deps: CommunityExportDeps, community: CommunityRecord, exporterId: string): Promise<Uint8Array> {
  const { store } = deps;
  const [sessions, series, pins, tags, direct] = await Promise.all([
    store.listSessions(community.id),
    store.series.listSeries(community.id),
    store.knowledge.listPins(community.id),
    store.knowledge.listCommunityTags(community.id),
    store.resources.listDirect(community.id),
  ]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const zip: Zippable = {};
  const names = new Set<string>();
  const fileSessions = new Map<string, string[]>();
  const manifestSessions: CommunityManifest['sessions'] = [];

  for (const s of sessions) {
    // One session per turn of the event loop: a large community must not stall the live rooms on this node.
    await new Promise((resolve) => setImmediate(resolve));
    const info = { title: s.title, startsAt: s.startsAt, durationMinutes: s.durationMinutes, format: s.format, tags: tags[s.id] ?? [], communityName: community.name };
    const { state, markdown, shas } = await withRoomDoc(s.room, deps, (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      markdown: sessionToMarkdown(doc, info, { fileHref: (sha) => `../files/${sha}` }),
      shas: boardFiles(doc),
    }));
    const mdName = `sessions/${uniqueName(sessionFileName(info), names)}`;
    zip[mdName] = strToU8(markdown);
    for (const sha of shas) fileSessions.set(sha, [...(fileSessions.get(sha) ?? []), s.id]);
    manifestSessions.push({
      id: s.id,
      schedule: { title: s.title, startsAt: s.startsAt, durationMinutes: s.durationMinutes, format: s.format },
      seriesId: s.seriesId ?? null,
      tags: tags[s.id] ?? [],
      markdown: mdName,
      doc: Buffer.from(state).toString('base64'),
      summary: await exportedSummary(store, s.id),
      carriedForward: await exportedCarryForward(store, s.id, byId),
      versions: await exportedVersions(store, s.id, zip),
    });
  }

  const files: CommunityManifest['files'] = [];
  for (const [sha, sessionIds] of fileSessions) {
    // Only what the exporter may read (a board can name any hash; another community's file stays out).
    const meta = await store.files.getFileForMember(sha, exporterId);
    const content = meta ? await readStoredFile(deps.files, sha) : null;
    if (!meta || !content) continue;
    // Already compressed formats are stored as they are.
    zip[`files/${sha}`] = [content, { level: meta.mime === 'image/svg+xml' || meta.mime === 'application/pdf' ? 6 : 0 }];
    files.push({ sha256: sha, mime: meta.mime as UploadType, bytes: content.byteLength, name: meta.name, sessionIds });
  }

  const manifest: CommunityManifest = {
    formatVersion: EXPORT_FORMAT_VERSION,
    generator: 'commonplace',
    exportedAt: new Date().toISOString(),
    community: { name: community.name, domain: community.domain, groundRules: community.groundRules, visibility: community.visibility },
    series: series.map((r) => ({
      id: r.id,
      schedule: { title: r.title, rule: r.rule, timeZone: r.timeZone, startDate: r.startDate, startTime: r.startTime, format: r.format, durationMinutes: r.durationMinutes },
    })),
    sessions: manifestSessions,
    pins: pins.map((p) => ({ sessionId: p.sessionId, kind: p.kind, itemId: p.itemId, anchor: p.anchor, excerpt: p.excerpt, pinnedByName: p.pinnedByName, pinnedAt: p.pinnedAt })),
    files,
    resources: direct.map((r) => ({ url: r.url, title: r.title, note: r.note, addedByName: r.addedByName, addedAt: r.addedAt })),
  };
  // What we write must be what we read: a failure here is a bug, caught before a broken export ships.
  CommunityManifest.parse(manifest);
  // Known debt: compression runs on the main thread (a few hundred ms for a 50-session, 2.4 MB manifest;
  // level 1 for it halves that). fflate's async form starts one worker per entry, which measured slower;
  // a streaming writer would fix it.
  zip[MANIFEST_NAME] = [strToU8(JSON.stringify(manifest)), { level: 1 }];
  return zipSync(zip, { level: 6 });
}
