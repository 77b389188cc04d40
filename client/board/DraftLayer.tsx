/**
 * Private mode on the board (issue 4 item 6): the draft stickies that are not on the board yet, drawn
 * over it in the board's layer. A member sees and edits their own (from their draft room, which only
 * they can open); a facilitator sees everyone's, read-only (from the server-written drafts room).
 * Each is clearly marked, since nobody else can see it until the facilitator reveals.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import * as Y from 'yjs';
import { getBoard, readBoardItem, type BoardItemFields } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { MAX_TEXT_LENGTH } from './boardOps.ts';

/** What the board shows of private mode: the drafts doc, and whether they are mine to edit. */
export interface BoardDrafts {
  doc: Y.Doc;
  /** True: my own draft room (editable, new stickies go here); false: the facilitators' mirror. */
  mine: boolean;
}

type Draft = BoardItemFields & { authorName: string };

function readDrafts(board: Y.Map<Y.Map<unknown>>): Draft[] {
  const out: Draft[] = [];
  for (const [key, m] of board) {
    if (!(m instanceof Y.Map)) continue;
    const item = readBoardItem(m);
    if (item.type !== 'sticky') continue;
    const name = m.get('authorName');
    out.push({ ...item, id: key, authorName: typeof name === 'string' ? name : '' });
  }
  return out.sort((a, b) => a.z - b.z);
}

/** Board gestures (select, pan) must not start on a draft: it is not a board item. */
const stop = (e: PointerEvent) => e.stopPropagation();

export function DraftLayer({ drafts, editingId, onEdited }: { drafts: BoardDrafts; editingId: string | null; onEdited: () => void }) {
  const board = getBoard(drafts.doc);
  const items = useYSelector(board, readDrafts, true);
  return (
    <>
      {items.map((d) => (
        <DraftSticky key={d.id} draft={d} board={board} mine={drafts.mine} autoFocus={d.id === editingId} onEdited={onEdited} />
      ))}
    </>
  );
}

function DraftSticky({ draft, board, mine, autoFocus, onEdited }: { draft: Draft; board: Y.Map<Y.Map<unknown>>; mine: boolean; autoFocus: boolean; onEdited: () => void }) {
  const [text, setText] = useState(draft.text);
  const focused = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  // Follow remote changes (another tab of mine) unless I am typing.
  useEffect(() => {
    if (!focused.current) setText(draft.text);
  }, [draft.text]);
  useEffect(() => {
    if (autoFocus) area.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  const label = mine ? 'Only you can see this' : `Draft · ${draft.authorName || 'a member'}`;
  const write = (value: string) => {
    const m = board.get(draft.id);
    if (m instanceof Y.Map && m.get('text') !== value) m.set('text', value);
  };
  return (
    <div
      className="board-draft"
      data-draft-id={draft.id}
      role="group"
      aria-label={mine ? 'Private draft note, only you can see it' : `Private draft note by ${draft.authorName || 'a member'}`}
      style={{ transform: `translate(${draft.x}px, ${draft.y}px)`, width: draft.w, height: draft.h, background: draft.color }}
      onPointerDown={stop}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <div className="board-draft__bar">
        <span className="board-draft__label">{label}</span>
        {mine && (
          <button type="button" className="board-draft__discard" aria-label="Discard this draft note" onClick={() => board.delete(draft.id)}>
            ✕
          </button>
        )}
      </div>
      {mine ? (
        <textarea
          ref={area}
          className="board-draft__text"
          aria-label="Draft note text"
          placeholder="Write your note…"
          maxLength={MAX_TEXT_LENGTH}
          value={text}
          onFocus={() => (focused.current = true)}
          onChange={(e) => {
            setText(e.target.value);
            write(e.target.value);
          }}
          onBlur={() => {
            focused.current = false;
            onEdited();
          }}
          onKeyDown={(e) => {
            // Escape leaves the note (its text is kept); the board's shortcuts stay out of the way.
            e.stopPropagation();
            if (e.key === 'Escape') area.current?.blur();
          }}
        />
      ) : (
        <p className="board-draft__text">{draft.text || <span className="board-item__placeholder">Empty note</span>}</p>
      )}
    </div>
  );
}
