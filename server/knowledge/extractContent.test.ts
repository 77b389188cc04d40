/**
 * Text extraction from session documents built the way the clients build them: agenda and board maps
 * through the shared layout, and notes as Yjs XML exactly as Tiptap's binding stores them (checked
 * against the real binding and the real notes schema in the last test).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { INK_COLORS, META_KEYS, STICKY_COLORS, getAgenda, getBoard, getMeta, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { notesExtensions } from '../../client/notes/notesSchema.ts';
import { extractContent } from './extractContent.ts';

type Run = [string, Record<string, unknown>?];

/** A Y.XmlText holding `runs`, each with its marks as formatting attributes. */
function text(...runs: Run[]): Y.XmlText {
  const t = new Y.XmlText();
  // Not yet in a document, so `t.length` stays 0: count the offset ourselves.
  let at = 0;
  for (const [s, attrs] of runs) {
    // Explicit (possibly empty) attributes: without them Yjs would continue the previous run's marks.
    t.insert(at, s, attrs ?? {});
    at += s.length;
  }
  return t;
}

function el(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[] = []): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}

const p = (...runs: Run[]) => el('paragraph', {}, [text(...runs)]);
const h = (level: number, s: string) => el('heading', { level }, [text([s])]);
const li = (...children: Y.XmlElement[]) => el('listItem', {}, children);
const task = (checked: boolean, ...children: Y.XmlElement[]) => el('taskItem', { checked }, children);
const link = (href: string) => ({ link: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } });

function docWithNotes(...blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  getNotes(doc).insert(0, blocks);
  return doc;
}

const notesOf = (doc: Y.Doc) => extractContent(doc).notes;

describe('extractContent: agenda', () => {
  it('reads items in agenda order with their fields, and the current item', () => {
    const doc = new Y.Doc();
    getAgenda(doc).push([
      toYMap({ id: 'a1', title: 'Welcome', minutes: 5, owner: 'Ada', done: true, createdBy: 'u1' }),
      toYMap({ id: 'a2', title: 'Case review', minutes: 25, owner: '', done: false, createdBy: 'u2' }),
    ]);
    getMeta(doc).set(META_KEYS.currentAgendaItem, 'a2');
    const c = extractContent(doc);
    expect(c.agenda).toEqual([
      { id: 'a1', title: 'Welcome', minutes: 5, owner: 'Ada', done: true, createdBy: 'u1' },
      { id: 'a2', title: 'Case review', minutes: 25, owner: '', done: false, createdBy: 'u2' },
    ]);
    expect(c.currentAgendaItem).toBe('a2');
  });

  it('skips entries that are not maps, gives bad fields safe defaults, and drops a dangling current item', () => {
    const doc = new Y.Doc();
    const agenda = getAgenda(doc) as unknown as Y.Array<unknown>;
    agenda.push(['not an item', 42, toYMap({ id: 'a1', title: 7, minutes: -3, done: 'yes' })]);
    getMeta(doc).set(META_KEYS.currentAgendaItem, 'gone');
    const c = extractContent(doc);
    expect(c.agenda).toEqual([{ id: 'a1', title: '', minutes: 0, owner: '', done: false, createdBy: '' }]);
    expect(c).not.toHaveProperty('currentAgendaItem');
  });

  it('is empty for an empty document', () => {
    expect(extractContent(new Y.Doc())).toEqual({ agenda: [], notes: [], board: [] });
  });
});

describe('extractContent: board', () => {
  const put = (doc: Y.Doc, key: string, fields: Record<string, unknown>) => getBoard(doc).set(key, toYMap(fields));

  it('reads a sticky note', () => {
    const doc = new Y.Doc();
    put(doc, 's1', { id: 's1', type: 'sticky', x: 10, y: 20, w: 200, h: 160, text: 'Ask about\nconsent', color: STICKY_COLORS[2], z: 3, createdBy: 'u1', createdAt: 1700 });
    expect(extractContent(doc).board).toEqual([
      { id: 's1', type: 'sticky', text: 'Ask about\nconsent', x: 10, y: 20, w: 200, h: 160, color: STICKY_COLORS[2], z: 3, createdBy: 'u1', createdAt: 1700 },
    ]);
  });

  it('reads a text label', () => {
    const doc = new Y.Doc();
    put(doc, 't1', { id: 't1', type: 'text', x: 0, y: 0, text: 'Themes' });
    const [item] = extractContent(doc).board;
    expect(item).toMatchObject({ id: 't1', type: 'text', text: 'Themes', w: 240, h: 48 });
    expect(item).not.toHaveProperty('url');
  });

  it('reads a link card with its URL and host', () => {
    const doc = new Y.Doc();
    put(doc, 'l1', { id: 'l1', type: 'link', x: 0, y: 0, text: 'NICE guideline', url: 'https://www.nice.org.uk/guidance/ng1?x=1' });
    expect(extractContent(doc).board[0]).toMatchObject({
      id: 'l1',
      type: 'link',
      text: 'NICE guideline',
      url: 'https://www.nice.org.uk/guidance/ng1?x=1',
      host: 'www.nice.org.uk',
    });
  });

  it('reads a shape with its outline and text', () => {
    const doc = new Y.Doc();
    put(doc, 'sh', { id: 'sh', type: 'shape', shape: 'diamond', x: 5, y: 6, w: 120, h: 80, text: 'Decide?', color: STICKY_COLORS[3] });
    expect(extractContent(doc).board[0]).toMatchObject({ id: 'sh', type: 'shape', shape: 'diamond', text: 'Decide?', color: STICKY_COLORS[3], w: 120, h: 80 });
  });

  it('reads a connector with its ends, label and ink colour', () => {
    const doc = new Y.Doc();
    put(doc, 'c1', { id: 'c1', type: 'connector', from: 'sh', to: 's1', fromAnchor: 'right', toAnchor: 'nowhere', text: 'leads to', color: INK_COLORS[1], strokeWidth: 3 });
    expect(extractContent(doc).board[0]).toMatchObject({
      id: 'c1',
      type: 'connector',
      from: 'sh',
      to: 's1',
      fromAnchor: 'right',
      toAnchor: 'auto',
      text: 'leads to',
      color: INK_COLORS[1],
      strokeWidth: 3,
    });
  });

  it('reads a stroke with its points, forcing its colour into the ink palette', () => {
    const doc = new Y.Doc();
    put(doc, 'st', { id: 'st', type: 'stroke', x: 10, y: 10, w: 50, h: 40, points: [0, 0, 0.5, 50, 40, 0.7], color: STICKY_COLORS[0] });
    const [item] = extractContent(doc).board;
    expect(item).toMatchObject({ type: 'stroke', points: [0, 0, 0.5, 50, 40, 0.7], text: '', color: INK_COLORS[0] });
  });

  it('reads a frame with its title', () => {
    const doc = new Y.Doc();
    put(doc, 'f1', { id: 'f1', type: 'frame', x: -100, y: -100, text: 'Parking lot' });
    expect(extractContent(doc).board[0]).toMatchObject({ id: 'f1', type: 'frame', text: 'Parking lot', w: 800, h: 560 });
  });

  it('reads an image and a file card with their content hash, type and size', () => {
    const doc = new Y.Doc();
    const sha = 'ab'.repeat(32);
    put(doc, 'im', { id: 'im', type: 'image', x: 0, y: 0, text: 'Whiteboard photo', sha256: sha, mime: 'image/png', bytes: 2048 });
    put(doc, 'fi', { id: 'fi', type: 'file', x: 400, y: 0, text: 'consent-form.pdf', sha256: 'not-a-hash', mime: 'application/pdf', bytes: 99 });
    expect(extractContent(doc).board).toEqual([
      expect.objectContaining({ id: 'im', type: 'image', text: 'Whiteboard photo', sha256: sha, mime: 'image/png', bytes: 2048 }),
      expect.objectContaining({ id: 'fi', type: 'file', text: 'consent-form.pdf', sha256: '', mime: 'application/pdf', bytes: 99 }),
    ]);
  });

  it('never passes on a non-http(s) link target or a colour outside the palette', () => {
    const doc = new Y.Doc();
    put(doc, 'l1', { id: 'l1', type: 'link', text: 'click', url: 'javascript:alert(1)', color: 'red;background:url(x)' });
    const [item] = extractContent(doc).board;
    expect(item).not.toHaveProperty('url');
    expect(item).not.toHaveProperty('host');
    expect(item.color).toBe(STICKY_COLORS[0]);
  });

  it('uses the map key as id, treats an unknown type as a sticky note, and skips non-map entries', () => {
    const doc = new Y.Doc();
    put(doc, 'key-1', { id: 'other', type: 'widget', text: 'odd' });
    (getBoard(doc) as unknown as Y.Map<unknown>).set('junk', 'a string');
    expect(extractContent(doc).board).toEqual([expect.objectContaining({ id: 'key-1', type: 'sticky', text: 'odd' })]);
  });

  it('lists items in reading order: top to bottom, then left to right', () => {
    const doc = new Y.Doc();
    put(doc, 'c', { type: 'sticky', x: 0, y: 300 });
    put(doc, 'b', { type: 'sticky', x: 500, y: 0 });
    put(doc, 'a', { type: 'sticky', x: 0, y: 0 });
    expect(extractContent(doc).board.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('extractContent: notes', () => {
  it('reads headings with their level and unique anchors; later blocks carry their section', () => {
    const doc = docWithNotes(p(['Intro before any heading']), h(1, 'Case review'), p(['Details']), h(2, 'Actions'), h(3, 'Actions'), h(7, 'Bad level'));
    const notes = notesOf(doc);
    expect(notes.map((b) => [b.type, b.level, b.anchor, b.section])).toEqual([
      ['paragraph', undefined, undefined, undefined],
      ['heading', 1, 'case-review', 'case-review'],
      ['paragraph', undefined, undefined, 'case-review'],
      ['heading', 2, 'actions', 'actions'],
      ['heading', 3, 'actions-2', 'actions-2'],
      ['heading', 1, 'bad-level', 'bad-level'],
    ]);
    expect(notes[1]).toMatchObject({ text: 'Case review', id: 'case-review', depth: 0, links: [] });
  });

  it('reads paragraphs, joining formatted runs and turning hard breaks into newlines', () => {
    const doc = docWithNotes(el('paragraph', {}, [text(['Plain '], ['bold', { bold: {} }], [' text']), el('hardBreak', {}), text(['next line'])]));
    expect(notesOf(doc)).toEqual([{ type: 'paragraph', text: 'Plain bold text\nnext line', depth: 0, id: expect.stringMatching(/^b-[0-9a-f]{8}$/), links: [] }]);
  });

  it('reads bullet and ordered list items with their depth, nested lists after their parent', () => {
    const doc = docWithNotes(
      el('bulletList', {}, [li(p(['First']), el('orderedList', {}, [li(p(['Nested one'])), li(p(['Nested two']))])), li(p(['Second']))]),
    );
    expect(notesOf(doc).map((b) => [b.type, b.text, b.depth, b.ordered])).toEqual([
      ['listItem', 'First', 1, false],
      ['listItem', 'Nested one', 2, true],
      ['listItem', 'Nested two', 2, true],
      ['listItem', 'Second', 1, false],
    ]);
  });

  it('reads task items with their checked state', () => {
    const doc = docWithNotes(el('taskList', {}, [task(true, p(['Send the slides'])), task(false, p(['Book the room']), el('taskList', {}, [task(true, p(['Sub-task']))]))]));
    expect(notesOf(doc).map((b) => [b.type, b.text, b.checked, b.depth])).toEqual([
      ['taskItem', 'Send the slides', true, 1],
      ['taskItem', 'Book the room', false, 1],
      ['taskItem', 'Sub-task', true, 2],
    ]);
  });

  it('reads block quotes and code blocks', () => {
    const doc = docWithNotes(el('blockquote', {}, [p(['We agreed to pilot it']), p(['for three months'])]), el('codeBlock', { language: 'sql' }, [text(['SELECT 1;\nSELECT 2;'])]));
    expect(notesOf(doc).map((b) => [b.type, b.text])).toEqual([
      ['quote', 'We agreed to pilot it'],
      ['quote', 'for three months'],
      ['code', 'SELECT 1;\nSELECT 2;'],
    ]);
  });

  it('collects links (marks as formatting attributes), merging runs of one link and keeping only web links', () => {
    const doc = docWithNotes(
      p(
        ['See '],
        ['the ', link('https://example.org/guide')],
        ['guide', { ...link('https://example.org/guide'), bold: {} }],
        [' and '],
        ['this', link('example.net/page')],
        [' but not '],
        ['that', link('javascript:alert(1)')],
      ),
    );
    const [block] = notesOf(doc);
    expect(block.text).toBe('See the guide and this but not that');
    expect(block.links).toEqual([
      { href: 'https://example.org/guide', text: 'the guide' },
      { href: 'https://example.net/page', text: 'this' },
    ]);
  });

  it('keeps the text of node types it does not know and skips rules', () => {
    const doc = docWithNotes(el('horizontalRule', {}), el('callout', {}, [text(['Remember consent'])]), el('details', {}, [p(['Inside a container'])]));
    expect(notesOf(doc).map((b) => [b.type, b.text])).toEqual([
      ['paragraph', 'Remember consent'],
      ['paragraph', 'Inside a container'],
    ]);
  });

  it('gives blocks ids that survive edits elsewhere and are unique for repeated text', () => {
    const doc = docWithNotes(p(['Same']), p(['Same']), p(['Other']));
    const before = notesOf(doc).map((b) => b.id);
    expect(new Set(before).size).toBe(3);
    expect(before[1]).toBe(`${before[0]}-2`);
    getNotes(doc).insert(0, [h(2, 'New heading')]);
    const after = notesOf(doc).map((b) => b.id);
    expect(after.slice(1)).toEqual(before);
  });

  it('reads notes exactly as the Tiptap binding stores them with the real notes schema', () => {
    const schema = getSchema(notesExtensions());
    const doc = new Y.Doc();
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Décisions' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Read ' }, { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }] }, { type: 'hardBreak' }, { type: 'text', text: 'then act' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'bullet' }] }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] }] },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'done' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'x = 1' }] },
      ],
    };
    prosemirrorJSONToYXmlFragment(schema, json, getNotes(doc));
    // Through an update, as the server receives it.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    expect(notesOf(server).map(({ id: _id, ...b }) => b)).toEqual([
      { type: 'heading', level: 2, text: 'Décisions', anchor: 'decisions', section: 'decisions', depth: 0, links: [] },
      { type: 'paragraph', text: 'Read this\nthen act', section: 'decisions', depth: 0, links: [{ href: 'https://example.org/', text: 'this' }] },
      { type: 'listItem', text: 'bullet', ordered: false, section: 'decisions', depth: 1, links: [] },
      { type: 'listItem', text: 'first', ordered: true, section: 'decisions', depth: 1, links: [] },
      { type: 'taskItem', text: 'done', checked: true, section: 'decisions', depth: 1, links: [] },
      { type: 'quote', text: 'quoted', section: 'decisions', depth: 0, links: [] },
      { type: 'code', text: 'x = 1', section: 'decisions', depth: 0, links: [] },
    ]);
  });
});
