/**
 * A whole community as a zip (issue 3, item 5): `manifest.json` (shared/api/exportSchemas.ts) with the
 * community, series, sessions (schedule, tags, the room's whole Yjs state), pins and files;
 * `sessions/<date>-<slug>.md`, a readable copy of each session; `files/<sha256>`, every uploaded file a
 * board shows that the exporting host may read. Members are not exported (accounts belong to people).
 */
import * as Y from 'yjs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CommunityManifest, EXPORT_FORMAT_VERSION, MANIFEST_NAME } from '../../../shared/api/exportSchemas.ts';
import { getBoard, readBoardItem } from '../../../shared/doc/layout.ts';
import type { UploadType } from '../../../shared/api/files.ts';
import type { FileStorage } from '../../files/FileStorage.ts';
import type { CommunityRecord, Store } from '../../store/types.ts';
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

/** Builds the export zip of `community` as `exporterId` (a host) may see it. */
export async function exportCommunity(deps: CommunityExportDeps, community: CommunityRecord, exporterId: string): Promise<Uint8Array> {
  const { store } = deps;
  const [sessions, series, pins, tags] = await Promise.all([
    store.listSessions(community.id),
    store.listSeries(community.id),
    store.listPins(community.id),
    store.listCommunityTags(community.id),
  ]);
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
    });
  }

  const files: CommunityManifest['files'] = [];
  for (const [sha, sessionIds] of fileSessions) {
    // Only what the exporter may read (a board can name any hash; another community's file stays out).
    const meta = await store.getFileForMember(sha, exporterId);
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
  };
  // What we write must be what we read: a failure here is a bug, caught before a broken export ships.
  CommunityManifest.parse(manifest);
  // Known debt: compression runs on the main thread (a few hundred ms for a 50-session, 2.4 MB manifest;
  // level 1 for it halves that). fflate's async form starts one worker per entry, which measured slower;
  // a streaming writer would fix it.
  zip[MANIFEST_NAME] = [strToU8(JSON.stringify(manifest)), { level: 1 }];
  return zipSync(zip, { level: 6 });
}
