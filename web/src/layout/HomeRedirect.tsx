// HomeRedirect: "/" opens the first page the user's roles allow.
import { Navigate } from 'react-router';
import { useSession } from '../session/session-context.ts';

/** Redirects to patients, admin, audit or account, in that order of preference. */
export function HomeRedirect() {
  const { can } = useSession();
  const to = can('patient:read')
    ? '/patients'
    : can('user:manage') || can('break-glass:review')
      ? '/admin'
      : can('audit:read')
        ? '/audit'
        : '/account';
  return <Navigate to={to} replace />;
}
