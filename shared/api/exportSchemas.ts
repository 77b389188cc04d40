/**
 * The community export format (issue 3, item 5): `GET /api/communities/:id/export.zip` writes a zip of
 * `manifest.json` (this schema), `sessions/<date>-<slug>.md` (readable copies, ignored on import),
 * `files/<sha256>` (uploaded files the boards show) and, since version 2, `versions/<sha256>` (the
 * timeline's document states, Y.encodeStateAsUpdate); `POST /api/communities/import` validates the
 * manifest with this schema, strictly, before anything is created. Bump EXPORT_FORMAT_VERSION for any
 * change an older importer could not read, and keep reading the older versions (READABLE_FORMAT_VERSIONS).
 *
 * Version 2 added: direct additions to the resource library, each session's end-of-session summary,
 * its carry-forward claim and its timeline versions. Feedback check-ins are not exported: each answer
 * belongs to a member's account (one per member per session), and members are not exported.
 */
import { z } from 'zod';
import { CreateCommunityBody, CreateSessionBody } from './schemas.ts';
import { CreateSeriesBody } from './seriesSchemas.ts';
import { SetTagsBody } from './knowledgeSchemas.ts';
import { PIN_EXCERPT_MAX, PIN_KINDS } from '../knowledge/pins.ts';
import { UPLOAD_TYPES, MAX_FILE_NAME_LENGTH } from './files.ts';
import { MAX_ACTION_TEXT } from '../knowledge/actions.ts';
import { RESOURCE_NOTE_MAX, RESOURCE_URL_MAX } from '../knowledge/resources.ts';
import { normalizeUrl } from '../knowledge/normalizeUrl.ts';

/** The version this code writes. */
export const EXPORT_FORMAT_VERSION = 2;
/** Every version this code reads (older exports must keep importing). */
export const READABLE_FORMAT_VERSIONS = [1, 2] as const;

/** Name of the manifest inside the zip. */
export const MANIFEST_NAME = 'manifest.json';

/** Limits of an import (the zip, each entry, everything decompressed, the number of entries). */
export const IMPORT_LIMITS = {
  zipBytes: 256 * 1024 * 1024,
  manifestBytes: 128 * 1024 * 1024,
  markdownBytes: 16 * 1024 * 1024,
  /** A timeline version's state when the importer passes no MAX_DOC_BYTES (its default). */
  docBytes: 64 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  entries: 20_000,
  sessions: 5_000,
  files: 5_000,
  /** Direct additions to the resource library. */
  resources: 20_000,
  /** Timeline versions of one session (server/versions/thinVersions.ts keeps at most 200). */
  versionsPerSession: 1_000,
  /** A summary's board image, in characters. */
  summarySvgChars: 16 * 1024 * 1024,
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
export const ExportedSessionV1 = z.strictObject({
  id: LocalId,
  schedule: CreateSessionBody.omit({ template: true }),
  seriesId: LocalId.nullable(),
  tags: SetTagsBody.shape.tags,
  /** The readable copy in the zip (informative; not read on import). */
  markdown: z.string().max(300),
  /** base64 of Y.encodeStateAsUpdate of the room's merged stored state. */
  doc: Base64,
});

/**
 * Text a document gave (agenda titles, labels, anchors): the editors bound none of it, so these bounds
 * only keep a hostile manifest from holding giant strings — an export must never fail its own schema.
 */
const DocText = z.string().max(100_000);
const DocId = z.string().max(1000);
/** Links are http(s) only ("the server keeps nothing else"); files are served by our own API. */
const SummaryUrl = z
  .string()
  .max(RESOURCE_URL_MAX * 2)
  .refine((u) => /^https?:\/\/\S+$/i.test(u) || /^\/api\/files\/[0-9a-f]{64}$/.test(u), 'Expected an http(s) address or /api/files/<sha256>');

/**
 * A session's end-of-session summary: a frozen record, kept as it was written (shared/knowledge/actions.ts
 * SessionSummary without its ids, which the importer gives anew). Names, assignee ids and item ids are
 * those of the room's document, which is imported unchanged.
 */
export const ExportedSummary = z.strictObject({
  title: DocText,
  startsAt: Instant,
  endedAt: Instant,
  endedBy: z.enum(['facilitator', 'schedule']),
  agenda: z.array(z.strictObject({ id: DocId, title: DocText, owner: DocText, minutes: z.number().min(0), done: z.boolean() })).max(10_000),
  decisions: z.array(z.strictObject({ blockId: DocId, anchor: DocText.nullable(), text: z.string().max(MAX_ACTION_TEXT) })).max(10_000),
  actions: z
    .array(
      z.strictObject({
        blockId: DocId,
        anchor: DocText.nullable(),
        text: z.string().max(MAX_ACTION_TEXT),
        assignee: DocId.nullable(),
        assigneeName: DocText.nullable(),
        due: DocId.nullable(),
        done: z.boolean(),
      }),
    )
    .max(10_000),
  topVoted: z.array(z.strictObject({ itemId: DocId, label: DocText, votes: z.number().int().min(0) })).max(10_000),
  resources: z.array(z.strictObject({ kind: z.enum(['link', 'file']), url: SummaryUrl, title: DocText, where: z.enum(['board', 'notes']) })).max(10_000),
  /** Shown by the client as an <img> data URL, where scripts never run; a document, not a fragment. */
  boardSvg: z.string().max(IMPORT_LIMITS.summarySvgChars).regex(/^<svg[\s>]/, 'Expected an SVG document').nullable(),
});

/** A timeline version: when it was taken and its state, `versions/<sha256>` (Y.encodeStateAsUpdate). */
export const ExportedVersion = z.strictObject({ takenAt: Instant, sha256: Sha256 });

/** Version 2 sessions: the summary, the carry-forward claim and the timeline too. */
export const ExportedSession = ExportedSessionV1.extend({
  summary: ExportedSummary.nullable(),
  /** Set when the previous series session's open actions were carried into this one (so an import does not carry again). */
  carriedForward: z.strictObject({ fromSessionId: LocalId.nullable(), at: Instant }).nullable(),
  versions: z.array(ExportedVersion).max(IMPORT_LIMITS.versionsPerSession),
});

/**
 * A resource a member added to the library directly (links only; board and notes resources are found
 * again in the imported documents). The adder is recorded by name only: the importer owns it.
 */
export const ExportedDirectResource = z.strictObject({
  /** The library's normalised address (its key); refused unless it normalises as adding one does. */
  url: z
    .string()
    .max(RESOURCE_URL_MAX * 2)
    .refine((u) => normalizeUrl(u) !== null, 'Expected an http(s) address'),
  /** The resource's title (the first one given, possibly by a board card, so not bound to RESOURCE_TITLE_MAX). */
  title: DocText,
  note: z.string().max(RESOURCE_NOTE_MAX),
  addedByName: z.string().max(200).nullable(),
  addedAt: Instant,
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

/** Version 1's manifest.json, still read. Strict everywhere: an unknown field is an error, not silently dropped. */
export const CommunityManifestV1 = z.strictObject({
  formatVersion: z.literal(1),
  generator: z.literal('commonplace'),
  exportedAt: Instant,
  community: CreateCommunityBody,
  series: z.array(ExportedSeries).max(1000),
  sessions: z.array(ExportedSessionV1).max(IMPORT_LIMITS.sessions),
  pins: z.array(ExportedPin).max(10_000),
  files: z.array(ExportedFile).max(IMPORT_LIMITS.files),
});

/** manifest.json as this version writes it. */
export const CommunityManifest = CommunityManifestV1.extend({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  sessions: z.array(ExportedSession).max(IMPORT_LIMITS.sessions),
  resources: z.array(ExportedDirectResource).max(IMPORT_LIMITS.resources),
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
  /** Direct additions to the resource library, summaries and timeline versions imported. */
  resources: number;
  summaries: number;
  versions: number;
}
