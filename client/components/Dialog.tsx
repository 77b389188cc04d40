/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the page inert,
 * closes on Escape and restores focus to the opener — we only mirror `open` into showModal()/close().
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  /** Called when the dialog closes by itself (Escape, the close button, a backdrop click). */
  onClose: () => void;
  title: string;
  /** One sentence under the title, read out when the dialog opens. */
  description?: string;
  children: ReactNode;
}

/** A titled modal with a close button; put a form with its own buttons inside. */
export function Dialog({ open, onClose, title, description, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const handleClose = () => onCloseRef.current();
    d.addEventListener('close', handleClose);
    return () => d.removeEventListener('close', handleClose);
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself, outside its inner box.
        if (e.target === ref.current) ref.current.close();
      }}
    >
      <div className="dialog__box">
        <div className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="btn btn--ghost btn--icon" onClick={() => ref.current?.close()} aria-label="Close">
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {description && (
          <p id={descId} className="dialog__description">
            {description}
          </p>
        )}
        {open && children}
      </div>
    </dialog>
  );
}
