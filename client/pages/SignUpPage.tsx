/** Create an account (name, email, password); the person is signed in straight away. */
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

const MIN_PASSWORD = 8;

/** The /signup page. */
export function SignUpPage() {
  useDocumentTitle('Create an account');
  const { me, signUp } = useMe();
  const [, navigate] = useLocation();
  const next = safeReturnPath(new URLSearchParams(useSearch()).get(NEXT_PARAM));
  const [name, setName] = useState('');
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
    if (!name.trim()) local.name = 'Enter the name others will see';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) local.email = 'Enter an email address like name@example.org';
    if (password.length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters`;
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await signUp(name.trim(), email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      const byField = fieldErrors(err);
      // A taken email comes back as a conflict without issues; show it where the person can fix it.
      if (err instanceof ApiError && err.code === 'conflict' && !byField.email) byField.email = err.message;
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--narrow">
      <div className="card auth-card">
        <h1>Create an account</h1>
        <p className="text-muted">Meet with your community, take notes together, and keep what you learn.</p>
        {failure !== null && <ErrorBanner error={failure} sessionExpiry={false} />}
        <form ref={form} className="stack" onSubmit={onSubmit} noValidate>
          <Field label="Your name" hint="Shown to other members and next to your cursor." error={errors.name}>
            {(p) => <input {...p} name="name" autoComplete="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Email" error={errors.email}>
            {(p) => (
              <input {...p} type="email" name="email" autoComplete="email" inputMode="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field label="Password" hint={`At least ${MIN_PASSWORD} characters. A passphrase works well.`} error={errors.password}>
            {(p) => (
              <input {...p} type="password" name="password" autoComplete="new-password" maxLength={256} value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          <Button type="submit" variant="primary" size="lg" loading={busy} className="btn--block">
            {busy ? 'Creating your account…' : 'Create account'}
          </Button>
        </form>
        <p className="auth-card__switch">
          Already have an account? <Link href={authPath('/signin', next)}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}
