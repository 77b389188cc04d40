/**
 * The versions part of the store contract (issue 3, catch-up and timeline): versions are kept per
 * session with their exact bytes, listed oldest first without their state, found at or before an
 * instant, deleted only within their session; last-seen marks are one per member per session.
 * Registered by describeStoreContract.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';
import type { VersionRecord } from './types.ts';

export function describeVersionsContract(ctx: ContractContext): void {
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const userId = `${p}-vu`;
    await store.createUser({ id: userId, name: 'Vera', email: `vera-${p}@versions.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    const communityId = `${p}-vc`;
    await store.createCommunity({ id: communityId, name: 'c', domain: 'd', groundRules: '', visibility: 'open', createdBy: userId, createdAt: '2026-01-02T00:00:00.000Z' });
    const session = async (key: string) => {
      const id = `${p}-vs-${key}`;
      await store.createSession({ id, communityId, title: key, startsAt: '2026-02-01T10:00:00.000Z', durationMinutes: 60, format: 'workshop', room: `${p}-vroom-${key}`, createdBy: userId, createdAt: '2026-01-03T00:00:00.000Z' });
      return id;
    };
    const version = (sessionId: string, key: string, takenAt: string, state = new Uint8Array([1, 2, 3, 0, 255])): VersionRecord => ({
      id: `${p}-v-${key}`,
      sessionId,
      takenAt,
      state,
      bytes: state.byteLength,
    });
    return { store, userId, session, version };
  }

  describe('session versions', () => {
    it('stores states byte for byte and lists them oldest first without state', async () => {
      const { store, session, version } = await world();
      const s = await session('a');
      const big = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
      const late = version(s, 'late', '2026-02-01T10:10:00.000Z', big);
      const early = version(s, 'early', '2026-02-01T10:05:00.000Z');
      await store.versions.addVersion(late);
      await store.versions.addVersion(early);
      expect(await store.versions.listVersions(s)).toEqual([
        { id: early.id, sessionId: s, takenAt: early.takenAt, bytes: 5 },
        { id: late.id, sessionId: s, takenAt: late.takenAt, bytes: 70_000 },
      ]);
      const got = await store.versions.getVersion(s, late.id);
      expect(got?.bytes).toBe(70_000);
      expect(Buffer.from(got!.state).equals(Buffer.from(big))).toBe(true);
      expect(got!.state).toBeInstanceOf(Uint8Array);
    });

    it('reads a version only within its session', async () => {
      const { store, session, version } = await world();
      const [a, b] = [await session('a'), await session('b')];
      const v = version(a, 'x', '2026-02-01T10:05:00.000Z');
      await store.versions.addVersion(v);
      expect(await store.versions.getVersion(b, v.id)).toBeNull();
      expect(await store.versions.getVersion(a, 'missing')).toBeNull();
      expect(await store.versions.listVersions(b)).toEqual([]);
      expect(await store.versions.deleteVersions(b, [v.id])).toBe(0);
      expect(await store.versions.getVersion(a, v.id)).not.toBeNull();
    });

    it('finds the newest version at or before an instant', async () => {
      const { store, session, version } = await world();
      const s = await session('a');
      for (const [k, t] of [['1', '2026-02-01T10:00:00.000Z'], ['2', '2026-02-01T10:05:00.000Z'], ['3', '2026-02-01T10:10:00.000Z']] as const) {
        await store.versions.addVersion(version(s, k, t));
      }
      expect((await store.versions.versionAtOrBefore(s, '2026-02-01T10:07:00.000Z'))?.id).toMatch(/-v-2$/);
      expect((await store.versions.versionAtOrBefore(s, '2026-02-01T10:05:00.000Z'))?.id).toMatch(/-v-2$/);
      expect((await store.versions.versionAtOrBefore(s, '2030-01-01T00:00:00.000Z'))?.id).toMatch(/-v-3$/);
      expect(await store.versions.versionAtOrBefore(s, '2026-02-01T09:59:59.999Z')).toBeNull();
    });

    it('deletes the given versions and reports how many', async () => {
      const { store, session, version } = await world();
      const s = await session('a');
      const vs = [version(s, '1', '2026-02-01T10:00:00.000Z'), version(s, '2', '2026-02-01T10:05:00.000Z'), version(s, '3', '2026-02-01T10:10:00.000Z')];
      for (const v of vs) await store.versions.addVersion(v);
      expect(await store.versions.deleteVersions(s, [vs[0]!.id, vs[2]!.id, 'missing'])).toBe(2);
      expect((await store.versions.listVersions(s)).map((v) => v.id)).toEqual([vs[1]!.id]);
      expect(await store.versions.deleteVersions(s, [])).toBe(0);
    });
  });

  describe('last-seen marks', () => {
    it('keeps one mark per member and session, replaced by the next', async () => {
      const { store, userId, session } = await world();
      const [a, b] = [await session('a'), await session('b')];
      expect(await store.versions.getSeen(userId, a)).toBeNull();
      await store.versions.markSeen(userId, a, '2026-02-01T10:03:00.000Z');
      await store.versions.markSeen(userId, a, '2026-02-01T10:09:00.123Z');
      expect(await store.versions.getSeen(userId, a)).toBe('2026-02-01T10:09:00.123Z');
      expect(await store.versions.getSeen(userId, b)).toBeNull();
    });
  });
}
