/** Writes a format's template agenda (shared/templates.ts) into a session document. */
import * as Y from 'yjs';
import type { SessionFormat } from '../api/sessionFormats.ts';
import { AGENDA_TEMPLATES } from '../templates.ts';
import { getAgenda, toYMap, type AgendaItemFields } from './layout.ts';

/**
 * Appends the format's template agenda to `doc` in one transaction. Item ids come from `newId` so that
 * callers (server: crypto UUIDs; tests: fixed ids) choose them.
 */
export function applyAgendaTemplate(doc: Y.Doc, format: SessionFormat, createdBy: string, newId: () => string): void {
  doc.transact(() => {
    const agenda = getAgenda(doc);
    for (const t of AGENDA_TEMPLATES[format]) {
      const fields: AgendaItemFields = { id: newId(), title: t.title, minutes: t.minutes, owner: '', done: false, createdBy };
      agenda.push([toYMap(fields)]);
    }
  });
}
