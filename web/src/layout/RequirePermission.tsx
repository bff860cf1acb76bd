// RequirePermission: shows a page only to users whose roles grant the permission it needs.
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { useSession } from '../session/session-context.ts';
import { usePageTitle } from './use-page-title.ts';

interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

function NoAccess() {
  usePageTitle('No access');
  return (
    <>
      <h1>No access</h1>
      <p>Your role does not give access to this page. Ask an administrator if you need it.</p>
    </>
  );
}

/** The children, or a plain "No access" page. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const { can } = useSession();
  return can(permission) ? children : <NoAccess />;
}
