/**
 * The one button. Variants say how much a control matters on the page (one primary per view);
 * `loading` keeps the label in place, disables the button and says "busy" to assistive tech.
 */
import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

/** Class names of a button look, for links that must look like buttons (`<Link className=…>`). */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', extra?: string): string {
  return ['btn', `btn--${variant}`, size !== 'md' && `btn--${size}`, extra].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and disables the button while an action runs. */
  loading?: boolean;
}

/** A `<button>` (type="button" unless told otherwise, so it never submits a form by accident). */
export function Button({ variant = 'secondary', size = 'md', loading = false, className, disabled, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && <Spinner size="sm" decorative />}
      {children}
    </button>
  );
}
