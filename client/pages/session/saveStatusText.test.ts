import { describe, expect, it } from 'vitest';
import type { SaveStatus } from '../../collab/SaveTracker.ts';
import { saveStatusAnnouncement, saveStatusText, saveStatusTone } from './saveStatusText.ts';

describe('saveStatusText', () => {
  it.each<[SaveStatus, string]>([
    [{ kind: 'saved' }, 'Saved'],
    [{ kind: 'saving' }, 'Saving…'],
    [{ kind: 'connecting' }, 'Connecting…'],
    [{ kind: 'offline', pending: 0 }, 'Offline — no unsaved changes'],
    [{ kind: 'offline', pending: 1 }, 'Offline — 1 change kept on this device'],
    [{ kind: 'offline', pending: 12 }, 'Offline — 12 changes kept on this device'],
    [{ kind: 'refused', code: 4413, reason: 'document size limit reached' }, 'Not saving — document size limit reached'],
  ])('%j → %s', (status, text) => {
    expect(saveStatusText(status)).toBe(text);
  });

  it('gives every state a tone', () => {
    expect(saveStatusTone({ kind: 'refused', code: 4403, reason: 'x' })).toBe('danger');
    expect(saveStatusTone({ kind: 'offline', pending: 2 })).toBe('warning');
    expect(saveStatusTone({ kind: 'saved' })).toBe('ok');
  });
});

describe('saveStatusAnnouncement', () => {
  it('stays quiet while typing flips between saving and saved', () => {
    expect(saveStatusAnnouncement({ kind: 'saved' }, { kind: 'saving' })).toBeNull();
    expect(saveStatusAnnouncement({ kind: 'saving' }, { kind: 'saved' })).toBeNull();
    expect(saveStatusAnnouncement(null, { kind: 'connecting' })).toBeNull();
    expect(saveStatusAnnouncement({ kind: 'connecting' }, { kind: 'saved' })).toBeNull();
  });

  it('announces going offline once, not every change counted while offline', () => {
    expect(saveStatusAnnouncement({ kind: 'saved' }, { kind: 'offline', pending: 0 })).toMatch(/offline/);
    expect(saveStatusAnnouncement({ kind: 'offline', pending: 1 }, { kind: 'offline', pending: 2 })).toBeNull();
  });

  it('announces refusals with their reason, and recovery', () => {
    expect(saveStatusAnnouncement({ kind: 'saved' }, { kind: 'refused', code: 4429, reason: 'too many connections' })).toContain(
      'too many connections',
    );
    expect(saveStatusAnnouncement({ kind: 'offline', pending: 3 }, { kind: 'saving' })).toMatch(/Reconnected/);
  });
});

describe('saveStatusAnnouncement across a reconnection', () => {
  it('announces recovery when an outage ends through "connecting"', () => {
    // The component skips "connecting" when remembering prev: offline → (connecting) → saving.
    const outage = { kind: 'offline', pending: 4 } as const;
    expect(saveStatusAnnouncement(outage, { kind: 'connecting' })).toBeNull();
    expect(saveStatusAnnouncement(outage, { kind: 'saving' })).toMatch(/Reconnected/);
  });
});
