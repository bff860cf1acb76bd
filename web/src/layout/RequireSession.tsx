// RequireSession: the gate in front of every signed-in page; also holds an admin on second-factor set-up when required.
import { Navigate, Outlet, useLocation } from 'react-router';
import { TotpEnrolmentPage } from '../account/TotpEnrolmentPage.tsx';
import { SIGNED_OUT_MESSAGE, useSession } from '../session/session-context.ts';
import { SignedInLayout } from './SignedInLayout.tsx';

/** Renders the signed-in layout around the matched page, or sends the visitor to sign in. */
export function RequireSession() {
  const { status, session, setupNeeded, message } = useSession();
  const location = useLocation();
  if (status !== 'signed-in' || !session) {
    // After a deliberate sign-out the next person starts afresh; otherwise return to this page after sign-in.
    const state = message === SIGNED_OUT_MESSAGE ? null : { from: location.pathname + location.search };
    return <Navigate to={setupNeeded ? '/setup' : '/login'} replace state={state} />;
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
