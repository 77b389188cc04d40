/**
 * Benchmark: moving a session into breakouts and back. 50 member clients (stock y-websocket, each a
 * different person) sit in a session's main room and follow its control room the way the session page
 * does (tests/helpers/breakoutFollower.ts). We time from the facilitator's start request until every
 * client is connected and synced to its group's room (10 groups), then from the end request until
 * every client is back, synced, with the merged board. Target: start under 2 s on this machine.
 *
 *   node --import tsx bench/breakouts.ts [members=50] [groups=10] [rounds=5]
 */
import { rmSync } from 'node:fs';
import { getBoard, toYMap } from '../shared/doc/layout.ts';
import { ApiClient } from '../tests/helpers/apiClient.ts';
import { BreakoutFollower } from '../tests/helpers/breakoutFollower.ts';
import { freePort, makeDataDir, spawnServer } from '../tests/helpers/testServer.ts';
import { connectClient, waitFor, waitForSync } from '../tests/helpers/yclient.ts';
import type { BreakoutsState } from '../shared/facilitation/breakouts.ts';
import { summarize, type Summary } from './stats.ts';

export interface BreakoutBenchResult {
  members: number;
  groups: number;
  /** Start request → every client synced in its group room, ms, per round. */
  start: Summary;
  /** End request → every client back in the main room, synced, with every group's frame, ms, per round. */
  end: Summary;
}

/** The target the issue sets for moving everyone in. */
export const START_TARGET_MS = 2000;

export async function benchBreakouts(members = 50, groups = 10, rounds = 5): Promise<BreakoutBenchResult> {
  const dataDir = makeDataDir();
  const server = await spawnServer(dataDir, { PORT: String(await freePort()), SCRYPT_LOG_N: '10' });
  const followers: BreakoutFollower[] = [];
  try {
    const origin = 'http://commonplace.test';
    const fac = new ApiClient(server.url, origin);
    await fac.signup('Bench Facilitator');
    const community = await fac.createCommunity('Breakout bench', 'invite');
    const session = await fac.createSession(community.id, 'Breakouts');
    const invite = (await fac.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
    for (let i = 0; i < members; i++) {
      const api = new ApiClient(server.url, origin);
      const user = await api.signup(`Member ${i + 1}`);
      await api.json('POST', `/api/invites/${invite}/accept`, {});
      const { token } = await api.ticket(session.id);
      followers.push(new BreakoutFollower(server.url, session.room, token, user.id));
    }
    await Promise.all(followers.map((f) => f.waitSettled(30_000).then(() => waitForSync(f.ctl, 30_000))));
    const base = `/api/sessions/${session.id}`;
    const startTimes: number[] = [];
    const endTimes: number[] = [];
    let mainItems = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const { breakouts } = await fac.json<{ breakouts: BreakoutsState }>('POST', `${base}/breakouts`, { groups, mode: 'random', prompt: `Round ${r + 1}`, minutes: 5 });
      if (process.env.BENCH_TRACE) {
        const tr = (what: string) => console.error(`  round ${r + 1}: ${what} after ${(performance.now() - t0).toFixed(0)} ms`);
        tr('start answered');
        await waitFor(() => followers.every((f) => f.breakouts?.roundId === breakouts.roundId), 10_000, 'told');
        tr('every client told');
        const told = followers.map((f) => f.movedAt - t0).sort((a, b) => a - b);
        console.error(`  round ${r + 1}: first client told at ${told[0].toFixed(0)} ms, median ${told[told.length >> 1].toFixed(0)} ms, last ${told.at(-1)!.toFixed(0)} ms`);
      }
      await waitFor(() => followers.every((f) => f.breakouts?.roundId === breakouts.roundId && f.settled), 10_000, 'everyone in their group');
      startTimes.push(performance.now() - t0);
      if (breakouts.groups.flatMap((g) => g.memberIds).length !== members) throw new Error('not everyone was assigned');
      // Each member leaves one sticky in their group, so the end has something to merge.
      for (const f of followers) getBoard(f.room.doc).set(`${f.userId}-${r}`, toYMap({ id: `${f.userId}-${r}`, type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: 'Idea', z: 1, createdBy: f.userId, createdAt: Date.now() }));
      await new Promise((res) => setTimeout(res, 300));
      mainItems += groups + members;
      const t1 = performance.now();
      await fac.json('POST', `${base}/breakouts/end`, {});
      if (process.env.BENCH_TRACE) {
        const tr = (what: string) => console.error(`  round ${r + 1}: ${what} after ${(performance.now() - t1).toFixed(0)} ms`);
        tr('end answered');
        await waitFor(() => followers.every((f) => f.breakouts?.status === 'ended'), 10_000, 'ended');
        tr('every client told');
        await waitFor(() => followers.every((f) => f.settled), 10_000, 'settled');
        tr('every client synced in the main room');
      }
      await waitFor(() => followers.every((f) => f.breakouts?.status === 'ended' && f.settled && getBoard(f.room.doc).size === mainItems), 10_000, 'everyone back with the merged board');
      endTimes.push(performance.now() - t1);
    }
    // The stored main room has everything (nothing lost across rounds).
    const probe = connectClient(server.url, session.room, { token: (await fac.ticket(session.id)).token });
    await waitForSync(probe);
    if (getBoard(probe.doc).size !== mainItems) throw new Error(`main board has ${getBoard(probe.doc).size} items, expected ${mainItems}`);
    probe.destroy();
    return { members, groups, start: summarize(startTimes), end: summarize(endTimes) };
  } finally {
    for (const f of followers) f.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [members, groups, rounds] = process.argv.slice(2).map(Number);
  const result = await benchBreakouts(members || 50, groups || 10, rounds || 5);
  console.log(JSON.stringify(result, null, 2));
  const ok = result.start.max < START_TARGET_MS;
  console.log(`start → everyone synced in their group: median ${result.start.p50.toFixed(0)} ms, max ${result.start.max.toFixed(0)} ms (target < ${START_TARGET_MS} ms: ${ok ? 'met' : 'MISSED'})`);
  console.log(`end → everyone back with the merged board: median ${result.end.p50.toFixed(0)} ms, max ${result.end.max.toFixed(0)} ms`);
  process.exit(ok ? 0 : 1);
}
