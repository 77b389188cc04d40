/** Due dates (YYYY-MM-DD calendar dates) in the reader's locale, without a time zone shifting the day. */
import { formatDate } from '../../app/datetime.ts';

/** "1 Dec 2026" for "2026-12-01" (read as local noon, so no offset moves it to another day). */
export function formatDue(due: string): string {
  return formatDate(`${due}T12:00:00`);
}
