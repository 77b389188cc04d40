/** Sign in with email and password, then continue to the page the person was sent here from. */
import { useRef, useState, type FormEvent } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { ApiError, fieldErrors } from '../api/http.ts';
import { authPath, NEXT_PARAM, safeReturnPath } from '../app/returnPath.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useFocusFirstError } from '../app/useFocusFirstError.ts';
import { useMe } from '../app/useMe.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';

/** The /signin page. */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const { me, signIn } = useMe();
  const [, navigate] = useLocation();
  const next = safeReturnPath(new URLSearchParams(useSearch()).get(NEXT_PARAM));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);

  if (me && !busy) return <Redirect to={next} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = 'Enter your email address';
    if (!password) local.password = 'Enter your password';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || !(err instanceof ApiError)) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--narrow">
      <div className="card auth-card">
        <h1>Sign in</h1>
        <p className="text-muted">Welcome back to your communities of practice.</p>
        {failure !== null && <ErrorBanner error={failure} sessionExpiry={false} />}
        <form ref={form} className="stack" onSubmit={onSubmit} noValidate>
          <Field label="Email" error={errors.email}>
            {(p) => (
              <input {...p} type="email" name="email" autoComplete="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field label="Password" error={errors.password}>
            {(p) => (
              <input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          <Button type="submit" variant="primary" size="lg" loading={busy} className="btn--block">
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="auth-card__switch">
          New to Commonplace? <Link href={authPath('/signup', next)}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}
