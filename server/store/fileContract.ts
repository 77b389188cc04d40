/**
 * The uploaded-files part of the store contract (issue 5): one row per content, links to the sessions
 * a file was uploaded to, and the read rule — members (any role) of a community that has the file.
 * Registered by describeStoreContract, so every Store implementation runs it; uses unique ids per test.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';
import type { FileLinkRecord, FileRecord } from './types.ts';

export function describeFileContract(ctx: ContractContext): void {
  /** Two communities with a session each, their hosts, and a viewer of the first. */
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const user = async (key: string) => {
      const id = `${p}-fu-${key}`;
      await store.createUser({ id, name: key, email: `${key}-${p}@files.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      return id;
    };
    const [ann, bob, vic, out] = [await user('ann'), await user('bob'), await user('vic'), await user('out')];
    const community = async (key: string, host: string) => {
      const id = `${p}-fc-${key}`;
      await store.createCommunity({ id, name: key, domain: 'd', groundRules: '', visibility: 'open', createdBy: host, createdAt: '2026-01-02T00:00:00.000Z' });
      const session = `${p}-fs-${key}`;
      await store.createSession({ id: session, communityId: id, title: key, startsAt: '2026-05-01T09:00:00.000Z', durationMinutes: 60, format: 'workshop', room: `${p}-froom-${key}`, createdBy: host, createdAt: '2026-01-03T00:00:00.000Z' });
      return { id, session };
    };
    const a = await community('a', ann);
    const b = await community('b', bob);
    await store.addMember({ communityId: a.id, userId: vic, role: 'viewer', joinedAt: '2026-01-04T00:00:00.000Z' });
    // Unique per test (the prefix is hex), so a store shared between tests works too.
    const sha = (c: string) => `${p}${c}`.padEnd(64, '0');
    const file = (s: string, over: Partial<FileRecord> = {}): FileRecord => ({ sha256: s, mime: 'image/png', bytes: 1234, createdAt: '2026-02-01T00:00:00.000Z', ...over });
    const link = (s: string, c: { id: string; session: string }, by: string, name: string, at = '2026-02-01T00:00:00.000Z'): FileLinkRecord => ({
      sha256: s,
      communityId: c.id,
      sessionId: c.session,
      name,
      uploadedBy: by,
      uploadedAt: at,
    });
    return { store, p, ann, bob, vic, out, a, b, sha, file, link };
  }

  describe('uploaded files', () => {
    it('stores a file and lets members of its community read it, and nobody else', async () => {
      const w = await world();
      const s = w.sha('a');
      await w.store.files.addFile(w.file(s), w.link(s, w.a, w.ann, 'ward.png'));
      expect(await w.store.files.getFile(s)).toEqual(w.file(s));
      expect(await w.store.files.getFileForMember(s, w.ann)).toEqual({ ...w.file(s), name: 'ward.png' });
      expect(await w.store.files.getFileForMember(s, w.vic)).toMatchObject({ name: 'ward.png' }); // viewers too
      expect(await w.store.files.getFileForMember(s, w.bob)).toBeNull(); // another community's host
      expect(await w.store.files.getFileForMember(s, w.out)).toBeNull();
      expect(await w.store.files.getFile('f'.repeat(64))).toBeNull();
    });

    it('keeps one row per content, opens it to every community it is uploaded to, and names it by its latest upload', async () => {
      const w = await world();
      const s = w.sha('b');
      await w.store.files.addFile(w.file(s), w.link(s, w.a, w.ann, 'first.png'));
      await w.store.files.addFile(w.file(s, { createdAt: '2026-03-01T00:00:00.000Z' }), w.link(s, w.b, w.bob, 'copy.png', '2026-03-01T00:00:00.000Z'));
      expect((await w.store.files.getFile(s))?.createdAt).toBe('2026-02-01T00:00:00.000Z');
      expect((await w.store.files.getFileForMember(s, w.bob))?.name).toBe('copy.png');
      expect((await w.store.files.getFileForMember(s, w.ann))?.name).toBe('first.png');
      // The same session again: the link is updated, not duplicated.
      await w.store.files.addFile(w.file(s), w.link(s, w.a, w.ann, 'renamed.png', '2026-04-01T00:00:00.000Z'));
      expect((await w.store.files.getFileForMember(s, w.vic))?.name).toBe('renamed.png');
    });
  });
}
