/** What the save indicator says for each state of the room's SaveTracker, and what is worth announcing. */
import type { SaveStatus } from '../../collab/SaveTracker.ts';

/** Visual tone of the indicator; each tone also has its own icon, so colour is never the only clue. */
export type SaveTone = 'ok' | 'busy' | 'warning' | 'danger';

/** The visible label, e.g. "Offline — 3 changes kept on this device". */
export function saveStatusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'connecting':
      return 'Connecting…';
    case 'offline':
      return s.pending === 0
        ? 'Offline — no unsaved changes'
        : `Offline — ${s.pending} ${s.pending === 1 ? 'change' : 'changes'} kept on this device`;
    case 'refused':
      return `Not saving — ${s.reason}`;
  }
}

/** The indicator's tone. */
export function saveStatusTone(s: SaveStatus): SaveTone {
  switch (s.kind) {
    case 'saved':
      return 'ok';
    case 'saving':
    case 'connecting':
      return 'busy';
    case 'offline':
      return 'warning';
    case 'refused':
      return 'danger';
  }
}

/**
 * What to announce to screen readers on a change from `prev` (the last status that was not
 * "connecting") to `next`, or null. "Saving…"/"Saved"
 * flip on every keystroke, so they are announced only when they end an outage; going offline or being
 * refused always is (once, without the running count of changes).
 */
export function saveStatusAnnouncement(prev: SaveStatus | null, next: SaveStatus): string | null {
  if (prev?.kind === next.kind) return null;
  switch (next.kind) {
    case 'offline':
      return 'You are offline. Your changes are kept on this device and will be saved when you reconnect.';
    case 'refused':
      return `Changes are not being saved: ${next.reason}.`;
    case 'saved':
    case 'saving':
      return prev && (prev.kind === 'offline' || prev.kind === 'refused') ? 'Reconnected. Your changes are being saved.' : null;
    case 'connecting':
      return null;
  }
}
