// StartupGate: holds the routes back until the session is known, and explains when the server cannot be reached.
import type { ReactNode } from 'react';
import { useSession } from '../session/session-context.ts';
import { PublicShell } from './PublicShell.tsx';

/** What shows while KASPR starts: the plain frame and a status line. */
export function AppLoading() {
  return (
    <PublicShell>
      <p role="status" className="loading">
        Loading KASPR…
      </p>
    </PublicShell>
  );
}

/** Renders children once /me (and /setup) have answered. */
export function StartupGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') return <AppLoading />;
  if (session.status === 'unavailable') {
    return (
      <PublicShell>
        <h1>KASPR is not available</h1>
        <div role="alert" className="notice notice-error">
          <p>{session.error?.title ?? 'Could not reach the KASPR server'}</p>
          {session.error?.detail ? <p>{session.error.detail}</p> : null}
        </div>
        <button type="button" onClick={() => void session.refresh()}>
          Try again
        </button>
      </PublicShell>
    );
  }
  return children;
}
