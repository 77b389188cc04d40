/**
 * Dot-voting rules: each member has a budget of votes per round, may put several on one item, and may
 * take them back. Enforced by the server on ballots it keeps private; pure so that it is unit-tested.
 */

/** One member's ballot in a round: item id → votes on it (never 0 or negative). */
export type Ballot = Record<string, number>;

export const MAX_VOTE_BUDGET = 50;

export function votesUsed(ballot: Ballot): number {
  let n = 0;
  for (const v of Object.values(ballot)) n += v;
  return n;
}

export type VoteResult = { ok: true; ballot: Ballot } | { ok: false; reason: 'over_budget' | 'no_vote_to_remove' | 'not_votable' };

/**
 * The ballot after adding (+1) or removing (-1) a vote on `itemId`, or why not: over the budget,
 * removing a vote that is not there, or an item outside the round's list.
 */
export function applyVote(ballot: Ballot, itemId: string, delta: 1 | -1, budget: number, itemIds: readonly string[] | null): VoteResult {
  if (itemIds && !itemIds.includes(itemId)) return { ok: false, reason: 'not_votable' };
  const current = ballot[itemId] ?? 0;
  if (delta === 1 && votesUsed(ballot) >= budget) return { ok: false, reason: 'over_budget' };
  if (delta === -1 && current === 0) return { ok: false, reason: 'no_vote_to_remove' };
  const next = { ...ballot };
  if (current + delta === 0) delete next[itemId];
  else next[itemId] = current + delta;
  return { ok: true, ballot: next };
}

/** Totals per item over all ballots. */
export function tallyBallots(ballots: Iterable<Ballot>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const b of ballots) for (const [item, n] of Object.entries(b)) totals[item] = (totals[item] ?? 0) + n;
  return totals;
}

/** Poll counts per option from everyone's choices (indexes into the options). */
export function tallyPoll(optionCount: number, answers: Iterable<number[]>): { counts: number[]; respondents: number } {
  const counts = new Array<number>(optionCount).fill(0);
  let respondents = 0;
  for (const choices of answers) {
    respondents++;
    for (const c of choices) if (c >= 0 && c < optionCount) counts[c]++;
  }
  return { counts, respondents };
}
