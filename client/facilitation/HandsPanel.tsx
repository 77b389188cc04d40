/** Raised hands: my raise/lower button, and the queue in the order hands went up. */
import type { HandState } from '../../shared/facilitation/control.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

/** The raise-hand button (members). */
export function RaiseHandButton({ hands, meId, actions, onError }: { hands: HandState[]; meId: string; actions: FacilitationApi; onError: (e: unknown) => void }) {
  const raised = hands.some((h) => h.userId === meId);
  return (
    <Button size="sm" aria-pressed={raised} onClick={() => actions.hand(!raised).catch(onError)}>
      {raised ? 'Lower hand' : 'Raise hand'}
    </Button>
  );
}

/** The queue of raised hands; facilitators can lower anyone's. */
export function HandsQueue({ hands, facilitator, actions, onError }: { hands: HandState[]; facilitator: boolean; actions: FacilitationApi; onError: (e: unknown) => void }) {
  return (
    <section className="fac-hands" aria-labelledby="fac-hands-title">
      <h2 id="fac-hands-title" className="fac-section-title">Raised hands</h2>
      {hands.length === 0 ? (
        <p className="fac-empty">No hands raised.</p>
      ) : (
        <ol className="fac-hands__list">
          {hands.map((h) => (
            <li key={h.userId}>
              <span>{h.name}</span>
              {facilitator && (
                <Button size="sm" variant="ghost" onClick={() => actions.lowerHand(h.userId).catch(onError)} aria-label={`Lower ${h.name}'s hand`}>
                  Lower
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
