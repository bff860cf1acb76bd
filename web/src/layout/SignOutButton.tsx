// SignOutButton: ends the session on the server and returns to the sign-in page.
import { useState } from 'react';
import { useSession } from '../session/session-context.ts';

/** "Sign out", disabled while the request is in flight. */
export function SignOutButton() {
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button-secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut();
      }}
    >
      Sign out
    </button>
  );
}
