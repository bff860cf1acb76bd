// PublicOnly: wraps setup, sign-in and invitation pages; sends signed-in users home and first visitors to /setup.
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { PublicShell } from './PublicShell.tsx';

interface PublicOnlyProps {
  page: 'setup' | 'login' | 'invite';
  children: ReactNode;
}

/** Shows a public page, or redirects when it does not apply. */
export function PublicOnly({ page, children }: PublicOnlyProps) {
  const { status, setupNeeded } = useSession();
  // An invitation may be opened in a browser where someone is signed in; accepting it starts the new user's session.
  if (status === 'signed-in' && page !== 'invite') return <Navigate to="/" replace />;
  if (setupNeeded && page !== 'setup') return <Navigate to="/setup" replace />;
  if (!setupNeeded && page === 'setup') return <Navigate to="/login" replace />;
  return <PublicShell>{children}</PublicShell>;
}
