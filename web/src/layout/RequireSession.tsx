// RequireSession: the gate in front of every signed-in page; also holds an admin on second-factor set-up when required.
import { Navigate, Outlet, useLocation } from 'react-router';
import { TotpEnrolmentPage } from '../account/TotpEnrolmentPage.tsx';
import { useSession } from '../session/session-context.ts';
import { SignedInLayout } from './SignedInLayout.tsx';

/** Renders the signed-in layout around the matched page, or sends the visitor to sign in. */
export function RequireSession() {
  const { status, session, setupNeeded } = useSession();
  const location = useLocation();
  if (status !== 'signed-in' || !session) {
    return <Navigate to={setupNeeded ? '/setup' : '/login'} replace state={{ from: location.pathname + location.search }} />;
  }
  if (session.user.totpEnrolmentRequired) {
    return (
      <SignedInLayout enrolmentOnly>
        <TotpEnrolmentPage />
      </SignedInLayout>
    );
  }
  return (
    <SignedInLayout>
      <Outlet />
    </SignedInLayout>
  );
}
