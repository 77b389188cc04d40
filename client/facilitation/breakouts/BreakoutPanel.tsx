/**
 * The facilitator's breakout controls: a form to start a round (number of groups, how people are put
 * into them, prompt, minutes); while it runs, an overview of every group with a live thumbnail of its
 * board, its people (each movable to another group), a visit button, a broadcast box and End.
 */
import { useState, type FormEvent } from 'react';
import { BREAKOUT_MODES, MAX_BREAKOUT_GROUPS, MAX_BREAKOUT_MINUTES, MAX_BREAKOUT_PROMPT, MAX_BROADCAST_LENGTH, type BreakoutMode, type BreakoutsState } from '../../../shared/facilitation/breakouts.ts';
import type { MemberDto } from '../../../shared/api/schemas.ts';
import { errorMessage } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import type { PresenceUser } from '../../collab/RoomConnection.ts';
import type { BreakoutsApi } from './breakoutsApi.ts';
import type { BreakoutRoom } from './useBreakoutRoom.ts';
import { GroupThumbnail } from './GroupThumbnail.tsx';

const MODE_LABELS: Record<BreakoutMode, string> = {
  random: 'Random (everyone here, evenly)',
  manual: 'I assign people',
  'self-select': 'People pick a group',
};

export interface BreakoutPanelProps {
  state: BreakoutsState | null;
  where: BreakoutRoom;
  members: readonly MemberDto[];
  me: PresenceUser;
  actions: BreakoutsApi;
}

export function BreakoutPanel(props: BreakoutPanelProps) {
  const running = props.state?.status === 'running';
  return (
    <section className="bo-panel" aria-labelledby="bo-panel-title">
      <h2 id="bo-panel-title" className="fac-section-title">Breakouts</h2>
      {running ? <Overview {...props} state={props.state!} /> : <StartForm actions={props.actions} />}
    </section>
  );
}

/** Runs `fn`, keeping its error for display and a busy flag meanwhile. */
function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (name: string, fn: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

function StartForm({ actions }: { actions: BreakoutsApi }) {
  const [groups, setGroups] = useState(2);
  const [mode, setMode] = useState<BreakoutMode>('random');
  const [prompt, setPrompt] = useState('');
  const [minutes, setMinutes] = useState(10);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('start', () => actions.start({ groups, mode, prompt, minutes }));
  };
  return (
    <form className="bo-form" aria-label="Start breakouts" onSubmit={submit}>
      <label>
        Groups
        <input type="number" min={2} max={MAX_BREAKOUT_GROUPS} value={groups} onChange={(e) => setGroups(Math.max(2, Math.min(MAX_BREAKOUT_GROUPS, Number(e.target.value) || 2)))} />
      </label>
      <label>
        Minutes
        <input type="number" min={1} max={MAX_BREAKOUT_MINUTES} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(MAX_BREAKOUT_MINUTES, Number(e.target.value) || 1)))} />
      </label>
      <label className="bo-form__wide">
        Prompt
        <input type="text" maxLength={MAX_BREAKOUT_PROMPT} value={prompt} placeholder="What should the groups work on?" onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <fieldset className="bo-form__wide">
        <legend>Groups are made</legend>
        {BREAKOUT_MODES.map((m) => (
          <label key={m} className="fac-check">
            <input type="radio" name="bo-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      {error && <p className="bo-error bo-form__wide" role="alert">{error}</p>}
      <div className="bo-form__wide">
        <Button type="submit" variant="primary" size="sm" loading={busy === 'start'}>Start breakouts</Button>
      </div>
    </form>
  );
}

function Overview({ state, where, members, me, actions }: BreakoutPanelProps & { state: BreakoutsState }) {
  const { busy, error, run } = useAction();
  const [message, setMessage] = useState('');
  const nameOf = (id: string) => state.names[id] ?? members.find((m) => m.userId === id)?.name ?? 'Someone';
  const assigned = new Set(state.groups.flatMap((g) => g.memberIds));
  const unassigned = members.filter((m) => !assigned.has(m.userId) && m.userId !== me.id);
  const moveSelect = (userId: string, current: string | null) => (
    <select
      aria-label={`Move ${nameOf(userId)}`}
      value={current ?? ''}
      disabled={busy === `move:${userId}`}
      onChange={(e) => void run(`move:${userId}`, () => actions.move(userId, e.target.value || null))}
    >
      <option value="">Main room</option>
      {state.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
    </select>
  );
  const broadcast = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('broadcast', () => actions.broadcast(message))) setMessage('');
  };
  return (
    <div className="bo-overview">
      <ul className="bo-groups" aria-label="Groups">
        {state.groups.map((g) => (
          <li key={g.id} className="bo-group" aria-label={g.name}>
            <div className="bo-group__head">
              <h3>{g.name}</h3>
              <Button size="sm" aria-pressed={where.visiting?.id === g.id} onClick={() => where.visit(where.visiting?.id === g.id ? null : g.id)}>
                {where.visiting?.id === g.id ? 'Leave' : `Visit ${g.name}`}
              </Button>
            </div>
            <GroupThumbnail room={g.room} me={me} />
            {g.memberIds.length === 0 ? (
              <p className="fac-empty">Nobody yet</p>
            ) : (
              <ul className="bo-group__people">
                {g.memberIds.map((id) => (
                  <li key={id}>
                    <span>{nameOf(id)}</span> {moveSelect(id, g.id)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {unassigned.length > 0 && (
        <details className="bo-unassigned">
          <summary>In the main room ({unassigned.length})</summary>
          <ul className="bo-group__people">
            {unassigned.map((m) => (
              <li key={m.userId}>
                <span>{m.name}</span> {moveSelect(m.userId, null)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form className="bo-broadcast" aria-label="Message every group" onSubmit={broadcast}>
        <input type="text" aria-label="Message to every group" maxLength={MAX_BROADCAST_LENGTH} value={message} placeholder="e.g. Five minutes left" onChange={(e) => setMessage(e.target.value)} />
        <Button type="submit" size="sm" loading={busy === 'broadcast'} disabled={!message.trim()}>Send to all groups</Button>
      </form>
      {error && <p className="bo-error" role="alert">{error}</p>}
      <Button variant="danger" size="sm" loading={busy === 'end'} onClick={() => void run('end', () => actions.end())}>
        End breakouts and bring the boards back
      </Button>
    </div>
  );
}
