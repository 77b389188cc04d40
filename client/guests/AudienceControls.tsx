/**
 * Audience mode for facilitators (issue 4 item 10): make the session view-only for members and guests,
 * and hand the pen to speakers (chosen among the people in the room) or take it back. The server
 * enforces it (SPEC R14); this only sends the change.
 */
import { useMemo, useState } from 'react';
import type { AudienceState, Speaker } from '../../shared/facilitation/audience.ts';
import type { RoomConnection } from '../collab/RoomConnection.ts';
import { usePresence } from '../collab/hooks.ts';
import { Button } from '../components/Button.tsx';
import { guestApi } from './guestApi.ts';

export interface AudienceControlsProps {
  sessionId: string;
  audience: AudienceState;
  conn: RoomConnection;
  onError: (e: unknown) => void;
}

/** The audience-mode part of the facilitation panel. */
export function AudienceControls({ sessionId, audience, conn, onError }: AudienceControlsProps) {
  const presence = usePresence(conn);
  const [choice, setChoice] = useState('');
  const people = useMemo(() => {
    const seen = new Map<string, Speaker>();
    for (const s of presence.values()) {
      if (s.user && s.user.id !== conn.me.id && !seen.has(s.user.id)) seen.set(s.user.id, { id: s.user.id, name: s.user.name });
    }
    return [...seen.values()].filter((p) => !audience.speakers.some((s) => s.id === p.id)).sort((a, b) => a.name.localeCompare(b.name));
  }, [presence, audience.speakers, conn.me.id]);

  const send = (change: { enabled?: boolean; speakers?: Speaker[] }) => guestApi.setAudience(sessionId, change).catch(onError);
  const handPen = () => {
    const person = people.find((p) => p.id === choice);
    if (!person) return;
    setChoice('');
    void send({ speakers: [...audience.speakers, person] });
  };

  return (
    <section className="audience" aria-labelledby="audience-title">
      <h3 id="audience-title" className="fac-section-title">Audience mode</h3>
      <p className="guest-links__hint">For large sessions: members and guests watch; only the speakers you hand the pen to can edit.</p>
      <Button size="sm" aria-pressed={audience.enabled} onClick={() => void send({ enabled: !audience.enabled })}>
        {audience.enabled ? 'Turn audience mode off' : 'Turn audience mode on'}
      </Button>
      <div className="audience__speakers">
        {audience.speakers.length === 0 ? (
          <p className="guest-links__empty">No speakers yet.</p>
        ) : (
          <ul className="guest-links__list" aria-label="Speakers">
            {audience.speakers.map((s) => (
              <li key={s.id} className="guest-links__item">
                <span>{s.name}</span>
                <Button size="sm" variant="ghost" onClick={() => void send({ speakers: audience.speakers.filter((x) => x.id !== s.id) })} aria-label={`Take the pen back from ${s.name}`}>
                  Take the pen back
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="audience__hand">
          <label htmlFor="audience-speaker" className="sr-only">Person to hand the pen to</label>
          <select id="audience-speaker" className="select select--compact" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose someone in the room…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
          <Button size="sm" onClick={handPen} disabled={!choice}>Hand the pen</Button>
        </div>
      </div>
    </section>
  );
}
