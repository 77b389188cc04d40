/**
 * Small pieces shared by the PostgreSQL store's parts: named statements, ISO timestamps in SELECT
 * lists, and transactions on one pooled connection.
 */
import type pg from 'pg';

/** A statement `pg` prepares once per connection (by name) and then only binds and executes. */
export interface NamedStatement {
  name: string;
  text: string;
}

export const stmt = (name: string, text: string): NamedStatement => ({ name, text });

/** An instant as the same UTC ISO-8601 string `Date.prototype.toISOString` (and so SqliteStore) returns. */
export const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Runs `fn` in a transaction on one pooled connection; a connection whose ROLLBACK failed is discarded. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
