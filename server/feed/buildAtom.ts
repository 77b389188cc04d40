/**
 * Writes an RFC 4287 Atom feed. Every text goes through `escapeXml`, which also drops characters XML 1.0
 * cannot carry (control characters, lone surrogates), so whatever members typed yields a well-formed
 * document. Text constructs are plain text (type="text"): no markup from members reaches a feed reader.
 */

/** One entry. `id` must be a stable IRI (a tag: URI) that never changes for the same item. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  /** The app page the entry is about (link rel="alternate"). */
  link: string;
  /** Another page it refers to, e.g. a shared resource's own URL (link rel="related"). */
  related?: string;
  author: string;
  summary: string;
  /** A short label of the entry's kind (atom:category term). */
  category?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own URL (link rel="self"). */
  selfUrl: string;
  /** The page the feed is about (link rel="alternate"). */
  alternateUrl: string;
  /** Used as `updated` when there are no entries. */
  fallbackUpdated: Date;
  entries: AtomEntry[];
}

// Characters XML 1.0 does not allow at all (anything but tab, LF, CR below U+0020; U+FFFE/U+FFFF; lone surrogates).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML content and in double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${escapeXml(type)}"` : ''}/>`;

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    ${el('id', e.id)}`,
    `    ${el('title', e.title || '(untitled)', ' type="text"')}`,
    `    ${el('updated', e.updated.toISOString())}`,
    `    ${link('alternate', e.link, 'text/html')}`,
    ...(e.related ? [`    ${link('related', e.related)}`] : []),
    `    <author>${el('name', e.author || 'Someone')}</author>`,
    ...(e.category ? [`    <category term="${escapeXml(e.category)}"/>`] : []),
    `    ${el('summary', e.summary, ' type="text"')}`,
    '  </entry>',
  ].join('\n');
}

/** The feed document; entries are written in the order given (callers put the newest first). */
export function buildAtom(feed: AtomFeed): string {
  const newest = feed.entries.reduce<Date | null>((max, e) => (!max || e.updated > max ? e.updated : max), null);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${el('id', feed.id)}`,
    `  ${el('title', feed.title, ' type="text"')}`,
    `  ${el('updated', (newest ?? feed.fallbackUpdated).toISOString())}`,
    `  ${link('self', feed.selfUrl, 'application/atom+xml')}`,
    `  ${link('alternate', feed.alternateUrl, 'text/html')}`,
    `  ${el('generator', 'Commonplace')}`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
