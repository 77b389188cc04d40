/**
 * Request bodies and response shapes of recurring series, feedback check-ins, the calendar feed and
 * member contributions (issue 4, items 8, 9, 11).
 */
import { z } from 'zod';
import { SESSION_FORMATS, type SessionFormat } from './sessionFormats.ts';
import { RecurrenceError, formatRule, parseRule, validateSchedule } from '../recurrence.ts';

/** A series definition. The rule is RRULE text in the shared/recurrence.ts subset; it is stored normalised. */
export const CreateSeriesBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    rule: z.string().trim().min(1).max(300),
    timeZone: z.string().trim().min(1).max(64),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'),
    startTime: z.string().regex(/^\d{2}:\d{2}$/, 'Use HH:MM'),
    format: z.enum(SESSION_FORMATS),
    durationMinutes: z.number().int().min(5).max(24 * 60).optional().default(60),
  })
  .transform((body, ctx) => {
    try {
      const rule = parseRule(body.rule);
      validateSchedule({ rule, timeZone: body.timeZone, startDate: body.startDate, startTime: body.startTime });
      return { ...body, rule: formatRule(rule) };
    } catch (err) {
      if (!(err instanceof RecurrenceError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, path: ['rule'] });
      return z.NEVER;
    }
  });
export type CreateSeriesBody = z.input<typeof CreateSeriesBody>;

export interface SeriesDto {
  id: string;
  communityId: string;
  title: string;
  rule: string;
  /** Human-readable rule, e.g. "First Monday of every month". */
  ruleText: string;
  timeZone: string;
  startDate: string;
  startTime: string;
  format: SessionFormat;
  durationMinutes: number;
  createdAt: string;
  /** The next start instants (UTC ISO), at most three. */
  next: string[];
}

/** A member's check-in: was this valuable (1–5), what should we focus on next. */
export const FeedbackBody = z.strictObject({
  valuable: z.number().int().min(1).max(5),
  focusNext: z.string().trim().max(1000).optional().default(''),
});
export type FeedbackBody = z.input<typeof FeedbackBody>;

/** The caller's own answer (null if not given yet). */
export interface MyFeedbackDto {
  mine: { valuable: number; focusNext: string; updatedAt: string } | null;
}

/** Per-session results for hosts and facilitators. Comments carry no names: the check-in is candid. */
export interface FeedbackResultsDto {
  sessionId: string;
  count: number;
  /** Mean of `valuable`, rounded to two decimals; null without answers. */
  average: number | null;
  /** How many answered 1, 2, 3, 4, 5 (index 0 = 1). */
  distribution: [number, number, number, number, number];
  comments: { text: string; valuable: number; updatedAt: string }[];
}

/** The average per session of a series, in session order (sessions without answers included, count 0). */
export interface FeedbackTrendDto {
  seriesId: string;
  sessions: { sessionId: string; title: string; startsAt: string; count: number; average: number | null }[];
}

/** A member's private feed URLs (anyone with one can read the community's schedule and news). */
export interface FeedTokenDto {
  /** The calendar (iCalendar) feed. */
  url: string;
  /** The Atom feed of new sessions, pinned notes and resources, with the same token. */
  atomUrl: string;
}

/** What one member contributed to a community's sessions. */
export interface ContributionDto {
  userId: string;
  name: string;
  color: string;
  /** Board items (stickies, text, shapes, drawings…) they created. */
  boardItems: number;
  /** Agenda items they created. */
  agendaItems: number;
  /** Links and files they shared (link cards, images, files on boards). */
  resources: number;
  /** Questions they asked in Q&A under their name (anonymous ones are never credited). */
  questions: number;
}

export interface ContributionsDto {
  contributions: ContributionDto[];
  /** Sessions read to compute this (bounded: the most recent ones). */
  sessionsCounted: number;
  sessionsTotal: number;
}
