/**
 * Carry-forward: the next session of a series starts with the open actions of the previous one on its
 * agenda. Done by the server when the session's room loads, exactly once: the document's meta records it
 * (META_KEYS.carriedForwardFrom) and the store's claim makes sure only one node, once, writes it.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { META_KEYS, getAgenda, getMeta, toYMap, type AgendaItemFields } from '../../shared/doc/layout.ts';
import { collectActions, type ActionItem } from '../../shared/knowledge/actions.ts';
import { readRoomContent, type LiveRooms } from '../knowledge/readRoomContent.ts';
import type { SessionRecord, Store } from '../store/types.ts';

/** Minutes each carried action gets on the agenda. */
export const CARRIED_ACTION_MINUTES = 2;
/** Most actions carried into one agenda (the rest stay on the community page). */
export const MAX_CARRIED = 20;

/** The scheduled end of a session. */
export function scheduledEnd(s: Pick<SessionRecord, 'startsAt' | 'durationMinutes'>): number {
  return Date.parse(s.startsAt) + s.durationMinutes * 60_000;
}

/**
 * The session whose open actions `current` receives: the latest earlier session of the same series, if
 * it has ended (`ended` says whether it was ended early, by a facilitator) — and only while `current`
 * itself has not ended, so opening an old archive never rewrites its agenda.
 */
export function previousSessionToCarry(
  sessions: readonly SessionRecord[],
  current: SessionRecord,
  now: number,
  ended: (s: SessionRecord) => boolean,
): SessionRecord | null {
  if (!current.seriesId || ended(current) || scheduledEnd(current) <= now) return null;
  const start = Date.parse(current.startsAt);
  let previous: SessionRecord | null = null;
  for (const s of sessions) {
    if (s.id === current.id || s.seriesId !== current.seriesId || Date.parse(s.startsAt) >= start) continue;
    if (!previous || Date.parse(s.startsAt) > Date.parse(previous.startsAt)) previous = s;
  }
  if (!previous) return null;
  return ended(previous) || scheduledEnd(previous) <= now ? previous : null;
}

/** The agenda items for the open actions of a session held on `fromDate` (YYYY-MM-DD). */
export function carriedAgendaItems(actions: readonly ActionItem[], fromDate: string, newId: () => string = randomUUID): AgendaItemFields[] {
  return actions
    .filter((a) => !a.done)
    .slice(0, MAX_CARRIED)
    .map((a) => ({
      id: newId(),
      title: `Open action from ${fromDate}: ${a.text}${a.due ? ` (due ${a.due})` : ''}`,
      minutes: CARRIED_ACTION_MINUTES,
      owner: a.assigneeName ?? '',
      done: false,
      createdBy: '',
    }));
}

/** What carrying forward needs: the store, and the rooms to read and change. */
export interface CarryForwardDeps {
  store: Store;
  rooms: LiveRooms & { change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>; read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> };
}

/**
 * Puts the previous series session's open actions on `session`'s agenda if that is due and not done yet.
 * Returns how many items were added (0 when there was nothing to do).
 */
export async function carryForward(deps: CarryForwardDeps, session: SessionRecord, now = Date.now()): Promise<number> {
  const { store, rooms } = deps;
  if (!session.seriesId) return 0;
  if (await rooms.read(session.room, (doc) => getMeta(doc).has(META_KEYS.carriedForwardFrom))) return 0;
  const sessions = (await store.listSessions(session.communityId)).filter((s) => s.seriesId === session.seriesId);
  // "Ended early" (a summary exists) matters for this session and the latest earlier one only.
  const start = Date.parse(session.startsAt);
  const latestEarlier = sessions.filter((s) => Date.parse(s.startsAt) < start).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
  const endedIds = new Set<string>();
  for (const s of latestEarlier ? [session, latestEarlier] : [session]) if (await store.actions.getSummary(s.id)) endedIds.add(s.id);
  const ended = (s: SessionRecord) => endedIds.has(s.id);
  const previous = previousSessionToCarry(sessions, session, now, ended);
  if (!previous) return 0;

  const { actions } = collectActions((await readRoomContent(previous.room, { store, rooms })).notes);
  if (!(await store.actions.claimCarryForward(session.id, previous.id, new Date(now).toISOString()))) return 0;
  const items = carriedAgendaItems(actions, previous.startsAt.slice(0, 10));
  return rooms.change(session.room, (doc) => {
    const meta = getMeta(doc);
    if (meta.has(META_KEYS.carriedForwardFrom)) return 0;
    meta.set(META_KEYS.carriedForwardFrom, previous.id);
    if (items.length > 0) getAgenda(doc).push(items.map((i) => toYMap(i)));
    return items.length;
  });
}
