/**
 * Default agenda per session format, applied to a new session's document (shared/doc/applyAgendaTemplate.ts)
 * so that a facilitator starts from the format's usual shape instead of an empty agenda. Plain data, so
 * forms can show it without loading Yjs.
 */
import type { SessionFormat } from './api/sessionFormats.ts';

/** One agenda line of a template: its title and timebox in minutes. */
export interface TemplateItem {
  title: string;
  minutes: number;
}

/** The default agenda of each format. Timeboxes add up to the default 60-minute session (or less). */
export const AGENDA_TEMPLATES: Record<SessionFormat, readonly TemplateItem[]> = {
  presentation_qa: [
    { title: 'Welcome', minutes: 5 },
    { title: 'Presentation', minutes: 25 },
    { title: 'Q&A', minutes: 20 },
    { title: 'Wrap-up', minutes: 5 },
  ],
  open_discussion: [
    { title: 'Welcome and check-in', minutes: 5 },
    { title: 'Collect topics', minutes: 10 },
    { title: 'Discussion', minutes: 35 },
    { title: 'Takeaways', minutes: 10 },
  ],
  focus_group: [
    { title: 'Welcome and purpose', minutes: 5 },
    { title: 'Question 1', minutes: 15 },
    { title: 'Question 2', minutes: 15 },
    { title: 'Question 3', minutes: 15 },
    { title: 'Summary and next steps', minutes: 10 },
  ],
  workshop: [
    { title: 'Welcome and goals', minutes: 5 },
    { title: 'Input', minutes: 10 },
    { title: 'Group work', minutes: 30 },
    { title: 'Share back', minutes: 10 },
    { title: 'Wrap-up', minutes: 5 },
  ],
};
