/**
 * SessionVersions against a real (in-memory SQLite) store and a stand-in for the room registry: when
 * versions are taken and skipped, thinning on capture, and a restore that races an incoming change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { createLogger } from '../log.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { SessionVersions, versionContent, type VersionedRooms } from './SessionVersions.ts';

const ROOM = 'room-1';

/** One live room whose stored changes and unloads the test triggers by hand. */
function fakeRooms(doc: Y.Doc) {
  const stored = new Set<(room: { name: string }) => void>();
  const unloaded = new Set<(name: string) => void>();
  let beforeChange: (() => void) | null = null;
  const rooms: VersionedRooms = {
    onRoomStored: (l) => (stored.add(l), () => stored.delete(l)),
    onRoomUnloaded: (l) => (unloaded.add(l), () => unloaded.delete(l)),
    get: (name) => (name === ROOM ? { doc } : undefined),
    async change(_name, fn) {
      beforeChange?.();
      beforeChange = null;
      let result!: ReturnType<typeof fn>;
      Y.transact(doc, () => (result = fn(doc)));
      return result;
    },
  };
  return {
    rooms,
    changed: () => stored.forEach((l) => l({ name: ROOM })),
    unload: () => unloaded.forEach((l) => l(ROOM)),
    /** Runs once right before the next change() (an update arriving in between). */
    interleave: (fn: () => void) => (beforeChange = fn),
  };
}

let store: SqliteStore;
let doc: Y.Doc;
beforeEach(async () => {
  store = SqliteStore.open({ filename: ':memory:' });
  await store.createUser({ id: 'u', name: 'U', email: 'u@example.test', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCommunity({ id: 'c', name: 'c', domain: 'd', groundRules: '', visibility: 'open', createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createSession({ id: 's', communityId: 'c', title: 't', startsAt: '2026-01-01T00:00:00.000Z', durationMinutes: 60, format: 'workshop', room: ROOM, createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' });
  doc = new Y.Doc();
});
afterEach(async () => {
  doc.destroy();
  await store.close();
});

const sticky = (id: string) => getBoard(doc).set(id, toYMap({ id, type: 'sticky', text: id }));
const texts = async (state: Uint8Array) => (await versionContent(state)).board.map((b) => b.text).sort();

describe('SessionVersions', () => {
  it('R17: captures a changed room after the interval, once per burst, and skips an unchanged one', async () => {
    const f = fakeRooms(doc);
    const versions = new SessionVersions(store, f.rooms, { intervalMs: 30, seenGapMs: 0 }, createLogger('silent'));
    versions.start();
    sticky('a');
    f.changed();
    sticky('b');
    f.changed();
    await new Promise((r) => setTimeout(r, 80));
    await versions.flush();
    expect(await store.versions.listVersions('s')).toHaveLength(1);
    f.unload(); // nothing changed since: no new version
    await versions.flush();
    expect(await store.versions.listVersions('s')).toHaveLength(1);
    sticky('c');
    f.changed();
    f.unload(); // the session's end: captured now, not after the interval
    await versions.flush();
    const list = await store.versions.listVersions('s');
    expect(list).toHaveLength(2);
    expect(await texts((await store.versions.getVersion('s', list[1]!.id))!.state)).toEqual(['a', 'b', 'c']);
    await versions.stop();
  });

  it('thins after each capture (hard cap)', async () => {
    const f = fakeRooms(doc);
    const versions = new SessionVersions(store, f.rooms, { intervalMs: 60_000, seenGapMs: 0, thinning: { tiers: [{ maxAgeMs: Infinity, bucketMs: 0 }], maxVersions: 3 } }, createLogger('silent'));
    versions.start();
    for (let i = 0; i < 5; i++) {
      sticky(`s${i}`);
      f.changed();
      await versions.noteSeen(ROOM);
    }
    const list = await store.versions.listVersions('s');
    expect(list).toHaveLength(3);
    expect(await texts((await store.versions.getVersion('s', list[2]!.id))!.state)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(versions.metrics.thinned).toBe(2);
    await versions.stop();
  });

  it('R17: a restore that races an incoming change keeps the newer state first, so nothing is lost', async () => {
    const f = fakeRooms(doc);
    const versions = new SessionVersions(store, f.rooms, { intervalMs: 60_000, seenGapMs: 0 }, createLogger('silent'));
    versions.start();
    sticky('old');
    f.changed();
    await versions.flush();
    const [old] = await store.versions.listVersions('s');
    sticky('later');
    f.interleave(() => sticky('racing'));
    const result = await versions.restore({ id: 's', room: ROOM } as Parameters<SessionVersions['restore']>[0], old!.id);
    expect(result?.restored.id).toBe(old!.id);
    expect([...getBoard(doc).keys()]).toEqual(['old']);
    // Two states were kept: before the race, and the one the restore was applied to (with the racing item).
    const list = await store.versions.listVersions('s');
    expect(list).toHaveLength(3);
    expect(result!.savedBefore.id).toBe(list[2]!.id);
    expect(await texts((await store.versions.getVersion('s', result!.savedBefore.id))!.state)).toEqual(['later', 'old', 'racing']);
    expect(await versions.restore({ id: 's', room: ROOM } as Parameters<SessionVersions['restore']>[0], 'missing')).toBeNull();
    await versions.stop();
  });
});
