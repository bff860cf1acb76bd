import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { StaffRoleRow } from '../../store/fhir-records.ts';
import { parsePractitionerRoleId, practitionerRoleId, toFhirPractitionerRole } from './practitioner-role.ts';
import { emptyElements, SERVICE_ID, USER_ID } from './test-fixtures.ts';

const ROLE = 'https://kaspr.example/fhir/CodeSystem/role';

const row = (overrides: Partial<StaffRoleRow> = {}): StaffRoleRow => ({
  user_id: USER_ID,
  service_id: SERVICE_ID,
  roles: ['clinician', 'prescriber'],
  disabled: false,
  updated_at: new Date('2026-01-06T10:00:00.000Z'),
  ...overrides,
});

describe('toFhirPractitionerRole', () => {
  it('maps a user’s roles in a service to the practitioner, the organization and one code per role', () => {
    const role = toFhirPractitionerRole(row());
    expect(role).toStrictEqual({
      resourceType: 'PractitionerRole',
      id: practitionerRoleId(USER_ID, SERVICE_ID),
      meta: { versionId: '1', lastUpdated: '2026-01-06T10:00:00.000Z' },
      active: true,
      practitioner: { reference: `Practitioner/${USER_ID}` },
      organization: { reference: `Organization/${SERVICE_ID}` },
      code: [
        { coding: [{ system: ROLE, code: 'clinician' }], text: 'clinician' },
        { coding: [{ system: ROLE, code: 'prescriber' }], text: 'prescriber' },
      ],
    });
    expectValidFhir(role);
  });

  it('marks a disabled account inactive and omits code when the user has no role', () => {
    const role = toFhirPractitionerRole(row({ disabled: true, roles: [] }));
    expect(role.active).toBe(false);
    expect(role).not.toHaveProperty('code');
    expect(emptyElements(role)).toEqual([]);
    expectValidFhir(role);
  });
});

describe('practitionerRoleId', () => {
  it('fits in 64 characters and reads back as the user and service', () => {
    const id = practitionerRoleId(USER_ID, SERVICE_ID);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(parsePractitionerRoleId(id)).toEqual({ userId: USER_ID, serviceId: SERVICE_ID });
  });

  it('reads nothing from an id that is not one', () => {
    for (const id of [USER_ID, `${USER_ID}-${SERVICE_ID}`, 'x'.repeat(64), 'a'.repeat(63)])
      expect(parsePractitionerRoleId(id), id).toBeUndefined();
  });
});
