/**
 * Session formats and community visibilities: plain constants without zod, so that pages can import
 * them without pulling the validation library into the browser's first load.
 */
export const SESSION_FORMATS = ['presentation_qa', 'open_discussion', 'focus_group', 'workshop'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_FORMAT_LABELS: Record<SessionFormat, string> = {
  presentation_qa: 'Presentation + Q&A',
  open_discussion: 'Open discussion',
  focus_group: 'Focus group',
  workshop: 'Workshop',
};

export const VISIBILITIES = ['open', 'invite'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
