/**
 * A labelled form control with its hint and error. The control is passed as a render function that
 * receives the wiring (id, aria-describedby, aria-invalid), so every input is labelled and its error
 * is read out with it — without Field knowing whether it is an input, a select or a textarea.
 */
import { useId, type ReactNode } from 'react';

/** Props to spread on the control. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  className: string;
}

export interface FieldProps {
  label: ReactNode;
  /** Help shown below the label, always visible. */
  hint?: ReactNode;
  /** Error shown below the control; also marks the control invalid. */
  error?: string | null;
  /** Marks the label "optional" (required fields are the default, so they carry no asterisk). */
  optional?: boolean;
  /** 'select' and 'textarea' pick the matching control style. */
  kind?: 'input' | 'select' | 'textarea';
  children: (control: FieldControlProps) => ReactNode;
}

/** One form field: label, hint, control, error. */
export function Field({ label, hint, error, optional, kind = 'input', children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, className: kind })}
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
