/**
 * Reads a link preview out of a web page's HTML: the <title> and the OpenGraph / standard meta tags of
 * its head. Forgiving like a browser (unquoted attributes, any order, missing tags), and bounded: every
 * field is cleaned and capped, so a hostile page cannot put megabytes or control characters on a card.
 */
import { decodeHtmlEntities } from './htmlEntities.ts';

/** What a page says about itself; null where it says nothing usable. */
export interface PageMeta {
  title: string | null;
  description: string | null;
  siteName: string | null;
}

/** Longest field kept, in characters (code points). */
export const META_LIMITS = { title: 300, description: 500, siteName: 100 } as const;

// Every pattern here runs in linear time on hostile input (a page is up to 512 KiB): tag insides stop at
// the next `<` and an unclosed quote runs to the end of the tag, so no scan is repeated from every offset.
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|([^\s"'=<>`]+)))?/g;

/** The attributes of a tag's inside (`meta name="x" content=y`), names lower-cased; values raw (cleanField decodes). */
function attributes(tagInside: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagInside.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Entity-decoded text with whitespace collapsed, control characters removed, capped at `max`. */
export function cleanField(raw: string | undefined, max: number): string | null {
  if (raw === undefined) return null;
  // Only the start can end up in the field: decoding a whole 512 KiB title would be wasted work.
  const text = decodeHtmlEntities(raw.slice(0, max * 20))
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** The part of a page that can hold its head's tags: comments, scripts and styles removed, body cut off. */
function headOf(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  const end = stripped.search(/<\/head\s*>|<body[\s>]/i);
  return end === -1 ? stripped : stripped.slice(0, end);
}

/** The preview fields of a page (OpenGraph first, then the standard tags). */
export function parseMeta(html: string): PageMeta {
  const head = headOf(html);
  const meta = new Map<string, string>();
  for (const m of head.matchAll(/<meta\b([^<>]*)>/gi)) {
    const attrs = attributes(m[1]);
    const key = (attrs.get('property') ?? attrs.get('name') ?? '').toLowerCase();
    const content = attrs.get('content');
    // The first occurrence wins, like the OpenGraph readers of the big sites.
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  // <title> is raw text: entities are references, tags inside it are text.
  const titleTag = /<title\b[^<>]*>([\s\S]*?)(?:<\/title\s*>|$)/i.exec(head)?.[1];
  const pick = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== '');
  return {
    title: cleanField(pick(meta.get('og:title'), meta.get('twitter:title'), titleTag), META_LIMITS.title),
    description: cleanField(pick(meta.get('og:description'), meta.get('description'), meta.get('twitter:description')), META_LIMITS.description),
    siteName: cleanField(pick(meta.get('og:site_name'), meta.get('application-name')), META_LIMITS.siteName),
  };
}
