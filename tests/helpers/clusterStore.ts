/**
 * The shared store for multi-node tests: a fresh PostgreSQL database when the PostgreSQL store exists
 * (dropped afterwards), else the SQLite file in the shared data folder (WAL lets local processes share it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function clusterStoreEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const pgStore = path.resolve(import.meta.dirname, '../../server/store/postgres/PostgresStore.ts');
  if (!existsSync(pgStore) || process.env.CLUSTER_STORE === 'sqlite') return { env: {}, cleanup: async () => {} };
  const { createTestDatabase } = await import('./postgres.ts');
  const db = await createTestDatabase();
  return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
}
