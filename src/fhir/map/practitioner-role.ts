// A staff member's roles in one service as a FHIR R4 PractitionerRole (the Practitioner at the Organization).
import type { StaffRoleRow } from '../../store/fhir-records.ts';
import type { PractitionerRole } from './records-types.ts';
import { KASPR_BASE, meta, prune, ref } from './common.ts';

export const ROLE_SYSTEM = `${KASPR_BASE}/CodeSystem/role`;

const compact = (uuid: string) => uuid.replace(/-/g, '');

/**
 * The id of a user's role in a service: both uuids as 32 hex digits each, without hyphens, since the two with
 * hyphens and a separator (73 characters) would pass the 64 FHIR allows an id.
 */
export function practitionerRoleId(userId: string, serviceId: string): string {
  return `${compact(userId)}${compact(serviceId)}`;
}

const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** The user and service a PractitionerRole id names, or undefined when it is not one. */
export function parsePractitionerRoleId(id: string): { userId: string; serviceId: string } | undefined {
  if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
  return { userId: uuidOf(id.slice(0, 32)), serviceId: uuidOf(id.slice(32)) };
}

export function toFhirPractitionerRole(row: StaffRoleRow): PractitionerRole {
  return prune<PractitionerRole>({
    resourceType: 'PractitionerRole',
    id: practitionerRoleId(row.user_id, row.service_id),
    meta: meta(1, row.updated_at),
    active: !row.disabled,
    practitioner: ref('Practitioner', row.user_id),
    organization: ref('Organization', row.service_id),
    code: row.roles.map((role) => ({ coding: [{ system: ROLE_SYSTEM, code: role }], text: role })),
  });
}
