/**
 * The facilitation strip of a session page, at the end of the panel bar: the timer everyone sees,
 * raise hand, the follow-me banner, and buttons that open a panel over the room with Q&A, hands, votes
 * and polls, and (facilitators) the timer, agenda, follow-me and lock controls. Reads the read-only
 * control room; every action is a validated HTTP request (SPEC R11).
 */
import { useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { ControlSnapshot } from '../../shared/facilitation/control.ts';
import type { MyFacilitationDto } from '../../shared/api/facilitationSchemas.ts';
import { formatCountdown, remainingMs } from '../../shared/facilitation/timer.ts';
import { errorMessage } from '../api/http.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';
import type { FollowMe } from './useFollowMe.ts';
import { TimerBar, useServerNow } from './TimerBar.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { HandsQueue, RaiseHandButton } from './HandsPanel.tsx';
import { VotesPanel } from './VotesPanel.tsx';
import { AgendaStep } from './AgendaStep.tsx';
import { PrivateModeControls } from './PrivateModeControls.tsx';
import './facilitation.css';

export interface FacilitationAreaProps {
  control: ControlSnapshot;
  doc: Y.Doc | null;
  meId: string;
  facilitator: boolean;
  canTakePart: boolean;
  actions: FacilitationApi;
  follow: FollowMe;
  mine: MyFacilitationDto | null;
  offsetMs: number;
  refreshMine: () => void;
  /** Facilitators' presenting tools (audience mode, guest links), shown in the Facilitate panel. */
  presenting?: ReactNode;
}

type Tab = 'facilitate' | 'qa' | 'hands' | 'votes';

/** The compact strip and, when one of its buttons is pressed, the panel it opens. */
export function FacilitationArea(props: FacilitationAreaProps) {
  const { control, meId, facilitator, canTakePart, actions, follow } = props;
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Tab | null>(null);
  const onError = (e: unknown) => setError(errorMessage(e));
  const now = useServerNow(control.timer, props.offsetMs);
  const left = remainingMs(control.timer, now);
  const over = control.timer !== null && left < 0;
  const openQuestions = control.questions.filter((q) => !q.answered).length;
  const tabs: { id: Tab; label: string }[] = [
    ...(facilitator ? [{ id: 'facilitate' as const, label: 'Facilitate' }] : []),
    { id: 'qa', label: `Q&A (${openQuestions})` },
    { id: 'hands', label: `Hands (${control.hands.length})` },
    { id: 'votes', label: control.voteRound && !control.voteRound.revealed ? 'Votes ●' : 'Votes' },
  ];

  return (
    <div className="fac" role="group" aria-label="Facilitation">
      <div className="fac-bar">
        <span className="fac-timer" role="timer" aria-label="Session timer">
          <span className={`fac-timer__time${over ? ' fac-timer__time--over' : ''}`} data-testid="timer">
            {control.timer ? formatCountdown(left) : '–:––'}
          </span>
          {over && <span className="fac-timer__over">Over time</span>}
          {control.timer && !control.timer.running && <span className="fac-timer__paused">Paused</span>}
        </span>
        {canTakePart && <RaiseHandButton hands={control.hands} meId={meId} actions={actions} onError={onError} />}
        {control.locks.board && !facilitator && <span className="fac-locked">Board locked</span>}
        {control.privateMode?.on && <span className="fac-private" title="New sticky notes stay visible only to their author and the facilitators until the reveal">Private mode</span>}
        {follow.following && (
          <span className="fac-follow" role="status">
            {follow.brokeAway ? `${follow.following.name} is leading` : `Following ${follow.following.name}`}
            <Button size="sm" variant="ghost" onClick={follow.brokeAway ? follow.rejoin : follow.breakAway}>
              {follow.brokeAway ? 'Follow' : 'Break away'}
            </Button>
          </span>
        )}
        {tabs.map((t) => (
          <Button key={t.id} size="sm" variant="ghost" aria-expanded={open === t.id} aria-controls="fac-panel" onClick={() => setOpen(open === t.id ? null : t.id)}>
            {t.label}
          </Button>
        ))}
      </div>
      {open && (
        <div id="fac-panel" className="fac-panel">
          <div className="fac-panel__close">
            <Button size="sm" variant="ghost" onClick={() => setOpen(null)} aria-label="Close the facilitation panel">✕</Button>
          </div>
          {error && (
            <p className="fac-error" role="alert">
              {error} <Button size="sm" variant="ghost" onClick={() => setError(null)}>Dismiss</Button>
            </p>
          )}
          {open === 'facilitate' && (
            <section className="fac-facilitate" aria-labelledby="fac-facilitate-title">
              <h2 id="fac-facilitate-title" className="fac-section-title">Facilitate</h2>
              <TimerBar timer={control.timer} actions={actions} onError={onError} />
              {props.doc && <AgendaStep doc={props.doc} currentItem={control.currentItem} actions={actions} onError={onError} />}
              <div className="fac-row">
                <Button size="sm" aria-pressed={follow.leading} onClick={() => follow.setLeading(!follow.leading)}>
                  {follow.leading ? 'Stop leading the board' : 'Bring everyone to my view'}
                </Button>
                <Button size="sm" aria-pressed={control.locks.board} onClick={() => actions.setLocks({ board: !control.locks.board }).catch(onError)}>
                  {control.locks.board ? 'Unlock the board' : 'Lock the board for members'}
                </Button>
              </div>
              <PrivateModeControls mode={control.privateMode} actions={actions} onError={onError} />
              {props.presenting}
            </section>
          )}
          {open === 'qa' && <QuestionsPanel questions={control.questions} meId={meId} canTakePart={canTakePart} facilitator={facilitator} actions={actions} onError={onError} />}
          {open === 'hands' && <HandsQueue hands={control.hands} facilitator={facilitator} actions={actions} onError={onError} />}
          {open === 'votes' && props.doc && (
            <VotesPanel doc={props.doc} round={control.voteRound} polls={control.polls} mine={props.mine} refreshMine={props.refreshMine} canTakePart={canTakePart} facilitator={facilitator} actions={actions} onError={onError} />
          )}
        </div>
      )}
      {!open && error && (
        <p className="fac-error fac-error--floating" role="alert">
          {error} <Button size="sm" variant="ghost" onClick={() => setError(null)}>Dismiss</Button>
        </p>
      )}
    </div>
  );
}
