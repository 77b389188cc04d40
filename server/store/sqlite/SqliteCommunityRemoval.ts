/**
 * The CommunityRemovalStore part of the SQLite store: deleting a community with everything that hangs
 * off it. The tables cascade from `communities`; the rooms' document rows (keyed by room name, no
 * foreign key) are deleted in the same transaction. No schema of its own.
 */
import type Database from 'better-sqlite3';
import type { CommunityRemovalStore } from '../types.ts';

/** Community removal on the store's connection. */
export class SqliteCommunityRemoval implements CommunityRemovalStore {
  private readonly deleteTx: (communityId: string) => boolean;

  constructor(db: Database.Database) {
    const rooms = db.prepare<[string], { room: string }>('SELECT room FROM sessions WHERE community_id = ?');
    const updates = db.prepare<[string]>('DELETE FROM doc_updates WHERE room = ?');
    const snapshot = db.prepare<[string]>('DELETE FROM doc_snapshots WHERE room = ?');
    const community = db.prepare<[string]>('DELETE FROM communities WHERE id = ?');
    this.deleteTx = db.transaction((communityId: string) => {
      for (const { room } of rooms.all(communityId)) {
        updates.run(room);
        snapshot.run(room);
      }
      return community.run(communityId).changes > 0;
    });
  }

  async deleteCommunity(communityId: string): Promise<boolean> {
    return this.deleteTx(communityId);
  }
}
