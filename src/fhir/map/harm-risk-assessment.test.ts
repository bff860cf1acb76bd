import { describe, expect, it } from 'vitest';
import { expectValidFhir, fhirIssues } from '../../../test/support/fhir-validate.ts';
import { toFhirRiskAssessment } from './harm-risk-assessment.ts';
import { ASSESSMENT_ID, assessmentVersion, CORRECTION_ID } from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

describe('toFhirRiskAssessment', () => {
  it('maps an assessment with its content pack as method and the proposed level as the predicted outcome', () => {
    const risk = toFhirRiskAssessment(assessmentVersion());
    expectValidFhir(risk);
    expect(risk).toStrictEqual({
      resourceType: 'RiskAssessment',
      id: ASSESSMENT_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:05:00.000Z' },
      status: 'final',
      method: { text: 'kaspr-harm-default@1.0.0' },
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/assessment', code: 'harm-level-of-need' }],
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      occurrenceDateTime: '2026-05-14T09:00:00.000Z',
      performer: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      prediction: [
        {
          outcome: {
            coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/level-of-need', code: '2' }],
            text: 'Brief or extended intervention with physical health monitoring',
          },
        },
      ],
    });
  });

  it('makes a correction a later, corrected version of the original with its reason as a note', () => {
    const risk = toFhirRiskAssessment(
      assessmentVersion({
        id: CORRECTION_ID,
        version: 2,
        corrects: ASSESSMENT_ID,
        correction_reason: 'Days of use were mistyped',
        proposed_level: 1,
        recorded_at: new Date('2026-05-15T08:00:00.000Z'),
      }),
    );
    expectValidFhir(risk);
    expect(risk.id).toBe(ASSESSMENT_ID);
    expect(risk.status).toBe('corrected');
    expect(risk.meta).toEqual({ versionId: '2', lastUpdated: '2026-05-15T08:00:00.000Z' });
    expect(risk.prediction?.[0]?.outcome?.coding?.[0]?.code).toBe('1');
    expect(risk.note).toEqual([{ text: 'Days of use were mistyped', time: '2026-05-15T08:00:00.000Z' }]);
  });

  it('passes ras-2 with no probability (Medplum 4.5.2 false positive), and is refused a probability over 100', () => {
    const risk = toFhirRiskAssessment(assessmentVersion());
    expect(fhirIssues(risk)).toEqual([]);
    const over = { ...risk, prediction: risk.prediction?.map((p) => ({ ...p, probabilityDecimal: 150 })) };
    expect(fhirIssues(over)).toContain(
      'Constraint ras-2 not met: Must be <= 100 @ RiskAssessment.prediction[0]',
    );
  });
});
