/**
 * Imports a community export zip as a NEW community owned by the importer (issue 3, item 5). Two
 * phases: first everything is read and checked — the zip (readImportZip), the manifest (strict zod
 * schema, then the links between its parts), every file (sha256, type detected from the content,
 * SVG already clean) and every room state (decodes, within the document size cap) — with nothing
 * written; then the community, series, sessions, rooms, tags, files and pins are created with fresh
 * ids. If a write fails, the community is deleted with everything created under it, so an import is
 * all or nothing. Original members are not imported: names stay as they are written in the documents.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { z } from 'zod';
import { CommunityManifest, EXPORT_FORMAT_VERSION, type ImportResultDto, type ParsedCommunityManifest } from '../../../shared/api/exportSchemas.ts';
import { detectFileType } from '../../files/detectFileType.ts';
import { sha256Hex, type FileStorage } from '../../files/FileStorage.ts';
import { sanitizeSvg } from '../../files/sanitizeSvg.ts';
import { HttpError } from '../../http/HttpError.ts';
import { newRoomName } from '../../http/newRoomName.ts';
import type { Logger } from '../../log.ts';
import type { SessionRecord, Store } from '../../store/types.ts';
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
  if (version !== EXPORT_FORMAT_VERSION) {
    throw bad(`This export has format version ${JSON.stringify(version).slice(0, 20)}; this server reads version ${EXPORT_FORMAT_VERSION}. Export it again from a matching Commonplace version.`);
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
}

/** Everything checked, nothing written. Throws HttpError 400/413/415. */
export function checkImport(zip: Uint8Array, limits: CommunityImportDeps['limits']): CheckedImport {
  const entries = readImportZip(zip, { fileBytes: limits.maxUploadBytes });
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
  for (const s of manifest.sessions) {
    const state = new Uint8Array(Buffer.from(s.doc, 'base64'));
    if (state.byteLength > limits.maxDocBytes) throw new HttpError('payload_too_large', `The document of "${s.schedule.title}" is larger than this server allows`);
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, state);
    } catch {
      throw bad(`The document of "${s.schedule.title}" cannot be read`);
    } finally {
      probe.destroy();
    }
    docs.set(s.id, state);
  }
  return { manifest, docs, files };
}

/** Checks `zip`, then creates the community for `importerId`. All or nothing. */
export async function importCommunity(deps: CommunityImportDeps, zip: Uint8Array, importerId: string): Promise<ImportResultDto> {
  const { manifest, docs, files } = checkImport(zip, deps.limits);
  const { store } = deps;
  const now = new Date().toISOString();
  const communityId = randomUUID();
  await store.createCommunity({ id: communityId, ...manifest.community, createdBy: importerId, createdAt: now });
  try {
    const seriesIds = new Map<string, string>();
    for (const s of manifest.series) {
      const id = randomUUID();
      seriesIds.set(s.id, id);
      await store.createSeries({ id, communityId, ...s.schedule, createdBy: importerId, createdAt: now });
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
      if (s.tags.length) await store.setSessionTags(session.id, s.tags);
      sessions.set(s.id, session);
    }
    for (const f of manifest.files) {
      await deps.files.put(files.get(f.sha256)!);
      for (const id of f.sessionIds) {
        await store.addFile(
          { sha256: f.sha256, mime: f.mime, bytes: files.get(f.sha256)!.byteLength, createdAt: now },
          { sha256: f.sha256, communityId, sessionId: sessions.get(id)!.id, name: f.name, uploadedBy: importerId, uploadedAt: now },
        );
      }
    }
    for (const p of manifest.pins) {
      await store.addPin({
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
    deps.log.info('community.imported', { communityId, sessions: sessions.size, files: manifest.files.length });
    return { communityId, sessions: sessions.size, files: manifest.files.length, pins: manifest.pins.length, series: manifest.series.length };
  } catch (err) {
    // Nothing half-imported: the community goes with everything created under it. (Stored file content
    // stays: it is content-addressed, possibly shared, and unreachable without a link.)
    await store.communityRemoval.deleteCommunity(communityId).catch((e: unknown) => deps.log.error('community.import_cleanup_failed', { communityId, err: e }));
    throw err;
  }
}
