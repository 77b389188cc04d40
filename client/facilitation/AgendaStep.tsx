/**
 * The current agenda item in the facilitation bar; facilitators advance it here, which also starts the
 * item's timebox on the shared timer (the server sets both, SPEC R11), and bring everyone to the board
 * frame or notes heading the item links to.
 */
import * as Y from 'yjs';
import { getAgenda, readAgendaItem } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

const readItems = (a: Y.Array<Y.Map<unknown>>) => a.toArray().map(readAgendaItem);

/** "Now: <item>" and, for facilitators, a button to move to the next item. */
export function AgendaStep({ doc, currentItem, actions, onError }: { doc: Y.Doc; currentItem: string | null; actions: FacilitationApi | null; onError: (e: unknown) => void }) {
  const items = useYSelector(getAgenda(doc), readItems, true);
  const index = items.findIndex((i) => i.id === currentItem);
  const current = index >= 0 ? items[index] : null;
  const next = items[index + 1] ?? null;
  return (
    <span className="fac-agenda">
      {current && <span className="fac-agenda__now">Now: {current.title || 'Untitled item'}</span>}
      {actions && current?.link && (
        // Everyone's page opens the item's frame or heading, once (shared/facilitation/jump.ts).
        <Button size="sm" onClick={() => actions.jumpToItem(current.id).catch(onError)}>
          Bring everyone to its {current.link.startsWith('board:') ? 'board frame' : 'notes heading'}
        </Button>
      )}
      {actions && next && (
        <Button size="sm" onClick={() => actions.setCurrentItem(next.id).catch(onError)} title={`Start "${next.title}" and its ${next.minutes}-minute timebox`}>
          {current ? 'Next item' : 'Start agenda'}: {next.title || 'Untitled item'}
        </Button>
      )}
    </span>
  );
}
