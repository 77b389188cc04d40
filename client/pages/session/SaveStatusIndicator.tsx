/**
 * The room's honest save status ("Saved", "Saving…", "Offline — N changes kept on this device",
 * refusals with their reason), with a polite live region that announces only the changes that matter.
 */
import { useEffect, useRef, useState } from 'react';
import type { RoomConnection } from '../../collab/RoomConnection.ts';
import type { SaveStatus } from '../../collab/SaveTracker.ts';
import { useSaveStatus } from '../../collab/hooks.ts';
import { saveStatusAnnouncement, saveStatusText, saveStatusTone, type SaveTone } from './saveStatusText.ts';

const ICONS: Record<SaveTone, string> = { ok: '✓', busy: '…', warning: '⚠', danger: '✕' };

/** The save indicator of a session room. */
export function SaveStatusIndicator({ conn }: { conn: RoomConnection }) {
  const status = useSaveStatus(conn);
  const tone = saveStatusTone(status);
  const prev = useRef<SaveStatus | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const said = saveStatusAnnouncement(prev.current, status);
    // "Connecting…" sits between an outage and recovery; remembering the outage across it is what
    // lets "Reconnected" be announced.
    if (status.kind !== 'connecting') prev.current = status;
    if (said) setAnnouncement(said);
  }, [status]);

  return (
    <div className={`save-status save-status--${tone}`} data-status={status.kind}>
      <span className="save-status__icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <span className="save-status__text">{saveStatusText(status)}</span>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
