/**
 * Decisions and actions in the notes (issue 3, item 6): task items carry an assignee and a due date,
 * and a paragraph can be marked as a decision. The attribute names are the layout's (NOTES_ATTRS in
 * shared/doc/layout.ts), so the server reads exactly what this writes. Attributes default to null, so
 * nothing is stored for notes that do not use them and older notes read as before.
 */
import { Extension } from '@tiptap/core';
import { TaskItem } from '@tiptap/extension-list';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NOTES_ATTRS, NOTES_NODES } from '../../shared/doc/layout.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decision: {
      /** Marks the current paragraph(s) as a decision, or unmarks them. */
      toggleDecision: () => ReturnType;
    };
    actionDetails: {
      /** Sets the assignee (user id and name, or null) and due date (YYYY-MM-DD or null) of the current task item. */
      setActionDetails: (details: { assignee?: { id: string; name: string } | null; due?: string | null }) => ReturnType;
    };
  }
}

/** Keyboard shortcut of the decision toggle (Tiptap notation). */
export const DECISION_SHORTCUT = 'Mod-Alt-d';

/** "Mo · due 2026-12-01": what a task item shows beside its text (empty when neither is set). */
export function actionMetaText(attrs: Record<string, unknown>): string {
  const name = typeof attrs[NOTES_ATTRS.assigneeName] === 'string' ? (attrs[NOTES_ATTRS.assigneeName] as string) : '';
  const due = typeof attrs[NOTES_ATTRS.due] === 'string' ? (attrs[NOTES_ATTRS.due] as string) : '';
  return [name && `@${name}`, due && `due ${due}`].filter(Boolean).join(' · ');
}

const nullableAttr = (name: string, dataName: string) => ({
  default: null,
  // A new task (Enter at the end of one) starts unassigned.
  keepOnSplit: false,
  parseHTML: (el: HTMLElement) => el.getAttribute(dataName) || null,
  renderHTML: (attrs: Record<string, unknown>) => (attrs[name] ? { [dataName]: String(attrs[name]) } : {}),
});

/** The task item with an assignee and a due date, shown as a small label after the task's text. */
export const ActionTaskItem = TaskItem.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      [NOTES_ATTRS.assignee]: nullableAttr(NOTES_ATTRS.assignee, 'data-assignee'),
      [NOTES_ATTRS.assigneeName]: nullableAttr(NOTES_ATTRS.assigneeName, 'data-assignee-name'),
      [NOTES_ATTRS.due]: nullableAttr(NOTES_ATTRS.due, 'data-due'),
    };
  },

  addNodeView() {
    const parent = this.parent?.();
    if (!parent) return null;
    return (props) => {
      const view = parent(props);
      const meta = document.createElement('span');
      meta.className = 'notes-action__meta';
      meta.contentEditable = 'false';
      const render = (node: ProseMirrorNode) => {
        const text = actionMetaText(node.attrs);
        meta.textContent = text;
        meta.hidden = !text;
      };
      render(props.node);
      // Between the checkbox and the text would break the caret: the label goes after the content.
      (view.dom as HTMLElement).append(meta);
      const update = view.update?.bind(view);
      return {
        ...view,
        update: (node, decorations, innerDecorations) => {
          const ok = update ? update(node, decorations, innerDecorations) : false;
          if (ok) render(node);
          return ok;
        },
        // Our label is not document content: changing it must not make ProseMirror re-read the node.
        ignoreMutation: (mutation) => meta.contains(mutation.target as globalThis.Node),
      };
    };
  },

  addCommands() {
    return {
      ...this.parent?.(),
      setActionDetails:
        (details) =>
        ({ commands }) => {
          const attrs: Record<string, unknown> = {};
          if (details.assignee !== undefined) {
            attrs[NOTES_ATTRS.assignee] = details.assignee?.id ?? null;
            attrs[NOTES_ATTRS.assigneeName] = details.assignee?.name ?? null;
          }
          if (details.due !== undefined) attrs[NOTES_ATTRS.due] = details.due || null;
          return commands.updateAttributes(NOTES_NODES.taskItem, attrs);
        },
    };
  },
});

/** Marks paragraphs as decisions: a toolbar toggle and DECISION_SHORTCUT; rendered with a "Decision" label. */
export const Decision = Extension.create({
  name: 'decision',

  addGlobalAttributes() {
    return [
      {
        types: [NOTES_NODES.paragraph],
        attributes: {
          [NOTES_ATTRS.decision]: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el: HTMLElement) => (el.getAttribute('data-decision') === 'true' ? true : null),
            renderHTML: (attrs: Record<string, unknown>) => (attrs[NOTES_ATTRS.decision] === true ? { 'data-decision': 'true', class: 'notes-decision' } : {}),
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      toggleDecision:
        () =>
        ({ editor, commands }) =>
          commands.updateAttributes(NOTES_NODES.paragraph, { [NOTES_ATTRS.decision]: editor.getAttributes(NOTES_NODES.paragraph)[NOTES_ATTRS.decision] === true ? null : true }),
    };
  },

  addKeyboardShortcuts() {
    return { [DECISION_SHORTCUT]: () => this.editor.commands.toggleDecision() };
  },
});
