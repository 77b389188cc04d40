import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SESSION_FORMATS } from './api/sessionFormats.ts';
import { getAgenda, readAgendaItem } from './doc/layout.ts';
import { AGENDA_TEMPLATES } from './templates.ts';
import { applyAgendaTemplate } from './doc/applyAgendaTemplate.ts';

describe('agenda templates', () => {
  it('presentation + Q&A is Welcome 5, Presentation 25, Q&A 20, Wrap-up 5', () => {
    const doc = new Y.Doc();
    let n = 0;
    applyAgendaTemplate(doc, 'presentation_qa', 'u1', () => `a${++n}`);
    expect(getAgenda(doc).toArray().map((m) => readAgendaItem(m))).toEqual([
      { id: 'a1', title: 'Welcome', minutes: 5, owner: '', done: false, createdBy: 'u1' },
      { id: 'a2', title: 'Presentation', minutes: 25, owner: '', done: false, createdBy: 'u1' },
      { id: 'a3', title: 'Q&A', minutes: 20, owner: '', done: false, createdBy: 'u1' },
      { id: 'a4', title: 'Wrap-up', minutes: 5, owner: '', done: false, createdBy: 'u1' },
    ]);
  });

  it('every format has a template that fits in an hour', () => {
    for (const f of SESSION_FORMATS) {
      const total = AGENDA_TEMPLATES[f].reduce((s, t) => s + t.minutes, 0);
      expect(AGENDA_TEMPLATES[f].length).toBeGreaterThan(1);
      expect(total).toBeLessThanOrEqual(60);
    }
  });
});
