/**
 * The Yjs document layout of a session room — the contract between the client, the server (indexing,
 * export) and any stock y-websocket client. Documented in README.md ("Document layout"); change both.
 *
 *   agenda : Y.Array<Y.Map>   ordered agenda items (AgendaItemFields)
 *   notes  : Y.XmlFragment    Tiptap/ProseMirror document (schema NOTES_SCHEMA_VERSION)
 *   board  : Y.Map<Y.Map>     board item id → item (BoardItemFields)
 *   meta   : Y.Map            session state (MetaFields)
 */
import * as Y from 'yjs';

export const DOC_KEYS = { agenda: 'agenda', notes: 'notes', board: 'board', meta: 'meta' } as const;

/**
 * Bumped whenever the notes schema (the set of Tiptap nodes/marks) changes incompatibly. 2: task items
 * carry an assignee and a due date, paragraphs a decision flag (an older editor would drop them on edit).
 */
export const NOTES_SCHEMA_VERSION = 2;

/**
 * Names in the notes fragment that the server reads (server/knowledge/extractNotes.ts) and the editor
 * writes (client/notes/notesSchema.ts). A task item is an action: `assignee` is a member's user id,
 * `assigneeName` their name when assigned (shown without a lookup), `due` a YYYY-MM-DD date. A paragraph
 * with `decision` set to true is a decision. Every attribute is optional (older notes stay valid).
 */
export const NOTES_NODES = { taskItem: 'taskItem', paragraph: 'paragraph' } as const;
export const NOTES_ATTRS = {
  checked: 'checked',
  assignee: 'assignee',
  assigneeName: 'assigneeName',
  due: 'due',
  decision: 'decision',
} as const;

/** A due date as the notes store it. */
export const DUE_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Fields of one agenda item (a Y.Map). `minutes` is the timebox. */
export interface AgendaItemFields {
  id: string;
  title: string;
  minutes: number;
  /** Display name of the person who owns the item (free text: guests may own items too). */
  owner: string;
  done: boolean;
  createdBy: string;
  /**
   * Content the item is about: `board:<frame id>` or `notes:<heading anchor>` (the `?focus=` format,
   * shared/knowledge/focus.ts). Facilitators can bring everyone there when the item is current.
   */
  link?: string;
}

/** A well-formed agenda link (`board:<id>` or `notes:<anchor>`), or undefined. */
export function readAgendaLink(value: unknown): string | undefined {
  return typeof value === 'string' && /^(board|notes):[^\s]{1,200}$/.test(value) ? value : undefined;
}

export const BOARD_ITEM_TYPES = ['sticky', 'text', 'link', 'shape', 'connector', 'stroke', 'frame', 'image', 'file'] as const;
export type BoardItemType = (typeof BOARD_ITEM_TYPES)[number];

/** The outlines a `shape` item can have. */
export const SHAPE_KINDS = ['rectangle', 'ellipse', 'diamond'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** Where a connector meets an item: the middle of a side, or `auto` (the outline, towards the other end). */
export const CONNECTOR_ANCHORS = ['auto', 'top', 'right', 'bottom', 'left'] as const;
export type ConnectorAnchor = (typeof CONNECTOR_ANCHORS)[number];

/** Longest stroke, in points (each point is three numbers: x, y, pressure). */
export const MAX_STROKE_POINTS = 4000;

/**
 * Fields of one board item (a Y.Map). Coordinates are board units (1 unit = 1 CSS px at zoom 1).
 * Fields after `createdAt` belong to some types only; items written before they existed stay valid
 * (every one is optional and read with a safe default).
 */
export interface BoardItemFields {
  id: string;
  type: BoardItemType;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Sticky/text/shape text, link title, frame title, connector label, file name shown on the card. */
  text: string;
  /** Fill (sticky, shape: one of STICKY_COLORS) or ink (stroke, connector: one of INK_COLORS). */
  color: string;
  /** Link cards only: the URL. Rendered as a link only if it is http: or https:. */
  url?: string;
  /** Stacking order; higher is in front. Frames are created behind everything (lowest z). */
  z: number;
  createdBy: string;
  createdAt: number;
  /** Shapes only: the outline. */
  shape?: ShapeKind;
  /**
   * Connectors only: the ids of the items it joins, and where it meets each. A connector's x/y/w/h are
   * not used: its path is computed from the current rectangles of `from` and `to`, so it follows them.
   * A connector whose end no longer exists is not drawn.
   */
  from?: string;
  to?: string;
  fromAnchor?: ConnectorAnchor;
  toAnchor?: ConnectorAnchor;
  /** Strokes only: a flat array x0, y0, p0, x1, y1, p1… relative to (x, y); p is pen pressure 0–1. */
  points?: number[];
  /** Strokes and connectors: line width in board units. */
  strokeWidth?: number;
  /** Images and files: the sha256 of the uploaded content (GET /api/files/:sha256), its type and size. */
  sha256?: string;
  mime?: string;
  bytes?: number;
}

/** Keys of the meta map. */
export const META_KEYS = {
  currentAgendaItem: 'currentAgendaItem',
  notesSchemaVersion: 'notesSchemaVersion',
  /**
   * Written by the server once it has put the previous series session's open actions on this session's
   * agenda: the id of that session (server/actions/carryForward.ts). Present = done, never again.
   */
  carriedForwardFrom: 'carriedForwardFrom',
} as const;

export const STICKY_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#bde0fe', '#ffc6ff', '#e4e4e7'] as const;

/** Pen and connector colours (dark enough for 4.5:1 on the canvas and on every sticky colour). */
export const INK_COLORS = ['#1f2328', '#1d4ed8', '#b42318', '#166534', '#6d28d9'] as const;

/** The kinds of uploaded file a board can show: images as `image` items, PDFs as `file` cards. */
export const BOARD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;
export const BOARD_FILE_TYPES = ['application/pdf'] as const;

/** Default sizes per item type, in board units. */
export const DEFAULT_ITEM_SIZE: Record<BoardItemType, { w: number; h: number }> = {
  sticky: { w: 200, h: 160 },
  text: { w: 240, h: 48 },
  link: { w: 280, h: 96 },
  shape: { w: 200, h: 120 },
  connector: { w: 32, h: 32 },
  stroke: { w: 32, h: 32 },
  frame: { w: 800, h: 560 },
  image: { w: 320, h: 240 },
  file: { w: 280, h: 88 },
};

export const MIN_ITEM_SIZE = 32;

export function getAgenda(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(DOC_KEYS.agenda);
}
export function getNotes(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DOC_KEYS.notes);
}
export function getBoard(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DOC_KEYS.board);
}
export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOC_KEYS.meta);
}

/** A Y.Map holding the given fields (for insertion into `agenda` or `board`). */
export function toYMap(fields: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  return map;
}

function oneOf<T extends string>(list: readonly T[], v: unknown, fallback: T): T {
  return (list as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

/** A stroke's points if they are a well-formed flat x, y, pressure array (else an empty array). */
function readPoints(v: unknown): number[] {
  if (!Array.isArray(v) || v.length % 3 !== 0 || v.length > MAX_STROKE_POINTS * 3) return [];
  for (const n of v) if (typeof n !== 'number' || !Number.isFinite(n)) return [];
  return v as number[];
}

/**
 * Plain snapshot of a board item map. Missing or malformed fields get safe defaults, never undefined
 * numbers; type-specific fields are present only on their types.
 */
export function readBoardItem(map: Y.Map<unknown>): BoardItemFields {
  return readBoardItemWith((k) => map.get(k));
}

/** The same reading of a plain object (e.g. a pasted item): only the layout's fields, validated. */
export function readBoardItemObject(obj: Readonly<Record<string, unknown>>): BoardItemFields {
  return readBoardItemWith((k) => (Object.hasOwn(obj, k) ? obj[k] : undefined));
}

function readBoardItemWith(get: (key: string) => unknown): BoardItemFields {
  const map = { get };
  const t = oneOf(BOARD_ITEM_TYPES, map.get('type'), 'sticky');
  const num = (k: string, d: number) => {
    const v = map.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : d;
  };
  const str = (k: string) => {
    const v = map.get(k);
    return typeof v === 'string' ? v : '';
  };
  const inked = t === 'stroke' || t === 'connector';
  const item: BoardItemFields = {
    id: str('id'),
    type: t,
    x: num('x', 0),
    y: num('y', 0),
    w: Math.max(MIN_ITEM_SIZE, num('w', DEFAULT_ITEM_SIZE[t].w)),
    h: Math.max(MIN_ITEM_SIZE, num('h', DEFAULT_ITEM_SIZE[t].h)),
    text: str('text'),
    color: str('color') || (inked ? INK_COLORS[0] : STICKY_COLORS[0]),
    url: t === 'link' ? str('url') : undefined,
    z: num('z', 0),
    createdBy: str('createdBy'),
    createdAt: num('createdAt', 0),
  };
  if (t === 'shape') item.shape = oneOf(SHAPE_KINDS, map.get('shape'), 'rectangle');
  if (t === 'connector') {
    item.from = str('from');
    item.to = str('to');
    item.fromAnchor = oneOf(CONNECTOR_ANCHORS, map.get('fromAnchor'), 'auto');
    item.toAnchor = oneOf(CONNECTOR_ANCHORS, map.get('toAnchor'), 'auto');
  }
  if (t === 'stroke') item.points = readPoints(map.get('points'));
  if (inked) item.strokeWidth = Math.min(64, Math.max(1, num('strokeWidth', t === 'stroke' ? 4 : 2)));
  if (t === 'image' || t === 'file') {
    const sha = str('sha256');
    item.sha256 = /^[0-9a-f]{64}$/.test(sha) ? sha : '';
    item.mime = str('mime');
    item.bytes = Math.max(0, num('bytes', 0));
  }
  return item;
}

/** Plain snapshot of an agenda item map. */
export function readAgendaItem(map: Y.Map<unknown>): AgendaItemFields {
  const minutes = map.get('minutes');
  return {
    id: String(map.get('id') ?? ''),
    title: typeof map.get('title') === 'string' ? (map.get('title') as string) : '',
    minutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? minutes : 0,
    owner: typeof map.get('owner') === 'string' ? (map.get('owner') as string) : '',
    done: map.get('done') === true,
    createdBy: typeof map.get('createdBy') === 'string' ? (map.get('createdBy') as string) : '',
    ...(readAgendaLink(map.get('link')) ? { link: readAgendaLink(map.get('link')) } : {}),
  };
}

/** Only http(s) URLs are ever rendered as links; anything else (javascript:, data:, …) stays text. */
export function safeHttpUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Turns what a person typed or pasted into an http(s) URL, adding https:// to bare hosts. */
export function parseUserUrl(input: string): URL | null {
  const s = input.trim();
  if (!s || /\s/.test(s)) return null;
  return safeHttpUrl(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
}

/**
 * A known colour for the item type, or the type's first one for anything else (colours are rendered
 * into CSS and SVG): ink colours for strokes and connectors, the sticky palette for everything else.
 */
export function cleanColor(color: string | undefined, type: BoardItemType = 'sticky'): string {
  const palette: readonly string[] = type === 'stroke' || type === 'connector' ? INK_COLORS : STICKY_COLORS;
  return color && palette.includes(color) ? color : palette[0];
}
