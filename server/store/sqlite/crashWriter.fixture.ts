/**
 * Test fixture for SqliteStore.test.ts: appends batches forever and prints `ack <n>` after each batch's
 * appendUpdates resolves, so the test can SIGKILL it mid-stream and check that every acked row survived.
 * Usage: node --import tsx crashWriter.fixture.ts <filename> <normal|full>
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SqliteStore } from './SqliteStore.ts';

/** Rooms each batch writes to, and rows per room per batch; the test reads the same constants. */
export const CRASH_ROOMS = ['crash-a', 'crash-b'] as const;
export const ROWS_PER_ROOM = 5;

/** The bytes of one row: which batch and which row it was, padded to a typical small update's size. */
export function crashRow(seq: number, i: number): Uint8Array {
  return new TextEncoder().encode(`${seq}:${i}:`.padEnd(64, '.'));
}

async function main(): Promise<void> {
  const [filename, sync] = process.argv.slice(2);
  if (!filename || (sync !== 'normal' && sync !== 'full')) throw new Error('usage: crashWriter <filename> <normal|full>');
  const store = SqliteStore.open({ filename, synchronous: sync });
  for (let seq = 0; ; seq++) {
    const batch = CRASH_ROOMS.flatMap((room) =>
      Array.from({ length: ROWS_PER_ROOM }, (_, i) => ({ room, update: crashRow(seq, i) })),
    );
    await store.appendUpdates(batch);
    // Synchronous write: the ack is on the pipe before the next batch starts, never buffered past a kill.
    fs.writeSync(1, `ack ${seq}\n`);
  }
}

// Only when run as a script: the test imports the constants above.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    fs.writeSync(2, `${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
