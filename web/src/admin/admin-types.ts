// Types of the administration and audit screens: aliases of the server's reply schemas, and the role labels.
import type {
  AuditChain,
  AuditEntry,
  BreakGlassGrant,
  Credential,
  Service,
  Settings,
  UserCreated,
} from '../../../src/schemas/replies/admin.ts';
import type { UserView } from '../../../src/schemas/replies/auth.ts';

export type { AuditChain, AuditEntry, BreakGlassGrant, Credential, Service, Settings, UserCreated, UserView };

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  practitioner: 'Practitioner',
  supervisor: 'Supervisor',
  'cd-officer': 'Controlled drugs officer',
  auditor: 'Auditor',
};

/** "Administrator, Nurse". */
export const roleNames = (roles: string[]): string => roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
