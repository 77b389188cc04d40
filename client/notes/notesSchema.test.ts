import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { NOTES_ATTRS, getNotes } from '../../shared/doc/layout.ts';
import { actionMetaText } from './actionExtensions.ts';
import { isAllowedNotesHref, notesExtensions } from './notesSchema.ts';

const schema = getSchema(notesExtensions());

describe('notes schema', () => {
  it('has the nodes and marks the toolbar offers', () => {
    for (const node of ['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem', 'blockquote', 'codeBlock', 'hardBreak']) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'code', 'link']) expect(schema.marks[mark], mark).toBeDefined();
  });

  it('allows nested task lists', () => {
    const item = schema.nodes.taskItem;
    expect(item.contentMatch.matchType(schema.nodes.paragraph)?.matchType(schema.nodes.taskList)).toBeTruthy();
  });

  it('reads a Yjs notes fragment back as text (what the server does)', () => {
    const doc = new Y.Doc();
    const content = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Decisions' }] },
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: true },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ship it', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] }],
            },
          ],
        },
      ],
    };
    prosemirrorJSONToYXmlFragment(schema, content, getNotes(doc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const node = yXmlFragmentToProseMirrorRootNode(getNotes(copy), schema);
    expect(node.textBetween(0, node.content.size, '\n')).toBe('Decisions\nShip it');
    expect(node.toJSON().content[1].content[0].attrs.checked).toBe(true);
  });

  it('never renders a non-http(s) link target', () => {
    const render = (href: string) => {
      const spec = schema.marks.link.spec.toDOM!(schema.marks.link.create({ href }), true) as [string, Record<string, string>];
      return spec[1].href;
    };
    expect(render('https://example.org/a')).toBe('https://example.org/a');
    expect(render('javascript:alert(1)')).toBe('');
    expect(render(' java\tscript:alert(1)')).toBe('');
    expect(render('data:text/html,<b>x</b>')).toBe('');
  });

  it('does not parse pasted HTML links with other schemes', () => {
    const rule = schema.marks.link.spec.parseDOM![0] as { getAttrs: (el: unknown) => unknown };
    const el = (href: string) => ({ getAttribute: () => href });
    expect(rule.getAttrs(el('javascript:alert(1)'))).toBe(false);
    expect(rule.getAttrs(el('mailto:a@b.c'))).toBe(false);
    expect(rule.getAttrs(el('https://example.org'))).not.toBe(false);
  });
});

describe('isAllowedNotesHref', () => {
  it('accepts http(s) URLs and bare hosts', () => {
    expect(isAllowedNotesHref('https://example.org/x?y#z')).toBe(true);
    expect(isAllowedNotesHref('HTTP://EXAMPLE.ORG')).toBe(true);
    expect(isAllowedNotesHref('www.example.org')).toBe(true);
    expect(isAllowedNotesHref('example.org/path')).toBe(true);
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '\u0000javascript:x', 'java\nscript:x', ' javascript:x', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c', 'ftp://x.org', 'file:///etc/passwd', 'https://', '', null, undefined, 'localhost', '/relative']) {
      expect(isAllowedNotesHref(bad), String(bad)).toBe(false);
    }
  });
});

describe('decisions and actions in the notes schema', () => {
  it('round-trips task item assignee and due date and paragraph decisions through Yjs under the layout’s names', () => {
    const doc = new Y.Doc();
    const content = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { decision: true }, content: [{ type: 'text', text: 'We adopt the checklist' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Plain' }] },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: false, assignee: 'u-mo', assigneeName: 'Mo', due: '2026-12-01' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Send it' }] }] },
            { type: 'taskItem', attrs: { checked: false }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Unassigned' }] }] },
          ],
        },
      ],
    };
    prosemirrorJSONToYXmlFragment(schema, content, getNotes(doc));
    const [decision, plain, list] = getNotes(doc).toArray() as Y.XmlElement[];
    expect(decision.getAttribute(NOTES_ATTRS.decision)).toBe(true);
    // Unused attributes are not written at all (defaults are null).
    expect(plain.getAttributes()).toEqual({});
    const [assigned, unassigned] = list.toArray() as Y.XmlElement[];
    expect(assigned.getAttributes()).toMatchObject({ [NOTES_ATTRS.assignee]: 'u-mo', [NOTES_ATTRS.assigneeName]: 'Mo', [NOTES_ATTRS.due]: '2026-12-01' });
    expect(unassigned.getAttribute(NOTES_ATTRS.assignee)).toBeUndefined();
    const back = yXmlFragmentToProseMirrorRootNode(getNotes(doc), schema).toJSON();
    expect(back.content[0].attrs.decision).toBe(true);
    expect(back.content[2].content[0].attrs).toMatchObject({ assignee: 'u-mo', assigneeName: 'Mo', due: '2026-12-01' });
  });

  it('shows assignee and due date as a short label', () => {
    expect(actionMetaText({ assigneeName: 'Mo', due: '2026-12-01' })).toBe('@Mo · due 2026-12-01');
    expect(actionMetaText({ due: '2026-12-01' })).toBe('due 2026-12-01');
    expect(actionMetaText({ assigneeName: null, due: null })).toBe('');
  });
});
