/**
 * The board's writes of single items to the room's Yjs document: create (every item type, validated),
 * move, resize, update, delete, bring to front. Each runs in one transaction tagged with the caller's
 * origin, so that a Y.UndoManager tracking only that origin undoes this person's changes and never
 * someone else's. Writes to many items at once are in boardBatchOps.ts. No DOM: tested in Node.
 */
import * as Y from 'yjs';
import {
  BOARD_FILE_TYPES,
  BOARD_IMAGE_TYPES,
  cleanColor,
  CONNECTOR_ANCHORS,
  DEFAULT_ITEM_SIZE,
  MAX_STROKE_POINTS,
  MIN_ITEM_SIZE,
  SHAPE_KINDS,
  getBoard,
  parseUserUrl,
  readBoardItem,
  safeHttpUrl,
  toYMap,
  type BoardItemFields,
  type BoardItemType,
  type ConnectorAnchor,
  type ShapeKind,
} from '../../shared/doc/layout.ts';
import { clamp, clampCoord } from '../../shared/board/geometry.ts';

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
  shape?: ShapeKind;
  /** Connectors: the joined items (both must exist and differ) and their anchors. */
  from?: string;
  to?: string;
  fromAnchor?: ConnectorAnchor;
  toAnchor?: ConnectorAnchor;
  /** Strokes: flat x, y, pressure triples relative to (x, y). */
  points?: readonly number[];
  strokeWidth?: number;
  /** Images and files: the uploaded content's sha256, its detected type and its size. */
  sha256?: string;
  mime?: string;
  bytes?: number;
  createdBy: string;
}

/** Fields a person may change after creation. */
export type BoardItemPatch = Partial<Pick<BoardItemFields, 'text' | 'color' | 'shape' | 'strokeWidth' | 'fromAnchor' | 'toAnchor'>>;

/** A random item id. Uses getRandomValues, which (unlike randomUUID) also exists on plain-http pages. */
export function newBoardItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Text as stored: CRLF normalised, cut to MAX_TEXT_LENGTH. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').slice(0, MAX_TEXT_LENGTH);
}

/** Re-exported for the board's modules that sanitise colours alongside the other item fields. */
export { cleanColor };

/** A line width within 1–64 board units (default 2 for connectors, 4 for strokes). */
export function cleanStrokeWidth(v: number | undefined, type: BoardItemType): number {
  const def = type === 'stroke' ? 4 : 2;
  return v === undefined || !Number.isFinite(v) ? def : clamp(Math.round(v * 10) / 10, 1, 64);
}

/** Stroke points as stored: finite, rounded to 0.01, whole triples, pressure in 0–1, at most MAX_STROKE_POINTS. */
export function cleanPoints(points: readonly number[] | undefined): number[] {
  if (!points || points.length < 3) throw new RangeError('a stroke needs at least one point');
  const n = Math.min(Math.floor(points.length / 3), MAX_STROKE_POINTS);
  const out: number[] = new Array(n * 3);
  for (let i = 0; i < n * 3; i++) {
    const v = points[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError('stroke points must be finite numbers');
    out[i] = i % 3 === 2 ? clamp(Math.round(v * 100) / 100, 0, 1) : clampCoord(Math.round(v * 100) / 100);
  }
  return out;
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
    const z = item instanceof Y.Map ? item.get('z') : undefined;
    if (typeof z === 'number' && Number.isFinite(z) && z > max) max = z;
  }
  return max;
}

/** The lowest z of any item on the board (0 for an empty board): frames go below it. */
export function minBoardZ(board: Y.Map<Y.Map<unknown>>): number {
  let min = 0;
  for (const item of board.values()) {
    const z = item instanceof Y.Map ? item.get('z') : undefined;
    if (typeof z === 'number' && Number.isFinite(z) && z < min) min = z;
  }
  return min;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The type-specific fields of a new item, validated; throws RangeError for input that cannot be stored. */
function typeFields(board: Y.Map<Y.Map<unknown>>, input: NewBoardItem): Partial<BoardItemFields> {
  switch (input.type) {
    case 'shape':
      return { shape: (SHAPE_KINDS as readonly unknown[]).includes(input.shape) ? input.shape : 'rectangle' };
    case 'connector': {
      const { from, to } = input;
      if (!from || !to || from === to || !board.has(from) || !board.has(to)) {
        throw new RangeError('a connector joins two different items that exist');
      }
      const anchor = (a: ConnectorAnchor | undefined) => ((CONNECTOR_ANCHORS as readonly unknown[]).includes(a) ? a : 'auto');
      return { from, to, fromAnchor: anchor(input.fromAnchor), toAnchor: anchor(input.toAnchor), strokeWidth: cleanStrokeWidth(input.strokeWidth, 'connector') };
    }
    case 'stroke':
      return { points: cleanPoints(input.points), strokeWidth: cleanStrokeWidth(input.strokeWidth, 'stroke') };
    case 'image':
    case 'file': {
      const allowed: readonly string[] = input.type === 'image' ? BOARD_IMAGE_TYPES : BOARD_FILE_TYPES;
      if (!input.sha256 || !SHA256.test(input.sha256) || !input.mime || !allowed.includes(input.mime)) {
        throw new RangeError(`an ${input.type} item needs an uploaded file of a supported type`);
      }
      const bytes = input.bytes !== undefined && Number.isFinite(input.bytes) ? Math.max(0, Math.round(input.bytes)) : 0;
      return { sha256: input.sha256, mime: input.mime, bytes };
    }
    default:
      return {};
  }
}

/**
 * Creates an item in front of all others (z = max z + 1; a frame behind all others) and returns its
 * id. A link card's title defaults to the URL's host and path. Throws RangeError for input that cannot
 * be stored: a link whose URL is not http(s), a connector without two existing ends, a stroke without
 * points, an image or file without a valid upload.
 */
export function createBoardItem(
  doc: Y.Doc,
  origin: object,
  input: NewBoardItem,
  opts: { id?: string; now?: number } = {},
): string {
  const board = getBoard(doc);
  const fields = newItemFields(board, input, { id: opts.id ?? newBoardItemId(), now: opts.now ?? Date.now() });
  doc.transact(() => board.set(fields.id, toYMap(fields)), origin);
  return fields.id;
}

/**
 * The validated fields of a new item (see createBoardItem), without writing them. `z` defaults to in
 * front of everything (a frame: behind everything). Used for single creation and for pasting many.
 */
export function newItemFields(
  board: Y.Map<Y.Map<unknown>>,
  input: NewBoardItem,
  opts: { id: string; now: number; z?: number },
): BoardItemFields {
  const size = DEFAULT_ITEM_SIZE[input.type];
  let url: string | undefined;
  let text = input.text ?? '';
  if (input.type === 'link') {
    const parsed = parseUserUrl(input.url ?? '');
    if (!parsed || parsed.href.length > MAX_URL_LENGTH) throw new RangeError('a link card needs an http(s) URL');
    url = parsed.href;
    if (!text) text = linkTitle(parsed);
  }
  const extra = typeFields(board, input);
  return {
    id: opts.id,
    type: input.type,
    x: cleanCoord(input.x),
    y: cleanCoord(input.y),
    w: cleanSize(input.w ?? size.w),
    h: cleanSize(input.h ?? size.h),
    text: cleanText(text),
    color: cleanColor(input.color, input.type),
    url,
    z: opts.z ?? (input.type === 'frame' ? minBoardZ(board) - 1 : maxBoardZ(board) + 1),
    createdBy: input.createdBy,
    createdAt: opts.now,
    ...extra,
  };
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

/**
 * Changes an item's text, colour, shape, line width or connector anchors (each only where the item's
 * type has it). False if the item no longer exists.
 */
export function updateBoardItem(doc: Y.Doc, origin: object, id: string, patch: BoardItemPatch): boolean {
  const map = getBoard(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  const type = readBoardItem(map).type;
  const fields: Record<string, unknown> = {};
  if (patch.text !== undefined) fields.text = cleanText(patch.text);
  if (patch.color !== undefined) fields.color = cleanColor(patch.color, type);
  if (patch.shape !== undefined && type === 'shape' && (SHAPE_KINDS as readonly string[]).includes(patch.shape)) fields.shape = patch.shape;
  if (patch.strokeWidth !== undefined && (type === 'stroke' || type === 'connector')) fields.strokeWidth = cleanStrokeWidth(patch.strokeWidth, type);
  if (type === 'connector') {
    for (const k of ['fromAnchor', 'toAnchor'] as const) {
      const a = patch[k];
      if (a !== undefined && (CONNECTOR_ANCHORS as readonly string[]).includes(a)) fields[k] = a;
    }
  }
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

/**
 * Deletes the given items, and every connector attached to one of them, in one transaction (so one
 * undo brings back the items and their arrows together); returns how many of the given items existed.
 */
export function deleteBoardItems(doc: Y.Doc, origin: object, ids: readonly string[]): number {
  const board = getBoard(doc);
  const present = ids.filter((id) => board.has(id));
  if (present.length === 0) return 0;
  const gone = new Set(present);
  for (const [key, map] of board.entries()) {
    if (gone.has(key) || !(map instanceof Y.Map) || map.get('type') !== 'connector') continue;
    if (gone.has(map.get('from') as string) || gone.has(map.get('to') as string)) gone.add(key);
  }
  doc.transact(() => gone.forEach((id) => board.delete(id)), origin);
  return present.length;
}

/**
 * An undo manager for this person's board changes only: it tracks the board map and the one origin
 * this client writes with, so undo never reverts what someone else did.
 */
export function createBoardUndoManager(doc: Y.Doc, origin: object): Y.UndoManager {
  return new Y.UndoManager(getBoard(doc), { trackedOrigins: new Set([origin]), captureTimeout: 400 });
}
