/**
 * Accessible names for board items ("Sticky note: Agenda ideas", "Arrow from Rectangle: Plan to
 * Ellipse: Do") and the host shown on link cards. Pure, so screen-reader wording is tested and shared
 * by the item, the outline, the selection bar and announcements.
 */
import { safeHttpUrl, type BoardItemFields, type BoardItemType, type ShapeKind } from '../doc/layout.ts';

/** Human names of the item types. */
export const ITEM_TYPE_NAMES: Record<BoardItemType, string> = {
  sticky: 'Sticky note',
  text: 'Text',
  link: 'Link',
  shape: 'Shape',
  connector: 'Arrow',
  stroke: 'Drawing',
  frame: 'Frame',
  image: 'Image',
  file: 'File',
};

/** Human names of the shape outlines. */
export const SHAPE_NAMES: Record<ShapeKind, string> = { rectangle: 'Rectangle', ellipse: 'Ellipse', diamond: 'Diamond' };

/** The name of an item's kind: its shape's name for shapes, else its type's. */
export function kindName(item: Pick<BoardItemFields, 'type' | 'shape'>): string {
  return item.type === 'shape' ? SHAPE_NAMES[item.shape ?? 'rectangle'] : ITEM_TYPE_NAMES[item.type];
}

/** "12 KB", "1.4 MB": a file size people read. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const MAX_LABEL_TEXT = 80;

/** Whitespace collapsed and cut to a length a screen reader can say. */
export function summarize(text: string, max = MAX_LABEL_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The host of an item's URL if it is http(s), else null. */
export function linkHost(url: string | undefined): string | null {
  return safeHttpUrl(url)?.host ?? null;
}

type LabelFields = Pick<BoardItemFields, 'type' | 'text' | 'url'> & Partial<Pick<BoardItemFields, 'shape' | 'mime' | 'bytes'>>;

/**
 * "Sticky note: <text>", "Rectangle: <text>", "Link: <title> (<host>)", "Frame: <title>", "File: <name>
 * (PDF, 12 KB)", "Drawing"; "empty" when there is no text. Connectors: see connectorLabel.
 */
export function itemLabel(item: LabelFields): string {
  const name = kindName(item);
  const text = summarize(item.text);
  if (item.type === 'link') {
    const host = linkHost(item.url);
    const title = text || host || summarize(item.url ?? '') || 'untitled';
    return host && host !== title ? `${name}: ${title} (${host})` : `${name}: ${title}`;
  }
  if (item.type === 'stroke') return text ? `${name}: ${text}` : name;
  if (item.type === 'connector') return text ? `${name}: ${text}` : name;
  if (item.type === 'file') {
    const kind = item.mime === 'application/pdf' ? 'PDF, ' : '';
    return `${name}: ${text || 'untitled'} (${kind}${formatBytes(item.bytes ?? 0)})`;
  }
  if (item.type === 'image') return `${name}: ${text || 'untitled'}`;
  return `${name}: ${text || 'empty'}`;
}

/** "Arrow from <from's label> to <to's label>" (plus its own label text, if any). */
export function connectorLabel(item: Pick<BoardItemFields, 'text'>, fromLabel: string | null, toLabel: string | null): string {
  const text = summarize(item.text, 40);
  const base = `Arrow from ${summarize(fromLabel ?? 'a missing item', 60)} to ${summarize(toLabel ?? 'a missing item', 60)}`;
  return text ? `${base}: ${text}` : base;
}
