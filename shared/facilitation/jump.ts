/**
 * "Bring everyone there" (issue 4 item 2): a facilitator sends everyone to the content the current
 * agenda item links to (a board frame or a notes heading). Kept in the control room (SPEC R11); each
 * new `at` moves every client once — afterwards people are free to look elsewhere.
 */
export interface JumpState {
  /** The agenda item whose link this is. */
  itemId: string;
  /** `board:<frame id>` or `notes:<heading anchor>` (shared/doc/layout.ts readAgendaLink). */
  target: string;
  /** Server clock when sent: a new value is a new jump. */
  at: number;
  /** Who sent it (shown as "<name> brought everyone here"). */
  by: string;
}
