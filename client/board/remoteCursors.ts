/**
 * Reads the other people's board cursors out of awareness states. Awareness comes from other clients,
 * so every field is checked: finite coordinates, a string name (cut short), a #rrggbb colour.
 */
import { PRESENCE_COLORS } from '../../shared/colors.ts';

/** One remote cursor, ready to draw. */
export interface RemoteCursor {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

const MAX_NAME = 40;

/** The valid cursors of everyone but `selfId`, ordered by client id (stable rendering order). */
export function remoteCursors(states: Map<number, unknown>, selfId: number): RemoteCursor[] {
  const out: RemoteCursor[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId || !raw || typeof raw !== 'object') continue;
    const state = raw as { user?: unknown; cursor?: unknown };
    const cursor = state.cursor as { x?: unknown; y?: unknown } | null | undefined;
    if (!cursor || typeof cursor !== 'object') continue;
    const { x, y } = cursor;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const user = (state.user && typeof state.user === 'object' ? state.user : {}) as { name?: unknown; color?: unknown };
    const name = typeof user.name === 'string' && user.name.trim() ? user.name.trim().slice(0, MAX_NAME) : 'Guest';
    const color =
      typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
        ? user.color
        : PRESENCE_COLORS[clientId % PRESENCE_COLORS.length];
    out.push({ clientId, name, color, x, y });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
}
