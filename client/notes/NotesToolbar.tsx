/**
 * The formatting toolbar of the shared notes: one row of toggle buttons (WAI-ARIA toolbar pattern:
 * one tab stop, arrow keys move between buttons), each naming its shortcut in its title.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { formatShortcut } from './formatShortcut.ts';
import { DECISION_SHORTCUT } from './actionExtensions.ts';
import { NOTES_ATTRS, NOTES_NODES } from '../../shared/doc/layout.ts';

interface ToolbarAction {
  key: string;
  label: string;
  /** Tiptap notation, e.g. "Mod-Alt-1". */
  shortcut: string;
  icon: ReactNode;
  /** Toggles report whether they are on (aria-pressed); plain actions (undo, redo) do not. */
  toggle: boolean;
  run: (editor: Editor) => void;
}

const svg = (children: ReactNode) => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
    {children}
  </svg>
);
const text = (t: string, className?: string) => (
  <span aria-hidden="true" className={className}>
    {t}
  </span>
);

/** The three text lines beside a list's markers (bullet and numbered list icons). */
const LIST_LINES = <path d="M6.5 4h7M6.5 8h7M6.5 12h7" />;

const ICONS = {
  bullet: svg(
    <>
      <circle cx="3" cy="4" r="0.9" fill="currentColor" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" />
      {LIST_LINES}
    </>,
  ),
  ordered: svg(
    <>
      <path d="M2.5 2.8l1-.6v3.6M2.3 9.2c.2-.6 1.9-.8 1.9.2 0 .8-1.9 1.4-1.9 2.4h2" strokeWidth="1.1" />
      {LIST_LINES}
    </>,
  ),
  task: svg(
    <>
      <rect x="1.8" y="2.3" width="3.6" height="3.6" rx="0.8" />
      <path d="M2.5 10.7l.9.9 1.7-1.9" />
      <path d="M7.5 4.1h6M7.5 10.9h6" />
    </>,
  ),
  quote: svg(
    <>
      <path d="M3 3v10" strokeWidth="2" />
      <path d="M6.5 5h7M6.5 8h7M6.5 11h4.5" />
    </>,
  ),
  codeBlock: svg(
    <>
      <rect x="1.5" y="2" width="13" height="12" rx="2" />
      <path d="M6 6.3L4.3 8 6 9.7M10 6.3L11.7 8 10 9.7" />
    </>,
  ),
  link: svg(
    <>
      <path d="M6.8 9.2a3 3 0 004.2 0l2-2a3 3 0 00-4.2-4.2l-.9.9" />
      <path d="M9.2 6.8a3 3 0 00-4.2 0l-2 2a3 3 0 004.2 4.2l.9-.9" />
    </>,
  ),
  decision: svg(
    <>
      <path d="M3 2.5v11" />
      <path d="M3 3h8.5l-2 2.75 2 2.75H3" />
    </>,
  ),
  undo: svg(<path d="M5.5 3.5L2.5 6.5l3 3M2.8 6.5h6.7a4 4 0 010 8H7" />),
  redo: svg(<path d="M10.5 3.5l3 3-3 3M13.2 6.5H6.5a4 4 0 000 8H9" />),
};

function actions(openLink: () => void): ToolbarAction[][] {
  return [
    [1, 2, 3].map((level) => ({
      key: `h${level}`,
      label: `Heading ${level}`,
      shortcut: `Mod-Alt-${level}`,
      icon: text(`H${level}`, 'notes-toolbar__glyph'),
      toggle: true,
      run: (e: Editor) => e.chain().focus().toggleHeading({ level: level as 1 | 2 | 3 }).run(),
    })),
    [
      { key: 'bold', label: 'Bold', shortcut: 'Mod-b', icon: text('B', 'notes-toolbar__glyph notes-toolbar__glyph--bold'), toggle: true, run: (e) => e.chain().focus().toggleBold().run() },
      { key: 'italic', label: 'Italic', shortcut: 'Mod-i', icon: text('I', 'notes-toolbar__glyph notes-toolbar__glyph--italic'), toggle: true, run: (e) => e.chain().focus().toggleItalic().run() },
      { key: 'code', label: 'Inline code', shortcut: 'Mod-e', icon: text('</>', 'notes-toolbar__glyph notes-toolbar__glyph--mono'), toggle: true, run: (e) => e.chain().focus().toggleCode().run() },
    ],
    [
      { key: 'bulletList', label: 'Bullet list', shortcut: 'Mod-Shift-8', icon: ICONS.bullet, toggle: true, run: (e) => e.chain().focus().toggleBulletList().run() },
      { key: 'orderedList', label: 'Numbered list', shortcut: 'Mod-Shift-7', icon: ICONS.ordered, toggle: true, run: (e) => e.chain().focus().toggleOrderedList().run() },
      { key: 'taskList', label: 'Task list', shortcut: 'Mod-Shift-9', icon: ICONS.task, toggle: true, run: (e) => e.chain().focus().toggleTaskList().run() },
      { key: 'decision', label: 'Mark as decision', shortcut: DECISION_SHORTCUT, icon: ICONS.decision, toggle: true, run: (e) => e.chain().focus().toggleDecision().run() },
    ],
    [
      { key: 'blockquote', label: 'Quote', shortcut: 'Mod-Shift-b', icon: ICONS.quote, toggle: true, run: (e) => e.chain().focus().toggleBlockquote().run() },
      { key: 'codeBlock', label: 'Code block', shortcut: 'Mod-Alt-c', icon: ICONS.codeBlock, toggle: true, run: (e) => e.chain().focus().toggleCodeBlock().run() },
      { key: 'link', label: 'Link', shortcut: 'Mod-k', icon: ICONS.link, toggle: true, run: () => openLink() },
    ],
    [
      { key: 'undo', label: 'Undo', shortcut: 'Mod-z', icon: ICONS.undo, toggle: false, run: (e) => e.chain().focus().undo().run() },
      { key: 'redo', label: 'Redo', shortcut: 'Mod-Shift-z', icon: ICONS.redo, toggle: false, run: (e) => e.chain().focus().redo().run() },
    ],
  ];
}

/** Which toggles are on and whether undo/redo can run, recomputed on every editor transaction. */
function selectState({ editor }: { editor: Editor | null }) {
  if (!editor) return null;
  return {
    h1: editor.isActive('heading', { level: 1 }),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    code: editor.isActive('code'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    taskList: editor.isActive('taskList'),
    decision: editor.getAttributes(NOTES_NODES.paragraph)[NOTES_ATTRS.decision] === true,
    blockquote: editor.isActive('blockquote'),
    codeBlock: editor.isActive('codeBlock'),
    link: editor.isActive('link'),
    undo: editor.can().undo(),
    redo: editor.can().redo(),
  } as Record<string, boolean>;
}

export interface NotesToolbarProps {
  editor: Editor;
  /** Opens the inline link prompt. */
  onLink: () => void;
  /** Whether the link prompt is open (the link button then reads as pressed). */
  linkOpen: boolean;
}

/** Formatting buttons for the notes editor. */
export function NotesToolbar({ editor, onLink, linkOpen }: NotesToolbarProps) {
  const state = useEditorState({ editor, selector: selectState });
  const groups = actions(onLink);
  const flat = groups.flat();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    let next: number | null = null;
    if (step) next = (focusIndex + step + flat.length) % flat.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = flat.length - 1;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  let index = 0;
  return (
    <div className="panel-bar notes-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {groups.map((group, g) => (
        <div className="notes-toolbar__group" role="group" key={g}>
          {group.map((action) => {
            const i = index++;
            const shortcut = formatShortcut(action.shortcut);
            const on = action.key === 'link' ? linkOpen || !!state?.link : !!state?.[action.key];
            const disabled = !action.toggle && !state?.[action.key];
            return (
              <button
                key={action.key}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                className="notes-toolbar__button"
                aria-label={action.label}
                aria-pressed={action.toggle ? on : undefined}
                aria-keyshortcuts={shortcut.aria}
                title={`${action.label} (${shortcut.label})`}
                tabIndex={i === focusIndex ? 0 : -1}
                aria-disabled={disabled || undefined}
                // Keep the editor's selection: a mouse press would otherwise move focus first.
                onMouseDown={(e) => e.preventDefault()}
                onFocus={() => setFocusIndex(i)}
                onClick={() => {
                  if (!disabled) action.run(editor);
                }}
              >
                {action.icon}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
