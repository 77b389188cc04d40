import { describe, expect, it } from 'vitest';
import { buildAtom, escapeXml, type AtomFeed } from './buildAtom.ts';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`bad entity in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, n: string) => ENTITY[n]!);
};

/**
 * A strict little XML reader for what buildAtom writes (declaration, elements, attributes, text):
 * throws on anything not well-formed — unbalanced tags, raw `<` or `&` in text, bad attributes.
 */
function parseXml(xml: string): Node {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: Node[] = [root];
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes('>')) throw new Error(`raw > in text ${JSON.stringify(text)}`);
    stack.at(-1)!.text += decode(text);
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop()!;
      if (open.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const m = /^([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*\/?$/.exec(tag);
    if (!m) throw new Error(`malformed tag <${tag}>`);
    const node: Node = { name: m[1]!, attrs: {}, children: [], text: '' };
    for (const a of m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1]! in node.attrs) throw new Error(`duplicate attribute ${a[1]}`);
      node.attrs[a[1]!] = decode(a[2]!);
    }
    stack.at(-1)!.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim()) throw new Error('one root element expected');
  return root.children[0]!;
}

const child = (n: Node, name: string) => n.children.filter((c) => c.name === name);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const hostile = `Tom & Jerry <script>alert("x")</script> 'quoted' ]]> \u0001bell\u0008 \uD800lone`;

const feed: AtomFeed = {
  id: 'tag:example.org,2026:commonplace/community/c1',
  title: `Nurses & <friends>`,
  selfUrl: 'https://example.org/api/communities/c1/feed.atom?token=abc&x="1"',
  alternateUrl: 'https://example.org/c/c1',
  fallbackUpdated: new Date('2026-01-01T00:00:00Z'),
  entries: [
    {
      id: 'tag:example.org,2026:commonplace/c1/resource/r1',
      title: hostile,
      updated: new Date('2026-03-02T10:00:00Z'),
      link: 'https://example.org/c/c1#resources',
      related: 'https://guide.example.org/a?b=1&c=2',
      author: 'Ada <admin>',
      summary: hostile,
      category: 'resource',
    },
    { id: 'tag:example.org,2026:commonplace/c1/session/s1', title: '', updated: new Date('2026-02-01T09:00:00Z'), link: 'https://example.org/s/s1', author: '', summary: 'Open discussion' },
  ],
};

describe('buildAtom', () => {
  const xml = buildAtom(feed);
  const root = parseXml(xml);

  it('is a well-formed Atom document with the required feed elements', () => {
    expect(root.name).toBe('feed');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root, 'id')[0]!.text).toBe(feed.id);
    expect(child(root, 'title')[0]!.text).toBe('Nurses & <friends>');
    // The feed's updated is its newest entry's.
    expect(child(root, 'updated')[0]!.text).toBe('2026-03-02T10:00:00.000Z');
    const self = child(root, 'link').find((l) => l.attrs.rel === 'self')!;
    expect(self.attrs.href).toBe(feed.selfUrl);
    expect(self.attrs.type).toBe('application/atom+xml');
  });

  it('gives every entry an id, title, updated, alternate link, author name and text summary', () => {
    const entries = child(root, 'entry');
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'summary', 'author']) expect(child(e, name), name).toHaveLength(1);
      expect(child(e, 'updated')[0]!.text).toMatch(RFC3339);
      expect(child(e, 'link').some((l) => l.attrs.rel === 'alternate' && l.attrs.href)).toBe(true);
      expect(child(child(e, 'author')[0]!, 'name')[0]!.text.length).toBeGreaterThan(0);
      expect(child(e, 'summary')[0]!.attrs.type).toBe('text');
      expect(child(e, 'title')[0]!.text.length).toBeGreaterThan(0);
    }
    expect(child(entries[0]!, 'link').find((l) => l.attrs.rel === 'related')!.attrs.href).toBe('https://guide.example.org/a?b=1&c=2');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const first = child(root, 'entry')[0]!;
    const expected = `Tom & Jerry <script>alert("x")</script> 'quoted' ]]> bell lone`;
    expect(child(first, 'title')[0]!.text).toBe(expected);
    expect(child(first, 'summary')[0]!.text).toBe(expected);
    expect(child(child(first, 'author')[0]!, 'name')[0]!.text).toBe('Ada <admin>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('uses the fallback time for an empty feed', () => {
    const empty = parseXml(buildAtom({ ...feed, entries: [] }));
    expect(child(empty, 'updated')[0]!.text).toBe('2026-01-01T00:00:00.000Z');
    expect(child(empty, 'entry')).toEqual([]);
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
  it('keeps valid astral characters', () => {
    expect(escapeXml('🙂 ok')).toBe('🙂 ok');
  });
});
