/**
 * A session's content, read-only: from the live room when it is loaded on this node (what people see
 * right now), else from the stored document. Never loads a room into the registry, so reading a
 * session can neither keep a room in memory nor give anyone a way to write to it.
 */
import * as Y from 'yjs';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import { applyAll } from '../collab/Room.ts';
import type { DocStore } from '../store/types.ts';
import { extractContent } from './extractContent.ts';

/** The loaded rooms of this node, by name (RoomRegistry satisfies this). */
export interface LiveRooms {
  get(name: string): { doc: Y.Doc; destroyed?: boolean } | undefined;
}

/** Where room documents come from. */
export interface ContentSource {
  store: Pick<DocStore, 'loadDoc'>;
  rooms?: LiveRooms;
}

/** The content of `room`. Throws if the stored document cannot be read (never reports that as empty). */
export async function readRoomContent(room: string, source: ContentSource): Promise<SessionContent> {
  return withRoomDoc(room, source, extractContent);
}

/**
 * Runs `read` on `room`'s document — the live one if loaded here, else a copy built from the store — and
 * returns its result. `read` must not change the document. Throws if the stored document cannot be read.
 */
export async function withRoomDoc<T>(room: string, source: ContentSource, read: (doc: Y.Doc) => T): Promise<T> {
  const live = source.rooms?.get(room);
  if (live && !live.destroyed) return read(live.doc);
  const stored = await source.store.loadDoc(room);
  const doc = new Y.Doc();
  try {
    applyAll(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
