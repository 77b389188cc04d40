/**
 * The search API's shapes and the snippet convention. Snippets are plain text in which the matching
 * words are wrapped in two private-use characters; the client turns those into <mark> elements built
 * from text nodes, so no HTML ever travels from the server into the page.
 */

/** Where in a session a search hit is. */
export const SEARCH_KINDS = ['title', 'agenda', 'notes', 'board'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Starts a highlighted match inside a snippet (U+E000, private use: never typed by people). */
export const SNIPPET_MARK_OPEN = '\uE000';
/** Ends a highlighted match inside a snippet (U+E001). */
export const SNIPPET_MARK_CLOSE = '\uE001';
/** Put where a snippet cuts the text short. */
export const SNIPPET_ELLIPSIS = '…';

/** Shortest and longest accepted query (`q`), in characters. */
export const SEARCH_QUERY_MIN = 1;
export const SEARCH_QUERY_MAX = 200;

/** One result of `GET /api/search` or `GET /api/communities/:id/search`. */
export interface SearchResultDto {
  sessionId: string;
  room: string;
  communityId: string;
  /** The session's title. */
  title: string;
  /** Text around the match, matches wrapped in SNIPPET_MARK_OPEN … SNIPPET_MARK_CLOSE. */
  snippet: string;
  /** `itemId`: the agenda item id, the heading anchor of the notes section, or the board item id. */
  where: { kind: SearchKind; itemId?: string };
  /** Higher is better; only meaningful for ordering the results of one query. */
  score: number;
}

/** The response body of both search endpoints: best first. */
export interface SearchResponse {
  results: SearchResultDto[];
}

/** A piece of a snippet: plain text, or a highlighted match. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a snippet at its markers. Unbalanced markers are tolerated (an open marker without a close
 * highlights to the end); empty parts are dropped.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, mark });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_MARK_OPEN || ch === SNIPPET_MARK_CLOSE) {
      flush();
      mark = ch === SNIPPET_MARK_OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** Removes the marker characters (from indexed text, so content can never fake a highlight). */
export function stripSnippetMarks(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}
