/**
 * The session's shared notes: a Tiptap editor bound to the room's `notes` fragment, with everyone's
 * carets, a formatting toolbar for editors, and a read-only view for viewers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { RoomConnection } from '../collab/RoomConnection.ts';
import { useYSelector } from '../collab/hooks.ts';
import { META_KEYS, NOTES_SCHEMA_VERSION, getMeta, getNotes } from '../../shared/doc/layout.ts';
import { notesExtensions } from './notesSchema.ts';
import { NotesToolbar } from './NotesToolbar.tsx';
import { LinkPrompt } from './LinkPrompt.tsx';
import { ActionDetails } from './ActionDetails.tsx';
import type { MemberDto } from '../../shared/api/schemas.ts';
import './notes.css';

export interface NotesEditorProps {
  conn: RoomConnection;
  /** The community's members: actions (task items) are assigned to one of them. */
  members?: readonly MemberDto[];
}

const NO_MEMBERS: readonly MemberDto[] = [];

const PLACEHOLDER = 'Start the shared notes…';

/** Origin of our write of the schema version into `meta` (never an undoable edit). */
const SCHEMA_ORIGIN = Symbol('notes-schema-version');

/** The shared notes of a session room. */
export function NotesEditor({ conn, members = NO_MEMBERS }: NotesEditorProps) {
  const meta = getMeta(conn.doc);
  const docVersion = useYSelector(meta, (m) => m.get(META_KEYS.notesSchemaVersion));
  // A newer client wrote nodes this version may not know: editing could drop them, so only show them.
  const newerSchema = typeof docVersion === 'number' && docVersion > NOTES_SCHEMA_VERSION;
  const editable = conn.canEdit && !newerSchema;

  const [linkOpen, setLinkOpen] = useState(false);
  const openLink = useCallback(() => setLinkOpen(true), []);
  // Read by the editor's key handler, which is created once per editor.
  const openLinkRef = useRef(openLink);
  openLinkRef.current = openLink;

  const extensions = useMemo(
    () => notesExtensions({ collab: { fragment: getNotes(conn.doc), provider: conn.provider, user: conn.me } }),
    [conn],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'notes-doc',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Shared notes',
          'aria-readonly': String(!editable),
          ...(editable ? { 'aria-placeholder': PLACEHOLDER } : {}),
        },
        handleKeyDown: (_view, event) => {
          if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            openLinkRef.current();
            return true;
          }
          return false;
        },
      },
      onUpdate: ({ transaction }) => {
        // The first local edit records which schema the notes are written in.
        if (!isChangeOrigin(transaction) && !meta.has(META_KEYS.notesSchemaVersion)) {
          conn.doc.transact(() => meta.set(META_KEYS.notesSchemaVersion, NOTES_SCHEMA_VERSION), SCHEMA_ORIGIN);
        }
      },
    },
    [conn, editable],
  );

  useEffect(() => {
    if (!editable) setLinkOpen(false);
  }, [editable]);

  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => (e ? e.isEmpty : true) });

  return (
    <section className={`notes${editable ? '' : ' notes--readonly'}`} aria-label="Notes">
      {editor && editable && <NotesToolbar editor={editor} onLink={openLink} linkOpen={linkOpen} />}
      {editor && editable && linkOpen && <LinkPrompt editor={editor} onClose={() => setLinkOpen(false)} />}
      {editor && editable && <ActionDetails editor={editor} members={members} />}
      {newerSchema && (
        <p className="notes__notice" role="status">
          These notes were written with a newer version of Commonplace. Reload the page to edit them.
        </p>
      )}
      <div className="notes__page">
        {isEmpty && (
          <p className="notes__placeholder" aria-hidden="true">
            {editable ? PLACEHOLDER : 'No notes yet.'}
          </p>
        )}
        <EditorContent editor={editor} className="notes__content" />
      </div>
    </section>
  );
}

export default NotesEditor;
