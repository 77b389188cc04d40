/**
 * While the caret is in a task item (an action), a row under the toolbar to assign it to a member of
 * the community and give it a due date. Both are written as the task item's attributes (NOTES_ATTRS).
 */
import { useId } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { MemberDto } from '../../shared/api/schemas.ts';
import { DUE_DATE_PATTERN, NOTES_ATTRS, NOTES_NODES } from '../../shared/doc/layout.ts';

export interface ActionDetailsProps {
  editor: Editor;
  /** The community's members, who can be assigned. */
  members: readonly MemberDto[];
}

function selectAction({ editor }: { editor: Editor | null }) {
  if (!editor || !editor.isActive(NOTES_NODES.taskItem)) return null;
  const attrs = editor.getAttributes(NOTES_NODES.taskItem);
  const str = (k: string) => (typeof attrs[k] === 'string' ? (attrs[k] as string) : '');
  return { assignee: str(NOTES_ATTRS.assignee), assigneeName: str(NOTES_ATTRS.assigneeName), due: str(NOTES_ATTRS.due) };
}

/** The assignee picker and due date of the task item at the caret (nothing outside task items). */
export function ActionDetails({ editor, members }: ActionDetailsProps) {
  const action = useEditorState({ editor, selector: selectAction });
  const assigneeId = useId();
  const dueId = useId();
  if (!action) return null;
  // Someone who has left stays selectable under the name written in the notes.
  const known = members.some((m) => m.userId === action.assignee);
  return (
    <div className="panel-bar notes-action" role="group" aria-label="Action details">
      <label className="notes-action__label" htmlFor={assigneeId}>
        Assignee
      </label>
      <select
        id={assigneeId}
        className="tool-input"
        value={action.assignee}
        onChange={(e) => {
          const m = members.find((x) => x.userId === e.target.value);
          editor.chain().setActionDetails({ assignee: m ? { id: m.userId, name: m.name } : null }).run();
        }}
      >
        <option value="">Nobody yet</option>
        {!known && action.assignee && <option value={action.assignee}>{action.assigneeName || 'Former member'}</option>}
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      <label className="notes-action__label" htmlFor={dueId}>
        Due
      </label>
      <input
        id={dueId}
        type="date"
        className="tool-input"
        value={action.due}
        onChange={(e) => {
          const due = e.target.value;
          if (due === '' || DUE_DATE_PATTERN.test(due)) editor.chain().setActionDetails({ due: due || null }).run();
        }}
      />
    </div>
  );
}
