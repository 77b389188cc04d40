/**
 * The sign-in and sign-up pages share everything but their fields: checking the fields locally, sending
 * them, putting the server's field errors next to the fields, redirecting once signed in, and the card
 * they sit in. `useAuthForm` holds that flow; `AuthCard` draws it.
 */
import type { FormEvent, ReactNode, RefObject } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { NEXT_PARAM, safeReturnPath } from '../../app/returnPath.ts';
import { useFormSubmit, type FormSubmitOptions } from '../../app/useFormSubmit.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

/** `useFormSubmit`, then on to the page the person was sent here from. */
export function useAuthForm(options: Omit<FormSubmitOptions<unknown>, 'onDone'>) {
  const [, navigate] = useLocation();
  const next = safeReturnPath(new URLSearchParams(useSearch()).get(NEXT_PARAM));
  const submit = useFormSubmit({ ...options, onDone: () => navigate(next, { replace: true }) });
  return { next, ...submit };
}

export interface AuthCardProps {
  title: string;
  lead: string;
  failure: unknown;
  form: RefObject<HTMLFormElement | null>;
  onSubmit: (e: FormEvent) => void;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  /** The line under the form offering the other auth page. */
  switchPrompt: string;
  switchLabel: string;
  switchHref: string;
  children: ReactNode;
}

/** The centred card with the title, the failure banner, the fields, the submit button and the switch link. */
export function AuthCard(p: AuthCardProps) {
  return (
    <div className="page page--narrow">
      <div className="card auth-card">
        <h1>{p.title}</h1>
        <p className="text-muted">{p.lead}</p>
        {p.failure !== null && <ErrorBanner error={p.failure} sessionExpiry={false} />}
        <form ref={p.form} className="stack" onSubmit={p.onSubmit} noValidate>
          {p.children}
          <Button type="submit" variant="primary" size="lg" loading={p.busy} className="btn--block">
            {p.busy ? p.busyLabel : p.submitLabel}
          </Button>
        </form>
        <p className="auth-card__switch">
          {p.switchPrompt} <Link href={p.switchHref}>{p.switchLabel}</Link>
        </p>
      </div>
    </div>
  );
}
