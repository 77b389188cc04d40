import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_KEYS, getAgenda, getMeta, toYMap } from '../../shared/doc/layout.ts';
import {
  AGENDA_REPAIR_ORIGIN,
  MAX_MINUTES,
  addItem,
  currentItemId,
  moveItem,
  normalizeMinutes,
  readAgenda,
  removeItem,
  repairAgenda,
  setCurrent,
  totals,
  updateItem,
} from './agendaOps.ts';

const ME = { local: true };

function titles(doc: Y.Doc): string[] {
  return readAgenda(doc).map((it) => it.title);
}

function seed(doc: Y.Doc, names: string[]): string[] {
  return names.map((title) => addItem(doc, ME, { title, minutes: 10 }, 'u1')!);
}

/** Two docs wired together like two clients behind a relay; `pause` holds messages to simulate concurrency. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let held: Array<() => void> = [];
  let paused = false;
  const wire = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      const deliver = () => Y.applyUpdate(to, update, 'remote');
      if (paused) held.push(deliver);
      else deliver();
    });
  wire(a, b);
  wire(b, a);
  return {
    a,
    b,
    pause: () => (paused = true),
    flush: () => {
      paused = false;
      const h = held;
      held = [];
      for (const d of h) d();
    },
  };
}

describe('addItem', () => {
  it('appends an item with trimmed fields and a fresh id', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, ME, { title: '  Welcome   round ', minutes: 5, owner: ' Ada ' }, 'u1');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(readAgenda(doc)).toEqual([{ id, title: 'Welcome round', minutes: 5, owner: 'Ada', done: false, createdBy: 'u1' }]);
  });

  it('refuses an empty title or minutes that are not a whole number in range', () => {
    const doc = new Y.Doc();
    expect(addItem(doc, ME, { title: '   ', minutes: 5 }, 'u1')).toBeNull();
    expect(addItem(doc, ME, { title: 'x', minutes: -1 }, 'u1')).toBeNull();
    expect(addItem(doc, ME, { title: 'x', minutes: 2.5 }, 'u1')).toBeNull();
    expect(addItem(doc, ME, { title: 'x', minutes: Number.NaN }, 'u1')).toBeNull();
    expect(addItem(doc, ME, { title: 'x', minutes: MAX_MINUTES + 1 }, 'u1')).toBeNull();
    expect(getAgenda(doc).length).toBe(0);
  });

  it('inserts at an index when given one', () => {
    const doc = new Y.Doc();
    seed(doc, ['a', 'c']);
    addItem(doc, ME, { title: 'b', minutes: 1 }, 'u1', 1);
    expect(titles(doc)).toEqual(['a', 'b', 'c']);
  });
});

describe('normalizeMinutes', () => {
  it('parses form text', () => {
    expect(normalizeMinutes('15')).toBe(15);
    expect(normalizeMinutes(' 0 ')).toBe(0);
    expect(normalizeMinutes('')).toBeNull();
    expect(normalizeMinutes('1e1')).toBe(10);
    expect(normalizeMinutes('ten')).toBeNull();
  });
});

describe('updateItem', () => {
  it('changes only the given fields', () => {
    const doc = new Y.Doc();
    const [id] = seed(doc, ['a']);
    expect(updateItem(doc, ME, id, { title: 'Intro', done: true })).toBe(true);
    expect(readAgenda(doc)[0]).toMatchObject({ title: 'Intro', minutes: 10, done: true });
  });

  it('refuses invalid values as a whole, and unknown ids', () => {
    const doc = new Y.Doc();
    const [id] = seed(doc, ['a']);
    expect(updateItem(doc, ME, id, { title: 'b', minutes: -5 })).toBe(false);
    expect(updateItem(doc, ME, id, { title: '' })).toBe(false);
    expect(updateItem(doc, ME, 'nope', { title: 'b' })).toBe(false);
    expect(readAgenda(doc)[0]).toMatchObject({ title: 'a', minutes: 10 });
  });

  it('writes nothing when nothing changes', () => {
    const doc = new Y.Doc();
    const [id] = seed(doc, ['a']);
    let updates = 0;
    doc.on('update', () => updates++);
    updateItem(doc, ME, id, { title: 'a', minutes: 10 });
    expect(updates).toBe(0);
  });
});

describe('removeItem and setCurrent', () => {
  it('keeps exactly one current item', () => {
    const doc = new Y.Doc();
    const [a, b] = seed(doc, ['a', 'b']);
    expect(setCurrent(doc, ME, a)).toBe(true);
    expect(setCurrent(doc, ME, b)).toBe(true);
    expect(currentItemId(doc)).toBe(b);
    expect(setCurrent(doc, ME, 'missing')).toBe(false);
    expect(currentItemId(doc)).toBe(b);
    expect(setCurrent(doc, ME, null)).toBe(true);
    expect(currentItemId(doc)).toBeNull();
  });

  it('clears the current item when it is removed', () => {
    const doc = new Y.Doc();
    const [a, b] = seed(doc, ['a', 'b']);
    setCurrent(doc, ME, a);
    expect(removeItem(doc, ME, b)).toBe(true);
    expect(currentItemId(doc)).toBe(a);
    expect(removeItem(doc, ME, a)).toBe(true);
    expect(getMeta(doc).has(META_KEYS.currentAgendaItem)).toBe(false);
    expect(removeItem(doc, ME, a)).toBe(false);
  });

  it('treats a current id that no longer exists as no current item', () => {
    const doc = new Y.Doc();
    getMeta(doc).set(META_KEYS.currentAgendaItem, 'gone');
    expect(currentItemId(doc)).toBeNull();
  });
});

describe('moveItem', () => {
  it('moves down and up, keeping id and fields', () => {
    const doc = new Y.Doc();
    const [a] = seed(doc, ['a', 'b', 'c', 'd']);
    updateItem(doc, ME, a, { owner: 'Ada', done: true });
    expect(moveItem(doc, ME, 0, 2)).toBe(true);
    expect(titles(doc)).toEqual(['b', 'c', 'a', 'd']);
    expect(readAgenda(doc)[2]).toEqual({ id: a, title: 'a', minutes: 10, owner: 'Ada', done: true, createdBy: 'u1' });
    expect(moveItem(doc, ME, 3, 0)).toBe(true);
    expect(titles(doc)).toEqual(['d', 'b', 'c', 'a']);
    expect(moveItem(doc, ME, 3, 3)).toBe(false);
    expect(moveItem(doc, ME, 0, 4)).toBe(false);
    expect(moveItem(doc, ME, -1, 0)).toBe(false);
  });

  it('does it in one transaction: observers never see the item missing', () => {
    const doc = new Y.Doc();
    seed(doc, ['a', 'b', 'c']);
    const lengths: number[] = [];
    getAgenda(doc).observe(() => lengths.push(readAgenda(doc).length));
    moveItem(doc, ME, 0, 2);
    expect(lengths).toEqual([3]);
  });

  it('keeps unknown fields a newer client may have added', () => {
    const doc = new Y.Doc();
    getAgenda(doc).push([toYMap({ id: 'x', title: 'x', minutes: 1, owner: '', done: false, createdBy: 'u', notes: 'keep' })]);
    seed(doc, ['y']);
    moveItem(doc, ME, 0, 1);
    expect(getAgenda(doc).get(1).get('notes')).toBe('keep');
  });
});

describe('totals', () => {
  it('sums timeboxes against the session length', () => {
    expect(totals([{ minutes: 20 }, { minutes: 25 }], 60)).toEqual({ planned: 45, duration: 60, overBy: 0, over: false, fill: 0.75 });
    expect(totals([{ minutes: 50 }, { minutes: 25 }], 60)).toEqual({ planned: 75, duration: 60, overBy: 15, over: true, fill: 1 });
    expect(totals([{ minutes: 10 }], 0)).toEqual({ planned: 10, duration: 0, overBy: 0, over: false, fill: 0 });
    expect(totals([], 60).planned).toBe(0);
  });
});

describe('undo with a Y.UndoManager scoped to agenda + meta', () => {
  function setup() {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([getAgenda(doc), getMeta(doc)], { trackedOrigins: new Set([ME]), captureTimeout: 0 });
    return { doc, undo };
  }

  it('undoes and redoes a move, a removal (with its "Now") and an edit', () => {
    const { doc, undo } = setup();
    const [a] = seed(doc, ['a', 'b', 'c']);
    setCurrent(doc, ME, a);
    moveItem(doc, ME, 0, 2);
    expect(titles(doc)).toEqual(['b', 'c', 'a']);
    undo.undo();
    expect(titles(doc)).toEqual(['a', 'b', 'c']);
    undo.redo();
    expect(titles(doc)).toEqual(['b', 'c', 'a']);

    removeItem(doc, ME, a);
    expect(currentItemId(doc)).toBeNull();
    undo.undo();
    expect(titles(doc)).toEqual(['b', 'c', 'a']);
    expect(readAgenda(doc)[2]).toMatchObject({ id: a, minutes: 10 });
    expect(currentItemId(doc)).toBe(a);

    updateItem(doc, ME, a, { minutes: 30 });
    undo.undo();
    expect(readAgenda(doc)[2].minutes).toBe(10);
  });

  it("does not undo other people's changes", () => {
    const { a, b } = pair();
    const undoA = new Y.UndoManager([getAgenda(a), getMeta(a)], { trackedOrigins: new Set([ME]), captureTimeout: 0 });
    addItem(a, ME, { title: 'mine', minutes: 5 }, 'ua');
    addItem(b, { other: true }, { title: 'theirs', minutes: 5 }, 'ub');
    undoA.undo();
    expect(titles(a)).toEqual(['theirs']);
    expect(titles(b)).toEqual(['theirs']);
  });
});

describe('two clients exchanging updates', () => {
  it('converge on concurrent adds, edits of different fields and toggles', () => {
    const { a, b, pause, flush } = pair();
    const [x] = seed(a, ['x']);
    pause();
    addItem(a, ME, { title: 'from a', minutes: 5 }, 'ua');
    addItem(b, ME, { title: 'from b', minutes: 5 }, 'ub');
    updateItem(a, ME, x, { title: 'x renamed' });
    updateItem(b, ME, x, { done: true, minutes: 15 });
    flush();
    expect(readAgenda(a)).toEqual(readAgenda(b));
    expect(readAgenda(a)[0]).toMatchObject({ id: x, title: 'x renamed', done: true, minutes: 15 });
    expect(titles(a).slice(1).sort()).toEqual(['from a', 'from b']);
  });

  it('converge on one copy when both move the same item at once', () => {
    const { a, b, pause, flush } = pair();
    const [x] = seed(a, ['x', 'y', 'z']);
    pause();
    moveItem(a, ME, 0, 2); // a: y z x
    moveItem(b, ME, 0, 1); // b: y x z
    flush();
    // Both copies exist in the raw array, but every client shows the same single item.
    expect(getAgenda(a).length).toBe(4);
    expect(readAgenda(a)).toEqual(readAgenda(b));
    expect(readAgenda(a).filter((it) => it.id === x)).toHaveLength(1);
    // Both clients repair at once: deletes of the same copy merge.
    pause();
    expect(repairAgenda(a)).toBe(1);
    expect(repairAgenda(b)).toBe(1);
    flush();
    expect(getAgenda(a).length).toBe(3);
    expect(getAgenda(a).toJSON()).toEqual(getAgenda(b).toJSON());
    expect(titles(a)).toEqual(titles(b));
  });

  it('keep a moved item that someone removed concurrently (the move wins), and drop a dangling "Now"', () => {
    const { a, b, pause, flush } = pair();
    const [x] = seed(a, ['x', 'y']);
    pause();
    moveItem(a, ME, 0, 1);
    setCurrent(b, ME, x);
    removeItem(b, ME, x);
    flush();
    expect(titles(a)).toEqual(['y', 'x']);
    expect(titles(b)).toEqual(['y', 'x']);
  });

  it('converge under random concurrent operations from three clients (seeded)', () => {
    let seed32 = 0x5eed;
    const rand = (n: number) => {
      seed32 = (Math.imul(seed32, 1103515245) + 12345) >>> 0;
      return (seed32 >>> 8) % n;
    };
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const sync = () => {
      for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from), 'remote');
    };
    for (let round = 0; round < 60; round++) {
      for (const doc of docs) {
        const items = readAgenda(doc);
        const pick = () => items[rand(items.length)].id;
        const op = items.length === 0 ? 0 : rand(6);
        if (op === 0) addItem(doc, ME, { title: `t${round}`, minutes: rand(30) }, 'u');
        else if (op === 1) updateItem(doc, ME, pick(), { minutes: rand(30), done: rand(2) === 0 });
        else if (op === 2 && rand(3) === 0) removeItem(doc, ME, pick());
        else if (op === 3) moveItem(doc, ME, rand(items.length), rand(items.length));
        else if (op === 4) setCurrent(doc, ME, pick());
        else repairAgenda(doc);
      }
      if (rand(3) === 0) sync();
    }
    sync();
    const [first, ...rest] = docs.map((d) => readAgenda(d));
    for (const other of rest) expect(other).toEqual(first);
    expect(new Set(first.map((it) => it.id)).size).toBe(first.length);
    for (const d of docs) repairAgenda(d);
    sync();
    for (const d of docs) expect(getAgenda(d).length).toBe(first.length);
    expect(currentItemId(docs[1])).toBe(currentItemId(docs[0]));
  });
});

describe('repairAgenda', () => {
  it('is never tracked by an undo manager of the local origin', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager(getAgenda(doc), { trackedOrigins: new Set([ME]) });
    const dup = { id: 'd', title: 'd', minutes: 1, owner: '', done: false, createdBy: 'u' };
    getAgenda(doc).push([toYMap(dup), toYMap(dup)]);
    expect(repairAgenda(doc)).toBe(1);
    expect(undo.undoStack).toHaveLength(0);
    expect(AGENDA_REPAIR_ORIGIN).not.toBe(ME);
  });
});
