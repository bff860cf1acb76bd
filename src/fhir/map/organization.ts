// A KASPR service as a FHIR R4 Organization.
import type { ServiceRow } from '../../store/services.ts';
import type { Organization } from '../types.ts';
import { addressText, contactPoints, KASPR_BASE, prune, text } from './common.ts';

export const SERVICE_ID_SYSTEM = `${KASPR_BASE}/Id/service`;

export function toFhirOrganization(s: ServiceRow): Organization {
  return prune<Organization>({
    resourceType: 'Organization',
    id: s.id,
    identifier: [{ system: SERVICE_ID_SYSTEM, value: s.id }],
    active: true,
    name: text(s.name),
    telecom: contactPoints('phone', s.phone),
    address: addressText(s.address),
  });
}
