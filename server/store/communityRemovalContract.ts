/**
 * The community-removal part of the store contract (issue 3, item 5): deleting a community takes its
 * sessions, their stored documents, series, tags, pins and file links with it — and nothing of any
 * other community. Registered by describeStoreContract, so every Store implementation runs it.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';

export function describeCommunityRemovalContract(ctx: ContractContext): void {
  describe('community removal', () => {
    it('deletes a community with everything in it and leaves other communities alone', async () => {
      const store = ctx.store();
      const p = ctx.prefix();
      const host = `${p}-rm-host`;
      await store.createUser({ id: host, name: 'Host', email: `rm-${p}@example.org`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      const make = async (key: string) => {
        const id = `${p}-rm-${key}`;
        await store.createCommunity({ id, name: key, domain: 'd', groundRules: '', visibility: 'open', createdBy: host, createdAt: '2026-01-02T00:00:00.000Z' });
        await store.series.createSeries({ id: `${id}-series`, communityId: id, title: 't', rule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'UTC', startDate: '2026-01-05', startTime: '10:00', format: 'workshop', durationMinutes: 60, createdBy: host, createdAt: '2026-01-02T00:00:00.000Z' });
        const session = { id: `${id}-s`, communityId: id, title: key, startsAt: '2026-05-01T09:00:00.000Z', durationMinutes: 60, format: 'workshop' as const, room: `${id}-room`, createdBy: host, createdAt: '2026-01-03T00:00:00.000Z', seriesId: `${id}-series` };
        await store.createSession(session);
        await store.appendUpdates([{ room: session.room, update: new Uint8Array([0, 0]) }]);
        await store.compact(session.room, (parts) => parts[0]);
        await store.appendUpdates([{ room: session.room, update: new Uint8Array([0, 0]) }]);
        await store.knowledge.setSessionTags(session.id, ['x']);
        await store.knowledge.addPin({ id: `${id}-pin`, communityId: id, sessionId: session.id, kind: 'board', itemId: 'i', anchor: null, excerpt: 'e', pinnedBy: host, pinnedAt: '2026-01-04T00:00:00.000Z' });
        const sha = `${p}${key}`.padEnd(64, '0');
        await store.files.addFile({ sha256: sha, mime: 'image/png', bytes: 1, createdAt: '2026-01-04T00:00:00.000Z' }, { sha256: sha, communityId: id, sessionId: session.id, name: 'a.png', uploadedBy: host, uploadedAt: '2026-01-04T00:00:00.000Z' });
        return { id, session, sha };
      };
      const gone = await make('gone');
      const kept = await make('kept');

      expect(await store.communityRemoval.deleteCommunity(gone.id)).toBe(true);
      expect(await store.getCommunity(gone.id)).toBeNull();
      expect(await store.getSession(gone.session.id)).toBeNull();
      expect(await store.getMembership(gone.id, host)).toBeNull();
      expect(await store.series.listSeries(gone.id)).toEqual([]);
      expect(await store.knowledge.getSessionTags(gone.session.id)).toEqual([]);
      expect(await store.knowledge.getPin(gone.id, `${gone.id}-pin`)).toBeNull();
      expect(await store.files.getFileForMember(gone.sha, host)).toBeNull();
      const doc = await store.loadDoc(gone.session.room);
      expect(doc.snapshot).toBeNull();
      expect(doc.updates).toEqual([]);

      expect(await store.getSession(kept.session.id)).not.toBeNull();
      expect(await store.knowledge.getSessionTags(kept.session.id)).toEqual(['x']);
      expect(await store.files.getFileForMember(kept.sha, host)).not.toBeNull();
      expect((await store.loadDoc(kept.session.room)).updates).toHaveLength(1);
      expect(await store.communityRemoval.deleteCommunity(gone.id)).toBe(false);
    });
  });
}
