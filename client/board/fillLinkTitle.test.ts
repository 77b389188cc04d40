import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import { createBoardItem, createBoardUndoManager, updateBoardItem } from './boardOps.ts';
import { fillLinkTitle } from './fillLinkTitle.ts';

const preview = (title: string | null) => async (url: string) => ({ url, title, description: null, siteName: null });

function card(doc: Y.Doc, origin: object, text?: string) {
  return createBoardItem(doc, origin, { type: 'link', x: 0, y: 0, url: 'https://example.org/guide', text, createdBy: 'me' });
}

describe('fillLinkTitle', () => {
  it("replaces the address-derived default with the page's title", async () => {
    const doc = new Y.Doc();
    const id = card(doc, {});
    expect(readBoardItem(getBoard(doc).get(id)!).text).toBe('example.org/guide');
    expect(await fillLinkTitle(doc, id, 'https://example.org/guide', preview('The Guide'))).toBe(true);
    expect(readBoardItem(getBoard(doc).get(id)!).text).toBe('The Guide');
  });

  it('keeps a title the person gave or typed meanwhile; works without a preview; skips a deleted card', async () => {
    const doc = new Y.Doc();
    const origin = {};
    const typed = card(doc, origin, 'My title');
    expect(await fillLinkTitle(doc, typed, 'https://example.org/guide', preview('The Guide'))).toBe(false);
    const later = card(doc, origin);
    const slow = fillLinkTitle(doc, later, 'https://example.org/guide', preview('The Guide'));
    updateBoardItem(doc, origin, later, { text: 'Typed while waiting' });
    expect(await slow).toBe(false);
    expect(readBoardItem(getBoard(doc).get(later)!).text).toBe('Typed while waiting');
    const none = card(doc, origin);
    expect(await fillLinkTitle(doc, none, 'https://example.org/guide', preview(null))).toBe(false);
    expect(await fillLinkTitle(doc, none, 'https://example.org/guide', async () => null)).toBe(false);
    getBoard(doc).delete(none);
    expect(await fillLinkTitle(doc, none, 'https://example.org/guide', preview('The Guide'))).toBe(false);
  });

  it("stays out of the person's undo history: undoing the card removes it, title and all", async () => {
    const doc = new Y.Doc();
    const origin = { source: 'board' };
    const undo = createBoardUndoManager(doc, origin);
    const id = card(doc, origin);
    await fillLinkTitle(doc, id, 'https://example.org/guide', preview('The Guide'));
    undo.undo();
    expect(getBoard(doc).has(id)).toBe(false);
  });
});
