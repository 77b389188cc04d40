/**
 * Edits the chaos suites can account for: each is a unique token written into the notes (a paragraph),
 * the agenda (an item's title) or the board (an item's key), at a seeded position. Counting the tokens
 * in a document shows what was lost and what was duplicated.
 */
import * as Y from 'yjs';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';

export const PLACES = ['notes', 'agenda', 'board'] as const;
export type Place = (typeof PLACES)[number];

/** Tokens look like `tk-<writer>-<n>`: easy to find in any serialisation, impossible to confuse. */
export const tokenOf = (writer: number | string, n: number) => `tk-${writer}-${n}`;
const TOKEN = /tk-[0-9a-z]+-\d+/g;

/** Writes `token` into `place` of `doc` in one transaction, at a position picked with `rand`. */
export function writeToken(doc: Y.Doc, token: string, place: Place, rand: () => number): void {
  doc.transact(() => {
    if (place === 'board') {
      getBoard(doc).set(token, toYMap({ id: token, type: 'sticky', text: token, x: Math.floor(rand() * 2000), y: Math.floor(rand() * 2000) }));
    } else if (place === 'agenda') {
      const agenda = getAgenda(doc);
      agenda.insert(Math.floor(rand() * (agenda.length + 1)), [toYMap({ id: token, title: token, minutes: 5 })]);
    } else {
      const notes = getNotes(doc);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(token)]);
      notes.insert(Math.floor(rand() * (notes.length + 1)), [p]);
    }
  });
}

/** How many times each token occurs in the document (notes text, agenda titles, board keys). */
export function countTokens(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const m of getNotes(doc).toString().matchAll(TOKEN)) add(m[0]);
  for (const item of getAgenda(doc)) {
    const title = item.get('title');
    if (typeof title === 'string') for (const m of title.matchAll(TOKEN)) add(m[0]);
  }
  for (const key of getBoard(doc).keys()) for (const m of key.matchAll(TOKEN)) add(m[0]);
  return counts;
}

/**
 * The document's content in one comparable string (agenda, board, notes). Map keys are sorted: a Y.Map
 * lists its keys in the order this replica integrated them, which differs between equal replicas.
 */
export function docContent(doc: Y.Doc): string {
  return stableStringify([getAgenda(doc).toJSON(), getBoard(doc).toJSON(), getNotes(doc).toString()]);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Converged: equal state vectors and equal content. */
export function converged(docs: readonly Y.Doc[]): boolean {
  if (docs.length < 2) return true;
  const sv = Buffer.from(Y.encodeStateVector(docs[0]!));
  if (!docs.every((d) => sv.equals(Y.encodeStateVector(d)))) return false;
  const content = docContent(docs[0]!);
  return docs.every((d) => docContent(d) === content);
}

/** Builds a document from stored parts (snapshot and log), as the server does on load. */
export function docFromParts(parts: (Uint8Array | null)[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const p of parts) if (p) Y.applyUpdate(doc, p);
  });
  return doc;
}
