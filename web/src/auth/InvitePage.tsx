// InvitePage: a new member of staff opens their invitation link and chooses a password.
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInviteSchema, type SessionView } from '../../../src/schemas/auth.ts';
import type { Invitation } from '../../../src/schemas/replies/auth.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Form } from '../ui/Form.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useForm } from '../ui/use-form.ts';
import { PasswordField } from './AccountFields.tsx';

/** "Accept your invitation": shows who it is for, then sets the password and signs in. */
export function InvitePage() {
  usePageTitle('Accept your invitation');
  const { token = '' } = useParams();
  const invite = useApiData<Invitation>(`/auth/invite/${encodeURIComponent(token)}`);
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useForm(acceptInviteSchema, { password: '' }, { toBody: (v) => ({ token, ...v }) });

  const onSubmit = () =>
    void form.send(async (body) => {
      signedIn(await api.post<SessionView>('/auth/accept-invite', body));
      void navigate('/', { replace: true });
    });

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
  const password = form.field('password');
  return (
    <>
      <h1>Accept your invitation</h1>
      <p>
        Welcome, {invite.data.displayName}. Choose a password for <strong>{invite.data.email}</strong> to
        finish setting up your account.
      </p>
      <Form form={form} onSubmit={onSubmit} submit="Set password and sign in">
        <PasswordField
          label="Choose a password"
          fresh
          {...password}
          error={password.error ?? form.errors.token}
        />
      </Form>
    </>
  );
}
