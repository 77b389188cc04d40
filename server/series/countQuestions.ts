/**
 * Questions asked per member, read from sessions' control documents (`<room>-ctl`, shared/facilitation/
 * control.ts). Only questions asked under a name count: an anonymous question's author is kept in the
 * private room for facilitators, and crediting it on a page every member sees would unmask it.
 */
import * as Y from 'yjs';
import { CONTROL_KEYS, controlRoomOf, getControl, type QuestionState } from '../../shared/facilitation/control.ts';
import { applyAll } from '../collab/Room.ts';
import type { LiveRooms } from '../knowledge/readRoomContent.ts';
import type { DocStore } from '../store/types.ts';

/** Named questions in one control document, by author id. */
export function questionsByAuthor(doc: Y.Doc, into = new Map<string, number>()): Map<string, number> {
  const qs = getControl(doc).get(CONTROL_KEYS.questions);
  if (!qs || typeof qs !== 'object') return into;
  for (const q of Object.values(qs as Record<string, QuestionState>)) {
    if (q && typeof q.authorId === 'string') into.set(q.authorId, (into.get(q.authorId) ?? 0) + 1);
  }
  return into;
}

/** Sums named questions over the sessions' rooms: the live control doc when loaded here, else the stored one. */
export async function countQuestions(rooms: string[], source: { store: Pick<DocStore, 'loadDoc'>; rooms?: LiveRooms }): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const room of rooms) {
    const name = controlRoomOf(room);
    const live = source.rooms?.get(name);
    if (live && !live.destroyed) {
      questionsByAuthor(live.doc, counts);
      continue;
    }
    const stored = await source.store.loadDoc(name);
    if (!stored.snapshot && stored.updates.length === 0) continue;
    const doc = new Y.Doc();
    try {
      applyAll(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
      questionsByAuthor(doc, counts);
    } finally {
      doc.destroy();
    }
  }
  return counts;
}
