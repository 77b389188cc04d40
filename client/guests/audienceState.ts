/** What audience mode means for me on the client (the server decides the same, SPEC R14). */
import { mayWriteInAudience, type AudienceState } from '../../shared/facilitation/audience.ts';

/** True when my role lets me edit but audience mode holds me view-only right now. */
export function heldByAudience(audience: AudienceState, me: { id: string; facilitator: boolean } | null, roleCanEdit: boolean): boolean {
  return roleCanEdit && me !== null && !mayWriteInAudience(audience, me);
}
