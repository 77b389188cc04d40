/**
 * The shared notes (a Tiptap/ProseMirror document stored as a Y.XmlFragment) as CommonMark + GFM:
 * headings, paragraphs, bold/italic/code/strike, links (http(s) only), bullet/ordered/task lists,
 * quotes, code blocks, rules and hard breaks. Walks the Yjs XML directly like extractNotes.ts, so the
 * server needs no editor. Text is escaped, so what people wrote never turns into markup. Underline has
 * no Markdown form and is kept as plain text; unknown nodes (a newer schema) keep their text.
 */
import * as Y from 'yjs';
import { parseUserUrl } from '../../../shared/doc/layout.ts';
import { codeFence, codeSpan, escapeLineStart, escapeMarkdown, linkTarget, prefixLines } from './markdownText.ts';

export interface NotesMarkdownOptions {
  /** Added to every heading level (capped at 6), e.g. 2 when the notes sit under a `##` section. */
  headingOffset?: number;
}

type Attrs = Record<string, unknown> | undefined;
interface Run {
  text: string;
  attrs: Attrs;
}

/** The http(s) target of a run's link mark, if any (overlapping marks are stored as "link--<hash>"). */
function linkOf(attrs: Attrs): string | null {
  if (!attrs) return null;
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== 'link' && !key.startsWith('link--')) continue;
    const href = (value as { href?: unknown } | null)?.href;
    const url = typeof href === 'string' ? parseUserUrl(href) : null;
    if (url) return url.href;
  }
  return null;
}

const has = (attrs: Attrs, mark: string) => !!attrs && Object.keys(attrs).some((k) => k === mark || k.startsWith(`${mark}--`));

/** One run with its emphasis marks; whitespace at its edges stays outside the delimiters (else they would not count). */
function formatRun(run: Run): string {
  if (has(run.attrs, 'code')) return codeSpan(run.text);
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
  if (!m[2]) return run.text;
  let inner = escapeMarkdown(m[2]);
  if (has(run.attrs, 'strike')) inner = `~~${inner}~~`;
  if (has(run.attrs, 'italic')) inner = `*${inner}*`;
  if (has(run.attrs, 'bold')) inner = `**${inner}**`;
  return m[1] + inner + m[3];
}

/** Inline content (text runs and hard breaks) of a paragraph-like element, as one Markdown string. */
function inlineOf(el: Y.XmlElement): string {
  const runs: (Run | 'break')[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown; attributes?: Attrs }[]) {
        if (typeof op.insert !== 'string') continue;
        // A newline cannot be in ProseMirror text; from a foreign client it is read as a hard break.
        op.insert.split('\n').forEach((part, i) => {
          if (i > 0) runs.push('break');
          if (part) runs.push({ text: part, attrs: op.attributes });
        });
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') runs.push('break');
      else for (const child of node.toArray()) visit(child);
    }
  };
  for (const child of el.toArray()) visit(child);

  let out = '';
  for (let i = 0; i < runs.length; ) {
    const run = runs[i];
    if (run === 'break') {
      // A trailing hard break has no Markdown form (and no visible effect): dropped.
      if (i < runs.length - 1) out += '\\\n';
      i++;
      continue;
    }
    const href = linkOf(run.attrs);
    if (!href) {
      out += formatRun(run);
      i++;
      continue;
    }
    // Consecutive runs of one link become one link with their own emphasis inside.
    let label = '';
    while (i < runs.length && runs[i] !== 'break' && linkOf((runs[i] as Run).attrs) === href) label += formatRun(runs[i++] as Run);
    out += `[${label}](${linkTarget(href)})`;
  }
  // Every line, not only the first: after a hard break, "- x" or "1. x" would start a list.
  return out.split('\\\n').map(escapeLineStart).join('\\\n');
}

const level = (el: Y.XmlElement) => {
  const n = Number(el.getAttribute('level'));
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 1;
};

const checked = (el: Y.XmlElement) => {
  const v = el.getAttribute('checked') as unknown;
  return v === true || v === 'true';
};

const elements = (el: Y.XmlElement | Y.XmlFragment) => el.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);

/** Plain text of an element (code blocks: no escaping, hard breaks as newlines). */
function plainText(el: Y.XmlElement): string {
  let text = '';
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) text += deltaText(child);
    else if (child instanceof Y.XmlElement) text += child.nodeName === 'hardBreak' ? '\n' : plainText(child);
  }
  return text;
}

function deltaText(t: Y.XmlText): string {
  return (t.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** Converts the notes to Markdown (blocks separated by blank lines; tight lists). Empty notes give ''. */
export function notesToMarkdown(fragment: Y.XmlFragment, opts: NotesMarkdownOptions = {}): string {
  const offset = opts.headingOffset ?? 0;

  /** The Markdown of a sequence of block elements ('' when they have nothing to show). */
  const blocks = (els: Y.XmlElement[]): string => els.map(block).filter((b) => b !== '').join('\n\n');

  const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);
  /** An item's blocks; a nested list follows its paragraph directly, so the list stays tight. */
  const itemBody = (els: Y.XmlElement[]): string => {
    let out = '';
    for (const el of els) {
      const md = block(el);
      if (md === '') continue;
      out += out === '' ? md : `${LISTS.has(el.nodeName) ? '\n' : '\n\n'}${md}`;
    }
    return out;
  };

  const list = (el: Y.XmlElement): string => {
    const ordered = el.nodeName === 'orderedList';
    const startAttr = Number(el.getAttribute('start'));
    let n = Number.isInteger(startAttr) && startAttr >= 0 ? startAttr : 1;
    const items: string[] = [];
    for (const item of elements(el)) {
      let marker = '- ';
      if (ordered) marker = `${n++}. `;
      else if (item.nodeName === 'taskItem') marker = `- [${checked(item) ? 'x' : ' '}] `;
      const children = item.nodeName === 'listItem' || item.nodeName === 'taskItem' ? elements(item) : [item];
      // Tight lists; an item's own blocks (several paragraphs, a nested list) are indented under its marker.
      const body = itemBody(children);
      // A task item's content starts after "- " (the checkbox is part of its first paragraph).
      const indent = ' '.repeat(item.nodeName === 'taskItem' ? 2 : marker.length);
      items.push(prefixLines(body, marker, indent).trimEnd() || marker.trimEnd());
    }
    return items.join('\n');
  };

  function block(el: Y.XmlElement): string {
    switch (el.nodeName) {
      case 'paragraph':
        return inlineOf(el);
      case 'heading': {
        const text = inlineOf(el);
        return text ? `${'#'.repeat(Math.min(6, level(el) + offset))} ${text}` : '';
      }
      case 'codeBlock':
        return codeFence(plainText(el), String(el.getAttribute('language') ?? ''));
      case 'blockquote': {
        const inner = blocks(elements(el));
        return inner ? prefixLines(inner, '> ', '> ') : '';
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        return list(el);
      case 'horizontalRule':
        return '---';
      case 'hardBreak':
      case 'image':
        return '';
      default:
        // An unknown node: its text as a paragraph if it holds text, else its blocks.
        return el.toArray().some((c) => c instanceof Y.XmlText) ? inlineOf(el) : blocks(elements(el));
    }
  }

  return blocks(elements(fragment));
}
