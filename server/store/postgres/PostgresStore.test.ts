/**
 * PostgresStore: the shared store contract against the local PostgreSQL, in a database created for this
 * run and dropped afterwards, plus what only PostgreSQL has — migrations raced by several nodes, and
 * several nodes compacting and appending to one room at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { describeStoreContract } from '../storeContract.ts';
import type { StoredDoc } from '../types.ts';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION, migrate, type PgMigration } from './migrations.ts';
import { PostgresStore } from './PostgresStore.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/postgres.ts';

/**
 * The local PostgreSQL (TEST_DATABASE_URL) is required: unreachable, every test here fails with the
 * reason. SKIP_PG_TESTS=1 skips them instead, for machines without PostgreSQL.
 */
const SKIP_PG_TESTS = process.env.SKIP_PG_TESTS === '1';

/** Applies a loaded doc to a fresh Y.Doc. */
function docFrom(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

/** Compaction merge as the server does it: apply everything to a doc, encode its state once. */
function mergeParts(parts: Uint8Array[]): Uint8Array {
  const doc = docFrom({ snapshot: null, updates: parts, bytes: 0 });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

describe.skipIf(SKIP_PG_TESTS)('PostgresStore', () => {
  let db: TestDatabase;
  const extraDbs: TestDatabase[] = [];
  const opened: PostgresStore[] = [];

  const open = async (url = db.url, poolSize?: number) => {
    const store = await PostgresStore.open({ connectionString: url, poolSize });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    try {
      db = await createTestDatabase();
    } catch (err) {
      throw new Error(
        `${(err as Error).message}. Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set SKIP_PG_TESTS=1 to skip the PostgreSQL tests.`,
      );
    }
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  afterAll(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of [...extraDbs.splice(0), db]) await d?.drop();
  });

  const freshDb = async () => {
    const d = await createTestDatabase();
    extraDbs.push(d);
    return d;
  };

  describeStoreContract('PostgresStore', () => PostgresStore.open({ connectionString: db.url, poolSize: 4 }));

  describe('migrations', () => {
    it('creates the schema and records each version once in schema_migrations', async () => {
      const store = await open();
      const { rows } = await store.connection.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(await migrate(store.connection)).toBe(0); // already current: nothing to do
    });

    it('migrates once when several nodes start at the same moment', async () => {
      const fresh = await freshDb();
      // Steps that fail if run twice (plain CREATE TABLE) and record each run, one of them slow so the
      // nodes really overlap.
      const steps: PgMigration[] = [
        { version: 1, name: 'probe table', sql: 'CREATE TABLE probe (step int); INSERT INTO probe VALUES (1); SELECT pg_sleep(0.2);' },
        { version: 2, name: 'second', sql: 'CREATE TABLE probe2 (x int); INSERT INTO probe VALUES (2);' },
        { version: 3, name: 'third', sql: 'INSERT INTO probe VALUES (3);' },
      ];
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: fresh.url, max: 2 }));
      try {
        const applied = await Promise.all(pools.map((p) => migrate(p, steps)));
        expect(applied.reduce((a, b) => a + b, 0)).toBe(steps.length);
        const probe = await pools[0]!.query('SELECT step FROM probe ORDER BY step');
        expect(probe.rows.map((r) => r.step)).toEqual([1, 2, 3]);
        const versions = await pools[0]!.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 3]);
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });

    it('opens the real schema from three pools at once', async () => {
      const fresh = await freshDb();
      const stores = await Promise.all([open(fresh.url), open(fresh.url), open(fresh.url)]);
      const { rows } = await stores[0]!.connection.query('SELECT COUNT(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBe(PG_SCHEMA_VERSION);
      await stores[1]!.createUser({ id: 'u', name: 'N', email: 'n@example.org', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      expect((await stores[2]!.getUserByEmail('N@example.org'))?.id).toBe('u');
    });

    it('rolls back a failing step alone and keeps the steps before it', async () => {
      const fresh = await freshDb();
      const pool = new pg.Pool({ connectionString: fresh.url, max: 1 });
      try {
        const steps: PgMigration[] = [
          { version: 1, name: 'good', sql: 'CREATE TABLE good (x int);' },
          { version: 2, name: 'bad', sql: 'CREATE TABLE half (x int); SELECT no_such_function();' },
        ];
        await expect(migrate(pool, steps)).rejects.toThrow(/no_such_function/);
        const tables = await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        expect(tables.rows.map((r) => r.tablename)).toEqual(['good', 'schema_migrations']);
        expect((await pool.query('SELECT version FROM schema_migrations')).rows).toEqual([{ version: 1 }]);
      } finally {
        await pool.end();
      }
    });

    it('refuses a database migrated by a newer server', async () => {
      const fresh = await freshDb();
      await (await open(fresh.url)).connection.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");
      await expect(PostgresStore.open({ connectionString: fresh.url })).rejects.toThrow(/newer than this server/);
    });

    it('rejects out-of-order migration lists before touching the database', async () => {
      const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
      try {
        await expect(migrate(pool, [{ version: 2, name: 'x', sql: '' }])).rejects.toThrow(/expected 1/);
      } finally {
        await pool.end();
      }
    });
  });

  describe('PostgreSQL specifics', () => {
    it('fails to open, with the reason, when the server is unreachable', async () => {
      await expect(PostgresStore.open({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectTimeoutMs: 1000 })).rejects.toThrow(
        /ECONNREFUSED|connect/,
      );
    });

    it('answers ping while open; ping and loadDoc throw once closed', async () => {
      const store = await PostgresStore.open({ connectionString: db.url });
      await store.ping();
      await store.close();
      await store.close(); // closing twice is harmless
      await expect(store.ping()).rejects.toThrow();
      await expect(store.loadDoc('r')).rejects.toThrow();
    });

    it('loadDoc throws when the update table has gone, never returning an empty document', async () => {
      const fresh = await freshDb();
      const store = await open(fresh.url);
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'hi');
      await store.appendUpdates([{ room: 'r', update: Y.encodeStateAsUpdate(doc) }]);
      await store.connection.query('DROP TABLE doc_updates');
      await expect(store.loadDoc('r')).rejects.toThrow(/doc_updates/);
    });

    it('stores instants as timestamptz and returns them as UTC ISO strings', async () => {
      const store = await open();
      const id = `tz-${Date.now()}`;
      await store.createUser({ id, name: 'T', email: `${id}@example.org`, passwordHash: 'h', createdAt: '2026-03-29T01:30:00.000Z' });
      const { rows } = await store.connection.query("SELECT pg_typeof(created_at)::text AS t, created_at AT TIME ZONE 'UTC' AS utc FROM users WHERE id = $1", [id]);
      expect(rows[0].t).toBe('timestamp with time zone');
      expect((await store.getUserById(id))?.createdAt).toBe('2026-03-29T01:30:00.000Z');
      // Expiry compares instants, not strings: +02:00 at 01:00 is 23:00Z the day before.
      await store.createAuthSession({ tokenHash: `${id}-tok`, userId: id, createdAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-02T01:00:00+02:00' });
      expect(await store.deleteExpiredAuthSessions('2026-03-01T22:59:59.000Z')).toBe(0);
      expect(await store.deleteExpiredAuthSessions('2026-03-01T23:00:00.000Z')).toBe(1);
    });

    it('writes a batch atomically, also across chunks: one bad row stores none of it', async () => {
      const store = await open();
      const room = `atomic-${Date.now()}`;
      const u = new Uint8Array([0, 0]);
      const small = [{ room, update: u }, { room: null as unknown as string, update: u }];
      await expect(store.appendUpdates(small)).rejects.toThrow(/null value/);
      const big = Array.from({ length: 2500 }, (_, i) => ({ room: i === 2400 ? (null as unknown as string) : room, update: u }));
      await expect(store.appendUpdates(big)).rejects.toThrow(/null value/);
      expect(await store.countUpdates(room)).toBe(0);
      // The same size without the bad row is stored whole and in order.
      const good = Array.from({ length: 2500 }, (_, i) => ({ room, update: new Uint8Array([i & 0xff, i >> 8]) }));
      await store.appendUpdates(good);
      const stored = await store.loadDoc(room);
      expect(stored.updates.map((x) => x[0]! | (x[1]! << 8))).toEqual(good.map((_, i) => i));
    });

    it('keeps BYTEA content byte for byte, including empty and large values', async () => {
      const store = await open();
      const room = `bytes-${Date.now()}`;
      const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) & 0xff);
      const parts = [new Uint8Array(0), new Uint8Array([0, 255, 92, 120]), big];
      await store.appendUpdates(parts.map((update) => ({ room, update })));
      const stored = await store.loadDoc(room);
      expect(stored.updates.map((u) => u.byteLength)).toEqual(parts.map((p) => p.byteLength));
      expect(Buffer.compare(Buffer.from(stored.updates[2]!), Buffer.from(big))).toBe(0);
      expect(Array.from(stored.updates[1]!)).toEqual([0, 255, 92, 120]);
      expect(stored.bytes).toBe(big.byteLength + 4);
    });

    it('rolls compaction back when the merge throws: no row lost', async () => {
      const store = await open();
      const room = `merge-throws-${Date.now()}`;
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const ch of 'abc') doc.getText('t').insert(doc.getText('t').length, ch);
      await store.appendUpdates(updates.map((update) => ({ room, update })));
      await expect(
        store.compact(room, () => {
          throw new Error('merge exploded');
        }),
      ).rejects.toThrow('merge exploded');
      expect(await store.countUpdates(room)).toBe(3);
      expect(docFrom(await store.loadDoc(room)).getText('t').toString()).toBe('abc');
    });

    it('loses nothing when two nodes compact the same room while both keep appending', async () => {
      const fresh = await freshDb();
      const [nodeA, nodeB] = [await open(fresh.url, 4), await open(fresh.url, 4)];
      const room = 'contended';
      const source = new Y.Doc();
      const expected = source.getArray<number>('items');
      let next = 0;
      /** A batch of updates, each pushing one new number. */
      const batch = (n: number) => {
        const out: Uint8Array[] = [];
        const collect = (u: Uint8Array) => out.push(u);
        source.on('update', collect);
        for (let i = 0; i < n; i++) expected.push([next++]);
        source.off('update', collect);
        return out.map((update) => ({ room, update }));
      };

      let compactions = 0;
      const compact = (store: PostgresStore) =>
        store.compact(room, (parts) => {
          compactions++;
          return mergeParts(parts);
        });

      for (let round = 0; round < 40; round++) {
        // Every outcome must succeed: a deadlock or serialization error would reject here.
        await Promise.all([
          nodeA.appendUpdates(batch(3)),
          compact(nodeA),
          nodeB.appendUpdates(batch(2)),
          compact(nodeB),
          nodeA.appendUpdates(batch(1)),
          compact(nodeB),
        ]);
      }
      await compact(nodeA);

      expect(compactions).toBeGreaterThan(40);
      const stored = await nodeB.loadDoc(room);
      expect(stored.updates).toEqual([]);
      const loaded = docFrom(stored).getArray<number>('items').toArray();
      expect(loaded).toHaveLength(next);
      expect([...loaded].sort((a, b) => a - b)).toEqual(Array.from({ length: next }, (_, i) => i));
    });

    it('loads a 20,000-update room identically before and after compaction', async () => {
      const store = await open();
      const room = `big-${Date.now()}`;
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const text = doc.getText('notes');
      for (let i = 0; i < 20_000; i++) text.insert((i * 7) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
      for (let i = 0; i < updates.length; i += 10) await store.appendUpdates(updates.slice(i, i + 10).map((update) => ({ room, update })));

      const before = await store.loadDoc(room);
      expect(before.updates).toHaveLength(20_000);
      expect(docFrom(before).getText('notes').toString()).toBe(text.toString());

      await store.compact(room, mergeParts);
      const after = await store.loadDoc(room);
      expect(after.updates).toHaveLength(0);
      expect(docFrom(after).getText('notes').toString()).toBe(text.toString());
    }, 60_000);
  });
});
