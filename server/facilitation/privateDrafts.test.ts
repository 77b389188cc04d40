import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, readBoardItem, toYMap } from '../../shared/doc/layout.ts';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../shared/facilitation/control.ts';
import { ANONYMOUS_AUTHOR, draftRoomOf, draftsRoomOf, type PrivateModeState } from '../../shared/facilitation/privateMode.ts';
import { PrivateDrafts, getDraftAuthors, type DraftRooms } from './privateDrafts.ts';

/** Rooms as plain in-memory docs (the registry's change/read contract, without sockets or storage). */
function memoryRooms(): DraftRooms & { doc(name: string): Y.Doc } {
  const docs = new Map<string, Y.Doc>();
  const doc = (name: string) => {
    let d = docs.get(name);
    if (!d) docs.set(name, (d = new Y.Doc()));
    return d;
  };
  return {
    doc,
    change: async (name, fn) => {
      let out!: ReturnType<typeof fn>;
      doc(name).transact(() => (out = fn(doc(name))));
      return out;
    },
    read: async (name, fn) => fn(doc(name)),
  };
}

const room = 's_room';
const setMode = (rooms: ReturnType<typeof memoryRooms>, mode: PrivateModeState | null, boardLocked = false) => {
  const ctl = getControl(rooms.doc(controlRoomOf(room)));
  ctl.set(CONTROL_KEYS.privateMode, mode);
  ctl.set(CONTROL_KEYS.locks, { board: boardLocked, itemIds: [] });
};
const addDraft = (doc: Y.Doc, id: string, text: string, type = 'sticky') =>
  getBoard(doc).set(id, toYMap({ id, type, x: 10, y: 20, w: 200, h: 160, text, color: '#ffc6ff', z: 1, createdBy: 'spoofed', createdAt: 5 }));

describe('PrivateDrafts', () => {
  it('mirrors stickies only, under author-scoped keys with the real author and name', async () => {
    const rooms = memoryRooms();
    setMode(rooms, { on: true, anonymous: false, since: 1 });
    const drafts = new PrivateDrafts(rooms, async (id) => `Name of ${id}`);
    addDraft(rooms.doc(draftRoomOf(room, 'ua')), 'x', 'hello');
    addDraft(rooms.doc(draftRoomOf(room, 'ua')), 't', 'text item', 'text');
    await drafts.draftChanged(draftRoomOf(room, 'ua'));
    const mirror = rooms.doc(draftsRoomOf(room));
    expect([...getBoard(mirror).keys()]).toEqual(['ua:x']);
    expect(getBoard(mirror).get('ua:x')!.toJSON()).toMatchObject({ createdBy: 'ua', authorName: 'Name of ua', text: 'hello' });
    expect(getDraftAuthors(mirror).toJSON()).toEqual({ ua: 'Name of ua' });
    // A deleted draft leaves the mirror, and so does its author once they have none.
    getBoard(rooms.doc(draftRoomOf(room, 'ua'))).delete('x');
    await drafts.draftChanged(draftRoomOf(room, 'ua'));
    expect(getBoard(mirror).size).toBe(0);
    expect(getDraftAuthors(mirror).size).toBe(0);
  });

  it('an anonymous reveal names nobody, stacks the notes in front, and clears drafts and mirror', async () => {
    const rooms = memoryRooms();
    setMode(rooms, { on: true, anonymous: true, since: 1 });
    getBoard(rooms.doc(room)).set('old', toYMap({ id: 'old', type: 'sticky', x: 0, y: 0, w: 10, h: 10, text: 'old', color: '#fff3a3', z: 40, createdBy: 'uz', createdAt: 1 }));
    const drafts = new PrivateDrafts(rooms, async () => 'N');
    for (const u of ['ua', 'ub']) {
      addDraft(rooms.doc(draftRoomOf(room, u)), `${u}1`, `${u} one`);
      addDraft(rooms.doc(draftRoomOf(room, u)), `${u}2`, `${u} two`);
      await drafts.draftChanged(draftRoomOf(room, u));
    }
    setMode(rooms, { on: false, anonymous: true, since: 1 });
    expect(await drafts.reveal(room, true)).toBe(4);
    const items = [...getBoard(rooms.doc(room)).values()].map(readBoardItem).filter((i) => i.id !== 'old');
    expect(items.map((i) => i.text).sort()).toEqual(['ua one', 'ua two', 'ub one', 'ub two']);
    for (const i of items) {
      expect(i.createdBy).toBe(ANONYMOUS_AUTHOR);
      expect(i.createdAt).toBeGreaterThan(5);
      expect(i).toMatchObject({ x: 10, y: 20, color: '#ffc6ff' });
    }
    expect(items.map((i) => i.z).sort((a, b) => a - b)).toEqual([41, 42, 43, 44]);
    expect(JSON.stringify(rooms.doc(room).toJSON())).not.toMatch(/"u[ab]"|spoofed/);
    for (const u of ['ua', 'ub']) expect(getBoard(rooms.doc(draftRoomOf(room, u))).size).toBe(0);
    expect(getBoard(rooms.doc(draftsRoomOf(room))).size).toBe(0);
  });

  it('a draft stored once private mode is off is revealed at once, unless the board is locked', async () => {
    const rooms = memoryRooms();
    setMode(rooms, { on: false, anonymous: false, since: 1 }, true);
    const drafts = new PrivateDrafts(rooms, async () => 'N');
    addDraft(rooms.doc(draftRoomOf(room, 'ua')), 'late', 'late');
    await drafts.draftChanged(draftRoomOf(room, 'ua'));
    expect(getBoard(rooms.doc(room)).size).toBe(0);
    setMode(rooms, { on: false, anonymous: false, since: 1 }, false);
    await drafts.draftChanged(draftRoomOf(room, 'ua'));
    expect([...getBoard(rooms.doc(room)).values()].map(readBoardItem)).toMatchObject([{ text: 'late', createdBy: 'ua' }]);
    expect(getBoard(rooms.doc(draftRoomOf(room, 'ua'))).size).toBe(0);
  });
});
