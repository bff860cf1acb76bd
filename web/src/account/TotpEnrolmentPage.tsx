// TotpEnrolmentPage: the only page an administrator sees until they set up the second factor the service requires.
import { usePageTitle } from '../layout/use-page-title.ts';
import { TotpSetup } from './TotpSetup.tsx';

/** "Set up a second factor", shown instead of every other page while enrolment is required. */
export function TotpEnrolmentPage() {
  usePageTitle('Set up a second factor');
  return (
    <>
      <h1>Set up a second factor</h1>
      <p>
        Your service requires administrators to sign in with a second factor: a six-digit code from an
        authenticator app. Set it up now to continue.
      </p>
      <TotpSetup />
    </>
  );
}
