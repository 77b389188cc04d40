/**
 * Per-item locking from the selection bar (issue 4): facilitators lock and unlock some items with
 * `add`/`remove`, leaving the other locks alone, within the cap; members may not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import type { LockState } from '../../shared/facilitation/control.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

describe('item locks', () => {
  it('add and remove change only the named items; members are refused; the cap holds', async () => {
    const host = new ApiClient(server.url, server.origin);
    const member = new ApiClient(server.url, server.origin);
    await host.signup('Lock Host');
    await member.signup('Lock Member');
    const community = await host.createCommunity('Locks', 'open');
    await member.json('POST', `/api/communities/${community.id}/join`, {});
    const session = await host.createSession(community.id);
    const base = `/api/sessions/${session.id}/locks`;
    expect((await member.request('POST', base, { add: ['a'] })).status).toBe(403);
    let { locks } = await host.json<{ locks: LockState }>('POST', base, { add: ['a', 'b', 'c'] });
    expect(locks.itemIds.sort()).toEqual(['a', 'b', 'c']);
    ({ locks } = await host.json<{ locks: LockState }>('POST', base, { remove: ['b'], add: ['d'] }));
    expect(locks).toEqual({ board: false, itemIds: ['a', 'c', 'd'] });
    ({ locks } = await host.json<{ locks: LockState }>('POST', base, { board: true }));
    expect(locks).toEqual({ board: true, itemIds: ['a', 'c', 'd'] });
    const many = Array.from({ length: 1999 }, (_, i) => `x${i}`);
    expect((await host.request('POST', base, { add: many })).status).toBe(400);
    expect((await host.request('POST', base, { add: [''] })).status).toBe(400);
  });
});
