import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_ITEM_SIZE, INK_COLORS, MIN_ITEM_SIZE, STICKY_COLORS, getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import {
  MAX_ITEM_SIZE,
  MAX_TEXT_LENGTH,
  bringBoardItemToFront,
  cleanColor,
  createBoardItem,
  createBoardUndoManager,
  deleteBoardItems,
  linkTitle,
  maxBoardZ,
  moveBoardItem,
  newBoardItemId,
  pastedUrl,
  resizeBoardItem,
  updateBoardItem,
} from './boardOps.ts';

const me = { local: 'me' };
const other = { local: 'someone else' };

function item(doc: Y.Doc, id: string) {
  const map = getBoard(doc).get(id);
  if (!map) throw new Error(`no item ${id}`);
  return readBoardItem(map);
}

function sticky(doc: Y.Doc, origin: object, x = 0, y = 0, text = '') {
  return createBoardItem(doc, origin, { type: 'sticky', x, y, text, createdBy: 'u1' });
}

/** Two docs that exchange every update, like two clients through the server. */
function syncedPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const remote = { remote: true };
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== remote && Y.applyUpdate(b, u, remote));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== remote && Y.applyUpdate(a, u, remote));
  return { a, b };
}

describe('createBoardItem', () => {
  it('creates a sticky with defaults, tagged with the origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const id = createBoardItem(doc, me, { type: 'sticky', x: 10.123, y: -20, createdBy: 'u1' }, { now: 1234 });
    expect(origins).toEqual([me]);
    expect(item(doc, id)).toEqual({
      id,
      type: 'sticky',
      x: 10.12,
      y: -20,
      ...DEFAULT_ITEM_SIZE.sticky,
      text: '',
      color: STICKY_COLORS[0],
      url: undefined,
      z: 1,
      createdBy: 'u1',
      createdAt: 1234,
    });
  });

  it('puts each new item in front (z = max z + 1)', () => {
    const doc = new Y.Doc();
    const a = sticky(doc, me);
    const b = sticky(doc, me);
    getBoard(doc).get(a)!.set('z', 10);
    const c = sticky(doc, me);
    expect([item(doc, a).z, item(doc, b).z, item(doc, c).z]).toEqual([10, 2, 11]);
    expect(maxBoardZ(getBoard(doc))).toBe(11);
  });

  it('creates a link card whose title defaults to host + path', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, me, { type: 'link', x: 0, y: 0, url: 'example.org/docs/guide/', createdBy: 'u1' });
    const it = item(doc, id);
    expect(it.url).toBe('https://example.org/docs/guide/');
    expect(it.text).toBe('example.org/docs/guide');
    expect(it.w).toBe(DEFAULT_ITEM_SIZE.link.w);
  });

  it('keeps a given link title', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, me, { type: 'link', x: 0, y: 0, url: 'https://a.example/', text: 'Our wiki', createdBy: 'u1' });
    expect(item(doc, id).text).toBe('Our wiki');
  });

  it('refuses links that are not http(s), and writes nothing', () => {
    const doc = new Y.Doc();
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', '']) {
      expect(() => createBoardItem(doc, me, { type: 'link', x: 0, y: 0, url, createdBy: 'u1' })).toThrow(RangeError);
    }
    expect(getBoard(doc).size).toBe(0);
  });

  it('refuses non-finite coordinates and clamps sizes', () => {
    const doc = new Y.Doc();
    expect(() => createBoardItem(doc, me, { type: 'text', x: NaN, y: 0, createdBy: 'u1' })).toThrow(RangeError);
    const id = createBoardItem(doc, me, { type: 'text', x: 0, y: 0, w: 1, h: 1e9, createdBy: 'u1' });
    expect(item(doc, id)).toMatchObject({ w: MIN_ITEM_SIZE, h: MAX_ITEM_SIZE });
  });

  it('sanitises colour and text', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, me, {
      type: 'sticky',
      x: 0,
      y: 0,
      color: 'red; background:url(x)',
      text: 'a\r\nb' + 'x'.repeat(MAX_TEXT_LENGTH),
      createdBy: 'u1',
    });
    const it = item(doc, id);
    expect(it.color).toBe(STICKY_COLORS[0]);
    expect(it.text.startsWith('a\nb')).toBe(true);
    expect(it.text.length).toBe(MAX_TEXT_LENGTH);
  });
});

describe('changing items', () => {
  it('moves, resizes (min size) and updates text/colour', () => {
    const doc = new Y.Doc();
    const id = sticky(doc, me);
    expect(moveBoardItem(doc, me, id, 100, -50)).toBe(true);
    expect(resizeBoardItem(doc, me, id, 10, 300.4)).toBe(true);
    expect(updateBoardItem(doc, me, id, { text: 'Hello', color: STICKY_COLORS[2] })).toBe(true);
    expect(item(doc, id)).toMatchObject({ x: 100, y: -50, w: MIN_ITEM_SIZE, h: 300, text: 'Hello', color: STICKY_COLORS[2] });
  });

  it('ignores unknown colours in updates', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, me, { type: 'sticky', x: 0, y: 0, color: STICKY_COLORS[3], createdBy: 'u1' });
    updateBoardItem(doc, me, id, { color: 'url(javascript:x)' });
    expect(item(doc, id).color).toBe(cleanColor('url(javascript:x)'));
  });

  it('returns false and writes nothing for a missing item (deleted remotely mid-drag)', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(moveBoardItem(doc, me, 'gone', 1, 1)).toBe(false);
    expect(resizeBoardItem(doc, me, 'gone', 50, 50)).toBe(false);
    expect(updateBoardItem(doc, me, 'gone', { text: 'x' })).toBe(false);
    expect(bringBoardItemToFront(doc, me, 'gone')).toBe(false);
    expect(getBoard(doc).size).toBe(0);
    expect(transactions).toBe(0);
  });

  it('writes nothing when a value does not change', () => {
    const doc = new Y.Doc();
    const id = sticky(doc, me, 5, 5);
    let updates = 0;
    doc.on('update', () => updates++);
    moveBoardItem(doc, me, id, 5, 5);
    updateBoardItem(doc, me, id, { text: '' });
    expect(updates).toBe(0);
    moveBoardItem(doc, me, id, 6, 5);
    expect(updates).toBe(1);
  });

  it('brings an item to front only when something covers it', () => {
    const doc = new Y.Doc();
    const a = sticky(doc, me);
    const b = sticky(doc, me);
    expect(bringBoardItemToFront(doc, me, a)).toBe(true);
    expect(item(doc, a).z).toBe(item(doc, b).z + 1);
    let updates = 0;
    doc.on('update', () => updates++);
    bringBoardItemToFront(doc, me, a);
    expect(updates).toBe(0);
  });

  it('deletes several items in one transaction and counts those that existed', () => {
    const doc = new Y.Doc();
    const a = sticky(doc, me);
    const b = sticky(doc, me);
    const c = sticky(doc, me);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(deleteBoardItems(doc, me, [a, b, 'missing'])).toBe(2);
    expect(transactions).toBe(1);
    expect([...getBoard(doc).keys()]).toEqual([c]);
    expect(deleteBoardItems(doc, me, ['missing'])).toBe(0);
  });
});

describe('undo', () => {
  it('undoes and redoes one’s own creation', () => {
    const doc = new Y.Doc();
    const um = createBoardUndoManager(doc, me);
    const id = sticky(doc, me, 0, 0, 'mine');
    um.undo();
    expect(getBoard(doc).has(id)).toBe(false);
    um.redo();
    expect(item(doc, id).text).toBe('mine');
  });

  it('does not undo another origin’s change in the same doc', () => {
    const doc = new Y.Doc();
    const um = createBoardUndoManager(doc, me);
    const mine = sticky(doc, me, 0, 0, 'mine');
    um.stopCapturing();
    const theirs = sticky(doc, other, 50, 50, 'theirs');
    moveBoardItem(doc, other, mine, 300, 300);
    um.undo();
    expect(getBoard(doc).has(mine)).toBe(false);
    expect(item(doc, theirs).text).toBe('theirs');
    expect(um.canUndo()).toBe(false);
  });

  it('does not undo a remote client’s change, and the undo reaches the other client', () => {
    const { a, b } = syncedPair();
    const ua = createBoardUndoManager(a, me);
    const id = sticky(a, me, 0, 0, 'shared');
    ua.stopCapturing();
    updateBoardItem(a, me, id, { text: 'edited by me' });
    ua.stopCapturing();
    // Someone else moves it, on their own device.
    moveBoardItem(b, { local: 'b' }, id, 400, 400);
    expect(item(a, id).x).toBe(400);
    ua.undo();
    expect(item(a, id)).toMatchObject({ text: 'shared', x: 400, y: 400 });
    expect(item(b, id)).toMatchObject({ text: 'shared', x: 400, y: 400 });
  });

  it('groups a whole drag into one undo step when capturing is stopped at its start and end', () => {
    const doc = new Y.Doc();
    const um = createBoardUndoManager(doc, me);
    const id = sticky(doc, me, 0, 0);
    um.stopCapturing();
    for (let i = 1; i <= 30; i++) moveBoardItem(doc, me, id, i * 5, i * 2);
    um.stopCapturing();
    expect(item(doc, id)).toMatchObject({ x: 150, y: 60 });
    um.undo();
    expect(item(doc, id)).toMatchObject({ x: 0, y: 0 });
    um.undo();
    expect(getBoard(doc).has(id)).toBe(false);
  });

  it('restores a deleted item with its fields', () => {
    const doc = new Y.Doc();
    const um = createBoardUndoManager(doc, me);
    const id = createBoardItem(doc, me, { type: 'sticky', x: 7, y: 8, text: 'keep me', color: STICKY_COLORS[4], createdBy: 'u1' });
    um.stopCapturing();
    deleteBoardItems(doc, me, [id]);
    um.undo();
    expect(item(doc, id)).toMatchObject({ x: 7, y: 8, text: 'keep me', color: STICKY_COLORS[4] });
  });
});

describe('helpers', () => {
  it('makes distinct 24-hex-digit ids', () => {
    const ids = new Set(Array.from({ length: 200 }, newBoardItemId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });
  it('titles links by host and path', () => {
    expect(linkTitle(new URL('https://example.org/'))).toBe('example.org');
    expect(linkTitle(new URL('https://example.org:8443/a/b/?q=1#x'))).toBe('example.org:8443/a/b');
    expect(linkTitle(new URL('https://example.org/caf%C3%A9'))).toBe('example.org/café');
    expect(linkTitle(new URL('https://example.org/%E0%A4%A'))).toBe('example.org/%E0%A4%A');
  });
  it('recognises pasted web addresses and nothing else', () => {
    expect(pastedUrl('  https://example.org/a?b=1 ')?.href).toBe('https://example.org/a?b=1');
    expect(pastedUrl('http://localhost:3000/x')?.href).toBe('http://localhost:3000/x');
    expect(pastedUrl('example.org/docs')?.href).toBe('https://example.org/docs');
    expect(pastedUrl('www.example.co.uk')?.href).toBe('https://www.example.co.uk/');
    expect(pastedUrl('example.org:8080/x')?.href).toBe('https://example.org:8080/x');
    for (const text of ['hello', 'two words.org', 'javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.org', 'e.g', '', 'https://']) {
      expect(pastedUrl(text)).toBeNull();
    }
  });
});

describe('the drawing item types', () => {
  it('creates shapes (rectangle by default) with text inside', () => {
    const doc = new Y.Doc();
    const a = createBoardItem(doc, me, { type: 'shape', x: 0, y: 0, text: 'Plan', createdBy: 'u' });
    const b = createBoardItem(doc, me, { type: 'shape', shape: 'diamond', x: 0, y: 0, createdBy: 'u' });
    const c = createBoardItem(doc, me, { type: 'shape', shape: 'hexagon' as never, x: 0, y: 0, createdBy: 'u' });
    expect(item(doc, a)).toMatchObject({ shape: 'rectangle', text: 'Plan', ...DEFAULT_ITEM_SIZE.shape });
    expect(item(doc, b).shape).toBe('diamond');
    expect(item(doc, c).shape).toBe('rectangle');
  });

  it('creates a connector only between two existing, different items', () => {
    const doc = new Y.Doc();
    const a = sticky(doc, me);
    const b = sticky(doc, me);
    for (const [from, to] of [[a, a], [a, 'missing'], ['', b]]) {
      expect(() => createBoardItem(doc, me, { type: 'connector', from, to, x: 0, y: 0, createdBy: 'u' })).toThrow(RangeError);
    }
    const c = createBoardItem(doc, me, { type: 'connector', from: a, to: b, toAnchor: 'left', fromAnchor: 'nowhere' as never, x: 0, y: 0, createdBy: 'u' });
    expect(item(doc, c)).toMatchObject({ from: a, to: b, fromAnchor: 'auto', toAnchor: 'left', strokeWidth: 2, color: INK_COLORS[0] });
  });

  it('stores stroke points as finite, rounded triples with pressure in 0–1', () => {
    const doc = new Y.Doc();
    const id = createBoardItem(doc, me, { type: 'stroke', x: 1, y: 2, points: [0.123, 0, 1.5, 10, 10.006, -1, 7], createdBy: 'u' });
    expect(item(doc, id)).toMatchObject({ points: [0.12, 0, 1, 10, 10.01, 0], strokeWidth: 4 });
    expect(() => createBoardItem(doc, me, { type: 'stroke', x: 0, y: 0, points: [], createdBy: 'u' })).toThrow(RangeError);
    expect(() => createBoardItem(doc, me, { type: 'stroke', x: 0, y: 0, points: [0, NaN, 1], createdBy: 'u' })).toThrow(RangeError);
  });

  it('puts a new frame behind everything', () => {
    const doc = new Y.Doc();
    const a = sticky(doc, me);
    getBoard(doc).get(a)!.set('z', -4);
    const f = createBoardItem(doc, me, { type: 'frame', x: 0, y: 0, text: 'Ideas', createdBy: 'u' });
    expect(item(doc, f)).toMatchObject({ z: -5, text: 'Ideas', ...DEFAULT_ITEM_SIZE.frame });
  });

  it('creates image and file items only for uploads of their kinds', () => {
    const doc = new Y.Doc();
    const sha256 = 'a'.repeat(64);
    const img = createBoardItem(doc, me, { type: 'image', x: 0, y: 0, sha256, mime: 'image/png', bytes: 1234, text: 'ward.png', createdBy: 'u' });
    expect(item(doc, img)).toMatchObject({ sha256, mime: 'image/png', bytes: 1234, text: 'ward.png' });
    expect(() => createBoardItem(doc, me, { type: 'image', x: 0, y: 0, sha256, mime: 'application/pdf', createdBy: 'u' })).toThrow(RangeError);
    expect(() => createBoardItem(doc, me, { type: 'file', x: 0, y: 0, sha256: '../etc/passwd', mime: 'application/pdf', createdBy: 'u' })).toThrow(RangeError);
    const pdf = createBoardItem(doc, me, { type: 'file', x: 0, y: 0, sha256, mime: 'application/pdf', createdBy: 'u' });
    expect(item(doc, pdf).type).toBe('file');
  });

  it('updates only the fields an item type has, with the palette of its type', () => {
    const doc = new Y.Doc();
    const s = createBoardItem(doc, me, { type: 'stroke', x: 0, y: 0, points: [0, 0, 0.5], createdBy: 'u' });
    const n = sticky(doc, me);
    updateBoardItem(doc, me, s, { color: INK_COLORS[1], strokeWidth: 100, shape: 'ellipse' });
    updateBoardItem(doc, me, n, { color: INK_COLORS[1], strokeWidth: 3 });
    expect(item(doc, s)).toMatchObject({ color: INK_COLORS[1], strokeWidth: 64 });
    expect(item(doc, s).shape).toBeUndefined();
    expect(item(doc, n).color).toBe(STICKY_COLORS[0]);
    expect(getBoard(doc).get(n)!.has('strokeWidth')).toBe(false);
  });

  it('reads items written before these fields existed', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    getBoard(doc).set('old', map);
    map.set('type', 'sticky');
    map.set('text', 'from last year');
    expect(readBoardItem(map)).toMatchObject({ type: 'sticky', text: 'from last year', x: 0, w: 200, color: STICKY_COLORS[0] });
    expect(readBoardItem(map)).not.toHaveProperty('points');
  });
});
