/**
 * Turning selected rows into records (and records into rows to write) where SQLite and PostgreSQL do
 * the same thing: both stores alias their columns to the same names and share these, so a record's shape
 * cannot differ between them. The SQL itself stays in each store, where the dialects differ.
 */
import type { SessionActions } from '../../shared/knowledge/actions.ts';
import type { GuestLinkRecord, GuestRecord, SessionRecord, StoredAction, StoredDecision, VersionRecord } from './types.ts';

/** Bytes for binding as a BLOB/BYTEA parameter, without copying. */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A plain Uint8Array view of a BLOB/BYTEA value, so callers never depend on Buffer-only methods. */
export function bytesOf(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** A session as selected: `seriesId` is a nullable column. */
export type SessionRow = Omit<SessionRecord, 'seriesId'> & { seriesId: string | null };

/** A session row as a record: `seriesId` only on sessions of a series, so one-off records keep their shape. */
export function sessionFromRow(row: SessionRow): SessionRecord {
  const { seriesId, ...rest } = row;
  return seriesId === null ? rest : { ...rest, seriesId };
}

/** A version as selected, with its state as the driver returns a binary column. */
export type VersionRow = Omit<VersionRecord, 'state'> & { state: Buffer };

/** A version row as a record with a plain Uint8Array state; null for no row. */
export function versionFromRow(row: VersionRow | undefined): VersionRecord | null {
  return row ? { ...row, state: bytesOf(row.state) } : null;
}

/** A guest joined with its link: the link's columns as they are, the guest's prefixed with `g`. */
export type GuestJoinRow = GuestLinkRecord & {
  gId: string;
  gTokenHash: string;
  gName: string;
  gUserId: string | null;
  gCreatedAt: string;
};

/** Splits a guest-and-link row into the two records; null for no row. */
export function guestFromRow(row: GuestJoinRow | undefined): { guest: GuestRecord; link: GuestLinkRecord } | null {
  if (!row) return null;
  const { gId, gTokenHash, gName, gUserId, gCreatedAt, ...link } = row;
  return { guest: { id: gId, tokenHash: gTokenHash, linkId: link.id, name: gName, userId: gUserId, createdAt: gCreatedAt }, link };
}

/** An action or decision as selected; `Done` is how the dialect returns a boolean (SQLite: 0/1). */
export type ActionRow<Done> = Omit<StoredAction, 'done'> & { done: Done };

/** A decision row as a record: only the fields a decision has (no assignee, due date or done flag). */
export function decisionFromRow(r: ActionRow<unknown>): StoredDecision {
  return {
    sessionId: r.sessionId,
    sessionTitle: r.sessionTitle,
    sessionStartsAt: r.sessionStartsAt,
    position: r.position,
    blockId: r.blockId,
    anchor: r.anchor,
    text: r.text,
  };
}

/** One session_actions row to insert, after (session_id, community_id), in column order. */
export type ActionInsertRow = readonly [
  kind: 'action' | 'decision',
  position: number,
  blockId: string,
  anchor: string | null,
  text: string,
  assignee: string | null,
  assigneeName: string | null,
  due: string | null,
  done: boolean,
];

/** A session's actions and decisions as rows, each numbered by its place in the notes. */
export function actionInsertRows(items: SessionActions): ActionInsertRow[] {
  return [
    ...items.actions.map((a, i): ActionInsertRow => ['action', i, a.blockId, a.anchor, a.text, a.assignee, a.assigneeName, a.due, a.done]),
    ...items.decisions.map((d, i): ActionInsertRow => ['decision', i, d.blockId, d.anchor, d.text, null, null, null, false]),
  ];
}
