/**
 * Short confirmations ("Invite link copied", "Role changed") that do not need an answer. They sit in
 * one polite live region, so screen readers announce them without stealing focus, and fade after a
 * few seconds; errors stay until dismissed and are announced assertively.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

export type ToastKind = 'success' | 'info' | 'error';

interface ToastItem {
  id: number;
  kind: ToastKind;
  message: string;
}

type ShowToast = (message: string, kind?: ToastKind) => void;

const ToastContext = createContext<ShowToast | null>(null);

const TIMEOUT_MS = 5000;
const ICONS: Record<ToastKind, string> = { success: '✓', info: 'i', error: '!' };
const KIND_LABELS: Record<ToastKind, string> = { success: 'Done', info: 'Note', error: 'Error' };

/** Hosts the toast regions; render once near the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const show = useCallback<ShowToast>(
    (message, kind = 'success') => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { id, kind, message }]);
      if (kind !== 'error') setTimeout(() => dismiss(id), TIMEOUT_MS);
    },
    [dismiss],
  );

  const render = (items: ToastItem[]) =>
    items.map((t) => (
      <div key={t.id} className={`toast toast--${t.kind}`}>
        <span className="toast__icon" aria-hidden="true">
          {ICONS[t.kind]}
        </span>
        <p className="toast__message">
          <span className="sr-only">{KIND_LABELS[t.kind]}: </span>
          {t.message}
        </p>
        <button type="button" className="btn btn--ghost btn--icon btn--sm" onClick={() => dismiss(t.id)} aria-label="Dismiss">
          <span aria-hidden="true">×</span>
        </button>
      </div>
    ));

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region">
        <div role="status" aria-live="polite" className="toast-stack">
          {render(toasts.filter((t) => t.kind !== 'error'))}
        </div>
        <div role="alert" aria-live="assertive" className="toast-stack">
          {render(toasts.filter((t) => t.kind === 'error'))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

/** `toast(message, kind?)`: shows a toast; must be used below `<ToastProvider>`. */
export function useToast(): ShowToast {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToast() used outside <ToastProvider>');
  return ctx;
}
