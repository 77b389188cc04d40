/**
 * Who is in the session right now: one chip per person (initials on their colour, and their name), me
 * first. Past a handful of people the rest collapse into "+N", whose names are still listed for
 * screen readers and in its tooltip.
 */
import type { RoomConnection } from '../collab/RoomConnection.ts';
import { usePresence } from '../collab/hooks.ts';
import { Avatar } from '../components/Avatar.tsx';
import { dedupePresence } from './dedupePresence.ts';

const MAX_SHOWN = 5;

/** The presence bar of a session room. */
export function PresenceList({ conn, meId }: { conn: RoomConnection; meId: string }) {
  const people = dedupePresence(usePresence(conn), meId);
  const shown = people.slice(0, MAX_SHOWN);
  const rest = people.slice(MAX_SHOWN);
  const restNames = rest.map((p) => p.name).join(', ');
  return (
    <div className="presence">
      <h2 className="sr-only">In this session</h2>
      <span className="presence__count" aria-hidden="true">
        {people.length} here
      </span>
      <ul className="presence__list" role="list" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} here`}>
        {shown.map((p) => (
          <li key={p.id} className="presence-chip" title={p.isMe ? `${p.name} (you)` : p.name}>
            <Avatar name={p.name} color={p.color} size="sm" />
            <span className="presence-chip__name">
              {p.name}
              {p.isMe && <span className="presence-chip__you"> (you)</span>}
            </span>
          </li>
        ))}
        {rest.length > 0 && (
          <li className="presence-chip presence-chip--more" title={restNames}>
            <span aria-hidden="true">+{rest.length}</span>
            <span className="sr-only">and {rest.length} more: {restNames}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
