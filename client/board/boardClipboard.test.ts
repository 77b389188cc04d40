import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { INK_COLORS, getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import { insertBoardItems, snapshotItems } from './boardBatchOps.ts';
import { MAX_CLIPBOARD_ITEMS, clipboardPayload, clipboardText, parseClipboardPayload } from './boardClipboard.ts';
import { createBoardItem } from './boardOps.ts';

const me = { local: 'me' };

describe('board clipboard', () => {
  it('carries items from one board to another (copy, paste across boards)', () => {
    const source = new Y.Doc();
    const a = createBoardItem(source, me, { type: 'sticky', x: 10, y: 10, text: 'Idea', createdBy: 'ann' });
    const b = createBoardItem(source, me, { type: 'stroke', x: 50, y: 50, points: [0, 0, 0.5, 10, 10, 0.7], color: INK_COLORS[2], createdBy: 'ann' });
    createBoardItem(source, me, { type: 'connector', from: a, to: b, x: 0, y: 0, createdBy: 'ann' });
    const json = JSON.stringify(clipboardPayload(snapshotItems(getBoard(source), [a, b])));
    expect(json).not.toContain('ann');

    const items = parseClipboardPayload(json);
    expect(items).toHaveLength(3);
    const target = new Y.Doc();
    const ids = insertBoardItems(target, me, items!, { dx: 0, dy: 0, createdBy: 'bob' });
    const pasted = ids.map((id) => readBoardItem(getBoard(target).get(id)!));
    expect(pasted.map((p) => p.type)).toEqual(['sticky', 'stroke', 'connector']);
    expect(pasted[1]).toMatchObject({ points: [0, 0, 0.5, 10, 10, 0.7], color: INK_COLORS[2], createdBy: 'bob' });
    expect(pasted[2]).toMatchObject({ from: ids[0], to: ids[1] });
  });

  it('refuses what is not a board payload', () => {
    for (const text of ['', 'hello', '{}', '[]', '{"kind":"commonplace-board","version":2,"items":[]}', '{"kind":"commonplace-board","version":1,"items":[{"id":"a","type":"script","x":0,"y":0}]}']) {
      expect(parseClipboardPayload(text)).toBeNull();
    }
    const many = { kind: 'commonplace-board', version: 1, items: Array.from({ length: MAX_CLIPBOARD_ITEMS + 1 }, (_, i) => ({ id: `i${i}`, type: 'sticky', x: 0, y: 0 })) };
    expect(parseClipboardPayload(JSON.stringify(many))).toBeNull();
  });

  it('keeps only the document layout’s fields, with safe values', () => {
    const text = JSON.stringify({
      kind: 'commonplace-board',
      version: 1,
      items: [{ id: 'a', type: 'sticky', x: 1, y: 2, w: 'wide', onclick: 'alert(1)', __html: '<b>', text: 5 }],
    });
    const [item] = parseClipboardPayload(text)!;
    expect(item).not.toHaveProperty('onclick');
    expect(item).not.toHaveProperty('__html');
    expect(item).toMatchObject({ id: 'a', type: 'sticky', x: 1, y: 2, w: 200, text: '' });
  });

  it('offers plain text to other apps', () => {
    const base = { x: 0, y: 0, w: 1, h: 1, color: '', z: 0, createdBy: '', createdAt: 0 };
    expect(
      clipboardText([
        { ...base, id: '1', type: 'sticky', text: ' Plan ' },
        { ...base, id: '2', type: 'link', text: 'Wiki', url: 'https://w.example/' },
        { ...base, id: '3', type: 'stroke', text: '' },
      ]),
    ).toBe('Plan\n\nWiki\nhttps://w.example/');
  });
});
