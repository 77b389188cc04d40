import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { collectResources } from './collectResources.ts';
import { extractContent } from './extractContent.ts';

const SHA = 'a'.repeat(64);

/** A paragraph whose text runs carry a link mark, as y-prosemirror stores them. */
function linkParagraph(parts: [string, string | null][]): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  p.insert(0, [text]);
  let at = 0;
  for (const [t, href] of parts) {
    text.insert(at, t, href ? { link: { href } } : {});
    at += t.length;
  }
  return p;
}

function docWith(): Y.Doc {
  const doc = new Y.Doc();
  const board = getBoard(doc);
  board.set('l1', toYMap({ id: 'l1', type: 'link', x: 0, y: 0, text: 'Return to learn', url: 'https://Guide.example.org/rtl/?utm_source=x', createdBy: 'u1', createdAt: 1_700_000_000_000 }));
  board.set('l2', toYMap({ id: 'l2', type: 'link', x: 0, y: 100, text: '', url: 'javascript:alert(1)', createdBy: 'u1' }));
  board.set('f1', toYMap({ id: 'f1', type: 'file', x: 0, y: 200, text: 'protocol.pdf', sha256: SHA, mime: 'application/pdf', bytes: 10, createdBy: 'u2', createdAt: 9e15 }));
  board.set('s1', toYMap({ id: 's1', type: 'sticky', x: 0, y: 300, text: 'https://not-a-link-card.example', createdBy: 'u1' }));
  getNotes(doc).insert(0, [linkParagraph([['See ', null], ['the guide', 'guide.example.org/rtl#top'], [' and ', null], ['bad', 'javascript:x']])]);
  return doc;
}

describe('collectResources', () => {
  it('collects link cards, file cards and notes links with normalised keys and their sharers', () => {
    const found = collectResources(extractContent(docWith()), 1_800_000_000_000);
    expect(found).toEqual([
      { key: 'https://guide.example.org/rtl', kind: 'link', url: 'https://guide.example.org/rtl', title: 'Return to learn', sha256: null, place: 'board', itemId: 'l1', sharedBy: 'u1', seenAt: new Date(1_700_000_000_000).toISOString() },
      // A creation time in the future is not believed.
      { key: `sha256:${SHA}`, kind: 'file', url: '', title: 'protocol.pdf', sha256: SHA, place: 'board', itemId: 'f1', sharedBy: 'u2' },
      { key: 'https://guide.example.org/rtl', kind: 'link', url: 'https://guide.example.org/rtl', title: 'the guide', sha256: null, place: 'notes', itemId: expect.any(String), sharedBy: null },
    ]);
  });

  it('finds nothing in an empty document', () => {
    expect(collectResources(extractContent(new Y.Doc()))).toEqual([]);
  });
});
