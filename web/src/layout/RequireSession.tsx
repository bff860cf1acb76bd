// RequireSession: the gate in front of every signed-in page; also holds an admin on second-factor set-up when required.
import { Navigate, Outlet, useLocation } from 'react-router';
import { SIGNED_OUT_MESSAGE, useSession } from '../session/session-context.ts';
import { lazyNamed, PageSuspense } from './lazy-page.tsx';
import { AppLoading } from './StartupGate.tsx';

// The signed-in frame (navigation, idle warning, second-factor set-up) is its own chunk: the sign-in page needs none of it.
const SignedInLayout = lazyNamed(() => import('./SignedInLayout.tsx'), 'SignedInLayout');
const TotpEnrolmentPage = lazyNamed(() => import('../account/TotpEnrolmentPage.tsx'), 'TotpEnrolmentPage');

/** Starts fetching the signed-in frame early (while /me is asked), when this browser is probably signed in. */
export function preloadSignedInLayout(): void {
  SignedInLayout.preload();
}

/** Renders the signed-in layout around the matched page, or sends the visitor to sign in. */
export function RequireSession() {
  const { status, session, setupNeeded, message } = useSession();
  const location = useLocation();
  if (status !== 'signed-in' || !session) {
    // After a deliberate sign-out the next person starts afresh; otherwise return to this page after sign-in.
    const state = message === SIGNED_OUT_MESSAGE ? null : { from: location.pathname + location.search };
    return <Navigate to={setupNeeded ? '/setup' : '/login'} replace state={state} />;
  }
  // While the frame loads, the start-up status line stays (the same frame and words as before the session was known).
  return (
    <PageSuspense resetKey={location.pathname} fallback={<AppLoading />}>
      {session.user.totpEnrolmentRequired ? (
        <SignedInLayout enrolmentOnly>
          <TotpEnrolmentPage />
        </SignedInLayout>
      ) : (
        <SignedInLayout>
          <Outlet />
        </SignedInLayout>
      )}
    </PageSuspense>
  );
}
