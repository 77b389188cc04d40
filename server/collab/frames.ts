/**
 * Encoding of the server's outgoing y-websocket frames. Broadcast frames are encoded once per room and
 * written to every socket, never re-encoded per recipient.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';

/** Sync/update frame carrying a (merged) Yjs update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep.Update);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** Sync step 1: the server's state vector, asking the client for what it has beyond it. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep.Step1);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(doc));
  return encoding.toUint8Array(enc);
}

/** Sync step 2: everything the server has beyond the client's state vector. */
export function syncStep2Frame(doc: Y.Doc, clientStateVector: Uint8Array): Uint8Array {
  return step2FrameOf(Y.encodeStateAsUpdate(doc, clientStateVector));
}

/** Sync step 2 carrying `update` as it is (e.g. the stored state, for a client that has nothing yet). */
export function step2FrameOf(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep.Step2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** True for the state vector of a document that has nothing yet (one varuint: zero clients). */
export function isEmptyStateVector(sv: Uint8Array): boolean {
  return sv.byteLength === 1 && sv[0] === 0;
}

/** Awareness frame wrapping an encoded awareness update. */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Awareness);
  encoding.writeVarUint8Array(enc, awarenessUpdate);
  return encoding.toUint8Array(enc);
}

/** Extension: the stored state vector (MessageType.Saved). */
export function savedFrame(storedStateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Saved);
  encoding.writeVarUint8Array(enc, storedStateVector);
  return encoding.toUint8Array(enc);
}

/** Extension: a JSON notice (MessageType.Notice). */
export function noticeFrame(notice: object): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Notice);
  encoding.writeVarString(enc, JSON.stringify(notice));
  return encoding.toUint8Array(enc);
}
