import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { inboundReferralVersions, onwardReferralVersions } from './harm-service-request.ts';
import { DECISION_ID, inboundReferralRow, onwardReferralRow, REFERRAL_ID } from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

const CATEGORY = [
  { coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }] },
];

describe('onwardReferralVersions', () => {
  it('maps a decided referral as a draft order with its target date and the decision as reason', () => {
    const [decided] = onwardReferralVersions(onwardReferralRow());
    expectValidFhir(decided);
    expect(decided).toStrictEqual({
      resourceType: 'ServiceRequest',
      id: REFERRAL_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T10:00:00.000Z' },
      status: 'draft',
      intent: 'order',
      category: CATEGORY,
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/referral-destination', code: 'urology' }],
        text: 'urology',
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      occurrencePeriod: { start: '2026-05-14', end: '2026-06-11' },
      authoredOn: '2026-05-14',
      requester: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      reasonReference: [{ reference: `ClinicalImpression/${DECISION_ID}` }],
      note: [{ text: 'Persistent haematuria' }],
    });
  });

  it.each([
    ['made', 'active'],
    ['cancelled', 'revoked'],
  ] as const)('makes a referral %s a second version, %s, keeping the decided one', (outcome, status) => {
    const versions = onwardReferralVersions(
      onwardReferralRow({
        outcome,
        outcome_on: '2026-05-20',
        outcome_note: 'Letter sent',
        outcome_at: new Date('2026-05-20T12:00:00.000Z'),
      }),
    );
    for (const v of versions) expectValidFhir(v);
    expect(versions.map((v) => [v.meta?.versionId, v.status])).toEqual([
      ['2', status],
      ['1', 'draft'],
    ]);
    expect(versions[0]?.note).toEqual([{ text: 'Persistent haematuria' }, { text: 'Letter sent' }]);
    expect(versions[0]?.meta?.lastUpdated).toBe('2026-05-20T12:00:00.000Z');
  });
});

describe('inboundReferralVersions', () => {
  it('maps a received referral as an active order with the referrer and indication', () => {
    const [received] = inboundReferralVersions(inboundReferralRow());
    expectValidFhir(received);
    expect(received).toStrictEqual({
      resourceType: 'ServiceRequest',
      id: REFERRAL_ID,
      meta: { versionId: '1', lastUpdated: '2026-04-02T09:00:00.000Z' },
      status: 'active',
      intent: 'order',
      category: CATEGORY,
      code: { text: 'Ketamine treatment' },
      subject: { reference: `Patient/${PATIENT_ID}` },
      authoredOn: '2026-04-01',
      requester: { display: 'Dr Priya Menon (GP)' },
      reasonCode: [
        {
          coding: [
            {
              system: 'https://kaspr.example/fhir/CodeSystem/indication',
              code: 'treatment-resistant-depression',
            },
          ],
        },
      ],
    });
  });

  it('completes it once eligibility is signed, as a second version', () => {
    const versions = inboundReferralVersions(
      inboundReferralRow({
        eligibility_at: new Date('2026-04-10T15:00:00.000Z'),
        referrer: null,
        received_on: null,
      }),
    );
    for (const v of versions) expectValidFhir(v);
    expect(versions.map((v) => [v.meta?.versionId, v.status])).toEqual([
      ['2', 'completed'],
      ['1', 'active'],
    ]);
    expect(versions[0]?.requester).toBeUndefined();
    expect(versions[0]?.authoredOn).toBe('2026-04-02T09:00:00.000Z');
  });
});
