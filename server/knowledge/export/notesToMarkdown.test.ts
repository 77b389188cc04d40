import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotes } from '../../../shared/doc/layout.ts';
import { notesToMarkdown } from './notesToMarkdown.ts';

/** A notes node: [name, attrs, ...children]; strings are text, [text, marks] is formatted text. */
type Node = [string, Record<string, unknown>, ...Child[]];
type Child = Node | string | { text: string; marks: Record<string, unknown> };

function build(el: Y.XmlElement | Y.XmlFragment, children: Child[]) {
  let text: Y.XmlText | null = null;
  for (const c of children) {
    if (typeof c === 'string' || !Array.isArray(c)) {
      if (!text) {
        text = new Y.XmlText();
        el.push([text]);
      }
      if (typeof c === 'string') text.insert(text.length, c, {});
      else text.insert(text.length, c.text, c.marks);
    } else {
      text = null;
      const [name, attrs, ...kids] = c;
      const child = new Y.XmlElement(name);
      el.push([child]);
      for (const [k, v] of Object.entries(attrs)) child.setAttribute(k, v as string);
      build(child, kids);
    }
  }
}

function md(...nodes: Node[]): string {
  const doc = new Y.Doc();
  build(getNotes(doc), nodes);
  return notesToMarkdown(getNotes(doc));
}

const p = (...c: Child[]): Node => ['paragraph', {}, ...c];
const li = (...c: Child[]): Node => ['listItem', {}, p(...c)];

describe('notesToMarkdown', () => {
  it('writes headings with their level, shifted by the offset and capped at 6', () => {
    expect(md(['heading', { level: 2 }, 'Cases'], p('Text'))).toBe('## Cases\n\nText');
    const doc = new Y.Doc();
    build(getNotes(doc), [['heading', { level: 5 }, 'Deep']]);
    expect(notesToMarkdown(getNotes(doc), { headingOffset: 2 })).toBe('###### Deep');
  });

  it('separates paragraphs by a blank line and drops empty ones', () => {
    expect(md(p('One'), p(), p('Two'))).toBe('One\n\nTwo');
  });

  it('writes bold, italic, inline code and strike, whitespace outside the delimiters', () => {
    expect(
      md(
        p(
          { text: 'bold ', marks: { bold: {} } },
          { text: 'it', marks: { italic: {} } },
          ' ',
          { text: 'a`b', marks: { code: {} } },
          ' ',
          { text: 'gone', marks: { strike: {} } },
          ' ',
          { text: 'both', marks: { bold: {}, italic: {} } },
        ),
      ),
    ).toBe('**bold** *it* ``a`b`` ~~gone~~ ***both***');
  });

  it('keeps http(s) links (consecutive runs become one link) and drops other targets', () => {
    expect(md(p('See ', { text: 'the ', marks: { link: { href: 'https://example.org/a(b)' } } }, { text: 'guide', marks: { link: { href: 'https://example.org/a(b)' }, bold: {} } }, '.'))).toBe(
      'See [the **guide**](https://example.org/a%28b%29).',
    );
    expect(md(p({ text: 'evil', marks: { link: { href: 'javascript:alert(1)' } } }))).toBe('evil');
    expect(md(p({ text: 'bare', marks: { link: { href: 'example.org' } } }))).toBe('[bare](https://example.org/)');
  });

  it('escapes Markdown-special characters so text stays text', () => {
    expect(md(p('*not bold* [x](y) <b> `c` # h | ~ & \\'))).toBe('\\*not bold\\* \\[x\\](y) \\<b\\> \\`c\\` \\# h \\| \\~ \\& \\\\');
    expect(md(p('- not a list'), p('1. not a number'), p('+ plus'), p('# hash'))).toBe('\\- not a list\n\n1\\. not a number\n\n\\+ plus\n\n\\# hash');
  });

  it('writes hard breaks as a backslash at the end of the line', () => {
    expect(md(p('line one', ['hardBreak', {}], 'line two'))).toBe('line one\\\nline two');
    expect(md(p('intro', ['hardBreak', {}], '- not a list', ['hardBreak', {}], '2. nor this'))).toBe('intro\\\n\\- not a list\\\n2\\. nor this');
  });

  it('writes bullet and ordered lists (with their start), nested lists indented and tight', () => {
    expect(md(['bulletList', {}, li('a'), ['listItem', {}, p('b'), ['bulletList', {}, li('b1')]]])).toBe('- a\n- b\n  - b1');
    expect(md(['orderedList', { start: 3 }, li('three'), ['listItem', {}, p('four'), ['orderedList', {}, li('inner')]]])).toBe('3. three\n4. four\n   1. inner');
  });

  it('writes task lists with their state', () => {
    expect(md(['taskList', {}, ['taskItem', { checked: true }, p('done')], ['taskItem', { checked: false }, p('open')]])).toBe('- [x] done\n- [ ] open');
  });

  it('writes quotes (nested blocks included) and code blocks with a safe fence', () => {
    expect(md(['blockquote', {}, p('quoted'), p('more')])).toBe('> quoted\n>\n> more');
    expect(md(['codeBlock', { language: 'ts' }, 'const a = 1;\n```\n'])).toBe('````ts\nconst a = 1;\n```\n````');
    expect(md(['codeBlock', { language: 'x" onload' }, '*raw*'])).toBe('```\n*raw*\n```');
  });

  it('writes rules and keeps the text of unknown nodes', () => {
    expect(md(p('a'), ['horizontalRule', {}], ['callout', {}, 'future node'])).toBe('a\n\n---\n\nfuture node');
  });

  it('gives an empty string for empty notes', () => {
    expect(md()).toBe('');
  });
});
