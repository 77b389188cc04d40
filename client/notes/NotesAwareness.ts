/**
 * The room's awareness as the notes' caret plugin sees it. y-tiptap reads and writes the awareness
 * field `cursor`, which the board already uses for pointer positions ({x, y}); sharing it would make
 * each misread the other (and y-tiptap throws on a board pointer). This view keeps the text selection
 * in its own field, NOTES_CURSOR_FIELD, and shows the plugin only well-formed text selections.
 */
import type { Awareness } from 'y-protocols/awareness';

/** Awareness field carrying a person's selection in the notes ({ anchor, head } relative positions). */
export const NOTES_CURSOR_FIELD = 'notesCursor';

type State = Record<string, unknown>;
type Listener = (...args: any[]) => void;

const isId = (v: unknown) =>
  !!v && typeof v === 'object' && Number.isInteger((v as State).client) && Number.isInteger((v as State).clock);

/** A JSON relative position as Yjs encodes it; anything else could make Yjs throw while resolving it. */
function isRelativePosition(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const p = v as State;
  return (
    (p.type == null || isId(p.type)) &&
    (p.tname == null || typeof p.tname === 'string') &&
    (p.item == null || isId(p.item)) &&
    (p.assoc == null || typeof p.assoc === 'number')
  );
}

/** True for a well-formed notes selection `{ anchor, head }`. */
export function isTextCursor(v: unknown): boolean {
  return !!v && typeof v === 'object' && isRelativePosition((v as State).anchor) && isRelativePosition((v as State).head);
}

/** The subset of y-protocols' Awareness that the caret plugin uses, with `cursor` remapped. */
export class NotesAwareness {
  constructor(private readonly inner: Awareness) {}

  get doc() {
    return this.inner.doc;
  }

  get clientID() {
    return this.inner.clientID;
  }

  get states(): Map<number, State> {
    return this.getStates();
  }

  getStates(): Map<number, State> {
    const out = new Map<number, State>();
    this.inner.getStates().forEach((state, clientId) => out.set(clientId, this.view(state)));
    return out;
  }

  getLocalState(): State | null {
    const state = this.inner.getLocalState();
    return state ? this.view(state) : null;
  }

  setLocalStateField(field: string, value: unknown) {
    this.inner.setLocalStateField(field === 'cursor' ? NOTES_CURSOR_FIELD : field, value);
  }

  on(event: string, listener: Listener) {
    this.inner.on(event, listener);
  }

  off(event: string, listener: Listener) {
    this.inner.off(event, listener);
  }

  /** A copy of a state whose `cursor` is its notes selection (or null); the board pointer is hidden. */
  private view(state: State): State {
    const text = state[NOTES_CURSOR_FIELD];
    // Copy `user` too: y-tiptap fills in missing names and colours on the object it is given.
    const user = state.user && typeof state.user === 'object' ? { ...(state.user as State) } : state.user;
    return { ...state, user, cursor: isTextCursor(text) ? text : null };
  }
}
