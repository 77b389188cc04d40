import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { NOTES_CURSOR_FIELD, NotesAwareness, isTextCursor } from './NotesAwareness.ts';

function setup() {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const view = new NotesAwareness(awareness);
  return { doc, awareness, view };
}

describe('NotesAwareness', () => {
  it("stores the notes selection in its own field and leaves the board's `cursor` alone", () => {
    const { awareness, view } = setup();
    awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    const sel = { anchor: { type: { client: 1, clock: 2 }, tname: null, item: null, assoc: 0 }, head: { type: null, tname: 'notes', item: { client: 1, clock: 5 }, assoc: -1 } };
    view.setLocalStateField('cursor', sel);
    expect(awareness.getLocalState()).toMatchObject({ cursor: { x: 10, y: 20 }, [NOTES_CURSOR_FIELD]: sel });
    expect(view.getLocalState()!.cursor).toEqual(sel);
    view.setLocalStateField('cursor', null);
    expect(awareness.getLocalState()!.cursor).toEqual({ x: 10, y: 20 });
    view.setLocalStateField('user', { name: 'Ada', color: '#7c3aed' });
    expect(awareness.getLocalState()!.user).toEqual({ name: 'Ada', color: '#7c3aed' });
  });

  it('never shows a board pointer or a malformed selection as a text cursor', () => {
    const { awareness, view, doc } = setup();
    awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    expect(view.getStates().get(doc.clientID)!.cursor).toBeNull();
    awareness.setLocalStateField(NOTES_CURSOR_FIELD, { anchor: { item: {} }, head: 'x' });
    expect(view.states.get(doc.clientID)!.cursor).toBeNull();
  });

  it('hands out copies, so a consumer filling in defaults cannot change the shared state', () => {
    const { awareness, view, doc } = setup();
    awareness.setLocalStateField('user', { name: 'Ada' });
    (view.getStates().get(doc.clientID)!.user as Record<string, unknown>).color = '#ffa500';
    expect(awareness.getLocalState()!.user).toEqual({ name: 'Ada' });
  });

  it('passes change events through', () => {
    const { awareness, view } = setup();
    let calls = 0;
    const listener = () => calls++;
    view.on('change', listener);
    awareness.setLocalStateField('user', { name: 'B' });
    view.off('change', listener);
    awareness.setLocalStateField('user', { name: 'C' });
    expect(calls).toBe(1);
  });
});

describe('isTextCursor', () => {
  it('accepts what Yjs encodes and refuses anything else', () => {
    const rel = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('notes'), 0)));
    expect(isTextCursor({ anchor: rel, head: rel })).toBe(true);
    expect(isTextCursor({ x: 1, y: 2 })).toBe(false);
    expect(isTextCursor({ anchor: rel })).toBe(false);
    expect(isTextCursor({ anchor: { type: { client: 'a', clock: 1 } }, head: rel })).toBe(false);
    expect(isTextCursor(null)).toBe(false);
  });
});
