/**
 * Presence colours. A person's colour is derived from their user id so that it is the same on every
 * device and for every viewer; the palette keeps white caret labels legible (WCAG AA on white text).
 */
export const PRESENCE_COLORS = [
  '#b4235a', '#7c3aed', '#1d4ed8', '#0f766e', '#15803d', '#a16207', '#c2410c', '#be123c', '#4338ca', '#0e7490',
] as const;

/** Stable colour for a user id (FNV-1a hash into the palette). */
export function colorForUser(userId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return PRESENCE_COLORS[(h >>> 0) % PRESENCE_COLORS.length];
}
