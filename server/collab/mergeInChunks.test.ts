import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeInChunks } from './Room.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';

describe('mergeInChunks', () => {
  it('gives the same document as one Y.mergeUpdates, for any count around the chunk size', () => {
    for (const n of [1, 2, 31, 32, 33, 100, 1025]) {
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const updates: Uint8Array[] = [];
      docs.forEach((d) => d.on('update', (u: Uint8Array) => updates.push(u)));
      for (let i = 0; i < n; i++) getBoard(docs[i % 3]).set(`k${i}`, toYMap({ id: `k${i}`, text: `t${i}` }));
      const a = new Y.Doc();
      Y.applyUpdate(a, mergeInChunks(updates));
      const b = new Y.Doc();
      Y.applyUpdate(b, Y.mergeUpdates(updates));
      expect(getBoard(a).toJSON()).toEqual(getBoard(b).toJSON());
      expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
      expect(getBoard(a).size).toBe(n);
    }
  });
});
