/**
 * Every write the board makes to the room's Yjs document: create, move, resize, update, delete, bring to
 * front. Each runs in one transaction tagged with the caller's origin, so that a Y.UndoManager tracking
 * only that origin undoes this person's changes and never someone else's. No DOM: tested in Node.
 */
import * as Y from 'yjs';
import {
  DEFAULT_ITEM_SIZE,
  MIN_ITEM_SIZE,
  STICKY_COLORS,
  getBoard,
  parseUserUrl,
  readBoardItem,
  safeHttpUrl,
  toYMap,
  type BoardItemFields,
  type BoardItemType,
} from '../../shared/doc/layout.ts';
import { clamp, clampCoord } from './geometry.ts';

/** Longest text kept in an item; longer input is cut (a board note is not a document). */
export const MAX_TEXT_LENGTH = 5000;
/** Largest width/height of an item, in board units. */
export const MAX_ITEM_SIZE = 4000;
/** Longest URL stored on a link card. */
export const MAX_URL_LENGTH = 2048;

/** What a caller provides to create an item; everything else gets a default. */
export interface NewBoardItem {
  type: BoardItemType;
  x: number;
  y: number;
  w?: number;
  h?: number;
  text?: string;
  color?: string;
  /** Link cards only: what the person typed or pasted; must parse as an http(s) URL. */
  url?: string;
  createdBy: string;
}

/** Fields a person may change after creation. */
export type BoardItemPatch = Partial<Pick<BoardItemFields, 'text' | 'color'>>;

/** A random item id. Uses getRandomValues, which (unlike randomUUID) also exists on plain-http pages. */
export function newBoardItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Text as stored: CRLF normalised, cut to MAX_TEXT_LENGTH. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').slice(0, MAX_TEXT_LENGTH);
}

/** A known sticky colour, or the first one for anything else (colours are rendered into CSS). */
export function cleanColor(color: string | undefined): string {
  return color && (STICKY_COLORS as readonly string[]).includes(color) ? color : STICKY_COLORS[0];
}

function cleanSize(v: number): number {
  return clamp(Math.round(v), MIN_ITEM_SIZE, MAX_ITEM_SIZE);
}

function cleanCoord(v: number): number {
  if (!Number.isFinite(v)) throw new RangeError('board coordinates must be finite numbers');
  return clampCoord(Math.round(v * 100) / 100);
}

/** The initial title of a link card: host and path, without a trailing slash (e.g. "example.org/docs"). */
export function linkTitle(url: URL): string {
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  let title = url.host + path;
  try {
    title = decodeURI(title);
  } catch {
    // Keep the encoded form if the path is not valid percent-encoding.
  }
  return title.slice(0, 200);
}

/**
 * The web address in pasted text, if the whole paste is one: an explicit http(s) URL, or a dotted host
 * with an optional port and path ("example.org/docs"). A single word or a sentence is not a link.
 */
export function pastedUrl(text: string): URL | null {
  const s = text.trim();
  if (!s || /\s/.test(s) || s.length > MAX_URL_LENGTH) return null;
  if (/^https?:\/\//i.test(s)) return safeHttpUrl(s);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d{1,5})?([/?#]|$)/i.test(s)) return null;
  return safeHttpUrl(`https://${s}`);
}

/** The highest z of any item on the board (0 for an empty board). */
export function maxBoardZ(board: Y.Map<Y.Map<unknown>>): number {
  let max = 0;
  for (const item of board.values()) {
    const z = item.get('z');
    if (typeof z === 'number' && Number.isFinite(z) && z > max) max = z;
  }
  return max;
}

/**
 * Creates an item in front of all others (z = max z + 1) and returns its id. A link card's title
 * defaults to the URL's host and path. Throws RangeError for a link whose URL is not http(s).
 */
export function createBoardItem(
  doc: Y.Doc,
  origin: object,
  input: NewBoardItem,
  opts: { id?: string; now?: number } = {},
): string {
  const id = opts.id ?? newBoardItemId();
  const size = DEFAULT_ITEM_SIZE[input.type];
  let url: string | undefined;
  let text = input.text ?? '';
  if (input.type === 'link') {
    const parsed = parseUserUrl(input.url ?? '');
    if (!parsed || parsed.href.length > MAX_URL_LENGTH) throw new RangeError('a link card needs an http(s) URL');
    url = parsed.href;
    if (!text) text = linkTitle(parsed);
  }
  const board = getBoard(doc);
  doc.transact(() => {
    const fields: BoardItemFields = {
      id,
      type: input.type,
      x: cleanCoord(input.x),
      y: cleanCoord(input.y),
      w: cleanSize(input.w ?? size.w),
      h: cleanSize(input.h ?? size.h),
      text: cleanText(text),
      color: cleanColor(input.color),
      url,
      z: maxBoardZ(board) + 1,
      createdBy: input.createdBy,
      createdAt: opts.now ?? Date.now(),
    };
    board.set(id, toYMap(fields));
  }, origin);
  return id;
}

function writeFields(doc: Y.Doc, origin: object, id: string, fields: Record<string, unknown>): boolean {
  const item = getBoard(doc).get(id);
  if (!(item instanceof Y.Map)) return false;
  const changes = Object.entries(fields).filter(([k, v]) => item.get(k) !== v);
  if (changes.length === 0) return true;
  // Writing only what changed keeps updates small and undo steps meaningful.
  doc.transact(() => {
    for (const [k, v] of changes) item.set(k, v);
  }, origin);
  return true;
}

/** Moves an item's top-left corner to (x, y). False if the item no longer exists (e.g. deleted remotely). */
export function moveBoardItem(doc: Y.Doc, origin: object, id: string, x: number, y: number): boolean {
  return writeFields(doc, origin, id, { x: cleanCoord(x), y: cleanCoord(y) });
}

/** Sets an item's size, kept within [MIN_ITEM_SIZE, MAX_ITEM_SIZE]. False if the item no longer exists. */
export function resizeBoardItem(doc: Y.Doc, origin: object, id: string, w: number, h: number): boolean {
  return writeFields(doc, origin, id, { w: cleanSize(w), h: cleanSize(h) });
}

/** Changes an item's text and/or colour. False if the item no longer exists. */
export function updateBoardItem(doc: Y.Doc, origin: object, id: string, patch: BoardItemPatch): boolean {
  const fields: Record<string, unknown> = {};
  if (patch.text !== undefined) fields.text = cleanText(patch.text);
  if (patch.color !== undefined) fields.color = cleanColor(patch.color);
  return writeFields(doc, origin, id, fields);
}

/** Puts an item in front of all others, unless it already is. False if the item no longer exists. */
export function bringBoardItemToFront(doc: Y.Doc, origin: object, id: string): boolean {
  const board = getBoard(doc);
  const item = board.get(id);
  if (!(item instanceof Y.Map)) return false;
  const z = readBoardItem(item).z;
  let othersMax = -Infinity;
  for (const [key, other] of board.entries()) if (key !== id) othersMax = Math.max(othersMax, readBoardItem(other).z);
  if (othersMax === -Infinity || z > othersMax) return true;
  return writeFields(doc, origin, id, { z: othersMax + 1 });
}

/** Deletes the given items in one transaction; returns how many existed. */
export function deleteBoardItems(doc: Y.Doc, origin: object, ids: readonly string[]): number {
  const board = getBoard(doc);
  const present = ids.filter((id) => board.has(id));
  if (present.length > 0) doc.transact(() => present.forEach((id) => board.delete(id)), origin);
  return present.length;
}

/**
 * An undo manager for this person's board changes only: it tracks the board map and the one origin
 * this client writes with, so undo never reverts what someone else did.
 */
export function createBoardUndoManager(doc: Y.Doc, origin: object): Y.UndoManager {
  return new Y.UndoManager(getBoard(doc), { trackedOrigins: new Set([origin]), captureTimeout: 400 });
}
