/**
 * Accessible names for board items ("Sticky note: Agenda ideas") and the host shown on link cards.
 * Pure, so screen-reader wording is tested and shared by the item, the selection bar and announcements.
 */
import { safeHttpUrl, type BoardItemFields, type BoardItemType } from '../../shared/doc/layout.ts';

/** Human names of the item types. */
export const ITEM_TYPE_NAMES: Record<BoardItemType, string> = {
  sticky: 'Sticky note',
  text: 'Text',
  link: 'Link',
};

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

/** "Sticky note: <text>", "Text: <text>", "Link: <title> (<host>)"; "empty" when there is no text. */
export function itemLabel(item: Pick<BoardItemFields, 'type' | 'text' | 'url'>): string {
  const name = ITEM_TYPE_NAMES[item.type];
  const text = summarize(item.text);
  if (item.type === 'link') {
    const host = linkHost(item.url);
    const title = text || host || summarize(item.url ?? '') || 'untitled';
    return host && host !== title ? `${name}: ${title} (${host})` : `${name}: ${title}`;
  }
  return `${name}: ${text || 'empty'}`;
}
