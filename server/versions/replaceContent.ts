/**
 * Restoring a version: writes the agenda, notes, board and current agenda item of an old document into
 * the live one as new changes, so every connected client converges on them (nothing is rewound: the
 * history stays, and the state before is kept as a version by the caller).
 */
import * as Y from 'yjs';
import { META_KEYS, getAgenda, getBoard, getMeta, getNotes } from '../../shared/doc/layout.ts';

/** Copies a Yjs value for insertion into another document (types are cloned, plain values kept). */
function copy<T>(value: T): T {
  return value instanceof Y.AbstractType ? (value.clone() as T) : value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Makes `target`'s content equal to `source`'s. Call inside one transaction on `target` (RoomRegistry.change
 * does). Board items that are already equal are left alone, so a restore touches only what differs.
 */
export function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const agenda = getAgenda(target);
  const oldAgenda = getAgenda(source).toArray();
  if (!sameJson(agenda.toJSON(), getAgenda(source).toJSON())) {
    agenda.delete(0, agenda.length);
    agenda.insert(0, oldAgenda.map(copy));
  }

  const notes = getNotes(target);
  const oldNotes = getNotes(source);
  if (notes.toString() !== oldNotes.toString()) {
    notes.delete(0, notes.length);
    // Hooks are not part of the notes layout (Tiptap writes elements and text only).
    notes.insert(0, oldNotes.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : [])));
  }

  const board = getBoard(target);
  const oldBoard = getBoard(source);
  for (const key of [...board.keys()]) if (!oldBoard.has(key)) board.delete(key);
  for (const [key, item] of oldBoard.entries()) {
    const current = board.get(key);
    if (current === undefined || !sameJson(current instanceof Y.AbstractType ? current.toJSON() : current, item instanceof Y.AbstractType ? item.toJSON() : item)) {
      board.set(key, copy(item));
    }
  }

  const meta = getMeta(target);
  const current = getMeta(source).get(META_KEYS.currentAgendaItem);
  if (current === undefined) meta.delete(META_KEYS.currentAgendaItem);
  else if (meta.get(META_KEYS.currentAgendaItem) !== current) meta.set(META_KEYS.currentAgendaItem, current);
}
