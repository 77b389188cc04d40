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

/** Bumped whenever the notes schema (the set of Tiptap nodes/marks) changes incompatibly. */
export const NOTES_SCHEMA_VERSION = 1;

/** Fields of one agenda item (a Y.Map). `minutes` is the timebox. */
export interface AgendaItemFields {
  id: string;
  title: string;
  minutes: number;
  /** Display name of the person who owns the item (free text: guests may own items too). */
  owner: string;
  done: boolean;
  createdBy: string;
}

export const BOARD_ITEM_TYPES = ['sticky', 'text', 'link'] as const;
export type BoardItemType = (typeof BOARD_ITEM_TYPES)[number];

/** Fields of one board item (a Y.Map). Coordinates are board units (1 unit = 1 CSS px at zoom 1). */
export interface BoardItemFields {
  id: string;
  type: BoardItemType;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  color: string;
  /** Link cards only: the URL. Rendered as a link only if it is http: or https:. */
  url?: string;
  /** Stacking order; higher is in front. */
  z: number;
  createdBy: string;
  createdAt: number;
}

/** Keys of the meta map. */
export const META_KEYS = {
  currentAgendaItem: 'currentAgendaItem',
  notesSchemaVersion: 'notesSchemaVersion',
} as const;

export const STICKY_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#bde0fe', '#ffc6ff', '#e4e4e7'] as const;

/** Default sizes per item type, in board units. */
export const DEFAULT_ITEM_SIZE: Record<BoardItemType, { w: number; h: number }> = {
  sticky: { w: 200, h: 160 },
  text: { w: 240, h: 48 },
  link: { w: 280, h: 96 },
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

/** Plain snapshot of a board item map (missing fields get safe defaults, never undefined numbers). */
export function readBoardItem(map: Y.Map<unknown>): BoardItemFields {
  const type = map.get('type');
  const t: BoardItemType = (BOARD_ITEM_TYPES as readonly unknown[]).includes(type) ? (type as BoardItemType) : 'sticky';
  const num = (k: string, d: number) => {
    const v = map.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : d;
  };
  const str = (k: string) => {
    const v = map.get(k);
    return typeof v === 'string' ? v : '';
  };
  return {
    id: str('id'),
    type: t,
    x: num('x', 0),
    y: num('y', 0),
    w: Math.max(MIN_ITEM_SIZE, num('w', DEFAULT_ITEM_SIZE[t].w)),
    h: Math.max(MIN_ITEM_SIZE, num('h', DEFAULT_ITEM_SIZE[t].h)),
    text: str('text'),
    color: str('color') || STICKY_COLORS[0],
    url: t === 'link' ? str('url') : undefined,
    z: num('z', 0),
    createdBy: str('createdBy'),
    createdAt: num('createdAt', 0),
  };
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
