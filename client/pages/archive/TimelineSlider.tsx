/**
 * The timeline slider of the archive: a labelled range input (arrow keys, Home/End, Page Up/Down move
 * it; the version's time is its aria-valuetext) from the first kept version to "now", and, for hosts,
 * "Restore this version" behind a confirmation.
 */
import { useId, useState } from 'react';
import type { RestoreResultDto } from '../../../shared/knowledge/versions.ts';
import { api, errorMessage } from '../../api/http.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { useToast } from '../../components/Toast.tsx';
import type { Timeline } from './useTimeline.ts';

export interface TimelineSliderProps {
  sessionId: string;
  timeline: Timeline;
  canRestore: boolean;
  /** After a restore: the page re-reads the current content. */
  onRestored: () => void;
}

export function TimelineSlider({ sessionId, timeline, canRestore, onRestored }: TimelineSliderProps) {
  const id = useId();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const { versions, position, selected } = timeline;
  // The position too: versions of the same minute (a restore and the state kept before it) read apart.
  const valueText = selected ? `Version of ${formatDateTime(selected.takenAt)} (${position + 1} of ${versions.length})` : 'Now';

  const restore = async () => {
    if (!selected) return;
    setRestoring(true);
    try {
      await api.post<RestoreResultDto>(`/api/sessions/${encodeURIComponent(sessionId)}/versions/${encodeURIComponent(selected.id)}/restore`, {});
      toast(`Restored the version of ${formatDateTime(selected.takenAt)}. The state before was kept as a version.`, 'success');
      setConfirming(false);
      timeline.reset();
      onRestored();
    } catch (err) {
      toast(`Could not restore: ${errorMessage(err)}`, 'error');
    } finally {
      setRestoring(false);
    }
  };

  return (
    <section className="card section timeline" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Timeline</h2>
      {versions.length === 0 ? (
        <p className="text-muted">
          {timeline.listError ? 'Earlier versions could not be loaded.' : 'No earlier versions yet: a version is kept every few minutes while the session changes, and when it ends.'}
        </p>
      ) : (
        <>
          <div className="timeline__row">
            <label htmlFor={id} className="timeline__label">
              Show the session as it was
            </label>
            <input
              id={id}
              className="timeline__range"
              type="range"
              min={0}
              max={versions.length}
              step={1}
              value={position}
              aria-valuetext={valueText}
              onChange={(e) => timeline.setPosition(Number(e.currentTarget.value))}
            />
            <output htmlFor={id} className="timeline__value" aria-live="polite">
              {valueText}
            </output>
          </div>
          <div className="timeline__row">
            <p className="timeline__hint text-muted">
              {selected ? 'A read-only view of the session as it was then.' : `${versions.length} earlier ${versions.length === 1 ? 'version' : 'versions'} kept.`}
            </p>
            {selected && canRestore && (
              <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
                Restore this version
              </Button>
            )}
          </div>
        </>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Restore this version?"
        description={selected ? `The live session’s agenda, notes and board go back to how they were at ${formatDateTime(selected.takenAt)}.` : undefined}
      >
        <p>Everyone in the session sees the change at once. What is there now is kept as a version, so you can restore it again.</p>
        <div className="form-actions">
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="primary" loading={restoring} onClick={() => void restore()}>
            Restore
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
