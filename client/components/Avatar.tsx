/**
 * A person's initials on their presence colour. The same colour marks their caret in the notes and
 * their pointer on the board, so people can be recognised across the room; the initials (and a name
 * alongside, where there is room) make sure the colour is never the only clue.
 */
import type { CSSProperties } from 'react';

/** Up to two initials: first letters of the first and last words ("Ada Lovelace" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

export interface AvatarProps {
  name: string;
  color: string;
  size?: 'sm' | 'md';
  /** When false the avatar is decorative (a visible name sits next to it). */
  labelled?: boolean;
}

/** A round chip with initials in white on the person's colour (the palette keeps white text legible). */
export function Avatar({ name, color, size = 'md', labelled = false }: AvatarProps) {
  const style = { '--avatar-color': safeColor(color) } as CSSProperties;
  return (
    <span
      className={`avatar avatar--${size}`}
      style={style}
      {...(labelled ? { role: 'img', 'aria-label': name, title: name } : { 'aria-hidden': true })}
    >
      {initials(name)}
    </span>
  );
}

/** Colours come from the server, but CSS is not the place to trust them: only #rgb/#rrggbb pass. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(color) ? color : 'var(--color-text-muted)';
}
