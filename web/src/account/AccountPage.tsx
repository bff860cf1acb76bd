// AccountPage: the signed-in user's own account: who they are, their password and their second factor.
import { roleNames } from '../admin/admin-types.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SecondFactorSection } from './SecondFactorSection.tsx';

/** /account. */
export function AccountPage() {
  usePageTitle('Account');
  const { user } = useSignedIn();
  return (
    <>
      <h1>Account</h1>
      <dl className="facts">
        <div>
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{roleNames(user.roles)}</dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd>{user.services.map((s) => s.name).join(', ') || 'None'}</dd>
        </div>
      </dl>
      <ChangePasswordForm />
      <SecondFactorSection />
    </>
  );
}
