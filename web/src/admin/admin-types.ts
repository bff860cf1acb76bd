// Shapes of the admin API answers that have no exported type on the server side.
import type { UserView } from '../../../src/schemas/auth.ts';

export type { UserView };

export interface Service {
  id: string;
  name: string;
  createdAt: string;
}

export interface Credential {
  id: string;
  kind: string;
  identifier: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  valid: boolean;
  recordedAt: string;
}

export interface BreakGlassGrant {
  id: string;
  user: { id: string; displayName: string };
  patientId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  review: { reviewedAt: string; reviewer: string | null; note: string | null } | null;
}

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
