/**
 * Dot voting and quick polls. Members spend their budget on board items (checked by the server, which
 * keeps the ballots); totals appear only once a facilitator reveals them. Polls show live results.
 */
import { useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import type { PollState, VoteRoundState } from '../../shared/facilitation/control.ts';
import type { MyFacilitationDto } from '../../shared/api/facilitationSchemas.ts';
import { getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

export interface VotesPanelProps {
  doc: Y.Doc;
  round: VoteRoundState | null;
  polls: PollState[];
  mine: MyFacilitationDto | null;
  refreshMine: () => void;
  canTakePart: boolean;
  facilitator: boolean;
  actions: FacilitationApi;
  onError: (e: unknown) => void;
}

const VOTABLE = new Set(['sticky', 'text', 'link', 'shape', 'frame', 'image', 'file']);

function votableItems(board: Y.Map<Y.Map<unknown>>) {
  const out: { id: string; label: string }[] = [];
  for (const m of board.values()) {
    const item = readBoardItem(m);
    if (VOTABLE.has(item.type)) out.push({ id: item.id, label: item.text.trim() || `(${item.type})` });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** The vote round and polls of a session. */
export function VotesPanel({ doc, round, polls, mine, refreshMine, canTakePart, facilitator, actions, onError }: VotesPanelProps) {
  const items = useYSelector(getBoard(doc), votableItems, true);
  const [budget, setBudget] = useState(3);
  const ballot = mine?.round && round && mine.round.id === round.id ? mine.round.ballot : {};
  const used = Object.values(ballot).reduce((a, b) => a + b, 0);
  const vote = (itemId: string, delta: 1 | -1) => actions.vote(itemId, delta).then(refreshMine, onError);
  const shown = round?.itemIds ? items.filter((i) => round.itemIds!.includes(i.id)) : items;

  return (
    <section className="fac-votes" aria-labelledby="fac-votes-title">
      <h2 id="fac-votes-title" className="fac-section-title">Dot voting</h2>
      {facilitator && (
        <div className="fac-row">
          <label className="fac-timer__minutes">
            Votes each <input type="number" min={1} max={50} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
          </label>
          <Button size="sm" onClick={() => actions.startRound(budget).catch(onError)}>New round</Button>
          {round && !round.revealed && <Button size="sm" onClick={() => actions.reveal().catch(onError)}>Reveal</Button>}
        </div>
      )}
      {!round ? (
        <p className="fac-empty">No vote running.</p>
      ) : (
        <>
          <p className="fac-votes__status">
            {round.revealed ? 'Results' : `${round.cast} vote${round.cast === 1 ? '' : 's'} cast — hidden until revealed.`}
            {canTakePart && !round.revealed && ` You have ${round.budget - used} of ${round.budget} left.`}
          </p>
          <ul className="fac-votes__list">
            {shown.map((i) => (
              <li key={i.id}>
                <span className="fac-votes__label">{i.label}</span>
                {round.revealed ? (
                  <span className="fac-badge">{round.totals?.[i.id] ?? 0}</span>
                ) : (
                  canTakePart && (
                    <span className="fac-votes__mine">
                      <Button size="sm" variant="ghost" aria-label={`Remove a vote from ${i.label}`} disabled={!ballot[i.id]} onClick={() => vote(i.id, -1)}>−</Button>
                      <span className="fac-badge" aria-label="My votes">{ballot[i.id] ?? 0}</span>
                      <Button size="sm" variant="ghost" aria-label={`Vote for ${i.label}`} disabled={used >= round.budget} onClick={() => vote(i.id, 1)}>+</Button>
                    </span>
                  )
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="fac-section-title">Polls</h2>
      {facilitator && <NewPollForm actions={actions} onError={onError} />}
      {polls.length === 0 && <p className="fac-empty">No polls yet.</p>}
      {polls.map((p) => (
        <PollView key={p.id} poll={p} myChoices={mine?.polls[p.id] ?? []} canTakePart={canTakePart} onAnswer={(c) => actions.answerPoll(p.id, c).then(refreshMine, onError)} />
      ))}
    </section>
  );
}

function NewPollForm({ actions, onError }: { actions: FacilitationApi; onError: (e: unknown) => void }) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [multiple, setMultiple] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const opts = options.split('\n').map((o) => o.trim()).filter(Boolean);
    actions.createPoll(question.trim(), opts, multiple).then(() => (setQuestion(''), setOptions('')), onError);
  };
  return (
    <form className="fac-poll-form" onSubmit={submit}>
      <label>Question <input value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} /></label>
      <label>Options (one a line) <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} /></label>
      <label className="fac-check"><input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} /> Several answers allowed</label>
      <Button size="sm" type="submit">Start poll</Button>
    </form>
  );
}

function PollView({ poll, myChoices, canTakePart, onAnswer }: { poll: PollState; myChoices: number[]; canTakePart: boolean; onAnswer: (choices: number[]) => void }) {
  const max = Math.max(1, ...poll.counts);
  const toggle = (i: number) => {
    if (!poll.multiple) return onAnswer([i]);
    const next = myChoices.includes(i) ? myChoices.filter((c) => c !== i) : [...myChoices, i];
    if (next.length > 0) onAnswer(next);
  };
  return (
    <fieldset className="fac-poll">
      <legend>{poll.question}</legend>
      {poll.options.map((o, i) => (
        <div key={i} className="fac-poll__option">
          <label>
            <input type={poll.multiple ? 'checkbox' : 'radio'} name={`poll-${poll.id}`} checked={myChoices.includes(i)} disabled={!canTakePart} onChange={() => toggle(i)} /> {o}
          </label>
          <span className="fac-poll__bar" style={{ width: `${(poll.counts[i] / max) * 100}%` }} aria-hidden="true" />
          <span className="fac-poll__count">{poll.counts[i]}</span>
        </div>
      ))}
      <p className="fac-empty">{poll.respondents} answered</p>
    </fieldset>
  );
}
