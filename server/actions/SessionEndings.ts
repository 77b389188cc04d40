/**
 * What happens around a session's start and end, on the server's behalf: when a series session's room
 * loads, the previous session's open actions are carried onto its agenda (carryForward.ts); when a
 * session ends — a facilitator presses "End session", or its scheduled end has passed and its room
 * unloads, whichever comes first — its summary is written into the knowledge base, once.
 */
import * as Y from 'yjs';
import { CONTROL_KEYS, controlRoomOf, getControl, privateRoomOf, splitFacilitationRoom, type VoteRoundState } from '../../shared/facilitation/control.ts';
import { tallyBallots, type Ballot } from '../../shared/facilitation/votes.ts';
import type { SessionSummary } from '../../shared/knowledge/actions.ts';
import type { Logger } from '../log.ts';
import { readRoomContent, withRoomDoc, type LiveRooms } from '../knowledge/readRoomContent.ts';
import { syncActions } from '../knowledge/syncActions.ts';
import { PRIV } from '../http/routes/facilitation.ts';
import type { SessionRecord, Store } from '../store/types.ts';
import { buildSummary } from './buildSummary.ts';
import { carryForward, scheduledEnd } from './carryForward.ts';

/** The room registry as this needs it (RoomRegistry satisfies it). */
export interface EndingRooms extends LiveRooms {
  change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
  read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
  onRoomLoaded(listener: (name: string) => void): () => void;
  onRoomUnloaded(listener: (name: string) => void): () => void;
}

export class SessionEndings {
  /** Work per session in flight, so that two triggers share one summary. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Background jobs started by room loads and unloads. */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly rooms: EndingRooms,
    private readonly log: Logger,
  ) {}

  /** Follows room loads (carry-forward) and unloads (end by schedule). */
  start(): void {
    this.unsubscribe.push(
      this.rooms.onRoomLoaded((name) => this.background(name, (s) => carryForward({ store: this.store, rooms: this.rooms }, s))),
      this.rooms.onRoomUnloaded((name) =>
        this.background(name, async (s) => {
          if (Date.now() >= scheduledEnd(s)) await this.end(s, 'schedule');
        }),
      ),
    );
  }

  /** Stops following rooms and waits for work in flight. */
  async stop(): Promise<void> {
    for (const u of this.unsubscribe.splice(0)) u();
    await Promise.allSettled([...this.inFlight, ...this.pending.values()]);
  }

  /** Ends the session: writes its summary unless it has one, and returns the stored summary. */
  end(session: SessionRecord, endedBy: SessionSummary['endedBy']): Promise<SessionSummary> {
    return this.serialize(session.id, async () => {
      const existing = await this.store.actions.getSummary(session.id);
      if (existing) return existing;
      const source = { store: this.store, rooms: this.rooms };
      const content = await readRoomContent(session.room, source);
      const summary = buildSummary({ session, content, votes: await this.voteTotals(session.room), endedAt: new Date().toISOString(), endedBy });
      // The community's actions are current at the end, whatever the indexer's debounce.
      await syncActions(this.store, { sessionId: session.id, communityId: session.communityId }, content);
      if (await this.store.actions.addSummary(summary)) {
        this.log.info('session.summary_written', { sessionId: session.id, endedBy });
        return summary;
      }
      return (await this.store.actions.getSummary(session.id)) ?? summary;
    });
  }

  /** Totals of the session's last vote round: revealed ones as shown, else tallied from the private ballots. */
  private async voteTotals(room: string): Promise<Record<string, number>> {
    const source = { store: this.store, rooms: this.rooms };
    const round = await withRoomDoc(controlRoomOf(room), source, (doc) => (getControl(doc).get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined) ?? null);
    if (!round) return {};
    if (round.revealed && round.totals) return round.totals;
    return withRoomDoc(privateRoomOf(room), source, (doc) => tallyBallots(doc.getMap<Ballot>(`${PRIV.ballots}:${round.id}`).values()));
  }

  /** Runs `job` for the session of a session room (not control or private rooms), logging failures. */
  private background(room: string, job: (s: SessionRecord) => Promise<unknown>): void {
    if (splitFacilitationRoom(room).kind !== null) return;
    // After the load or unload that called us has finished.
    setImmediate(() => {
      const work = (async () => {
        const session = await this.store.getSessionByRoom(room);
        if (session) await job(session);
      })()
        .catch((err: unknown) => this.log.error('session.ending_failed', { room, err }))
        .finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
  }

  /** Runs the jobs of one session one after another (two triggers of an end share one summary). */
  private serialize<T>(sessionId: string, job: () => Promise<T>): Promise<T> {
    const before = this.pending.get(sessionId) ?? Promise.resolve();
    const run = before.then(job);
    const settled = run.then(
      () => {},
      () => {},
    );
    this.pending.set(sessionId, settled);
    void settled.then(() => {
      if (this.pending.get(sessionId) === settled) this.pending.delete(sessionId);
    });
    return run;
  }
}
