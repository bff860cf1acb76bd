import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { ConsentRecord } from '../../store/fhir-treatment.ts';
import { consentBinary, consentDocumentReference, toFhirConsent } from './consent.ts';
import { PATIENT_ID, SERVICE_ID, USER_ID } from './test-fixtures.ts';

const CONSENT_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const WITNESS_ID = 'c3b2a1f0-e9d8-4c7b-8a69-584736251403';
const LOINC = 'http://loinc.org';

const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: CONSENT_ID,
  patient_id: PATIENT_ID,
  service_id: SERVICE_ID,
  route: 'iv-racemic',
  document_id: 'consent-iv-racemic',
  document_version: '1.0.0',
  witness_user_id: WITNESS_ID,
  signed_at: new Date('2026-05-10T14:30:00.000Z'),
  recorded_by: USER_ID,
  withdrawn_at: null,
  ...overrides,
});

describe('toFhirConsent', () => {
  it('maps a witnessed consent: active treatment consent signed by the patient, verified by the witness', () => {
    const c = toFhirConsent(record());
    expect(c).toStrictEqual({
      resourceType: 'Consent',
      id: CONSENT_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-10T14:30:00.000Z' },
      status: 'active',
      scope: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/consentscope',
            code: 'treatment',
            display: 'Treatment',
          },
        ],
      },
      category: [
        { coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }], text: 'Patient consent' },
      ],
      patient: { reference: `Patient/${PATIENT_ID}` },
      dateTime: '2026-05-10T14:30:00.000Z',
      performer: [{ reference: `Patient/${PATIENT_ID}` }],
      organization: [{ reference: `Organization/${SERVICE_ID}` }],
      sourceReference: { reference: `DocumentReference/${CONSENT_ID}-document` },
      policy: [{ uri: 'https://kaspr.example/fhir/consent-documents/consent-iv-racemic/1.0.0' }],
      verification: [
        {
          verified: true,
          verifiedWith: { reference: `Practitioner/${WITNESS_ID}` },
          verificationDate: '2026-05-10T14:30:00.000Z',
        },
      ],
      provision: { type: 'permit', period: { start: '2026-05-10T14:30:00.000Z' } },
    });
    expectValidFhir(c);
  });

  it('makes a withdrawn consent inactive, its permission ending at the withdrawal; no witness, no verification', () => {
    const c = toFhirConsent(
      record({ witness_user_id: null, withdrawn_at: new Date('2026-06-01T09:00:00.000Z') }),
    );
    expect(c.status).toBe('inactive');
    expect(c.provision).toStrictEqual({
      type: 'permit',
      period: { start: '2026-05-10T14:30:00.000Z', end: '2026-06-01T09:00:00.000Z' },
    });
    expect(c.meta?.lastUpdated).toBe('2026-06-01T09:00:00.000Z');
    expect(c).not.toHaveProperty('verification');
    expectValidFhir(c);
  });
});

describe('consentDocumentReference', () => {
  it('points to the signed PDF by a Binary URL (no inline data) and back to the consent', () => {
    const d = consentDocumentReference(record());
    expect(d).toStrictEqual({
      resourceType: 'DocumentReference',
      id: `${CONSENT_ID}-document`,
      meta: { versionId: '1', lastUpdated: '2026-05-10T14:30:00.000Z' },
      status: 'current',
      type: {
        coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }],
        text: 'Patient consent',
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      date: '2026-05-10T14:30:00.000Z',
      author: [{ reference: `Practitioner/${USER_ID}` }],
      custodian: { reference: `Organization/${SERVICE_ID}` },
      content: [
        {
          attachment: {
            contentType: 'application/pdf',
            url: `Binary/${CONSENT_ID}-pdf`,
            title: 'Signed consent (consent-iv-racemic version 1.0.0)',
            creation: '2026-05-10T14:30:00.000Z',
          },
        },
      ],
      context: { related: [{ reference: `Consent/${CONSENT_ID}` }] },
    });
    expectValidFhir(d);
  });
});

describe('consentBinary', () => {
  it('carries the PDF bytes as base64 with the patient as its security context', () => {
    const bytes = new TextEncoder().encode('%PDF-1.3 test');
    const b = consentBinary(record(), bytes);
    expect(b).toStrictEqual({
      resourceType: 'Binary',
      id: `${CONSENT_ID}-pdf`,
      meta: { versionId: '1', lastUpdated: '2026-05-10T14:30:00.000Z' },
      contentType: 'application/pdf',
      securityContext: { reference: `Patient/${PATIENT_ID}` },
      data: Buffer.from(bytes).toString('base64'),
    });
    expect(Buffer.from(b.data ?? '', 'base64').toString('latin1')).toBe('%PDF-1.3 test');
    expectValidFhir(b);
  });
});
