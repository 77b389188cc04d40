/**
 * Every change the agenda panel makes to the shared document: plain functions over a Y.Doc, each in one
 * transaction tagged with the caller's origin (so a Y.UndoManager can track exactly one person's edits).
 */
import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import {
  META_KEYS,
  getAgenda,
  getMeta,
  readAgendaItem,
  toYMap,
  type AgendaItemFields, readAgendaLink } from '../../shared/doc/layout.ts';

export const MAX_TITLE_LENGTH = 200;
export const MAX_OWNER_LENGTH = 80;
/** Longest timebox, in minutes (a full day's workshop fits; a typo like 6000 does not). */
export const MAX_MINUTES = 600;

/** What a person types to create an item. */
export interface AgendaItemInput {
  title: string;
  minutes: number;
  owner?: string;
  /** `board:<frame id>` / `notes:<anchor>` ('' or absent: none; see agendaLinks.ts). */
  link?: string;
}

/** The fields a person may change on an existing item. */
export type AgendaPatch = Partial<Pick<AgendaItemFields, 'title' | 'minutes' | 'owner' | 'done' | 'link'>>;

/** Sum of the timeboxes against the session length. */
export interface AgendaTotals {
  planned: number;
  duration: number;
  /** Minutes planned beyond the session length (0 when it fits or the length is unknown). */
  overBy: number;
  over: boolean;
  /** planned / duration, clamped to 0..1 for a progress bar (0 when the length is unknown). */
  fill: number;
}

/**
 * Origin of the transactions that remove duplicate copies left by concurrent moves. It is never a
 * tracked origin, so nobody's undo brings a duplicate back on purpose.
 */
export const AGENDA_REPAIR_ORIGIN = Symbol('agenda-repair');

/** Trimmed title, or null when empty. Over-long titles are cut, not refused (a paste should not fail). */
export function normalizeTitle(raw: string): string | null {
  const t = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
  return t ? t : null;
}

/** Trimmed owner name ('' means nobody). */
export function normalizeOwner(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_OWNER_LENGTH);
}

/** A whole number of minutes in 0..MAX_MINUTES, or null for anything else (NaN, negative, fractional, too big). */
export function normalizeMinutes(raw: number | string): number | null {
  const n = typeof raw === 'number' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= MAX_MINUTES ? n : null;
}

function itemsOf(source: Y.Doc | Y.Array<Y.Map<unknown>>): Y.Array<Y.Map<unknown>> {
  return source instanceof Y.Doc ? getAgenda(source) : source;
}

function isMap(v: unknown): v is Y.Map<unknown> {
  return v instanceof Y.Map;
}

/**
 * The agenda as plain items, in order. Where concurrent moves left two copies of one item, only the
 * first copy counts (see moveItem), so every client shows the same single item at the same place.
 */
export function readAgenda(source: Y.Doc | Y.Array<Y.Map<unknown>>): AgendaItemFields[] {
  const agenda = itemsOf(source);
  return visiblePositions(agenda).map((i) => readAgendaItem(agenda.get(i)));
}

/** Raw array positions of the entries readAgenda shows: maps, first copy of each id. */
function visiblePositions(agenda: Y.Array<Y.Map<unknown>>): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  agenda.forEach((map, i) => {
    if (!isMap(map)) return;
    const id = map.get('id');
    if (typeof id === 'string' && id) {
      if (seen.has(id)) return;
      seen.add(id);
    }
    out.push(i);
  });
  return out;
}

/** The id of the current ("Now") item, or null when none is set or it no longer exists. */
export function currentItemId(doc: Y.Doc): string | null {
  const id = getMeta(doc).get(META_KEYS.currentAgendaItem);
  if (typeof id !== 'string' || !id) return null;
  return readAgenda(doc).some((it) => it.id === id) ? id : null;
}

/** Raw array positions of every copy of the item `id`. */
function positionsOf(agenda: Y.Array<Y.Map<unknown>>, id: string): number[] {
  const out: number[] = [];
  agenda.forEach((map, i) => {
    if (isMap(map) && map.get('id') === id) out.push(i);
  });
  return out;
}

/**
 * Deletes all but the first copy of every item id (see moveItem for how copies arise). Every client
 * that sees the same duplicates deletes the same ones, and deleting twice is harmless, so clients may
 * all repair at once. Returns how many copies were removed.
 */
export function repairAgenda(doc: Y.Doc): number {
  const agenda = getAgenda(doc);
  const seen = new Set<string>();
  const extra: number[] = [];
  agenda.forEach((map, i) => {
    const id = isMap(map) ? map.get('id') : undefined;
    if (typeof id !== 'string' || !id) return;
    if (seen.has(id)) extra.push(i);
    else seen.add(id);
  });
  if (extra.length === 0) return 0;
  doc.transact(() => {
    // From the end, so that earlier positions stay valid.
    for (let k = extra.length - 1; k >= 0; k--) agenda.delete(extra[k], 1);
  }, AGENDA_REPAIR_ORIGIN);
  return extra.length;
}

/**
 * Appends an item (or inserts it at `index`). Returns its new id, or null when the input is invalid
 * (empty title, minutes not a whole number in 0..MAX_MINUTES).
 */
export function addItem(doc: Y.Doc, origin: unknown, input: AgendaItemInput, createdBy: string, index?: number): string | null {
  const title = normalizeTitle(input.title);
  const minutes = normalizeMinutes(input.minutes);
  if (title === null || minutes === null) return null;
  const fields: AgendaItemFields = { id: uuidv4(), title, minutes, owner: normalizeOwner(input.owner), done: false, createdBy };
  const link = readAgendaLink(input.link);
  if (link) fields.link = link;
  const agenda = getAgenda(doc);
  doc.transact(() => {
    const at = index === undefined ? agenda.length : Math.max(0, Math.min(index, agenda.length));
    agenda.insert(at, [toYMap(fields)]);
  }, origin);
  return fields.id;
}

/**
 * Changes some fields of the item `id`. Invalid values (empty title, bad minutes) are refused as a
 * whole: returns false and changes nothing. Unchanged fields are not written, so they cannot
 * overwrite someone else's concurrent change to them.
 */
export function updateItem(doc: Y.Doc, origin: unknown, id: string, patch: AgendaPatch): boolean {
  const next: Record<string, string | number | boolean> = {};
  if (patch.title !== undefined) {
    const title = normalizeTitle(patch.title);
    if (title === null) return false;
    next.title = title;
  }
  if (patch.minutes !== undefined) {
    const minutes = normalizeMinutes(patch.minutes);
    if (minutes === null) return false;
    next.minutes = minutes;
  }
  if (patch.owner !== undefined) next.owner = normalizeOwner(patch.owner);
  if (patch.done !== undefined) next.done = patch.done === true;
  // '' unlinks (readers treat anything malformed as no link).
  if (patch.link !== undefined) next.link = readAgendaLink(patch.link) ?? '';

  const agenda = getAgenda(doc);
  const positions = positionsOf(agenda, id);
  if (positions.length === 0) return false;
  doc.transact(() => {
    // Every copy, so that a duplicate not yet repaired cannot resurface with stale fields.
    for (const i of positions) {
      const map = agenda.get(i);
      for (const [k, v] of Object.entries(next)) if (map.get(k) !== v) map.set(k, v);
    }
  }, origin);
  return true;
}

/** Deletes the item `id` (every copy of it) and clears "Now" if it pointed there. */
export function removeItem(doc: Y.Doc, origin: unknown, id: string): boolean {
  const agenda = getAgenda(doc);
  const positions = positionsOf(agenda, id);
  if (positions.length === 0) return false;
  const meta = getMeta(doc);
  doc.transact(() => {
    for (let k = positions.length - 1; k >= 0; k--) agenda.delete(positions[k], 1);
    if (meta.get(META_KEYS.currentAgendaItem) === id) meta.delete(META_KEYS.currentAgendaItem);
  }, origin);
  return true;
}

/**
 * Moves the item at position `from` so that it ends up at position `to` (positions as in readAgenda).
 *
 * Why delete + insert: a Y.Array has no move operation, and a Yjs type cannot be re-parented, so the
 * item is deleted and a fresh Y.Map with the same fields (same id) is inserted, in one transaction so
 * that no client ever sees the agenda without the item.
 *
 * Concurrent moves: if two people move the same item at the same time, both delete the one original
 * (deleting twice is harmless) and each inserts their own copy, so the merged array briefly holds two
 * maps with the same id. All clients agree on their order, readAgenda shows only the first, and
 * repairAgenda (run by any editor who notices) deletes the rest: everyone converges on one item at the
 * position chosen by the first copy. The price of delete + insert: a change someone else makes to the
 * item's fields while it is being moved lands on the deleted original and is lost; a concurrent
 * removal of the item loses to the move (the moved copy survives).
 */
export function moveItem(doc: Y.Doc, origin: unknown, from: number, to: number): boolean {
  // A hidden duplicate would otherwise take the moved item's old place.
  repairAgenda(doc);
  const agenda = getAgenda(doc);
  const visible = visiblePositions(agenda);
  const n = visible.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from >= n || to < 0 || to >= n) return false;
  if (from === to) return false;
  const rawFrom = visible[from];
  // Moving down: insert after the item now at `to`, whose raw position shifts by one once `from` is
  // deleted; moving up: insert before it. Both come to visible[to].
  const rawTo = visible[to];
  const original = agenda.get(rawFrom);
  doc.transact(() => {
    // toJSON keeps every field, including ones a newer client may have added.
    const copy = toYMap(original.toJSON());
    agenda.delete(rawFrom, 1);
    agenda.insert(rawTo, [copy]);
  }, origin);
  return true;
}

/** Makes `id` the one current ("Now") item, or clears it with null. False if `id` does not exist. */
export function setCurrent(doc: Y.Doc, origin: unknown, id: string | null): boolean {
  const meta = getMeta(doc);
  if (id === null) {
    if (!meta.has(META_KEYS.currentAgendaItem)) return false;
    doc.transact(() => meta.delete(META_KEYS.currentAgendaItem), origin);
    return true;
  }
  if (positionsOf(getAgenda(doc), id).length === 0) return false;
  if (meta.get(META_KEYS.currentAgendaItem) === id) return true;
  doc.transact(() => meta.set(META_KEYS.currentAgendaItem, id), origin);
  return true;
}

/** Planned minutes against the session length (`durationMinutes` ≤ 0 means unknown). */
export function totals(items: readonly Pick<AgendaItemFields, 'minutes'>[], durationMinutes: number): AgendaTotals {
  const planned = items.reduce((sum, it) => sum + (Number.isFinite(it.minutes) && it.minutes > 0 ? it.minutes : 0), 0);
  const duration = Number.isFinite(durationMinutes) && durationMinutes > 0 ? durationMinutes : 0;
  const overBy = duration > 0 ? Math.max(0, planned - duration) : 0;
  return { planned, duration, overBy, over: overBy > 0, fill: duration > 0 ? Math.min(1, planned / duration) : 0 };
}
