/**
 * Facilitation actions (issue 4): timer, current agenda item, Q&A, raised hands, follow-me, dot votes,
 * polls and locks. Each is validated and role-checked here, then written by the server into the
 * session's control room (`<room>-ctl`, read-only for every client) and, for what members must not
 * see, its private room (`<room>-priv`, never served) — SPEC R11.
 */
import { Hono, type Context } from 'hono';
import * as Y from 'yjs';
import {
  CONTROL_KEYS, controlRoomOf, getControl, privateRoomOf,
  type FollowState, type HandState, type LockState, type PollState, type QuestionState, type TimerState, type VoteRoundState,
} from '../../../shared/facilitation/control.ts';
import { applyTimerAction } from '../../../shared/facilitation/timer.ts';
import { applyVote, tallyBallots, tallyPoll, votesUsed, type Ballot } from '../../../shared/facilitation/votes.ts';
import { MAX_LOCKED_ITEMS, type MyFacilitationDto, type QuestionAuthorsDto } from '../../../shared/api/facilitationSchemas.ts';
import { getAgenda, getMeta, META_KEYS, readAgendaItem } from '../../../shared/doc/layout.ts';
import { appendAnsweredQuestion } from '../../facilitation/notesAppend.ts';
import type { AppDeps } from '../createApp.ts';
import type { AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';
import { loadSessionForParticipant } from '../sessionParticipant.ts';
import { registerPrivateModeRoutes } from './privateMode.ts';

/** What the routes need of the room registry (RoomRegistry satisfies this). */
export interface FacilitationRooms {
  change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
  read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** The people connected to a loaded room (its awareness, across nodes); empty if it is not loaded. */
  presentUsers?(name: string): { id: string; name: string }[];
}

/** Keys of the private room's map (ballots of a round: `${PRIV.ballots}:<round id>`; read by the session summary). */
export const PRIV = {
  authors: 'questionAuthors',
  ballots: 'ballots',
  pollAnswers: 'pollAnswers',
} as const;

const privMap = <T>(doc: Y.Doc, key: string) => doc.getMap<T>(key);
const newId = () => crypto.randomUUID().slice(0, 12);
const MAX_QUESTIONS = 500;
const MAX_POLLS = 50;

/** Routes under /api/sessions/:id/ for facilitation. */
export function facilitationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  const rooms = (): FacilitationRooms => {
    if (!deps.facilitation) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    return deps.facilitation;
  };
  /** The session, the caller and their role; `level` demands edit rights (members) or facilitation. */
  const access = async (c: Context<AppEnv>, level: 'member' | 'facilitator' | 'any') => {
    // Members, and guests of this session on the routes that admit guests (RouteSpec.guests).
    const { session, participant: p } = await loadSessionForParticipant(c, store, pathParam(c, 'id'));
    if (level === 'facilitator' && !p.facilitator) throw new HttpError('forbidden', 'Only hosts and facilitators can do this');
    if (level === 'member' && !p.canEdit) throw new HttpError('forbidden', 'Viewers can follow the session but not take part in this');
    const user = { id: p.id, name: p.name };
    return { user, session, role: p.role, ctl: controlRoomOf(session.room), priv: privateRoomOf(session.room) };
  };

  registerRoute(app, ROUTES.facilitationTimer, async (c, body) => {
    const { ctl } = await access(c, 'facilitator');
    const now = Date.now();
    const timer = await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const next = applyTimerAction((map.get(CONTROL_KEYS.timer) as TimerState | undefined) ?? null, body.action, body.seconds, now);
      if (!next) throw new HttpError('conflict', `The timer cannot ${body.action} now`);
      map.set(CONTROL_KEYS.timer, next);
      return next;
    });
    return c.json({ timer, serverNow: now }, 200);
  });

  registerRoute(app, ROUTES.facilitationCurrentItem, async (c, body) => {
    const { session, ctl } = await access(c, 'facilitator');
    // The item must exist in the session's agenda; its timebox starts with it.
    const minutes = await rooms().change(session.room, (doc) => {
      let found: number | null = null;
      if (body.itemId !== null) {
        for (const m of getAgenda(doc)) {
          const item = readAgendaItem(m);
          if (item.id === body.itemId) found = item.minutes;
        }
        if (found === null) throw new HttpError('not_found', 'No such agenda item');
      }
      getMeta(doc).set(META_KEYS.currentAgendaItem, body.itemId);
      return found;
    });
    const now = Date.now();
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      map.set(CONTROL_KEYS.currentItem, body.itemId);
      if (minutes && minutes > 0) map.set(CONTROL_KEYS.timer, applyTimerAction(null, 'start', minutes * 60, now));
    });
    return c.json({ itemId: body.itemId, serverNow: now }, 200);
  });

  // --- Q&A ---------------------------------------------------------------------------------------

  registerRoute(app, ROUTES.askQuestion, async (c, body) => {
    const { user, ctl, priv } = await access(c, 'member');
    const id = newId();
    // The author is recorded privately first, so an anonymous question is never without one.
    await rooms().change(priv, (doc) => privMap<{ userId: string; name: string }>(doc, PRIV.authors).set(id, { userId: user.id, name: user.name }));
    const question: QuestionState = {
      id, text: body.text, authorId: body.anonymous ? null : user.id, authorName: body.anonymous ? null : user.name,
      createdAt: Date.now(), upvoters: [], answered: false, answer: null,
    };
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const qs = { ...((map.get(CONTROL_KEYS.questions) as Record<string, QuestionState> | undefined) ?? {}) };
      if (Object.keys(qs).length >= MAX_QUESTIONS) throw new HttpError('conflict', 'This session has too many questions');
      qs[id] = question;
      map.set(CONTROL_KEYS.questions, qs);
    });
    return c.json({ question }, 201);
  });

  registerRoute(app, ROUTES.listQuestionAuthors, async (c) => {
    const { priv } = await access(c, 'facilitator');
    const authors = await rooms().read(priv, (doc) => privMap<{ userId: string; name: string }>(doc, PRIV.authors).toJSON());
    const dto: QuestionAuthorsDto = { authors };
    return c.json(dto, 200);
  });

  /** Replaces one question in the control doc through `fn` (404 if it does not exist). */
  const updateQuestion = (ctl: string, qid: string, fn: (q: QuestionState) => QuestionState) =>
    rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const qs = (map.get(CONTROL_KEYS.questions) as Record<string, QuestionState> | undefined) ?? {};
      const q = Object.hasOwn(qs, qid) ? qs[qid] : undefined;
      if (!q) throw new HttpError('not_found', 'No such question');
      const next = fn(q);
      map.set(CONTROL_KEYS.questions, { ...qs, [qid]: next });
      return next;
    });

  registerRoute(app, ROUTES.upvoteQuestion, async (c) => {
    const { user, ctl } = await access(c, 'member');
    // A toggle: one vote per member.
    const question = await updateQuestion(ctl, pathParam(c, 'qid'), (q) => ({
      ...q,
      upvoters: q.upvoters.includes(user.id) ? q.upvoters.filter((u) => u !== user.id) : [...q.upvoters, user.id],
    }));
    return c.json({ question }, 200);
  });

  registerRoute(app, ROUTES.answerQuestion, async (c, body) => {
    const { session, ctl } = await access(c, 'facilitator');
    const question = await updateQuestion(ctl, pathParam(c, 'qid'), (q) => {
      if (q.answered) throw new HttpError('conflict', 'This question is already answered');
      return { ...q, answered: true, answer: body.answer };
    });
    await rooms().change(session.room, (doc) => appendAnsweredQuestion(doc, question.text, body.answer));
    return c.json({ question }, 200);
  });

  // --- Hands and follow-me -----------------------------------------------------------------------

  const setHand = (ctl: string, userId: string, raise: { name: string } | null) =>
    rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const hands = ((map.get(CONTROL_KEYS.hands) as HandState[] | undefined) ?? []).filter((h) => h.userId !== userId);
      const already = ((map.get(CONTROL_KEYS.hands) as HandState[] | undefined) ?? []).find((h) => h.userId === userId);
      // Raising again keeps one's place in the queue.
      if (raise) hands.push(already ?? { userId, name: raise.name, raisedAt: Date.now() });
      hands.sort((a, b) => a.raisedAt - b.raisedAt);
      map.set(CONTROL_KEYS.hands, hands);
      return hands;
    });

  registerRoute(app, ROUTES.raiseHand, async (c, body) => {
    const { user, ctl } = await access(c, 'member');
    const hands = await setHand(ctl, user.id, body.raised ? { name: user.name } : null);
    return c.json({ hands }, 200);
  });

  registerRoute(app, ROUTES.lowerHand, async (c) => {
    const { ctl } = await access(c, 'facilitator');
    const hands = await setHand(ctl, pathParam(c, 'userId'), null);
    return c.json({ hands }, 200);
  });

  registerRoute(app, ROUTES.followMe, async (c, body) => {
    const { user, ctl } = await access(c, 'facilitator');
    const follow: FollowState | null = body.viewport ? { userId: user.id, name: user.name, viewport: body.viewport } : null;
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const current = (map.get(CONTROL_KEYS.follow) as FollowState | undefined) ?? null;
      // Stopping only ends one's own lead; another facilitator's stays.
      if (!follow && current && current.userId !== user.id) return;
      map.set(CONTROL_KEYS.follow, follow);
    });
    return c.json({ follow }, 200);
  });

  // --- Dot voting --------------------------------------------------------------------------------

  registerRoute(app, ROUTES.startVoteRound, async (c, body) => {
    const { ctl } = await access(c, 'facilitator');
    const round: VoteRoundState = { id: newId(), budget: body.budget, itemIds: body.itemIds ?? null, cast: 0, revealed: false, totals: null };
    await rooms().change(ctl, (doc) => getControl(doc).set(CONTROL_KEYS.voteRound, round));
    return c.json({ round }, 201);
  });

  registerRoute(app, ROUTES.castVote, async (c, body) => {
    const { user, ctl, priv } = await access(c, 'member');
    const round = await rooms().read(ctl, (doc) => (getControl(doc).get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined) ?? null);
    if (!round) throw new HttpError('conflict', 'No vote is running');
    if (round.revealed) throw new HttpError('conflict', 'This vote is over: the results are revealed');
    // Ballots are private: the budget is checked against the server's copy, never the client's.
    const { ballot, cast } = await rooms().change(priv, (doc) => {
      const ballots = privMap<Ballot>(doc, `${PRIV.ballots}:${round.id}`);
      const result = applyVote(ballots.get(user.id) ?? {}, body.itemId, body.delta, round.budget, round.itemIds);
      if (!result.ok) {
        const msg = result.reason === 'over_budget' ? `You have used all ${round.budget} of your votes` : result.reason === 'not_votable' ? 'That item is not part of this vote' : 'You have no vote on that item';
        throw new HttpError(result.reason === 'over_budget' ? 'conflict' : 'invalid_input', msg);
      }
      ballots.set(user.id, result.ballot);
      let total = 0;
      for (const b of ballots.values()) total += votesUsed(b);
      return { ballot: result.ballot, cast: total };
    });
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const current = map.get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined;
      if (current?.id === round.id) map.set(CONTROL_KEYS.voteRound, { ...current, cast });
    });
    return c.json({ ballot, used: votesUsed(ballot), budget: round.budget }, 200);
  });

  registerRoute(app, ROUTES.revealVotes, async (c) => {
    const { ctl, priv } = await access(c, 'facilitator');
    const round = await rooms().read(ctl, (doc) => (getControl(doc).get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined) ?? null);
    if (!round) throw new HttpError('conflict', 'No vote is running');
    const totals = await rooms().read(priv, (doc) => tallyBallots(privMap<Ballot>(doc, `${PRIV.ballots}:${round.id}`).values()));
    const revealed: VoteRoundState = { ...round, revealed: true, totals };
    await rooms().change(ctl, (doc) => getControl(doc).set(CONTROL_KEYS.voteRound, revealed));
    return c.json({ round: revealed }, 200);
  });

  registerRoute(app, ROUTES.myFacilitation, async (c) => {
    const { user, ctl, priv } = await access(c, 'any');
    const { round, pollIds } = await rooms().read(ctl, (doc) => {
      const map = getControl(doc);
      return {
        round: (map.get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined) ?? null,
        pollIds: Object.keys((map.get(CONTROL_KEYS.polls) as Record<string, PollState> | undefined) ?? {}),
      };
    });
    const dto = await rooms().read(priv, (doc): MyFacilitationDto => {
      const ballot = round ? (privMap<Ballot>(doc, `${PRIV.ballots}:${round.id}`).get(user.id) ?? {}) : {};
      const polls: Record<string, number[]> = {};
      for (const pid of pollIds) {
        const choices = privMap<number[]>(doc, `${PRIV.pollAnswers}:${pid}`).get(user.id);
        if (choices) polls[pid] = choices;
      }
      return { serverNow: Date.now(), round: round ? { id: round.id, budget: round.budget, used: votesUsed(ballot), ballot } : null, polls };
    });
    return c.json(dto, 200);
  });

  // --- Polls -------------------------------------------------------------------------------------

  registerRoute(app, ROUTES.createPoll, async (c, body) => {
    const { ctl } = await access(c, 'facilitator');
    const poll: PollState = {
      id: newId(), question: body.question, options: body.options, multiple: body.multiple ?? false,
      counts: body.options.map(() => 0), respondents: 0, createdAt: Date.now(),
    };
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const polls = { ...((map.get(CONTROL_KEYS.polls) as Record<string, PollState> | undefined) ?? {}) };
      if (Object.keys(polls).length >= MAX_POLLS) throw new HttpError('conflict', 'This session has too many polls');
      polls[poll.id] = poll;
      map.set(CONTROL_KEYS.polls, polls);
    });
    return c.json({ poll }, 201);
  });

  registerRoute(app, ROUTES.answerPoll, async (c, body) => {
    const { user, ctl, priv } = await access(c, 'member');
    const pid = pathParam(c, 'pid');
    const poll = await rooms().read(ctl, (doc) => {
      const polls = (getControl(doc).get(CONTROL_KEYS.polls) as Record<string, PollState> | undefined) ?? {};
      return Object.hasOwn(polls, pid) ? polls[pid] : null;
    });
    if (!poll) throw new HttpError('not_found', 'No such poll');
    const choices = [...new Set(body.choices)].sort((a, b) => a - b);
    if (choices.some((i) => i >= poll.options.length)) throw new HttpError('invalid_input', 'No such option');
    if (!poll.multiple && choices.length !== 1) throw new HttpError('invalid_input', 'Choose one option');
    // One answer per member, changeable: the latest replaces the earlier one.
    const tally = await rooms().change(priv, (doc) => {
      const answers = privMap<number[]>(doc, `${PRIV.pollAnswers}:${pid}`);
      answers.set(user.id, choices);
      return tallyPoll(poll.options.length, answers.values());
    });
    await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const polls = (map.get(CONTROL_KEYS.polls) as Record<string, PollState> | undefined) ?? {};
      if (Object.hasOwn(polls, pid)) map.set(CONTROL_KEYS.polls, { ...polls, [pid]: { ...polls[pid], ...tally } });
    });
    return c.json({ choices, ...tally }, 200);
  });

  // --- Locks -------------------------------------------------------------------------------------

  registerRoute(app, ROUTES.setLocks, async (c, body) => {
    const { ctl } = await access(c, 'facilitator');
    const locks = await rooms().change(ctl, (doc) => {
      const map = getControl(doc);
      const current = (map.get(CONTROL_KEYS.locks) as LockState | undefined) ?? { board: false, itemIds: [] };
      const ids = new Set(body.itemIds ?? current.itemIds);
      for (const id of body.add ?? []) ids.add(id);
      for (const id of body.remove ?? []) ids.delete(id);
      if (ids.size > MAX_LOCKED_ITEMS) throw new HttpError('invalid_input', `At most ${MAX_LOCKED_ITEMS} items can be locked`);
      const next: LockState = { board: body.board ?? current.board, itemIds: [...ids] };
      map.set(CONTROL_KEYS.locks, next);
      return next;
    });
    return c.json({ locks }, 200);
  });

  registerPrivateModeRoutes(app, store, rooms);

  return app;
}
