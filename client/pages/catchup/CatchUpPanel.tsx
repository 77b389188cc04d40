/**
 * "What happened so far": for a member who opens a session late (or its archive), the agenda items
 * done, notes and board items added since they last looked, with the new ones highlighted in place
 * until the panel is dismissed. Nothing shows when nothing changed.
 */
import { useId, useState } from 'react';
import { ITEM_TYPE_NAMES } from '../../../shared/board/itemLabel.ts';
import { noChanges, type CatchUpDto } from '../../../shared/knowledge/versions.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { useCatchUpHighlights } from './useCatchUpHighlights.ts';
import './catchUp.css';

/** Longest list shown per kind; the rest is counted. */
const SHOWN = 8;

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="catchup__section">
      <h3 className="catchup__heading">
        {title} ({items.length})
      </h3>
      <ul className="catchup__list">
        {items.slice(0, SHOWN).map((text, i) => (
          <li key={i}>{text}</li>
        ))}
        {items.length > SHOWN && <li className="text-muted">and {items.length - SHOWN} more</li>}
      </ul>
    </div>
  );
}

export function CatchUpPanel({ catchUp }: { catchUp: CatchUpDto | null }) {
  const [dismissed, setDismissed] = useState(false);
  const headingId = useId();
  const open = !!catchUp && !dismissed && !noChanges(catchUp.changes);
  useCatchUpHighlights(open ? catchUp.changes : null);
  if (!open) return null;
  const { changes, since } = catchUp;
  const label = (text: string, fallback: string) => text.trim().split('\n')[0]?.slice(0, 120) || fallback;
  return (
    <section className="catchup card" aria-labelledby={headingId}>
      <div className="catchup__header">
        <div>
          <h2 id={headingId} className="catchup__title">
            What happened so far
          </h2>
          <p className="catchup__since text-muted">
            {since ? <>Since you last looked ({formatDateTime(since)}). </> : 'Everything in this session so far. '}
            New board items and notes are highlighted.
          </p>
        </div>
        <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>
          Dismiss
        </Button>
      </div>
      <div className="catchup__sections">
        <Section title="Agenda items done" items={changes.agendaDone.map((a) => label(a.title, 'Untitled item'))} />
        <Section title="Notes added" items={changes.notesAdded.map((n) => label(n.text, 'Empty block'))} />
        <Section title="Board items added" items={changes.boardAdded.map((b) => `${ITEM_TYPE_NAMES[b.type] ?? b.type}: ${label(b.text, 'no text')}`)} />
      </div>
    </section>
  );
}
