/**
 * Facilitator controls of private mode (SPEC R13): turn it on (choosing whether the reveal will be
 * anonymous), and reveal — which moves every member's draft onto the board and ends it.
 */
import { useState } from 'react';
import type { PrivateModeState } from '../../shared/facilitation/privateMode.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

export function PrivateModeControls({ mode, actions, onError }: { mode: PrivateModeState | null; actions: FacilitationApi; onError: (e: unknown) => void }) {
  const on = mode?.on ?? false;
  const [anonymous, setAnonymous] = useState(mode?.anonymous ?? false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const run = (fn: () => Promise<void>) => {
    setBusy(true);
    setResult(null);
    fn().catch(onError).finally(() => setBusy(false));
  };
  return (
    <div className="fac-row" role="group" aria-label="Private mode">
      <label className="fac-check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => {
            setAnonymous(e.target.checked);
            // While on, the choice applies to the coming reveal at once.
            if (on) run(() => actions.privateMode(e.target.checked).then(() => {}));
          }}
        />{' '}
        Anonymous after reveal
      </label>
      {on ? (
        <Button
          size="sm"
          variant="primary"
          loading={busy}
          onClick={() => run(() => actions.revealDrafts().then((r) => setResult(`${r.revealed} note${r.revealed === 1 ? '' : 's'} revealed`)))}
        >
          Reveal private notes
        </Button>
      ) : (
        <Button size="sm" loading={busy} onClick={() => run(() => actions.privateMode(anonymous).then(() => {}))}>
          Start private mode
        </Button>
      )}
      {on && <span className="fac-private">Private mode on</span>}
      {result && <span role="status">{result}</span>}
    </div>
  );
}
