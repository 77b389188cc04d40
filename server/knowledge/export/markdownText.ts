/**
 * Markdown building blocks for the exports: escaping what people wrote so that it reads back as the
 * same text (never as markup), code spans and fences that survive backticks in the code, and link
 * targets that cannot break out of `(…)`. Pure.
 */

/** `text` as Markdown inline text: every character that could start markup is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Characters XML and most renderers drop anyway; also keeps stray control codes out of files.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/[\\`*_{}[\]<>#|~&]/g, (c) => ESCAPES[c] ?? c)
  );
}

// Punctuation that can begin or end an inline construct anywhere; `-`, `+`, `=` and `1.` only matter at
// the start of a line (escapeLineStart), so ordinary prose stays readable.
const ESCAPES: Record<string, string> = {
  '\\': '\\\\', '`': '\\`', '*': '\\*', _: '\\_', '{': '\\{', '}': '\\}', '[': '\\[', ']': '\\]',
  '<': '\\<', '>': '\\>', '#': '\\#', '|': '\\|', '~': '\\~', '&': '\\&',
};

/**
 * Escapes what would start a block at the beginning of a line (heading, quote, list marker, thematic
 * break, setext underline, numbered list). Apply to the first inline text of a block.
 */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** `code` as a code span: delimited by one more backtick than its longest run, padded when it touches one. */
export function codeSpan(code: string): string {
  const text = code.replace(/\n/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (/^ .* $/.test(text) && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block: the fence is longer than any backtick run in `code`; `language` is kept if plain. */
export function codeFence(code: string, language = ''): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const lang = /^[\w+#.-]{1,30}$/.test(language) ? language : '';
  return `${fence}${lang}\n${code}${code.endsWith('\n') || code === '' ? '' : '\n'}${fence}`;
}

/** A link destination that cannot end the `(…)` early: spaces, parentheses and angle brackets percent-encoded. */
export function linkTarget(href: string): string {
  return href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](href)` with the text escaped (an empty text shows the address). */
export function markdownLink(text: string, href: string): string {
  return `[${escapeMarkdown(text.trim() || href)}](${linkTarget(href)})`;
}

/** Prefixes every line of `block` with `first` (the first line) and `rest` (the others); blank lines get `rest` trimmed. */
export function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? rest.trimEnd() : rest + line))
    .join('\n');
}
