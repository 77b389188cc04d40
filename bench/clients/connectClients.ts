/**
 * Connects a room's load: the first `docClients` are stock clients holding a Y.Doc, the rest raw
 * clients; joins run with bounded concurrency and all must be ready (synced) before a run starts.
 */
import type { ClientAccess } from '../servers/launch.ts';
import { runPool } from '../pool.ts';
import { RawClient, type MarkerSink } from './RawClient.ts';
import { StockClient } from './StockClient.ts';

/** What a scenario does with either kind of client. */
export type LoadClient = RawClient | StockClient;

export async function connectClients(
  accesses: ClientAccess[],
  docClients: number,
  sink: MarkerSink,
  { concurrency = 25, timeoutMs = 30_000 } = {},
): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  try {
    await runPool(accesses.length, concurrency, async (i) => {
      const c = i < docClients ? new StockClient(i, accesses[i], sink) : new RawClient(i, accesses[i], sink);
      clients.push(c);
      await withTimeout(c.ready, timeoutMs, `client ${i} to be ready`);
    });
  } catch (err) {
    for (const c of clients) c.close();
    throw err;
  }
  return clients.sort((a, b) => a.index - b.index);
}

/** Clients whose socket closed during the run. */
export function countDrops(clients: LoadClient[]): number {
  return clients.reduce((n, c) => n + c.drops, 0);
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))),
  ]);
}
