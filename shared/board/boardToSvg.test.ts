import { describe, expect, it } from 'vitest';
import type { BoardItemFields } from '../doc/layout.ts';
import { boardToSvg, escapeXml, wrapText } from './boardToSvg.ts';

const palette = { canvas: '#fbfaf7', surface: '#ffffff', border: '#a8a59b', text: '#1f2328', muted: '#57606a', link: '#1f4e79' };
const base = { w: 200, h: 160, color: '', z: 0, createdBy: '', createdAt: 0 };
const item = (over: Partial<BoardItemFields> & Pick<BoardItemFields, 'id' | 'type' | 'x' | 'y'>): BoardItemFields => ({ ...base, text: '', ...over });

describe('escapeXml and wrapText', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
  it('wraps on words, keeps paragraphs, cuts long words and ends an overflow with an ellipsis', () => {
    const m = (t: string) => t.length * 10;
    expect(wrapText('one two three', 80, 16, 5, m)).toEqual(['one two', 'three']);
    expect(wrapText('a\nb', 80, 16, 5, m)).toEqual(['a', 'b']);
    expect(wrapText('abcdefghijkl', 50, 16, 5, m)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('one two three four', 40, 16, 2, m)).toEqual(['one', 'tw…']);
  });
});

describe('boardToSvg', () => {
  it('returns nothing for nothing', () => {
    expect(boardToSvg([], { palette })).toBeNull();
  });

  it('renders every kind of item, sized to their bounds plus padding', () => {
    const items = [
      item({ id: 'f', type: 'frame', x: 0, y: 0, w: 1000, h: 600, text: 'Sprint', z: -1 }),
      item({ id: 'a', type: 'sticky', x: 40, y: 40, text: 'Hello <b>world</b> & "friends"', color: '#caffbf' }),
      item({ id: 'b', type: 'shape', shape: 'diamond', x: 400, y: 40, text: 'Decide' }),
      item({ id: 'c', type: 'connector', x: 0, y: 0, from: 'a', to: 'b', fromAnchor: 'auto', toAnchor: 'auto', strokeWidth: 2 }),
      item({ id: 's', type: 'stroke', x: 40, y: 300, w: 106.4, h: 32, points: [3.2, 16, 0.5, 103.2, 16, 0.5], strokeWidth: 4 }),
      item({ id: 'l', type: 'link', x: 400, y: 300, text: 'Wiki', url: 'https://wiki.example/x' }),
      item({ id: 'p', type: 'file', x: 700, y: 300, text: 'plan.pdf', mime: 'application/pdf', bytes: 2048 }),
      item({ id: 'i', type: 'image', x: 700, y: 40, text: 'ward.png', sha256: 'a'.repeat(64), mime: 'image/png' }),
      item({ id: 't', type: 'text', x: 40, y: 500, text: 'Title' }),
    ];
    const out = boardToSvg(items, { palette, padding: 10 })!;
    // The frame's title sits 28 units above it; the text label reaches 660.
    expect([out.width, out.height]).toEqual([1020, 708]);
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1020" height="708"')).toBe(true);
    expect(out.svg).toContain('Hello &lt;b&gt;world&lt;/b&gt;');
    expect(out.svg).toContain('&amp; &quot;friends&quot;');
    expect(out.svg).not.toMatch(/<b>|<script|foreignObject/);
    expect(out.svg).toContain('fill="#caffbf"');
    expect(out.svg).toContain('>Sprint</tspan>');
    expect(out.svg).toContain('>Decide</tspan>');
    expect(out.svg).toContain('<path d="M240 120L400 120"'); // the arrow between sticky and diamond
    expect(out.svg).toContain('>wiki.example</tspan>');
    expect(out.svg).toContain('>PDF</text>');
    expect(out.svg).toContain('>2 KB</tspan>');
    expect(out.svg).toContain('>ward.png</tspan>'); // no image data: a labelled placeholder
  });

  it('embeds image data only as a well-formed data: URL, and never an unknown colour', () => {
    const img = item({ id: 'i', type: 'image', x: 0, y: 0, sha256: 'b'.repeat(64), mime: 'image/png' });
    const good = boardToSvg([img], { palette, images: new Map([['b'.repeat(64), 'data:image/png;base64,iVBORw0KGgo=']]) })!;
    expect(good.svg).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    const bad = boardToSvg([img], { palette, images: new Map([['b'.repeat(64), 'javascript:alert(1)"onload="x']]) })!;
    expect(bad.svg).not.toContain('javascript');
    const sticky = boardToSvg([item({ id: 'x', type: 'sticky', x: 0, y: 0, color: 'red" onload="alert(1)' })], { palette })!;
    expect(sticky.svg).not.toContain('onload');
  });
});
