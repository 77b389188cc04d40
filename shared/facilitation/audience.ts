/**
 * Audience mode (issue 4 item 10, "for large sessions"): while it is on, the session room is view-only
 * for everyone but hosts, facilitators and the speakers the facilitator handed the pen to. Kept in the
 * control room (written by the server only, SPEC R11) and enforced by the server (SPEC R14).
 */

/** A person who holds the pen: a member's user id or a guest's room identity, and their name. */
export interface Speaker {
  id: string;
  name: string;
}

export interface AudienceState {
  enabled: boolean;
  speakers: Speaker[];
}

export const AUDIENCE_OFF: AudienceState = { enabled: false, speakers: [] };

/** Most speakers one session hands the pen to at once (a panel, not the audience). */
export const MAX_SPEAKERS = 50;

/**
 * May this person write to the session room under `state`? Facilitators always may; the others only
 * while audience mode is off or while they are speakers. (Their role's own rights are checked apart.)
 */
export function mayWriteInAudience(state: AudienceState | null | undefined, who: { id: string; facilitator: boolean }): boolean {
  if (!state?.enabled || who.facilitator) return true;
  return state.speakers.some((s) => s.id === who.id);
}
