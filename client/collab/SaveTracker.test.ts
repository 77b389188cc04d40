import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker, stateVectorCovers } from './SaveTracker.ts';

const REMOTE = { remote: true };

function setup() {
  const doc = new Y.Doc();
  const tracker = new SaveTracker(doc, (o) => o === REMOTE);
  return { doc, tracker };
}

describe('SaveTracker', () => {
  it('covers only when every local clock is stored', () => {
    expect(stateVectorCovers(new Map([[1, 5]]), new Map([[1, 5]]))).toBe(true);
    expect(stateVectorCovers(new Map([[1, 4]]), new Map([[1, 5]]))).toBe(false);
    expect(stateVectorCovers(new Map(), new Map([[2, 1]]))).toBe(false);
    expect(stateVectorCovers(new Map([[1, 9]]), new Map())).toBe(true);
  });

  it('says connecting before the first connection, not offline', () => {
    const { tracker } = setup();
    expect(tracker.getSnapshot()).toEqual({ kind: 'connecting' });
    tracker.markAttemptFailed();
    expect(tracker.getSnapshot()).toEqual({ kind: 'offline', pending: 0 });
  });

  it('is Saving… until the server acknowledges the local change, then Saved', () => {
    const { doc, tracker } = setup();
    tracker.setConnection(true, true);
    expect(tracker.getSnapshot().kind).toBe('saved');
    doc.getMap('board').set('a', 1);
    expect(tracker.getSnapshot().kind).toBe('saving');
    tracker.onStored(Y.encodeStateVector(doc));
    expect(tracker.getSnapshot().kind).toBe('saved');
  });

  it('counts local changes made while offline, ignoring remote ones', () => {
    const { doc, tracker } = setup();
    tracker.setConnection(true, true);
    tracker.setConnection(false, false);
    doc.getMap('board').set('a', 1);
    doc.getMap('board').set('b', 2);
    const other = new Y.Doc();
    other.getMap('board').set('c', 3);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(tracker.getSnapshot()).toEqual({ kind: 'offline', pending: 2 });
    tracker.setConnection(true, true);
    expect(tracker.getSnapshot().kind).toBe('saving');
    tracker.onStored(Y.encodeStateVector(doc));
    expect(tracker.getSnapshot().kind).toBe('saved');
    tracker.setConnection(false, false);
    expect(tracker.getSnapshot()).toEqual({ kind: 'offline', pending: 0 });
  });

  it('reports a refusal until the next connection', () => {
    const { tracker } = setup();
    tracker.setRefused(4403, 'read-only');
    expect(tracker.getSnapshot()).toEqual({ kind: 'refused', code: 4403, reason: 'read-only' });
    tracker.setConnection(true, true);
    expect(tracker.getSnapshot().kind).toBe('saved');
  });
});
