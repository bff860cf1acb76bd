import { describe, expect, it } from 'vitest';
import { toFhirPractitioner } from './practitioner.ts';
import { credentialRow, USER_ID, userRow } from './test-fixtures.ts';

const KIND_SYSTEM = 'https://kaspr.example/fhir/CodeSystem/credential-kind';

describe('toFhirPractitioner', () => {
  it('maps a user with a credential to identifier, name text, email and a qualification', () => {
    expect(toFhirPractitioner(userRow(), [credentialRow()])).toStrictEqual({
      resourceType: 'Practitioner',
      id: USER_ID,
      identifier: [{ system: 'https://kaspr.example/fhir/Id/user', value: USER_ID }],
      active: true,
      name: [{ text: 'Dr Sam Adeyemi' }],
      telecom: [{ system: 'email', value: 'sam.adeyemi@example.org' }],
      qualification: [
        {
          identifier: [{ value: 'RC-UK-448812' }],
          code: { coding: [{ system: KIND_SYSTEM, code: 'ACLS' }], text: 'ACLS' },
          period: { start: '2025-02-01', end: '2029-02-01' },
        },
      ],
    });
  });

  it('marks a disabled user inactive and omits qualification when there are no credentials', () => {
    const practitioner = toFhirPractitioner(userRow({ disabled: true }), []);
    expect(practitioner.active).toBe(false);
    expect(practitioner).not.toHaveProperty('qualification');
  });

  it('omits a credential’s identifier and period when it has none, and keeps a one-sided period', () => {
    const bare = credentialRow({
      kind: 'prescriber-registration',
      identifier: null,
      issued_on: null,
      expires_on: null,
    });
    const open = credentialRow({ id: 'c2', identifier: '', issued_on: '2024-06-30', expires_on: null });
    expect(toFhirPractitioner(userRow(), [bare, open]).qualification).toStrictEqual([
      {
        code: {
          coding: [{ system: KIND_SYSTEM, code: 'prescriber-registration' }],
          text: 'prescriber-registration',
        },
      },
      {
        code: { coding: [{ system: KIND_SYSTEM, code: 'ACLS' }], text: 'ACLS' },
        period: { start: '2024-06-30' },
      },
    ]);
  });

  it('never carries password, TOTP, invitation, lock-out or session fields', () => {
    const json = JSON.stringify(toFhirPractitioner(userRow(), [credentialRow()]));
    for (const secret of ['$argon2id', 'JBSWY3DPEHPK3PXP', 'c0ffee', '59012345'])
      expect(json).not.toContain(secret);
    for (const field of [
      'password',
      'totp',
      'invite',
      'failed_logins',
      'locked_until',
      'roles',
      'service_ids',
    ])
      expect(json).not.toContain(field);
  });

  it('refuses a credential of another user', () => {
    expect(() => toFhirPractitioner(userRow(), [credentialRow({ user_id: 'someone-else' })])).toThrow(
      /another user/,
    );
  });
});
