/**
 * SqliteStore: the shared store contract on a temp-file database, plus what only SQLite has — pragmas,
 * migrations, reopening a file, corrupt or unreadable databases, and surviving a SIGKILL mid-write.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStoreContract } from '../storeContract.ts';
import type { Store } from '../types.ts';
import { CRASH_ROOMS, ROWS_PER_ROOM, crashRow } from './crashWriter.fixture.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { SqliteStore } from './SqliteStore.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

const dirs = new WeakMap<Store, string>();
describeStoreContract(
  'SqliteStore (temp file)',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commonplace-store-'));
    const store = SqliteStore.open({ filename: path.join(dir, 'test.db') });
    dirs.set(store, dir);
    return store;
  },
  async (store) => {
    const dir = dirs.get(store);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  },
);

describeStoreContract('SqliteStore (:memory:)', async () => SqliteStore.open({ filename: ':memory:' }));

describe('SqliteStore (SQLite specifics)', () => {
  let dir: string;
  let file: string;
  const open: SqliteStore[] = [];
  const openStore = (opts: Partial<Parameters<typeof SqliteStore.open>[0]> = {}) => {
    const s = SqliteStore.open({ filename: file, ...opts });
    open.push(s);
    return s;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commonplace-sqlite-'));
    file = path.join(dir, 'nested', 'deeper', 'app.db');
  });

  afterEach(async () => {
    try {
      for (const s of open.splice(0)) await s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const textUpdates = (text: string) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of text) doc.getText('notes').insert(doc.getText('notes').length, ch);
    return updates;
  };

  const textOf = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc.getText('notes').toString();
  };

  it('creates the parent folder and runs with WAL, foreign keys, busy timeout and synchronous=normal', () => {
    const store = openStore();
    expect(fs.existsSync(file)).toBe(true);
    const db = store.connection;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('uses synchronous=full when asked', () => {
    expect(openStore({ synchronous: 'full' }).connection.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps users, documents and snapshots across close and reopen, and does not re-migrate', async () => {
    const first = openStore();
    await first.createUser({ id: 'u1', name: 'Ada', email: 'ada@example.org', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    await first.appendUpdates(textUpdates('hello').map((update) => ({ room: 'r', update })));
    await first.compact('r', Y.mergeUpdates);
    await first.appendUpdates(textUpdates('second').map((update) => ({ room: 'r2', update })));
    await first.setSetting('k', 'v');
    await first.close();

    const second = openStore();
    expect((await second.getUserByEmail('ADA@example.org'))?.name).toBe('Ada');
    expect(textOf(await second.loadDoc('r'))).toBe('hello');
    expect(textOf(await second.loadDoc('r2'))).toBe('second');
    expect(await second.countUpdates('r2')).toBe(6);
    expect(await second.getSetting('k')).toBe('v');
    expect(await second.listRooms()).toEqual(['r', 'r2']);
  });

  it('refuses a database written by a newer schema version', async () => {
    await openStore().close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open({ filename: file })).toThrow(/newer than this server/);
  });

  it('writes a batch atomically: one bad row stores none of it', async () => {
    const store = openStore();
    const [good] = textUpdates('x');
    const bad = { room: null as unknown as string, update: good! };
    await expect(store.appendUpdates([{ room: 'r', update: good! }, bad])).rejects.toThrow();
    expect(await store.countUpdates('r')).toBe(0);
  });

  it('enforces foreign keys', async () => {
    const store = openStore();
    await expect(
      store.createCommunity({ id: 'c', name: 'n', domain: 'd', groundRules: '', visibility: 'open', createdBy: 'nobody', createdAt: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.getCommunity('c')).toBeNull();
  });

  describe('loadDoc never mistakes a failure for an empty document', () => {
    it('throws once the store is closed', async () => {
      const store = openStore();
      await store.appendUpdates(textUpdates('hi').map((update) => ({ room: 'r', update })));
      await store.close();
      await expect(store.loadDoc('r')).rejects.toThrow(/not open/);
    });

    it('throws when the update table has gone', async () => {
      const store = openStore();
      await store.appendUpdates(textUpdates('hi').map((update) => ({ room: 'r', update })));
      const other = new Database(file);
      other.exec('DROP TABLE doc_updates');
      other.close();
      await expect(store.loadDoc('r')).rejects.toThrow(/no such table/);
    });

    it('throws when the pages holding the updates are corrupt', async () => {
      const first = openStore();
      await first.appendUpdates(textUpdates('important notes').map((update) => ({ room: 'r', update })));
      const { rootpage } = first.connection.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'doc_updates'").get()!;
      const pageSize = first.connection.pragma('page_size', { simple: true }) as number;
      await first.close(); // the last connection checkpoints the WAL into the main file

      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
      fs.closeSync(fd);

      const second = openStore();
      await expect(second.loadDoc('r')).rejects.toThrow(/malformed|corrupt/i);
    });
  });

  it.each(['normal', 'full'] as const)(
    'keeps every acknowledged row when the writer is SIGKILLed mid-stream (synchronous=%s)',
    async (sync) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crashWriter.fixture.ts'), file, sync], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));

      let acked = -1;
      let buffered = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          buffered += d.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          for (const line of lines) acked = Math.max(acked, Number(line.replace('ack ', '')));
          // Kill while the child is still writing: it never gets to close or checkpoint.
          if (acked >= 300 && !child.killed) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`writer exited before the kill: ${stderr}`)));
      });
      expect(await exited).toBe('SIGKILL');
      expect(fs.existsSync(`${file}-wal`)).toBe(true); // it died with a live WAL

      const store = openStore();
      for (const room of CRASH_ROOMS) {
        const { updates } = await store.loadDoc(room);
        const text = updates.map((u) => new TextDecoder().decode(u));
        const batches = new Map<number, string[]>();
        for (const t of text) {
          const seq = Number(t.split(':')[0]);
          batches.set(seq, [...(batches.get(seq) ?? []), t]);
        }
        // Every acknowledged batch is there, whole and in order…
        for (let seq = 0; seq <= acked; seq++) {
          expect(batches.get(seq)).toEqual(
            Array.from({ length: ROWS_PER_ROOM }, (_, i) => new TextDecoder().decode(crashRow(seq, i))),
          );
        }
        // …and a batch cut off by the kill is absent, never half-written.
        for (const rows of batches.values()) expect(rows).toHaveLength(ROWS_PER_ROOM);
      }
    },
  );
});
