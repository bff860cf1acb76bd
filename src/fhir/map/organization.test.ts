import { describe, expect, it } from 'vitest';
import { toFhirOrganization } from './organization.ts';
import { SERVICE_ID, serviceRow } from './test-fixtures.ts';

describe('toFhirOrganization', () => {
  it('maps a service with its id as identifier, name, phone and address', () => {
    expect(toFhirOrganization(serviceRow())).toStrictEqual({
      resourceType: 'Organization',
      id: SERVICE_ID,
      identifier: [{ system: 'https://kaspr.example/fhir/Id/service', value: SERVICE_ID }],
      active: true,
      name: 'Sheffield Ketamine Clinic',
      telecom: [{ system: 'phone', value: '0114 496 0000' }],
      address: [{ text: '1 Clinic Way, Sheffield S10 2XX' }],
    });
  });

  it('omits telecom and address when the service has none (null or blank)', () => {
    expect(toFhirOrganization(serviceRow({ phone: null, address: '' }))).toStrictEqual({
      resourceType: 'Organization',
      id: SERVICE_ID,
      identifier: [{ system: 'https://kaspr.example/fhir/Id/service', value: SERVICE_ID }],
      active: true,
      name: 'Sheffield Ketamine Clinic',
    });
  });

  it('does not carry the time zone or creation time', () => {
    const keys = Object.keys(toFhirOrganization(serviceRow()));
    expect(keys).not.toContain('time_zone');
    expect(keys).not.toContain('created_at');
  });
});
