import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, getNotes, readBoardItem, toYMap } from '../../shared/doc/layout.ts';
import { groupFrameId, makeGroups } from '../../shared/facilitation/breakouts.ts';
import { frameMembers } from '../../client/board/selectionGeometry.ts';
import { mergeBreakouts, mergedItemId, readGroupSnapshot } from './breakoutMerge.ts';

function paragraph(text: string) {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  t.insert(0, text, { bold: {} });
  return p;
}

function groupDoc(prefix: string) {
  const doc = new Y.Doc();
  const board = getBoard(doc);
  board.set(`${prefix}a`, toYMap({ id: `${prefix}a`, type: 'sticky', x: 10, y: 20, w: 200, h: 160, text: `${prefix} idea`, color: '#caffbf', z: 3, createdBy: 'u1' }));
  board.set(`${prefix}b`, toYMap({ id: `${prefix}b`, type: 'shape', x: 400, y: -300, w: 200, h: 120, text: 'box', z: 4, createdBy: 'u2', shape: 'ellipse' }));
  board.set(`${prefix}c`, toYMap({ id: `${prefix}c`, type: 'connector', x: 0, y: 0, w: 32, h: 32, from: `${prefix}a`, to: `${prefix}b`, z: 5, createdBy: 'u2' }));
  board.set(`${prefix}s`, toYMap({ id: `${prefix}s`, type: 'stroke', x: -50, y: 0, w: 40, h: 40, points: [0, 0, 0.5, 10, 10, 0.5], z: 6, createdBy: 'u1' }));
  getNotes(doc).insert(0, [paragraph(`${prefix} notes`)]);
  return doc;
}

function mainDoc() {
  const doc = new Y.Doc();
  getBoard(doc).set('m1', toYMap({ id: 'm1', type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: 'main', z: 1, createdBy: 'u0' }));
  getNotes(doc).insert(0, [paragraph('Main notes')]);
  return doc;
}

describe('mergeBreakouts', () => {
  const groups = makeGroups('s_x', 'abcdef12', 2);
  const snapshots = () => [readGroupSnapshot(groupDoc('g1-'), groups[0]), readGroupSnapshot(groupDoc('g2-'), groups[1])];

  it('puts every group item, with new ids and connectors remapped, inside a labelled frame per group', () => {
    const main = mainDoc();
    expect(main.transact(() => mergeBreakouts(main, 'abcdef12', 'What worked?', snapshots(), 'fac'))).toEqual(['1', '2']);
    const items = [...getBoard(main).values()].map(readBoardItem);
    expect(items).toHaveLength(1 + 2 * 5);
    const rects = items.map((it) => ({ id: it.id, type: it.type, z: it.z, rect: { x: it.x, y: it.y, w: it.w, h: it.h } }));
    for (const g of ['1', '2']) {
      const frame = items.find((it) => it.id === groupFrameId('abcdef12', g))!;
      expect(frame).toMatchObject({ type: 'frame', text: `Group ${g} — What worked?` });
      expect(frame.z).toBeLessThan(Math.min(...items.filter((it) => it !== frame).map((it) => it.z)) + 1);
      // Membership is geometric (client/board/selectionGeometry.ts): every non-connector item is in it.
      const members = frameMembers({ id: frame.id, z: frame.z, rect: { x: frame.x, y: frame.y, w: frame.w, h: frame.h } }, rects).sort();
      const fid = frame.id;
      expect(members).toEqual([`g${g}-a`, `g${g}-b`, `g${g}-s`].map((id) => mergedItemId(fid, id)).sort());
      const connector = items.find((it) => it.id === mergedItemId(fid, `g${g}-c`))!;
      expect(connector).toMatchObject({ type: 'connector', from: mergedItemId(fid, `g${g}-a`), to: mergedItemId(fid, `g${g}-b`) });
      // Relative positions kept; fields kept.
      const a = items.find((it) => it.id === mergedItemId(fid, `g${g}-a`))!;
      const b = items.find((it) => it.id === mergedItemId(fid, `g${g}-b`))!;
      expect([b.x - a.x, b.y - a.y]).toEqual([390, -320]);
      expect(a).toMatchObject({ text: `g${g}- idea`, color: '#caffbf', createdBy: 'u1' });
      expect(b.shape).toBe('ellipse');
      expect(items.find((it) => it.id === mergedItemId(fid, `g${g}-s`))!.points).toEqual([0, 0, 0.5, 10, 10, 0.5]);
    }
    // The main item did not move; frames do not cover it.
    expect(items.find((it) => it.id === 'm1')).toMatchObject({ x: 0, y: 0 });
    // Notes: a heading per group, then that group's notes, formatting kept.
    const notes = getNotes(main).toArray() as Y.XmlElement[];
    expect(notes.map((n) => n.nodeName)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
    expect(notes[1].toString()).toContain('Group 1 — What worked?');
    expect(notes[1].getAttribute('level')).toBe(2);
    expect((notes[2].get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'g1- notes', attributes: { bold: {} } }]);
  });

  it('is idempotent: merging again adds nothing', () => {
    const main = mainDoc();
    mergeBreakouts(main, 'abcdef12', 'p', snapshots(), 'fac');
    const before = Y.encodeStateVector(main);
    expect(mergeBreakouts(main, 'abcdef12', 'p', snapshots(), 'fac')).toEqual([]);
    expect(Y.encodeStateVector(main)).toEqual(before);
  });

  it('gives an empty group an empty labelled frame', () => {
    const main = new Y.Doc();
    const empty = readGroupSnapshot(new Y.Doc(), groups[0]);
    mergeBreakouts(main, 'abcdef12', '', [empty], 'fac');
    expect(readBoardItem(getBoard(main).get(groupFrameId('abcdef12', '1'))!)).toMatchObject({ type: 'frame', text: 'Group 1' });
  });
});
