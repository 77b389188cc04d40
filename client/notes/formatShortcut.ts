/**
 * Keyboard shortcuts as people read them on their platform ("Ctrl+Alt+1", "⌥⌘1") and as
 * aria-keyshortcuts wants them ("Control+Alt+1", "Meta+Alt+1"), from Tiptap's "Mod-Alt-1" notation.
 */

/** True on Apple platforms, where Tiptap's "Mod" is ⌘. */
export function isApplePlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad|ipod/i.test(nav.userAgentData?.platform || nav.platform || nav.userAgent);
}

/** A shortcut for display and for the aria-keyshortcuts attribute. */
export interface Shortcut {
  label: string;
  aria: string;
}

const APPLE_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
// Apple's conventional order of modifier symbols.
const APPLE_ORDER = ['Ctrl', 'Alt', 'Shift', 'Mod'];

/** Formats a Tiptap-style key chord ("Mod-Shift-8") for the given platform. */
export function formatShortcut(chord: string, apple = isApplePlatform()): Shortcut {
  const parts = chord.split('-');
  const key = parts.pop()!.toUpperCase();
  const mods = parts;
  const ariaMod = (m: string) => (m === 'Mod' ? (apple ? 'Meta' : 'Control') : m === 'Ctrl' ? 'Control' : m);
  const aria = [...mods.map(ariaMod), key].join('+');
  if (apple) {
    const sorted = [...mods].sort((a, b) => APPLE_ORDER.indexOf(a) - APPLE_ORDER.indexOf(b));
    return { label: sorted.map((m) => APPLE_SYMBOLS[m] ?? m).join('') + key, aria };
  }
  return { label: [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), key].join('+'), aria };
}
