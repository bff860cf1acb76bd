// PublicOnly: wraps setup, sign-in and invitation pages; sends signed-in users home and first visitors to /setup.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { PageSuspense } from './lazy-page.tsx';
import { PublicShell } from './PublicShell.tsx';

interface PublicOnlyProps {
  page: 'setup' | 'login' | 'invite';
  children: ReactNode;
}

/** Where to go after signing in: the page that sent the visitor to sign in, else the start page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** Shows a public page, or redirects when it does not apply (this is also how sign-in and setup move on). */
export function PublicOnly({ page, children }: PublicOnlyProps) {
  const { status, setupNeeded } = useSession();
  const location = useLocation();
  // An invitation may be opened in a browser where someone is signed in; accepting it starts the new user's session.
  if (status === 'signed-in' && page !== 'invite')
    return <Navigate to={returnPath(location.state)} replace />;
  if (setupNeeded && page !== 'setup') return <Navigate to="/setup" replace />;
  if (!setupNeeded && page === 'setup') return <Navigate to="/login" replace />;
  return (
    <PublicShell>
      <PageSuspense resetKey={location.pathname}>{children}</PageSuspense>
    </PublicShell>
  );
}
