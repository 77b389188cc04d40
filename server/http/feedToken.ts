/**
 * Private per-member feed tokens (calendar and Atom feeds): feed readers cannot sign in, so a secret in
 * `?token=` stands for the member. Only the token's hash is stored, and every read re-checks the
 * membership, so leaving a community (or making a new token) turns the old URL off.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CommunityRecord, MembershipRecord, Store } from '../store/types.ts';
import { HttpError } from './HttpError.ts';

// Feed tokens are 32 random bytes in base64url (43 chars); anything else is refused before a lookup.
const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** sha256 of a feed token: only the hash is stored, so a database leak exposes no feed. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A new random feed token. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The community and the member whose token `token` is, if it is that member's current token for this
 * community and they are still a member. Every failure is the same 404 (`notFound` names the feed), so
 * a feed URL reveals nothing about communities or tokens.
 */
export async function authenticateFeedToken(
  store: Pick<Store, 'series' | 'getCommunity' | 'getMembership'>,
  communityId: string,
  token: string,
  notFound: string,
): Promise<{ community: CommunityRecord; membership: MembershipRecord }> {
  const missing = new HttpError('not_found', notFound);
  if (!FEED_TOKEN_PATTERN.test(token)) throw missing;
  const record = await store.series.getFeedToken(hashFeedToken(token));
  if (!record || record.communityId !== communityId) throw missing;
  const [community, membership] = await Promise.all([store.getCommunity(communityId), store.getMembership(communityId, record.userId)]);
  // A member who left (or was removed) loses the feed with the membership.
  if (!community || !membership) throw missing;
  return { community, membership };
}
