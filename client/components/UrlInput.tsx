/**
 * The web-address box of the board's and the notes' link forms: a plain text input (so a bare host such
 * as "example.org" is accepted and completed by parseUserUrl) tied to its error for screen readers, and
 * that error, announced when it appears.
 */
import type { RefObject } from 'react';

export interface UrlInputProps {
  /** The input's id; the error is `${id}-error`. */
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  /** Typing clears the error, so the caller resets it here. */
  onValue: (value: string) => void;
  error: string | null;
  className: string;
  placeholder?: string;
  autoComplete?: string;
}

/** The address input. */
export function UrlInput({ id, inputRef, value, onValue, error, className, placeholder = 'https://…', autoComplete = 'off' }: UrlInputProps) {
  return (
    <input
      ref={inputRef}
      id={id}
      className={className}
      type="text"
      inputMode="url"
      autoComplete={autoComplete}
      spellCheck={false}
      placeholder={placeholder}
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(e) => onValue(e.target.value)}
    />
  );
}

/** The error under a UrlInput (nothing when there is none). */
export function UrlInputError({ id, error, className }: { id: string; error: string | null; className: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className={className} role="alert">
      {error}
    </p>
  );
}
