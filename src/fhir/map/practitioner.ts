// A KASPR user and their credentials as a FHIR R4 Practitioner (never sign-in secrets or session state).
import type { CredentialRow, UserRow } from '../../store/users.ts';
import type { Practitioner, PractitionerQualification } from '../types.ts';
import { contactPoints, KASPR_BASE, prune, text } from './common.ts';

export const USER_ID_SYSTEM = `${KASPR_BASE}/Id/user`;
export const CREDENTIAL_KIND_SYSTEM = `${KASPR_BASE}/CodeSystem/credential-kind`;

function qualificationOf(c: CredentialRow): PractitionerQualification {
  const identifier = text(c.identifier);
  const period = prune({ start: text(c.issued_on), end: text(c.expires_on) });
  return prune<PractitionerQualification>({
    identifier: identifier ? [{ value: identifier }] : [],
    code: { coding: [{ system: CREDENTIAL_KIND_SYSTEM, code: c.kind }], text: c.kind },
    period: Object.keys(period).length > 0 ? period : undefined,
  });
}

export function toFhirPractitioner(u: UserRow, credentials: CredentialRow[]): Practitioner {
  const other = credentials.find((c) => c.user_id !== u.id);
  if (other) throw new Error(`credential ${other.id} belongs to another user`);
  const name = text(u.display_name);
  return prune<Practitioner>({
    resourceType: 'Practitioner',
    id: u.id,
    identifier: [{ system: USER_ID_SYSTEM, value: u.id }],
    active: !u.disabled,
    name: name ? [{ text: name }] : [],
    telecom: contactPoints('email', u.email),
    qualification: credentials.map(qualificationOf),
  });
}
