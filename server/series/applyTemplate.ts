/**
 * Writes a format's template agenda into a new session's stored document, before anyone has joined:
 * the room is not loaded yet, so the update goes straight into the doc store's log.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { SessionFormat } from '../../shared/api/sessionFormats.ts';
import { applyAgendaTemplate } from '../../shared/doc/applyAgendaTemplate.ts';
import type { DocStore } from '../store/types.ts';

/** Appends the template agenda of `format` to `room`'s update log. Call only for a room created just now. */
export async function applyTemplate(store: Pick<DocStore, 'appendUpdates'>, room: string, format: SessionFormat, createdBy: string): Promise<void> {
  const doc = new Y.Doc();
  try {
    applyAgendaTemplate(doc, format, createdBy, randomUUID);
    await store.appendUpdates([{ room, update: Y.encodeStateAsUpdate(doc) }]);
  } finally {
    doc.destroy();
  }
}
