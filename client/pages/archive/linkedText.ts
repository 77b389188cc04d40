/**
 * Puts a notes block's links back into its text. The server sends a block's plain text and its links
 * (href + linked text) in document order; each link's text is found in the text after the previous one.
 * Only http(s) targets become links.
 */
import { safeHttpUrl } from '../../../shared/doc/layout.ts';
import type { NoteLink } from '../../../shared/knowledge/sessionContent.ts';

/** A run of text, linked or not. */
export interface TextRun {
  text: string;
  href?: string;
}

/** The text as runs; a link whose text cannot be found (or whose target is unsafe) stays plain. */
export function linkedText(text: string, links: readonly NoteLink[]): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const link of links) {
    const url = safeHttpUrl(link.href);
    if (!url || !link.text) continue;
    const i = text.indexOf(link.text, at);
    if (i < 0) continue;
    if (i > at) runs.push({ text: text.slice(at, i) });
    runs.push({ text: link.text, href: url.href });
    at = i + link.text.length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at) });
  return runs;
}
