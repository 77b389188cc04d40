/**
 * Which stored versions of a session to delete so that storage stays bounded: every version of the most
 * recent hour, one per 15 minutes for a day, one per day after that, and never more than a hard cap.
 * Pure, so the policy is unit-tested apart from the store.
 */

/** A version as the policy sees it. */
export interface VersionStamp {
  id: string;
  /** Epoch milliseconds. */
  takenAt: number;
}

/** Versions younger than `maxAgeMs` keep one per `bucketMs` (0: keep all). */
export interface ThinningTier {
  maxAgeMs: number;
  bucketMs: number;
}

export interface ThinningPolicy {
  /** Ordered by `maxAgeMs`; versions older than the last tier use its bucket too. */
  tiers: readonly ThinningTier[];
  /** Hard cap per session: beyond it the oldest go. */
  maxVersions: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** All of the last hour, one per 15 min for a day, one per day after; at most 200. */
export const DEFAULT_THINNING: ThinningPolicy = {
  tiers: [
    { maxAgeMs: HOUR, bucketMs: 0 },
    { maxAgeMs: DAY, bucketMs: 15 * MINUTE },
    { maxAgeMs: Infinity, bucketMs: DAY },
  ],
  maxVersions: 200,
};

/**
 * The ids to delete. Ages are measured from `now`; the caller passes the session's newest version time
 * so that a finished session keeps the replay of its last hour. Buckets are aligned to the epoch (not to
 * `now`), so running the policy again deletes nothing more; within a bucket the newest version stays.
 */
export function thinVersions(versions: readonly VersionStamp[], now: number, policy: ThinningPolicy = DEFAULT_THINNING): string[] {
  const newestFirst = [...versions].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));
  const seenBuckets = new Set<string>();
  const kept: VersionStamp[] = [];
  const drop: string[] = [];
  for (const v of newestFirst) {
    const age = Math.max(0, now - v.takenAt);
    const tierIndex = policy.tiers.findIndex((t) => age <= t.maxAgeMs);
    const tier = policy.tiers[tierIndex === -1 ? policy.tiers.length - 1 : tierIndex];
    if (!tier || tier.bucketMs <= 0) {
      kept.push(v);
      continue;
    }
    const key = `${tierIndex}:${Math.floor(v.takenAt / tier.bucketMs)}`;
    if (seenBuckets.has(key)) drop.push(v.id);
    else {
      seenBuckets.add(key);
      kept.push(v);
    }
  }
  for (const v of kept.slice(Math.max(1, policy.maxVersions))) drop.push(v.id);
  return drop;
}
