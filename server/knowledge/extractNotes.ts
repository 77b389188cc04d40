/**
 * Flattens the notes (a Tiptap/ProseMirror document stored as a Y.XmlFragment) into NoteBlocks. Walks
 * the Yjs XML directly — element nodeName = ProseMirror node type, Y.XmlText carrying marks as
 * formatting attributes (a link is `{ link: { href } }`) — so the server needs no editor or schema.
 * Unknown node types (a newer schema) are read for their text rather than dropped.
 */
import * as Y from 'yjs';
import { DUE_DATE_PATTERN, NOTES_ATTRS, parseUserUrl } from '../../shared/doc/layout.ts';
import { UniqueNames, fnv1a, headingSlug } from '../../shared/knowledge/anchors.ts';
import type { NoteBlock, NoteBlockType, NoteLink } from '../../shared/knowledge/sessionContent.ts';

const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);
const ITEMS = new Set(['listItem', 'taskItem']);
/** Leaf nodes with no text of their own. */
const SKIPPED = new Set(['horizontalRule', 'image']);

interface Inline {
  text: string;
  links: NoteLink[];
}

/** Text and links of an inline container (paragraph, heading, code block). */
function readInline(el: Y.XmlElement | Y.XmlFragment): Inline {
  let text = '';
  const links: NoteLink[] = [];
  let open: NoteLink | null = null;
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        text += op.insert;
        const href = linkHref(op.attributes);
        if (href && open?.href === href) open.text += op.insert;
        else {
          open = href ? { href, text: op.insert } : null;
          if (open) links.push(open);
        }
      }
      return;
    }
    open = null;
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'hardBreak') text += '\n';
    else for (const child of node.toArray()) visit(child);
  };
  for (const child of el.toArray()) visit(child);
  for (const l of links) l.text = l.text.trim();
  return { text, links };
}

/** The link target of a text run, if it has a link mark with a usable http(s) target. */
function linkHref(attributes: Record<string, unknown> | undefined): string | null {
  if (!attributes) return null;
  for (const [key, value] of Object.entries(attributes)) {
    // Overlapping marks of one type are stored under "link--<hash>" keys.
    if (key !== 'link' && !key.startsWith('link--')) continue;
    const href = (value as { href?: unknown } | null)?.href;
    const url = typeof href === 'string' ? parseUserUrl(href) : null;
    if (url) return url.href;
  }
  return null;
}

function headingLevel(el: Y.XmlElement): number {
  const n = Number(el.getAttribute('level'));
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 1;
}

/** A boolean attribute (y-prosemirror stores booleans as they are; other writers may use strings). */
function flag(el: Y.XmlElement, name: string): boolean {
  const v = el.getAttribute(name) as unknown;
  return v === true || v === 'true';
}

function isChecked(el: Y.XmlElement): boolean {
  return flag(el, NOTES_ATTRS.checked);
}

/** A task item's assignee and due date, where set and well-formed. */
function actionFields(el: Y.XmlElement): Partial<NoteBlock> {
  const out: Partial<NoteBlock> = {};
  const text = (name: string) => {
    const v = el.getAttribute(name) as unknown;
    return typeof v === 'string' ? v.trim().slice(0, 200) : '';
  };
  const assignee = text(NOTES_ATTRS.assignee);
  if (assignee) {
    out.assignee = assignee;
    const name = text(NOTES_ATTRS.assigneeName);
    if (name) out.assigneeName = name;
  }
  const due = text(NOTES_ATTRS.due);
  if (DUE_DATE_PATTERN.test(due) && !Number.isNaN(Date.parse(`${due}T00:00:00Z`))) out.due = due;
  return out;
}

/** Whether an element holds inline content (text) rather than blocks. */
function holdsInline(el: Y.XmlElement): boolean {
  return el.toArray().some((c) => c instanceof Y.XmlText);
}

/** The notes as blocks in document order, with heading anchors and block ids unique in the document. */
export function extractNotes(fragment: Y.XmlFragment): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const anchors = new UniqueNames();
  const ids = new UniqueNames();
  let section: string | undefined;

  const push = (type: NoteBlockType, inline: Inline, depth: number, extra: Partial<NoteBlock> = {}): NoteBlock => {
    const block: NoteBlock = { type, text: inline.text, depth, id: '', links: inline.links, ...extra };
    if (type === 'heading') {
      section = anchors.take(headingSlug(inline.text));
      block.anchor = section;
      block.id = section;
    } else {
      block.id = ids.take(`b-${fnv1a(`${type}\u0000${inline.text}`)}`);
    }
    if (section) block.section = section;
    blocks.push(block);
    return block;
  };

  const walk = (el: Y.XmlElement, ctx: { depth: number; quote: boolean; ordered: boolean }) => {
    const name = el.nodeName;
    if (SKIPPED.has(name)) return;
    if (name === 'heading') {
      push('heading', readInline(el), ctx.depth, { level: headingLevel(el) });
    } else if (name === 'paragraph') {
      push(ctx.quote ? 'quote' : 'paragraph', readInline(el), ctx.depth, flag(el, NOTES_ATTRS.decision) ? { decision: true } : {});
    } else if (name === 'codeBlock') {
      push('code', readInline(el), ctx.depth);
    } else if (name === 'blockquote') {
      for (const c of el.toArray()) if (c instanceof Y.XmlElement) walk(c, { ...ctx, quote: true });
    } else if (LISTS.has(name)) {
      const inner = { ...ctx, depth: ctx.depth + 1, ordered: name === 'orderedList' };
      for (const c of el.toArray()) if (c instanceof Y.XmlElement) walk(c, inner);
    } else if (ITEMS.has(name)) {
      readItem(el, ctx);
    } else if (holdsInline(el)) {
      // An unknown block with text (a newer schema's node): keep its text as a paragraph.
      push(ctx.quote ? 'quote' : 'paragraph', readInline(el), ctx.depth);
    } else {
      for (const c of el.toArray()) if (c instanceof Y.XmlElement) walk(c, ctx);
    }
  };

  /** A list item is one block holding its own paragraphs' text; nested lists and other blocks follow it. */
  const readItem = (el: Y.XmlElement, ctx: { depth: number; quote: boolean; ordered: boolean }) => {
    const children = el.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
    const own = children.filter((c) => c.nodeName === 'paragraph').map(readInline);
    const inline: Inline = { text: own.map((p) => p.text).join('\n'), links: own.flatMap((p) => p.links) };
    const extra: Partial<NoteBlock> =
      el.nodeName === 'taskItem' ? { checked: isChecked(el), ...actionFields(el) } : { ordered: ctx.ordered };
    if (children.some((c) => c.nodeName === 'paragraph' && flag(c, NOTES_ATTRS.decision))) extra.decision = true;
    push(el.nodeName === 'taskItem' ? 'taskItem' : 'listItem', inline, ctx.depth, extra);
    for (const c of children) if (c.nodeName !== 'paragraph') walk(c, ctx);
  };

  for (const child of fragment.toArray()) if (child instanceof Y.XmlElement) walk(child, { depth: 0, quote: false, ordered: false });
  return blocks;
}
