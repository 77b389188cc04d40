/**
 * The community export format (issue 3, item 5): `GET /api/communities/:id/export.zip` writes a zip of
 * `manifest.json` (this schema), `sessions/<date>-<slug>.md` (readable copies, ignored on import) and
 * `files/<sha256>` (uploaded files the boards show); `POST /api/communities/import` validates the
 * manifest with this schema, strictly, before anything is created. Bump EXPORT_FORMAT_VERSION for any
 * change an older importer could not read.
 */
import { z } from 'zod';
import { CreateCommunityBody, CreateSessionBody } from './schemas.ts';
import { CreateSeriesBody } from './seriesSchemas.ts';
import { SetTagsBody } from './knowledgeSchemas.ts';
import { PIN_EXCERPT_MAX, PIN_KINDS } from '../knowledge/pins.ts';
import { UPLOAD_TYPES, MAX_FILE_NAME_LENGTH } from './files.ts';

/** The version this code writes and the only one it reads. */
export const EXPORT_FORMAT_VERSION = 1;

/** Name of the manifest inside the zip. */
export const MANIFEST_NAME = 'manifest.json';

/** Limits of an import (the zip, each entry, everything decompressed, the number of entries). */
export const IMPORT_LIMITS = {
  zipBytes: 256 * 1024 * 1024,
  manifestBytes: 128 * 1024 * 1024,
  markdownBytes: 16 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  entries: 20_000,
  sessions: 5_000,
  files: 5_000,
} as const;

/** Ids inside a manifest: the exporter's ids, only used to link the manifest's parts together. */
const LocalId = z.string().min(1).max(100);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a hex sha256');
const Instant = z.iso.datetime({ offset: true });
/** Standard base64 (the Yjs state of a room). */
const Base64 = z.string().max(IMPORT_LIMITS.manifestBytes).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64');

/** One recurring series: the same definition `POST /api/communities/:id/series` accepts. */
export const ExportedSeries = z.strictObject({ id: LocalId, schedule: CreateSeriesBody });

/** One session: its schedule (as `POST …/sessions` accepts it), tags and the room's whole Yjs state. */
export const ExportedSession = z.strictObject({
  id: LocalId,
  schedule: CreateSessionBody.omit({ template: true }),
  seriesId: LocalId.nullable(),
  tags: SetTagsBody.shape.tags,
  /** The readable copy in the zip (informative; not read on import). */
  markdown: z.string().max(300),
  /** base64 of Y.encodeStateAsUpdate of the room's merged stored state. */
  doc: Base64,
});

/** A pin of the community's front page; the pinner is recorded by name only (accounts are not exported). */
export const ExportedPin = z.strictObject({
  sessionId: LocalId,
  kind: z.enum(PIN_KINDS),
  itemId: z.string().min(1).max(200),
  anchor: z.string().max(200).nullable(),
  excerpt: z.string().max(PIN_EXCERPT_MAX),
  pinnedByName: z.string().max(200),
  pinnedAt: Instant,
});

/** An uploaded file in `files/<sha256>`, and the sessions it was linked to. */
export const ExportedFile = z.strictObject({
  sha256: Sha256,
  mime: z.enum(UPLOAD_TYPES),
  bytes: z.number().int().min(0),
  name: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
  sessionIds: z.array(LocalId).min(1).max(IMPORT_LIMITS.sessions),
});

/** manifest.json. Strict everywhere: an unknown field is an error, not silently dropped. */
export const CommunityManifest = z.strictObject({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  generator: z.literal('commonplace'),
  exportedAt: Instant,
  community: CreateCommunityBody,
  series: z.array(ExportedSeries).max(1000),
  sessions: z.array(ExportedSession).max(IMPORT_LIMITS.sessions),
  pins: z.array(ExportedPin).max(10_000),
  files: z.array(ExportedFile).max(IMPORT_LIMITS.files),
});
export type CommunityManifest = z.input<typeof CommunityManifest>;
export type ParsedCommunityManifest = z.output<typeof CommunityManifest>;

/** What `POST /api/communities/import` answers (201). */
export interface ImportResultDto {
  communityId: string;
  sessions: number;
  files: number;
  pins: number;
  series: number;
}
