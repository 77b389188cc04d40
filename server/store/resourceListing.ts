/**
 * Turns the rows of a community's resource occurrences (one per place a resource was shared, joined
 * with the resource, the sharer's name and the session) into library entries, and plans what
 * re-indexing a session writes. Both stores select the same rows and share this, so counting, ordering,
 * de-duplication and kept first-seen times cannot differ between them.
 */
import type { ResourceKind } from '../../shared/knowledge/resources.ts';
import type { ResourceListing, ResourceOccurrence } from './types.ts';

/** One occurrence row as the stores select it. */
export interface ResourceOccurrenceRow {
  resourceId: string;
  communityId: string;
  key: string;
  kind: ResourceKind;
  url: string;
  title: string;
  sha256: string | null;
  note: string;
  firstSeenAt: string;
  place: 'board' | 'notes' | 'direct';
  sessionId: string | null;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
  sharedBy: string | null;
  /** The sharer's name; null when the id is no account (a guest, or a foreign client's value). */
  sharedByName: string | null;
  seenAt: string;
}

/** Identifies an occurrence within a session, so that re-indexing keeps the time it was first seen. */
function occurrenceKey(key: string, place: string, itemId: string): string {
  return `${key}\u0000${place}\u0000${itemId}`;
}

/** An occurrence of a session as stored before re-indexing it. */
export interface StoredSessionOccurrence {
  resourceId: string;
  key: string;
  place: string;
  itemId: string;
  seenAt: string;
}

/** What re-indexing one session writes (see ResourceStore.replaceSessionResources). */
export interface SessionOccurrencePlan {
  /** Each distinct occurrence once, with the time it was first seen. */
  writes: (ResourceOccurrence & { seenAt: string })[];
  /** Resources the session shared before: only these can have lost their last occurrence. */
  maybeOrphaned: string[];
}

/**
 * Plans replacing a session's occurrences with `items`: an occurrence already recorded keeps its time;
 * a new one takes the time the document gives, else `indexedAt`.
 */
export function planSessionOccurrences(previous: StoredSessionOccurrence[], items: ResourceOccurrence[], indexedAt: string): SessionOccurrencePlan {
  const before = new Map(previous.map((o) => [occurrenceKey(o.key, o.place, o.itemId), o.seenAt]));
  const seen = new Set<string>();
  const writes: SessionOccurrencePlan['writes'] = [];
  for (const item of items) {
    const k = occurrenceKey(item.key, item.place, item.itemId);
    if (seen.has(k)) continue;
    seen.add(k);
    writes.push({ ...item, seenAt: before.get(k) ?? item.seenAt ?? indexedAt });
  }
  return { writes, maybeOrphaned: [...new Set(previous.map((o) => o.resourceId))] };
}

/** Library entries, most shared first, then most recently seen, then by title. */
export function aggregateResources(rows: ResourceOccurrenceRow[]): ResourceListing[] {
  const byId = new Map<string, ResourceListing>();
  const sorted = [...rows].sort((a, b) => (a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : 0));
  for (const r of sorted) {
    let entry = byId.get(r.resourceId);
    if (!entry) {
      entry = {
        id: r.resourceId,
        communityId: r.communityId,
        key: r.key,
        kind: r.kind,
        url: r.url,
        title: r.title,
        sha256: r.sha256,
        note: r.note,
        sharedBy: [],
        inNotes: false,
        sessions: [],
        count: 0,
        firstSeenAt: r.firstSeenAt,
        lastSeenAt: r.seenAt,
      };
      byId.set(r.resourceId, entry);
    }
    entry.count++;
    entry.lastSeenAt = r.seenAt;
    if (r.place === 'notes') entry.inNotes = true;
    if (r.sharedBy && r.sharedByName && !entry.sharedBy.some((p) => p.id === r.sharedBy)) entry.sharedBy.push({ id: r.sharedBy, name: r.sharedByName });
    if (r.sessionId && !entry.sessions.some((s) => s.id === r.sessionId)) {
      entry.sessions.push({ id: r.sessionId, title: r.sessionTitle ?? '', startsAt: r.sessionStartsAt ?? '' });
    }
  }
  const list = [...byId.values()];
  for (const e of list) e.sessions.sort((a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0));
  return list.sort(
    (a, b) =>
      b.count - a.count ||
      (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : 0) ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
