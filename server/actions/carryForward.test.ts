import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/knowledge/actions.ts';
import type { SessionRecord } from '../store/types.ts';
import { CARRIED_ACTION_MINUTES, carriedAgendaItems, previousSessionToCarry } from './carryForward.ts';

const session = (id: string, startsAt: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  communityId: 'c',
  title: `Session ${id}`,
  startsAt,
  durationMinutes: 60,
  format: 'open_discussion',
  room: `room-${id}`,
  createdBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z',
  seriesId: 'series',
  ...over,
});

const never = () => false;
const at = (iso: string) => Date.parse(iso);

describe('carry-forward: which session’s actions the next one receives', () => {
  const jan = session('jan', '2026-01-05T16:00:00.000Z');
  const feb = session('feb', '2026-02-02T16:00:00.000Z');
  const mar = session('mar', '2026-03-02T16:00:00.000Z');
  const oneOff = session('one-off', '2026-01-20T16:00:00.000Z', { seriesId: undefined });
  const otherSeries = session('other', '2026-01-25T16:00:00.000Z', { seriesId: 'other' });
  const all = [mar, oneOff, jan, otherSeries, feb];

  it('picks the latest earlier session of the same series once it has ended', () => {
    expect(previousSessionToCarry(all, feb, at('2026-02-01T00:00:00.000Z'), never)?.id).toBe('jan');
    expect(previousSessionToCarry(all, mar, at('2026-02-10T00:00:00.000Z'), never)?.id).toBe('feb');
  });

  it('waits while the previous session has not ended, unless a facilitator ended it early', () => {
    const duringFeb = at('2026-02-02T16:30:00.000Z');
    expect(previousSessionToCarry(all, mar, duringFeb, never)).toBeNull();
    expect(previousSessionToCarry(all, mar, duringFeb, (s) => s.id === 'feb')?.id).toBe('feb');
  });

  it('never carries into one-off sessions, the first of a series, or a session that has itself ended', () => {
    expect(previousSessionToCarry(all, oneOff, at('2026-01-10T00:00:00.000Z'), never)).toBeNull();
    expect(previousSessionToCarry(all, jan, at('2026-01-01T00:00:00.000Z'), never)).toBeNull();
    expect(previousSessionToCarry(all, feb, at('2026-05-01T00:00:00.000Z'), never)).toBeNull();
    expect(previousSessionToCarry(all, feb, at('2026-02-01T00:00:00.000Z'), (s) => s.id === 'feb')).toBeNull();
  });

  it('turns the open actions (not the done ones) into agenda items with owner and due date', () => {
    const action = (text: string, over: Partial<ActionItem> = {}): ActionItem => ({ blockId: text, anchor: null, text, assignee: null, assigneeName: null, due: null, done: false, ...over });
    let n = 0;
    const items = carriedAgendaItems(
      [action('Call the school', { assignee: 'u1', assigneeName: 'Mo', due: '2026-02-01' }), action('Done already', { done: true }), action('Draft letter')],
      '2026-01-05',
      () => `id-${++n}`,
    );
    expect(items).toEqual([
      { id: 'id-1', title: 'Open action from 2026-01-05: Call the school (due 2026-02-01)', minutes: CARRIED_ACTION_MINUTES, owner: 'Mo', done: false, createdBy: '' },
      { id: 'id-2', title: 'Open action from 2026-01-05: Draft letter', minutes: CARRIED_ACTION_MINUTES, owner: '', done: false, createdBy: '' },
    ]);
  });
});
