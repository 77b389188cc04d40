/** Create an account (name, email, password); the person is signed in straight away. */
import { useState } from 'react';
import { Redirect } from 'wouter';
import { ApiError } from '../api/http.ts';
import { authPath } from '../app/returnPath.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../app/useMe.tsx';
import { Field } from '../components/Field.tsx';
import { AuthCard, useAuthForm } from './auth/AuthForm.tsx';

const MIN_PASSWORD = 8;

/** The /signup page. */
export function SignUpPage() {
  useDocumentTitle('Create an account');
  const { me, signUp } = useMe();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const auth = useAuthForm({
    validate: () => {
      const local: Record<string, string> = {};
      if (!name.trim()) local.name = 'Enter the name others will see';
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) local.email = 'Enter an email address like name@example.org';
      if (password.length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters`;
      return local;
    },
    send: () => signUp(name.trim(), email.trim(), password),
    // A taken email comes back as a conflict without issues; show it where the person can fix it.
    placeError: (err, byField) => {
      if (err instanceof ApiError && err.code === 'conflict' && !byField.email) byField.email = err.message;
    },
  });
  const { errors } = auth;

  if (me && !auth.busy) return <Redirect to={auth.next} replace />;

  return (
    <AuthCard
      {...auth}
      title="Create an account"
      lead="Meet with your community, take notes together, and keep what you learn."
      submitLabel="Create account"
      busyLabel="Creating your account…"
      switchPrompt="Already have an account?"
      switchLabel="Sign in"
      switchHref={authPath('/signin', auth.next)}
    >
      <Field label="Your name" hint="Shown to other members and next to your cursor." error={errors.name}>
        {(p) => <input {...p} name="name" autoComplete="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(p) => <input {...p} type="email" name="email" autoComplete="email" inputMode="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Password" hint={`At least ${MIN_PASSWORD} characters. A passphrase works well.`} error={errors.password}>
        {(p) => <input {...p} type="password" name="password" autoComplete="new-password" maxLength={256} value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
    </AuthCard>
  );
}
