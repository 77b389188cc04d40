/**
 * The Tiptap extensions of the shared notes: the one definition of the notes schema (nodes and marks),
 * used by the editor and, without the collaboration part, by the server to read notes as text.
 * Changing the set of nodes/marks incompatibly means bumping NOTES_SCHEMA_VERSION (shared/doc/layout.ts).
 */
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TaskList } from '@tiptap/extension-list';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { NotesAwareness } from './NotesAwareness.ts';
import { ActionTaskItem, Decision } from './actionExtensions.ts';

/** Only web links: anything else (javascript:, data:, mailto:, …) is refused. */
export const NOTES_LINK_PROTOCOLS = ['http', 'https'] as const;

/** Everything that is not printable: browsers drop these inside URLs, so `java\tscript:` is `javascript:`. */
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/**
 * Whether a link target may be kept in the notes: an http(s) URL, or a bare host such as "example.org"
 * (autolinking sees those before it adds the protocol). Any other scheme is refused.
 */
export function isAllowedNotesHref(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string') return false;
  const s = raw.replace(INVISIBLE, '');
  if (!s) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (scheme) {
    if (!(NOTES_LINK_PROTOCOLS as readonly string[]).includes(scheme[1].toLowerCase())) return false;
    try {
      return !!new URL(s).host;
    } catch {
      return false;
    }
  }
  // No scheme: a host name with a dot, optionally followed by a path ("example.org/a").
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i.test(s);
}

/** The collaborative binding: the notes fragment, the provider whose awareness carries carets, and me. */
export interface NotesCollabOptions {
  fragment: Y.XmlFragment;
  provider: { awareness: Awareness };
  user: { name: string; color: string };
}

export interface NotesExtensionsOptions {
  /** Omit for a headless schema (the server reading the notes): no editing, no carets. */
  collab?: NotesCollabOptions;
}

/** Selection highlight of another person: their colour at ~20% opacity (the extension validated it). */
function selectionRender(user: Record<string, unknown>) {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : null;
  return color ? { nodeName: 'span', class: 'collaboration-carets__selection', style: `background-color: ${color}33` } : {};
}

/** The extensions of the notes editor, in order. The schema is the same with or without `collab`. */
export function notesExtensions(opts: NotesExtensionsOptions = {}): AnyExtension[] {
  const extensions: AnyExtension[] = [
    StarterKit.configure({
      // Collaboration brings a Yjs-aware undo that only undoes one's own changes.
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: [...NOTES_LINK_PROTOCOLS],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedNotesHref(url),
        shouldAutoLink: (url) => isAllowedNotesHref(url),
        HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    TaskList,
    // Task items are actions: an assignee and a due date (actionExtensions.ts).
    ActionTaskItem.configure({
      nested: true,
      a11y: { checkboxLabel: (node, checked) => `${checked ? 'Done' : 'To do'}: ${node.textContent || 'empty task'}` },
    }),
    Decision,
  ];
  if (opts.collab) {
    extensions.push(
      Collaboration.configure({ fragment: opts.collab.fragment }),
      CollaborationCaret.configure({
        // The caret plugin talks to a view of the awareness that keeps the text selection out of the
        // board's `cursor` field (see NotesAwareness).
        provider: { awareness: new NotesAwareness(opts.collab.provider.awareness) },
        user: opts.collab.user,
        selectionRender,
      }),
    );
  }
  return extensions;
}
