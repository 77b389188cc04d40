/**
 * Cold start of a big room: a writer stores `updates` separate updates (one Y.Map entry each, ≈ 62 bytes
 * of state per entry, ≈ 1.25 MB for 20,000), then fresh stock clients join and we time join → the whole
 * content is in their document: with the room still in memory, and after it unloaded (from storage).
 * "Synced" is not the criterion: a server that reports synced on an empty document must not win.
 */
import * as Y from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientAccess, ServerKind } from '../servers/launch.ts';
import { launchServer } from '../servers/launchServer.ts';
import { StockClient } from '../clients/StockClient.ts';
import { withTimeout } from '../clients/connectClients.ts';
import { sleep } from '../pool.ts';
import { summarize, type Summary } from '../stats.ts';
import { IntervalMeter } from '../IntervalMeter.ts';

export interface ColdStartOptions {
  updates: number;
  rounds: number;
  /** Ours only: from PostgreSQL instead of SQLite. */
  postgres?: boolean;
}

export interface ColdStartResult {
  kind: ServerKind;
  server: string;
  storage: string;
  postgres: boolean;
  updates: number;
  stateBytes: number;
  /** Time the writer needed until a probe client held everything (store + broadcast), ms. */
  fillMs: number;
  inMemory: Summary;
  /** null when the server cannot reload an unloaded room (no storage). */
  unloaded: Summary | null;
  /** CPU used by other processes on the machine during the joins (noise), % of one core. */
  backgroundCpuPct: number;
}

/** Value of entry i: ~48 characters, so 20,000 entries make ≈ 1.25 MB of state. */
const entryValue = (i: number) => `note ${i} `.padEnd(48, 'abcdefghijklmnopqrstuvwxyz');
const entryKey = (i: number) => `k${String(i).padStart(6, '0')}`;

/** How long after the last client left each server has dropped the room from memory. */
const UNLOAD_WAIT_MS = 1500;

export async function benchColdStart(kind: ServerKind, o: ColdStartOptions): Promise<ColdStartResult> {
  const leveldbDir = kind === 'yws' ? mkdtempSync(path.join(os.tmpdir(), 'bench-yleveldb-')) : null;
  const server = await launchServer(kind, {
    postgres: o.postgres,
    unloadDelayMs: 100,
    env: leveldbDir ? { YPERSISTENCE: leveldbDir } : {},
  });
  const storage = kind === 'ours' ? (o.postgres ? 'PostgreSQL' : 'SQLite') : kind === 'yws' ? 'y-leveldb' : 'none (no storage extension)';
  try {
    const [accesses] = await server.prepareRooms(1, 2 + 2 * o.rounds);
    let next = 0;
    const access = (): ClientAccess => accesses[next++];

    const t0 = performance.now();
    const writer = new StockClient(0, access(), null);
    await withTimeout(writer.ready, 30_000, 'writer to sync');
    const map = writer.doc.getMap('m');
    for (let i = 0; i < o.updates; i++) {
      map.set(entryKey(i), entryValue(i)); // one transaction, one update, one message each
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    const probe = new StockClient(1, access(), null);
    await withTimeout(complete(probe, o.updates), 120_000, 'probe to hold everything');
    const fillMs = Math.round(performance.now() - t0);
    probe.close();
    const stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;

    const join = async () => {
      const start = performance.now();
      const c = new StockClient(2 + next, access(), null);
      try {
        await withTimeout(complete(c, o.updates), 60_000, 'joiner to hold everything');
        return performance.now() - start;
      } finally {
        c.close();
      }
    };

    const meter = new IntervalMeter(server.cpuMicros);
    const inMemory: number[] = [];
    for (let r = 0; r < o.rounds; r++) {
      inMemory.push(await join());
      await sleep(100);
    }
    writer.close();

    let unloaded: number[] | null = null;
    if (kind !== 'hocuspocus') {
      unloaded = [];
      for (let r = 0; r < o.rounds; r++) {
        await sleep(UNLOAD_WAIT_MS);
        unloaded.push(await join());
      }
    }
    const m = meter.read();
    return {
      kind,
      server: server.label,
      storage,
      postgres: !!o.postgres,
      updates: o.updates,
      stateBytes,
      fillMs,
      inMemory: summarize(inMemory),
      unloaded: unloaded ? summarize(unloaded) : null,
      backgroundCpuPct: m.backgroundCpuPct,
    };
  } finally {
    await server.stop();
    if (leveldbDir) rmSync(leveldbDir, { recursive: true, force: true });
  }
}

/** Resolves when `client`'s document holds all `entries` entries. */
function complete(client: StockClient, entries: number): Promise<void> {
  const map = client.doc.getMap('m');
  if (map.size >= entries) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (map.size < entries) return;
      client.doc.off('afterTransaction', check);
      resolve();
    };
    client.doc.on('afterTransaction', check);
  });
}
