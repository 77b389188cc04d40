/**
 * Benchmark: how long a latecomer waits for a board of N items. A writer fills a session's board with
 * N sticky notes (one update each, as people would add them); then fresh stock clients connect and we
 * time connect → synced with every item present, with the room still in memory and after it unloaded
 * (loaded from SQLite).
 */
import * as Y from 'yjs';
import { rmSync } from 'node:fs';
import { getBoard, toYMap } from '../shared/doc/layout.ts';
import { ApiClient } from '../tests/helpers/apiClient.ts';
import { freePort, makeDataDir, spawnServer } from '../tests/helpers/testServer.ts';
import { connectClient, waitFor, waitForSync } from '../tests/helpers/yclient.ts';
import { summarize, type Summary } from './stats.ts';

export interface LatecomerResult {
  items: number;
  storedBytes: number;
  inMemory: Summary;
  fromStorage: Summary;
}

export async function benchLatecomerSync(items = 1000, rounds = 15): Promise<LatecomerResult> {
  const dataDir = makeDataDir();
  const unloadDelay = 100;
  const server = await spawnServer(dataDir, { PORT: String(await freePort()), ROOM_UNLOAD_DELAY_MS: String(unloadDelay), SCRYPT_LOG_N: '12' });
  try {
    const api = new ApiClient(server.url, 'http://commonplace.test');
    await api.signup('Bench Writer');
    const community = await api.createCommunity('Bench', 'invite');
    const session = await api.createSession(community.id, 'Board of many');
    const { token } = await api.ticket(session.id);

    const writer = connectClient(server.url, session.room, { token });
    await waitForSync(writer);
    const board = getBoard(writer.doc);
    for (let i = 0; i < items; i++) {
      board.set(`i${i}`, toYMap({ id: `i${i}`, type: 'sticky', x: (i % 40) * 220, y: Math.floor(i / 40) * 180, w: 200, h: 160, text: `Sticky note number ${i} with a few words`, color: '#fff3a3', z: i, createdBy: '', createdAt: Date.now() }));
    }
    // Wait until an observer has everything (stored before broadcast).
    const probe = connectClient(server.url, session.room, { token });
    await waitFor(() => getBoard(probe.doc).size === items, 30_000, 'board to fill');
    probe.destroy();
    const storedBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;

    const timeJoin = async () => {
      const t0 = performance.now();
      const c = connectClient(server.url, session.room, { token });
      await waitForSync(c, 30_000);
      await waitFor(() => getBoard(c.doc).size === items, 30_000, 'latecomer board');
      const ms = performance.now() - t0;
      c.destroy();
      return ms;
    };

    const inMemory: number[] = [];
    for (let r = 0; r < rounds; r++) inMemory.push(await timeJoin());
    writer.destroy();

    const fromStorage: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await new Promise((res) => setTimeout(res, unloadDelay + 250)); // the room unloads in between
      fromStorage.push(await timeJoin());
    }
    return { items, storedBytes, inMemory: summarize(inMemory), fromStorage: summarize(fromStorage) };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
