/**
 * The session timer: `useServerNow` ticks the server's clock locally (corrected for skew) while a timer
 * runs, and TimerBar holds the facilitator's controls (start, pause, resume, add time, reset).
 */
import { useEffect, useState } from 'react';
import type { TimerState } from '../../shared/facilitation/control.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

/** The server's time now (local clock + `offsetMs`), re-rendering 4× a second while `timer` runs. */
export function useServerNow(timer: TimerState | null, offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    if (!timer?.running) return;
    const t = setInterval(() => setNow(Date.now() + offsetMs), 250);
    return () => clearInterval(t);
  }, [timer, offsetMs]);
  return now;
}

/** The facilitator's timer controls. */
export function TimerBar({ timer, actions, onError }: { timer: TimerState | null; actions: FacilitationApi; onError: (e: unknown) => void }) {
  const [minutes, setMinutes] = useState(5);
  const run = (p: Promise<unknown>) => void p.catch(onError);
  return (
    <div className="fac-row" role="group" aria-label="Timer controls">
      <span className="fac-row__label" aria-hidden="true">
        Timer
      </span>
      <label className="fac-timer__minutes">
        <span className="sr-only">Minutes</span>
        <input type="number" min={1} max={720} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(720, Number(e.target.value) || 1)))} />
        <span aria-hidden="true">min</span>
      </label>
      <Button size="sm" onClick={() => run(actions.timer('start', minutes * 60))}>Start</Button>
      {timer?.running && <Button size="sm" onClick={() => run(actions.timer('pause'))}>Pause</Button>}
      {timer && !timer.running && <Button size="sm" onClick={() => run(actions.timer('resume'))}>Resume</Button>}
      {timer && <Button size="sm" onClick={() => run(actions.timer('add', 60))}>+1 min</Button>}
      {timer && <Button size="sm" variant="ghost" onClick={() => run(actions.timer('reset'))}>Reset</Button>}
    </div>
  );
}
