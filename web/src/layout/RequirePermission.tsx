// RequirePermission: shows a page only to users whose roles grant the permission it needs.
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { useSession } from '../session/session-context.ts';
import { NoAccessPage } from './NoAccessPage.tsx';

interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

/** The children, or a plain "No access" page. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const { can } = useSession();
  return can(permission) ? children : <NoAccessPage />;
}
