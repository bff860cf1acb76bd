// Staff roles and what each may do: a declarative policy, deny by default.

export const ROLES = [
  'admin',
  'prescriber',
  'nurse',
  'practitioner',
  'supervisor',
  'cd-officer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'patient:read',
  'patient:write',
  'user:manage',
  'service:manage',
  'settings:manage',
  'audit:read',
  'break-glass:review',
  'supervision',
  'content:manage',
  'cd:read',
  'cd:write',
  'cd:manage',
  'treatment:prescribe',
  'reports:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CLINICAL: readonly Permission[] = ['patient:read', 'patient:write'];

/** The permissions each role grants. Admins manage staff and settings but see no patient unless also clinical. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'user:manage',
    'service:manage',
    'settings:manage',
    'audit:read',
    'break-glass:review',
    'content:manage',
  ],
  prescriber: [...CLINICAL, 'cd:read', 'cd:write', 'treatment:prescribe'],
  nurse: [...CLINICAL, 'cd:read', 'cd:write'],
  practitioner: CLINICAL,
  supervisor: [...CLINICAL, 'break-glass:review', 'supervision', 'content:manage', 'reports:read'],
  'cd-officer': ['cd:read', 'cd:write', 'cd:manage'],
  auditor: ['patient:read', 'audit:read', 'break-glass:review', 'cd:read'],
};

/**
 * The clinical roles: those that write patient records (prescriber, nurse, practitioner, supervisor). Admin,
 * controlled-drug officer and auditor are not clinical: they hold no caseload, so reports never list them as
 * practitioners.
 */
export const CLINICAL_ROLES: readonly Role[] = ROLES.filter((role) =>
  ROLE_PERMISSIONS[role].includes('patient:write'),
);

/** True when any of `roles` grants `permission`; unknown roles grant nothing. */
export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => isRole(role) && ROLE_PERMISSIONS[role].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
