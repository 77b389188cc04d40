import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_KEYS, getAgenda, getBoard, getMeta, getNotes, toYMap } from '../../../shared/doc/layout.ts';
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { agendaToMarkdown, boardToMarkdown, sessionFileName, sessionToMarkdown } from './sessionToMarkdown.ts';

const SHA = 'a'.repeat(64);
const entry = (over: Partial<BoardEntry>): BoardEntry => ({ id: 'i', type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: '', color: '#fff3a3', z: 0, createdBy: 'u', createdAt: 0, ...over });

describe('agendaToMarkdown', () => {
  it('numbers the items with timebox, owner, done ✓ and the current item, then the total', () => {
    const md = agendaToMarkdown(
      [
        { id: 'a', title: 'Welcome', minutes: 5, owner: 'Ann', done: true, createdBy: 'u' },
        { id: 'b', title: 'Case *review*', minutes: 25, owner: '', done: false, createdBy: 'u' },
        { id: 'c', title: '', minutes: 0, owner: 'Bo', done: false, createdBy: 'u' },
      ],
      'b',
    );
    expect(md).toBe('1. ✓ Welcome (5 min, owner: Ann)\n2. Case \\*review\\* (25 min) — **current**\n3. _Untitled item_ (owner: Bo)\n\nTotal: 30 min');
  });

  it('is empty without items', () => {
    expect(agendaToMarkdown([])).toBe('');
  });
});

describe('boardToMarkdown', () => {
  it('lists items grouped by type, links as [title](url), files linked to their content', () => {
    const md = boardToMarkdown([
      entry({ type: 'sticky', text: 'Idea one\nsecond line' }),
      entry({ type: 'text', text: '# Not a heading' }),
      entry({ type: 'shape', shape: 'diamond', text: 'Decide' }),
      entry({ type: 'link', text: 'The guide', url: 'https://example.org/guide', host: 'example.org' }),
      entry({ type: 'link', text: 'Evil' }),
      entry({ type: 'image', text: 'ward.png', sha256: SHA, mime: 'image/png', bytes: 2048 }),
      entry({ type: 'file', text: 'report.pdf', sha256: SHA, mime: 'application/pdf', bytes: 3 * 1024 * 1024 }),
      entry({ type: 'frame', text: 'Round 1' }),
      entry({ type: 'connector' }),
      entry({ type: 'connector' }),
      entry({ type: 'stroke' }),
    ]);
    expect(md).toBe(
      [
        '### Sticky notes\n\n- Idea one\\\n  second line',
        '### Text\n\n- \\# Not a heading',
        '### Shapes\n\n- Diamond: Decide',
        '### Links\n\n- [The guide](https://example.org/guide)\n- Evil (not a web address)',
        `### Images\n\n- [ward.png](/api/files/${SHA}) (2 KB)`,
        `### Files\n\n- [report.pdf](/api/files/${SHA}) (PDF, 3.0 MB)`,
        '### Frames\n\n- Round 1',
        'Also on the board: 2 arrows and 1 drawing.',
      ].join('\n\n'),
    );
  });

  it('links files where the caller says (e.g. inside a zip)', () => {
    expect(boardToMarkdown([entry({ type: 'image', text: 'x.png', sha256: SHA })], { fileHref: (s) => `../files/${s}` })).toBe(`### Images\n\n- [x.png](../files/${SHA})`);
  });
});

describe('sessionToMarkdown', () => {
  it('writes the header, agenda, notes (headings under ## Notes) and board', () => {
    const doc = new Y.Doc();
    getAgenda(doc).push([toYMap({ id: 'a', title: 'Intro', minutes: 10, owner: 'Ann', done: false })]);
    getMeta(doc).set(META_KEYS.currentAgendaItem, 'a');
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', '1');
    h.push([new Y.XmlText('Summary')]);
    getNotes(doc).push([h]);
    getBoard(doc).set('s1', toYMap({ id: 's1', type: 'sticky', text: 'Hello' }));
    const md = sessionToMarkdown(doc, { title: 'Mentoring Monday', startsAt: '2026-05-04T16:00:00.000Z', durationMinutes: 60, format: 'workshop', tags: ['onboarding'], communityName: 'Nurses' });
    expect(md).toBe(
      [
        '# Mentoring Monday',
        '- **Community:** Nurses\n- **Starts:** 2026-05-04T16:00:00.000Z\n- **Length:** 60 min\n- **Format:** Workshop\n- **Tags:** onboarding',
        '## Agenda\n\n1. Intro (10 min, owner: Ann) — **current**\n\nTotal: 10 min',
        '## Notes\n\n### Summary',
        '## Board\n\n### Sticky notes\n\n- Hello',
      ].join('\n\n') + '\n',
    );
  });

  it('says so when a part is empty', () => {
    const md = sessionToMarkdown(new Y.Doc(), { title: 'Empty', startsAt: '2026-05-04T16:00:00.000Z', durationMinutes: 30, format: 'open_discussion' });
    expect(md).toContain('_No agenda._');
    expect(md).toContain('_No notes._');
    expect(md).toContain('_Nothing on the board._');
  });
});

describe('sessionFileName', () => {
  it('is the date and an ASCII slug of the title', () => {
    expect(sessionFileName({ title: 'Café: Über / cases?', startsAt: '2026-05-04T16:00:00.000Z' })).toBe('2026-05-04-cafe-uber-cases.md');
    expect(sessionFileName({ title: '***', startsAt: 'x' })).toBe('undated-session.md');
  });
});
