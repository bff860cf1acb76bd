// InvitePage: a new member of staff opens their invitation link and chooses a password.
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInviteSchema, type SessionView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import { PASSWORD_HINT } from './password-hint.ts';

/** "Accept your invitation": shows who it is for, then sets the password and signs in. */
export function InvitePage() {
  usePageTitle('Accept your invitation');
  const { token = '' } = useParams();
  const invite = useApiData<{ email: string; displayName: string }>(
    `/auth/invite/${encodeURIComponent(token)}`,
  );
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [password, setPassword] = useState('');

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const body = { token, password };
    const parsed = acceptInviteSchema.safeParse(body);
    void form.submit(
      async () => {
        signedIn(await api.post<SessionView>('/auth/accept-invite', body));
        void navigate('/', { replace: true });
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  if (invite.loading) return <p role="status">Checking your invitation…</p>;
  if (invite.error || !invite.data) {
    return (
      <>
        <h1>Accept your invitation</h1>
        <Notice kind="error">
          This invitation link is not valid or has expired. Ask an administrator for a new one.
        </Notice>
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Accept your invitation</h1>
      <p>
        Welcome, {invite.data.displayName}. Choose a password for <strong>{invite.data.email}</strong> to
        finish setting up your account.
      </p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <Field
          label="Choose a password"
          type="password"
          value={password}
          onValue={setPassword}
          error={form.errors.password ?? form.errors.token}
          hint={PASSWORD_HINT}
          autoComplete="new-password"
          required
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Set password and sign in
          </button>
        </div>
      </form>
    </>
  );
}
