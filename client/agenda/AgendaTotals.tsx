/**
 * The agenda's planned time against the session length: "45 of 60 min" and a bar that turns to the
 * warning colour when the timeboxes add up to more than the session.
 */
import type { AgendaTotals as Totals } from './agendaOps.ts';

export interface AgendaTotalsProps {
  totals: Totals;
}

/** Planned minutes as text and as a meter. */
export function AgendaTotals({ totals }: AgendaTotalsProps) {
  const { planned, duration, over, overBy, fill } = totals;
  if (duration === 0) {
    return (
      <div className="agenda-totals">
        <p className="agenda-totals__text">{planned} min planned</p>
      </div>
    );
  }
  const summary = `${planned} of ${duration} min`;
  return (
    <div className={`agenda-totals${over ? ' agenda-totals--over' : ''}`}>
      <p className="agenda-totals__text">
        <span>{summary}</span>
        {over && <span className="agenda-totals__over"> · {overBy} min over</span>}
      </p>
      <div
        className="agenda-totals__bar"
        role="meter"
        aria-label="Planned time"
        aria-valuemin={0}
        aria-valuemax={duration}
        aria-valuenow={Math.min(planned, duration)}
        aria-valuetext={over ? `${summary}, ${overBy} min over the session length` : `${summary} planned`}
      >
        <div className="agenda-totals__fill" style={{ width: `${Math.round(fill * 1000) / 10}%` }} />
      </div>
    </div>
  );
}
