/**
 * Reactions and the laser pointer travel in awareness; the server bounds them (SPEC R6): a member's
 * laser never reaches anyone, malformed reactions are dropped, and reactions are rate-limited per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { REACTION_BURST } from '../../shared/presence/ephemeral.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';

let server: TestServer;
const clients: YClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

async function open(api: ApiClient, session: SessionDto): Promise<YClient> {
  const { token } = await api.ticket(session.id);
  const c = connectClient(server.url, session.room, { token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

const stateOf = (watcher: YClient, of: YClient) => watcher.provider.awareness.getStates().get(of.doc.clientID) as Record<string, unknown> | undefined;

describe('ephemeral presence', () => {
  it('R6: only facilitators’ lasers pass; bad reactions are dropped; reactions are rate-limited per user', async () => {
    const mk = () => new ApiClient(server.url, server.origin);
    const host = mk(), member = mk(), watcher = mk();
    await host.signup('Host Laser');
    await member.signup('Member Laser');
    await watcher.signup('Watcher');
    const community = await host.createCommunity('Lasers', 'open');
    for (const u of [member, watcher]) await u.json('POST', `/api/communities/${community.id}/join`, {});
    const session = await host.createSession(community.id);
    const h = await open(host, session), m = await open(member, session), w = await open(watcher, session);

    h.provider.awareness.setLocalStateField('laser', { x: 10, y: 20 });
    m.provider.awareness.setLocalStateField('laser', { x: 30, y: 40 });
    m.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => (stateOf(w, h)?.laser as { x: number } | undefined)?.x === 10, 5000, 'host laser');
    await waitFor(() => (stateOf(w, m)?.cursor as { x: number } | undefined)?.x === 1, 5000, 'member cursor');
    expect(stateOf(w, m)?.laser).toBeUndefined();

    m.provider.awareness.setLocalStateField('reaction', { id: 1, emoji: '💣', x: 0, y: 0 });
    m.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    await waitFor(() => (stateOf(w, m)?.cursor as { x: number } | undefined)?.x === 2, 5000, 'member cursor 2');
    expect(stateOf(w, m)?.reaction).toBeUndefined();

    // A flood of reactions: the watcher sees at most the burst (plus refills over the flood's time).
    const seen = new Set<number>();
    w.provider.awareness.on('change', () => {
      const r = stateOf(w, m)?.reaction as { id: number } | undefined;
      if (r) seen.add(r.id);
    });
    const started = Date.now();
    for (let i = 1; i <= 40; i++) {
      m.provider.awareness.setLocalStateField('reaction', { id: 100 + i, emoji: '👍', x: i, y: 0 });
      await new Promise((r) => setTimeout(r, 5));
    }
    m.provider.awareness.setLocalStateField('cursor', { x: 3, y: 3 });
    await waitFor(() => (stateOf(w, m)?.cursor as { x: number } | undefined)?.x === 3, 5000, 'member cursor 3');
    const elapsed = Date.now() - started;
    expect(seen.size).toBeGreaterThanOrEqual(1);
    expect(seen.size).toBeLessThanOrEqual(REACTION_BURST + Math.ceil(elapsed / 500) + 1);
    expect(seen.size).toBeLessThan(40);
  });
});
