/**
 * Stable names for places in the notes: heading anchors (slugs of the heading text, made unique in
 * document order) and ids for other blocks. The server derives them when it extracts the notes; the
 * client derives the same anchors from the rendered headings to scroll to a search result.
 */

const MAX_SLUG_LENGTH = 64;

/** "Decisions & next steps" → "decisions-next-steps"; letters of any script are kept, accents dropped. */
export function headingSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'section';
}

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Hands out names unique within one document: the second "Actions" heading becomes "actions-2".
 * Use one allocator per document, fed in document order.
 */
export class UniqueNames {
  private readonly used = new Set<string>();

  /** `base`, or `base-2`, `base-3`… whichever is free first. */
  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}-${n}`;
    this.used.add(name);
    return name;
  }
}

/** Anchors of a document's headings, in order, from their texts (what the server computes). */
export function headingAnchors(headingTexts: readonly string[]): string[] {
  const names = new UniqueNames();
  return headingTexts.map((t) => names.take(headingSlug(t)));
}
