/** Start a community: its name, its domain (what members practise), ground rules and who may join. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CommunityDto, Visibility } from '../../shared/api/schemas.ts';
import { api } from '../api/http.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useFormSubmit } from '../app/useFormSubmit.ts';
import { buttonClass } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { FormActions } from '../components/FormParts.tsx';
import { useToast } from '../components/Toast.tsx';

const VISIBILITY_OPTIONS: { value: Visibility; label: string; explanation: string }[] = [
  { value: 'open', label: 'Open', explanation: 'Anyone with an account can find this community and join it as a member.' },
  { value: 'invite', label: 'Invite only', explanation: 'Only members can see it. People join through an invite link that a host shares with them.' },
];

/** The /communities/new page. */
export function NewCommunityPage() {
  useDocumentTitle('Start a community');
  const [, navigate] = useLocation();
  const toast = useToast();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [groundRules, setGroundRules] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('invite');
  const { errors, failure, busy, form, onSubmit } = useFormSubmit({
    validate: () => ({
      ...(name.trim() ? {} : { name: 'Give the community a name' }),
      ...(domain.trim() ? {} : { domain: 'Describe what the community is about' }),
    }),
    send: () => api.post<CommunityDto>('/api/communities', { name: name.trim(), domain: domain.trim(), groundRules: groundRules.trim(), visibility }),
    onDone: (created) => {
      toast(`${created.name} is ready. Invite people or schedule a first session.`);
      navigate(`/c/${encodeURIComponent(created.id)}`);
    },
  });

  return (
    <div className="page page--medium">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Communities</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">New</span>
      </nav>
      <h1>Start a community</h1>
      <p className="text-muted">A community of practice is a group that shares a craft and meets to get better at it together.</p>
      {failure !== null && <ErrorBanner error={failure} title="The community was not created." />}
      <form ref={form} className="card stack" onSubmit={onSubmit} noValidate>
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} name="name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Domain"
          kind="textarea"
          hint="What do members practise, and what do they want to get better at? One paragraph is plenty."
          error={errors.domain}
        >
          {(p) => <textarea {...p} name="domain" rows={4} maxLength={4000} value={domain} onChange={(e) => setDomain(e.target.value)} />}
        </Field>
        <Field label="Ground rules" optional kind="textarea" hint="How you treat each other and what stays in the room." error={errors.groundRules}>
          {(p) => (
            <textarea {...p} name="groundRules" rows={5} maxLength={8000} value={groundRules} onChange={(e) => setGroundRules(e.target.value)} />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend className="field__label">Who can join?</legend>
          <div className="radio-cards">
            {VISIBILITY_OPTIONS.map((o) => (
              <label key={o.value} className="radio-card">
                <input type="radio" name="visibility" value={o.value} checked={visibility === o.value} onChange={() => setVisibility(o.value)} />
                <span>
                  <span className="radio-card__label">{o.label}</span>
                  <span className="radio-card__explanation">{o.explanation}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.visibility && <p className="field__error">{errors.visibility}</p>}
        </fieldset>
        <FormActions
          busy={busy}
          submitLabel="Create community"
          busyLabel="Creating…"
          cancel={
            <Link href="/" className={buttonClass('ghost')}>
              Cancel
            </Link>
          }
        />
      </form>
    </div>
  );
}
