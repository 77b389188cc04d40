/** The keyboard shortcuts help (the ? key): every board shortcut, grouped, in a modal dialog. */
import { Dialog } from '../components/Dialog.tsx';
import { SHORTCUT_HELP } from './boardKeys.ts';

/** The help dialog; `onClose` runs when it closes (Escape, the close button, the backdrop). */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Board keyboard shortcuts" description="Shortcuts work while the board has focus; Ctrl means Cmd on a Mac.">
      <div className="board-help">
        {SHORTCUT_HELP.map((group) => (
          <section key={group.title} className="board-help__group">
            <h3 className="board-help__title">{group.title}</h3>
            <dl className="board-help__list">
              {group.keys.map(([keys, what]) => (
                <div key={keys + what} className="board-help__row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
