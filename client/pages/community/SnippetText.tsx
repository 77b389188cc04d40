/**
 * A search snippet with its matches highlighted. The server marks matches with private-use characters;
 * this turns them into <mark> elements whose content React renders as text nodes — no HTML from the
 * server ever reaches the page.
 */
import { splitSnippet } from '../../../shared/knowledge/search.ts';

/** The snippet's text, matched words in <mark>. */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
