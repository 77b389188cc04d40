/**
 * What everyone sees of a breakout round: which group they are in (or visiting), the prompt, the
 * countdown and the facilitator's latest message; in a self-select round, the groups to pick from; at
 * the end, where the groups' work went. The room switch itself happens in useBreakoutRoom.
 */
import { useEffect, useState } from 'react';
import type { BreakoutsState } from '../../../shared/facilitation/breakouts.ts';
import { formatCountdown } from '../../../shared/facilitation/timer.ts';
import { errorMessage } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import type { BreakoutsApi } from './breakoutsApi.ts';
import type { BreakoutRoom } from './useBreakoutRoom.ts';

/** The server's time (local clock + `offsetMs`), ticking twice a second while `active`. */
export function useServerClock(active: boolean, offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    if (!active) return;
    const t = setInterval(() => setNow(Date.now() + offsetMs), 500);
    return () => clearInterval(t);
  }, [active, offsetMs]);
  return now;
}

export interface BreakoutBannerProps {
  state: BreakoutsState | null;
  where: BreakoutRoom;
  canPick: boolean;
  actions: BreakoutsApi;
  offsetMs: number;
}

export function BreakoutBanner({ state, where, canPick, actions, offsetMs }: BreakoutBannerProps) {
  const running = state?.status === 'running';
  const now = useServerClock(running, offsetMs);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!state) return null;
  const latest = state.broadcasts.at(-1) ?? null;

  if (!running) {
    if (dismissed === `end:${state.roundId}` || !state.endedAt || now - state.endedAt > 10 * 60_000) return null;
    return (
      <div className="bo-banner bo-banner--ended" role="status">
        <span>Breakouts are over: each group&apos;s board is on the main board in its own frame, and its notes are at the end of the notes.</span>
        <Button size="sm" variant="ghost" onClick={() => setDismissed(`end:${state.roundId}`)}>Dismiss</Button>
      </div>
    );
  }

  const left = state.endsAt - now;
  const pick = async (groupId: string) => {
    setBusy(groupId);
    setError(null);
    try {
      await actions.join(groupId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const here = where.visiting ? `Visiting ${where.visiting.name}` : where.group ? `You are in ${where.group.name}` : 'You are in the main room';
  return (
    <section className="bo-banner" aria-label="Breakouts">
      <div className="bo-banner__main">
        <strong className="bo-banner__where" data-testid="breakout-where">{here}</strong>
        {state.prompt && <span className="bo-banner__prompt">{state.prompt}</span>}
        <span className="bo-banner__time" role="timer" aria-label="Breakout time left">
          {left >= 0 ? formatCountdown(left) : <span className="bo-banner__over">Time is up</span>}
        </span>
        {where.visiting && (
          <Button size="sm" onClick={() => where.visit(null)}>Back to the main room</Button>
        )}
      </div>
      {latest && dismissed !== latest.id && (
        <p className="bo-banner__message" role="status">
          <span className="sr-only">Message from </span>
          <strong>{latest.from}:</strong> {latest.text}
          <Button size="sm" variant="ghost" onClick={() => setDismissed(latest.id)}>Dismiss</Button>
        </p>
      )}
      {state.mode === 'self-select' && canPick && !where.visiting && (
        <div className="bo-banner__pick" role="group" aria-label="Pick a group">
          {state.groups.map((g) => (
            <Button key={g.id} size="sm" aria-pressed={where.group?.id === g.id} loading={busy === g.id} onClick={() => void pick(g.id)}>
              {where.group?.id === g.id ? `${g.name} (yours)` : `Join ${g.name}`} · {g.memberIds.length}
            </Button>
          ))}
        </div>
      )}
      {error && <p className="bo-error" role="alert">{error}</p>}
    </section>
  );
}
