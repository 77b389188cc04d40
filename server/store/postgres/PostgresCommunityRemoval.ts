/**
 * The CommunityRemovalStore part of the PostgreSQL store (mirrors SqliteCommunityRemoval.ts): the
 * tables cascade from `communities`; the rooms' document rows go in the same transaction.
 */
import type pg from 'pg';
import type { CommunityRemovalStore } from '../types.ts';
import { withTransaction } from './sqlHelpers.ts';

/** Community removal on the store's pool. */
export class PostgresCommunityRemoval implements CommunityRemovalStore {
  constructor(private readonly pool: pg.Pool) {}

  async deleteCommunity(communityId: string): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const rooms = 'SELECT room FROM sessions WHERE community_id = $1';
      await client.query(`DELETE FROM doc_updates WHERE room IN (${rooms})`, [communityId]);
      await client.query(`DELETE FROM doc_snapshots WHERE room IN (${rooms})`, [communityId]);
      const res = await client.query('DELETE FROM communities WHERE id = $1', [communityId]);
      return (res.rowCount ?? 0) > 0;
    });
  }
}
