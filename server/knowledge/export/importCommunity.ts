/**
 * Imports a community export zip as a NEW community owned by the importer (issue 3, item 5). Two
 * phases: first everything is read and checked — the zip (readImportZip), the manifest (strict zod
 * schema, then the links between its parts), every file (sha256, type detected from the content,
 * SVG already clean) and every room state (decodes, within the document size cap) — with nothing
 * written; then the community, series, sessions, rooms, tags, files, pins, end-of-session summaries,
 * carry-forward claims, timeline versions and the library's direct additions are created with fresh
 * ids. If a write fails, the community is deleted with everything created under it, so an import is
 * all or nothing. Original members are not imported: names stay as they are written in the documents,
 * and what a member did outside them (pins, direct additions) becomes the importer's. Format version 1
 * exports (without summaries, claims, versions and direct additions) are read too.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  CommunityManifest,
  CommunityManifestV1,
  EXPORT_FORMAT_VERSION,
  READABLE_FORMAT_VERSIONS,
  type ImportResultDto,
  type ParsedCommunityManifest,
} from '../../../shared/api/exportSchemas.ts';
import { normalizeUrl } from '../../../shared/knowledge/normalizeUrl.ts';
import { detectFileType } from '../../files/detectFileType.ts';
import { sha256Hex, type FileStorage } from '../../files/FileStorage.ts';
import { sanitizeSvg } from '../../files/sanitizeSvg.ts';
import { HttpError } from '../../http/HttpError.ts';
import { newRoomName } from '../../http/newRoomName.ts';
import type { Logger } from '../../log.ts';
import type { SessionRecord, Store } from '../../store/types.ts';
import { packState } from '../../versions/versionState.ts';
import { readImportZip } from './readImportZip.ts';

export interface CommunityImportDeps {
  store: Store;
  files: FileStorage;
  log: Logger;
  limits: { maxUploadBytes: number; maxDocBytes: number };
}

const bad = (message: string) => new HttpError('invalid_input', message);

/** The manifest, parsed strictly. An unknown formatVersion gets its own message (a newer or older exporter). */
export function parseManifest(bytes: Uint8Array): ParsedCommunityManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad('manifest.json is not valid JSON');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof json !== 'object' || json === null || version === undefined) throw bad('manifest.json has no formatVersion: is this a Commonplace community export?');
  if (!(READABLE_FORMAT_VERSIONS as readonly unknown[]).includes(version)) {
    throw bad(
      `This export has format version ${JSON.stringify(version).slice(0, 20)}; this server reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}. Export it again from a matching Commonplace version.`,
    );
  }
  if (version === 1) {
    // Version 1 had none of version 2's additions: read strictly as it was, then given empty ones.
    const v1 = CommunityManifestV1.safeParse(json);
    if (!v1.success) throw new HttpError('invalid_input', 'manifest.json does not match the export format', { issues: issuesOf(v1.error) });
    return {
      ...v1.data,
      formatVersion: EXPORT_FORMAT_VERSION,
      sessions: v1.data.sessions.map((s) => ({ ...s, summary: null, carriedForward: null, versions: [] })),
      resources: [],
    };
  }
  const parsed = CommunityManifest.safeParse(json);
  if (!parsed.success) {
    throw new HttpError('invalid_input', 'manifest.json does not match the export format', { issues: issuesOf(parsed.error) });
  }
  return parsed.data;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

interface CheckedImport {
  manifest: ParsedCommunityManifest;
  docs: Map<string, Uint8Array>;
  files: Map<string, Uint8Array>;
  /** sha256 → a timeline version's document state (checked like a room's). */
  versions: Map<string, Uint8Array>;
}

/** A document state within the size cap that Yjs reads; throws 413/400 naming `what`. */
function checkDocState(state: Uint8Array, maxDocBytes: number, what: string): void {
  if (state.byteLength > maxDocBytes) throw new HttpError('payload_too_large', `${what} is larger than this server allows`);
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, state);
  } catch {
    throw bad(`${what} cannot be read`);
  } finally {
    probe.destroy();
  }
}

/** Everything checked, nothing written. Throws HttpError 400/413/415. */
export function checkImport(zip: Uint8Array, limits: CommunityImportDeps['limits']): CheckedImport {
  const entries = readImportZip(zip, { fileBytes: limits.maxUploadBytes, docBytes: limits.maxDocBytes });
  const manifest = parseManifest(entries.manifest);

  const unique = (ids: string[], what: string) => {
    if (new Set(ids).size !== ids.length) throw bad(`manifest.json lists a ${what} twice`);
    return new Set(ids);
  };
  const seriesIds = unique(manifest.series.map((s) => s.id), 'series');
  const sessionIds = unique(manifest.sessions.map((s) => s.id), 'session');
  unique(manifest.files.map((f) => f.sha256), 'file');
  const starts = new Set<string>();
  for (const s of manifest.sessions) {
    if (s.seriesId === null) continue;
    if (!seriesIds.has(s.seriesId)) throw bad(`Session "${s.schedule.title}" belongs to a series the manifest does not have`);
    // A series has one session per start instant (the store enforces it; refused here before any write).
    const key = `${s.seriesId}\u0000${new Date(s.schedule.startsAt).toISOString()}`;
    if (starts.has(key)) throw bad(`Series ${JSON.stringify(s.seriesId)} has two sessions starting at ${s.schedule.startsAt}`);
    starts.add(key);
  }
  for (const p of manifest.pins) if (!sessionIds.has(p.sessionId)) throw bad('A pin belongs to a session the manifest does not have');
  for (const s of manifest.sessions) {
    const from = s.carriedForward?.fromSessionId;
    if (from != null && !sessionIds.has(from)) throw bad(`Session "${s.schedule.title}" was carried forward from a session the manifest does not have`);
  }
  for (const r of manifest.resources) if (normalizeUrl(r.url) !== r.url) throw bad(`The library resource ${JSON.stringify(r.url.slice(0, 100))} is not a normalised address`);

  const files = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    for (const id of f.sessionIds) if (!sessionIds.has(id)) throw bad(`File ${f.name} is linked to a session the manifest does not have`);
    const content = entries.files.get(f.sha256);
    if (!content) throw bad(`The zip lacks files/${f.sha256} (${f.name})`);
    if (content.byteLength > limits.maxUploadBytes) throw new HttpError('payload_too_large', `${f.name} is larger than uploads may be`);
    if (sha256Hex(content) !== f.sha256) throw bad(`files/${f.sha256} does not have that sha256: the zip is damaged`);
    // The same checks as an upload: the type comes from the content, SVG must already be sanitised.
    const mime = detectFileType(content);
    if (!mime || mime !== f.mime) throw new HttpError('unsupported_media_type', `${f.name} is not the ${f.mime} file the manifest says`);
    if (mime === 'image/svg+xml') {
      let clean = '';
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
        clean = sanitizeSvg(text);
        if (clean !== text) clean = '';
      } catch {
        clean = '';
      }
      if (!clean) throw new HttpError('unsupported_media_type', `${f.name} is not an SVG file this server would have stored`);
    }
    files.set(f.sha256, content);
  }

  const docs = new Map<string, Uint8Array>();
  const versions = new Map<string, Uint8Array>();
  for (const s of manifest.sessions) {
    const state = new Uint8Array(Buffer.from(s.doc, 'base64'));
    checkDocState(state, limits.maxDocBytes, `The document of "${s.schedule.title}"`);
    docs.set(s.id, state);
    // Timeline versions get the room's checks: present, intact, within the size cap, readable.
    for (const v of s.versions) {
      if (versions.has(v.sha256)) continue;
      const content = entries.versions.get(v.sha256);
      if (!content) throw bad(`The zip lacks versions/${v.sha256} (a version of "${s.schedule.title}")`);
      if (sha256Hex(content) !== v.sha256) throw bad(`versions/${v.sha256} does not have that sha256: the zip is damaged`);
      checkDocState(content, limits.maxDocBytes, `A version of "${s.schedule.title}"`);
      versions.set(v.sha256, content);
    }
  }
  return { manifest, docs, files, versions };
}

/** Each session's summary (frozen, as it was written), carry-forward claim and timeline versions. */
async function importSessionRecords(
  store: Store,
  communityId: string,
  manifest: ParsedCommunityManifest,
  sessions: ReadonlyMap<string, SessionRecord>,
  versions: ReadonlyMap<string, Uint8Array>,
): Promise<{ summaries: number; versions: number }> {
  let summaryCount = 0;
  let versionCount = 0;
  const packed = new Map<string, Uint8Array>();
  for (const s of manifest.sessions) {
    const session = sessions.get(s.id)!;
    if (s.summary) {
      await store.actions.addSummary({ sessionId: session.id, communityId, ...s.summary });
      summaryCount++;
    }
    // The claim makes the imported series not carry the same actions forward a second time.
    if (s.carriedForward) {
      const from = s.carriedForward.fromSessionId;
      await store.actions.claimCarryForward(session.id, from === null ? '' : sessions.get(from)!.id, new Date(s.carriedForward.at).toISOString());
    }
    for (const v of s.versions) {
      let state = packed.get(v.sha256);
      if (!state) packed.set(v.sha256, (state = await packState(versions.get(v.sha256)!)));
      await store.versions.addVersion({ id: randomUUID(), sessionId: session.id, takenAt: new Date(v.takenAt).toISOString(), state, bytes: state.byteLength });
      versionCount++;
    }
  }
  return { summaries: summaryCount, versions: versionCount };
}

/** Checks `zip`, then creates the community for `importerId`. All or nothing. */
export async function importCommunity(deps: CommunityImportDeps, zip: Uint8Array, importerId: string): Promise<ImportResultDto> {
  const { manifest, docs, files, versions } = checkImport(zip, deps.limits);
  const { store } = deps;
  const now = new Date().toISOString();
  const communityId = randomUUID();
  await store.createCommunity({ id: communityId, ...manifest.community, createdBy: importerId, createdAt: now });
  try {
    const seriesIds = new Map<string, string>();
    for (const s of manifest.series) {
      const id = randomUUID();
      seriesIds.set(s.id, id);
      await store.series.createSeries({ id, communityId, ...s.schedule, createdBy: importerId, createdAt: now });
    }
    const sessions = new Map<string, SessionRecord>();
    for (const s of manifest.sessions) {
      const session: SessionRecord = {
        id: randomUUID(),
        communityId,
        title: s.schedule.title,
        startsAt: new Date(s.schedule.startsAt).toISOString(),
        durationMinutes: s.schedule.durationMinutes,
        format: s.schedule.format,
        room: newRoomName(),
        createdBy: importerId,
        createdAt: now,
        ...(s.seriesId !== null ? { seriesId: seriesIds.get(s.seriesId)! } : {}),
      };
      await store.createSession(session);
      // A new room nobody can have joined yet: its state goes straight into the store.
      await store.appendUpdates([{ room: session.room, update: docs.get(s.id)! }]);
      if (s.tags.length) await store.knowledge.setSessionTags(session.id, s.tags);
      sessions.set(s.id, session);
    }
    for (const f of manifest.files) {
      await deps.files.put(files.get(f.sha256)!);
      for (const id of f.sessionIds) {
        await store.files.addFile(
          { sha256: f.sha256, mime: f.mime, bytes: files.get(f.sha256)!.byteLength, createdAt: now },
          { sha256: f.sha256, communityId, sessionId: sessions.get(id)!.id, name: f.name, uploadedBy: importerId, uploadedAt: now },
        );
      }
    }
    for (const p of manifest.pins) {
      await store.knowledge.addPin({
        id: randomUUID(),
        communityId,
        sessionId: sessions.get(p.sessionId)!.id,
        kind: p.kind,
        itemId: p.itemId,
        anchor: p.anchor,
        excerpt: p.excerpt,
        pinnedBy: importerId,
        pinnedAt: p.pinnedAt,
      });
    }
    const counts = await importSessionRecords(store, communityId, manifest, sessions, versions);
    // Accounts are not exported, and a zip cannot be trusted to name one: the importer adds them (the
    // original adder's name stays in the zip). Oldest first, so each resource keeps its first addition's time.
    const direct = [...manifest.resources].sort((x, y) => Date.parse(x.addedAt) - Date.parse(y.addedAt));
    for (const r of direct) {
      await store.resources.addDirect({ communityId, key: r.url, url: r.url, title: r.title, note: r.note, addedBy: importerId, addedAt: new Date(r.addedAt).toISOString() });
    }
    deps.log.info('community.imported', { communityId, sessions: sessions.size, files: manifest.files.length, ...counts });
    return {
      communityId,
      sessions: sessions.size,
      files: manifest.files.length,
      pins: manifest.pins.length,
      series: manifest.series.length,
      resources: manifest.resources.length,
      ...counts,
    };
  } catch (err) {
    // Nothing half-imported: the community goes with everything created under it. (Stored file content
    // stays: it is content-addressed, possibly shared, and unreachable without a link.)
    await store.communityRemoval.deleteCommunity(communityId).catch((e: unknown) => deps.log.error('community.import_cleanup_failed', { communityId, err: e }));
    throw err;
  }
}
