import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { eligibilityFlags } from '../../domain/treatment/eligibility-flags.ts';
import {
  decisionImpression,
  eligibilityImpression,
  formulationImpression,
} from './harm-clinical-impression.ts';
import {
  ASSESSMENT_ID,
  DECISION_ID,
  decisionRow,
  ELIGIBILITY_ID,
  eligibilityRow,
  formulationVersion,
} from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

describe('decisionImpression', () => {
  it('maps an overriding decision: confirmed level as finding, reason as summary, the assessment as support', () => {
    const impression = decisionImpression(decisionRow());
    expectValidFhir(impression);
    expect(impression).toStrictEqual({
      resourceType: 'ClinicalImpression',
      id: DECISION_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:30:00.000Z' },
      extension: [
        {
          url: 'https://kaspr.example/fhir/StructureDefinition/level-of-need-overridden',
          valueBoolean: true,
        },
      ],
      status: 'completed',
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/assessment', code: 'harm-level-of-need' }],
      },
      description: 'Confirmed level of need 3 (proposed 2); review due 2026-08-14',
      subject: { reference: `Patient/${PATIENT_ID}` },
      date: '2026-05-14T09:30:00.000Z',
      assessor: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      summary: 'Escalating pattern reported by family',
      finding: [
        {
          itemCodeableConcept: {
            coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/level-of-need', code: '3' }],
            text: 'Level 3',
          },
        },
      ],
      supportingInfo: [{ reference: `RiskAssessment/${ASSESSMENT_ID}` }],
    });
  });

  it('omits the summary of an accepted proposal without a reason, and marks it not overridden', () => {
    const impression = decisionImpression(
      decisionRow({ confirmed_level: 2, overridden: false, reason: null }),
    );
    expectValidFhir(impression);
    expect(impression.summary).toBeUndefined();
    expect(impression.extension?.[0]?.valueBoolean).toBe(false);
  });
});

describe('formulationImpression', () => {
  it('maps a formulation version under the patient-derived id with its four texts as labelled notes', () => {
    const impression = formulationImpression(formulationVersion());
    expectValidFhir(impression);
    expect(impression.id).toBe(`${PATIENT_ID}-formulation`);
    expect(impression.meta).toEqual({ versionId: '3', lastUpdated: '2026-05-20T15:00:00.000Z' });
    expect(impression.note).toEqual([
      { text: 'Presenting harms: Urinary frequency' },
      { text: 'Drivers: Exam stress' },
      { text: 'Protective factors: Supportive sister' },
      { text: 'Goals: Finish the degree' },
    ]);
    expect(impression.summary).toContain('Drivers: Exam stress\n\nProtective factors');
  });

  it('leaves blank parts out', () => {
    const row = formulationVersion();
    const impression = formulationImpression({ ...row, content: { ...row.content, drivers: '  ' } });
    expectValidFhir(impression);
    expect(impression.note).toHaveLength(3);
  });
});

describe('eligibilityImpression', () => {
  it('maps a signed decision: flags as findings with the judgement as basis, every assessment as a note', () => {
    const impression = eligibilityImpression(eligibilityRow());
    expectValidFhir(impression);
    expect(impression).toStrictEqual({
      resourceType: 'ClinicalImpression',
      id: ELIGIBILITY_ID,
      meta: { versionId: '1', lastUpdated: '2026-04-10T15:00:00.000Z' },
      status: 'completed',
      code: {
        coding: [
          { system: 'https://kaspr.example/fhir/CodeSystem/assessment', code: 'treatment-eligibility' },
        ],
      },
      description: 'Treatment eligibility for iv-racemic',
      subject: { reference: `Patient/${PATIENT_ID}` },
      date: '2026-04-10T15:00:00.000Z',
      assessor: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      summary: 'eligible: Recheck BP at each session',
      finding: [
        {
          itemCodeableConcept: {
            coding: [
              {
                system: 'https://kaspr.example/fhir/CodeSystem/contraindication',
                code: 'uncontrolled-hypertension',
              },
            ],
            text: 'Uncontrolled hypertension',
          },
          basis: 'Controlled on amlodipine since March',
        },
      ],
      note: [
        { text: 'uncontrolled-hypertension: present (Controlled on amlodipine since March)' },
        { text: 'active-psychosis: absent (None on history)' },
      ],
    });
  });

  it('notes a contraindication answered Unknown as unknown, not absent', () => {
    const impression = eligibilityImpression(
      eligibilityRow({
        checklist: {
          contraindications: [
            {
              code: 'active-psychosis',
              present: false,
              status: 'unknown',
              judgement: 'History not available',
            },
            { code: 'raised-icp', present: false, status: 'absent' },
          ],
        },
      }),
    );
    expectValidFhir(impression);
    expect(impression.note).toEqual([
      { text: 'active-psychosis: unknown (History not available)' },
      { text: 'raised-icp: absent' },
    ]);
  });

  it('adds each medication interaction flagged as a finding with its advice as basis', () => {
    const flags = eligibilityFlags(['Diazepam 5 mg'], [], 'iv-racemic', 'not-applicable');
    const impression = eligibilityImpression(eligibilityRow({ flags }));
    expectValidFhir(impression);
    const interaction = flags.interactions[0];
    expect(interaction).toBeDefined();
    expect(impression.finding).toEqual([
      {
        itemCodeableConcept: { text: `Interaction: Diazepam 5 mg (${interaction?.classLabel ?? ''})` },
        basis: interaction?.text,
      },
    ]);
  });

  it('has no findings or notes when nothing was flagged or assessed', () => {
    const impression = eligibilityImpression(
      eligibilityRow({
        checklist: {},
        flags: eligibilityFlags([], [], 'iv-racemic', 'not-applicable'),
        decision: 'deferred',
        note: null,
      }),
    );
    expectValidFhir(impression);
    expect(impression.finding).toBeUndefined();
    expect(impression.note).toBeUndefined();
    expect(impression.summary).toBe('deferred');
  });
});
