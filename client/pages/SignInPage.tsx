/** Sign in with email and password, then continue to the page the person was sent here from. */
import { useState } from 'react';
import { Redirect } from 'wouter';
import { authPath } from '../app/returnPath.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../app/useMe.tsx';
import { Field } from '../components/Field.tsx';
import { AuthCard, useAuthForm } from './auth/AuthForm.tsx';

/** The /signin page. */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const { me, signIn } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const auth = useAuthForm({
    validate: () => ({
      ...(email.trim() ? {} : { email: 'Enter your email address' }),
      ...(password ? {} : { password: 'Enter your password' }),
    }),
    send: () => signIn(email.trim(), password),
  });
  const { errors } = auth;

  if (me && !auth.busy) return <Redirect to={auth.next} replace />;

  return (
    <AuthCard
      {...auth}
      title="Sign in"
      lead="Welcome back to your communities of practice."
      submitLabel="Sign in"
      busyLabel="Signing in…"
      switchPrompt="New to Commonplace?"
      switchLabel="Create an account"
      switchHref={authPath('/signup', auth.next)}
    >
      <Field label="Email" error={errors.email}>
        {(p) => <input {...p} type="email" name="email" autoComplete="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Password" error={errors.password}>
        {(p) => <input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
    </AuthCard>
  );
}
