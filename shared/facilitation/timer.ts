/**
 * Timer math shared by the server (which applies facilitators' actions) and clients (which count down
 * locally from the server's clock). Pure functions of the state and the time.
 */
import type { TimerState } from './control.ts';

export const TIMER_ACTIONS = ['start', 'pause', 'resume', 'add', 'reset'] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

/** Longest timebox: 12 hours. */
export const MAX_TIMER_SECONDS = 12 * 3600;

/** Milliseconds left at `now` (negative when over time); 0 without a timer. */
export function remainingMs(t: TimerState | null, now: number): number {
  if (!t) return 0;
  return t.running ? t.endsAt - now : t.remainingMs;
}

/**
 * The state after `action` at server time `now`. `start` (re)starts a timebox of `seconds`; `add`
 * adds `seconds` (may be negative) whether running or paused; `reset` stops at the full duration.
 * Returns null for an action that makes no sense in the current state (e.g. pause without a timer).
 */
export function applyTimerAction(t: TimerState | null, action: TimerAction, seconds: number | undefined, now: number): TimerState | null {
  const ms = Math.round((seconds ?? 0) * 1000);
  switch (action) {
    case 'start':
      if (ms <= 0) return null;
      return { running: true, endsAt: now + ms, remainingMs: ms, durationMs: ms, serverNow: now };
    case 'pause':
      if (!t || !t.running) return null;
      return { ...t, running: false, remainingMs: t.endsAt - now, serverNow: now };
    case 'resume':
      if (!t || t.running) return null;
      return { ...t, running: true, endsAt: now + t.remainingMs, serverNow: now };
    case 'add':
      if (!t || ms === 0) return null;
      return { ...t, endsAt: t.endsAt + ms, remainingMs: t.remainingMs + ms, durationMs: Math.max(0, t.durationMs + ms), serverNow: now };
    case 'reset':
      if (!t) return null;
      return { running: false, endsAt: now + t.durationMs, remainingMs: t.durationMs, durationMs: t.durationMs, serverNow: now };
  }
}

/** `m:ss` (or `h:mm:ss`), with a leading minus when over time. Rounds towards the display a person expects: 0:01 until it hits zero. */
export function formatCountdown(ms: number): string {
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return over ? `-${body}` : body;
}
