/**
 * Arrow-key movement between the buttons of a toolbar (WAI-ARIA toolbar pattern): Left/Right (and
 * Home/End) move focus among the enabled buttons, so a keyboard user crosses the bar quickly.
 */
import type { KeyboardEvent } from 'react';

/** onKeyDown for an element with role="toolbar". */
export function onToolbarKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  if ((e.target as HTMLElement).tagName === 'INPUT') return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
  const at = buttons.indexOf(e.target as HTMLButtonElement);
  if (at < 0 || buttons.length === 0) return;
  const next =
    e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  e.preventDefault();
  e.stopPropagation();
  buttons[next].focus();
}
