import { describe, expect, it } from 'vitest';
import { gad7 } from '../../domain/instruments/gad-7.ts';
import { madrs } from '../../domain/instruments/madrs.ts';
import { pcl5 } from '../../domain/instruments/pcl-5.ts';
import { phq9 } from '../../domain/instruments/phq-9.ts';
import { answersFrom } from '../../domain/instruments/test-fixtures.ts';
import { questionnaireTotal, toFhirQuestionnaireResponse } from './questionnaire-response.ts';
import { PATIENT_ID, responseRow, SURVEY_CATEGORY, USER_ID } from './test-fixtures.ts';

const RESPONSE_ID = 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b';
const PHQ9_ANSWERS = { ...answersFrom([2, 1, 3, 0, 1, 2, 1, 0, 1]), '10': 1 };
const PHQ9_SYSTEM = 'https://kaspr.example/fhir/CodeSystem/phq-9-answers';

describe('toFhirQuestionnaireResponse', () => {
  it('maps a clinician-entered response with the versioned Questionnaire url, author and coded answers', () => {
    const row = responseRow(phq9, PHQ9_ANSWERS);
    const scores = [2, 1, 3, 0, 1, 2, 1, 0, 1, 1];
    expect(toFhirQuestionnaireResponse(row, phq9)).toStrictEqual({
      resourceType: 'QuestionnaireResponse',
      id: RESPONSE_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:06:30.000Z' },
      questionnaire: 'https://kaspr.example/fhir/Questionnaire/phq-9|1.1.0',
      status: 'completed',
      subject: { reference: `Patient/${PATIENT_ID}` },
      authored: '2026-05-14T09:05:00.000Z',
      author: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      item: scores.map((score, i) => ({
        linkId: String(i + 1),
        answer: [{ valueCoding: { system: PHQ9_SYSTEM, code: String(score) } }],
      })),
    });
  });

  it('makes the patient author and source of a self-report', () => {
    const row = responseRow(gad7, answersFrom([1, 1, 2, 0, 3, 1, 0]), {
      source: 'self-report',
      recorded_by: null,
      recorded_by_name: null,
    });
    const qr = toFhirQuestionnaireResponse(row, gad7);
    expect(qr.author).toEqual({ reference: `Patient/${PATIENT_ID}` });
    expect(qr.source).toEqual({ reference: `Patient/${PATIENT_ID}` });
    expect(qr.questionnaire).toBe(`https://kaspr.example/fhir/Questionnaire/gad-7|${gad7.version}`);
  });

  it('gives a clinician-entered response no source and no author when the recorder is unknown', () => {
    const qr = toFhirQuestionnaireResponse(
      responseRow(phq9, PHQ9_ANSWERS, { recorded_by: null, recorded_by_name: null }),
      phq9,
    );
    expect(qr).not.toHaveProperty('author');
    expect(qr).not.toHaveProperty('source');
  });

  it('names the version the response was answered under, not the current definition’s', () => {
    const qr = toFhirQuestionnaireResponse(
      responseRow(phq9, PHQ9_ANSWERS, { instrument_version: '1.0.0' }),
      phq9,
    );
    expect(qr.questionnaire).toBe('https://kaspr.example/fhir/Questionnaire/phq-9|1.0.0');
  });

  it('skips unanswered items (null or absent) and keeps answered zeros', () => {
    const answers = { ...answersFrom([0, 1, 3, 0, 1, 2, 1, 0]), '9': null };
    const qr = toFhirQuestionnaireResponse(responseRow(phq9, answers), phq9);
    expect(qr.item?.map((item) => item.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(qr.item?.[0]?.answer).toEqual([{ valueCoding: { system: PHQ9_SYSTEM, code: '0' } }]);
  });

  it('omits item entirely when nothing was answered', () => {
    const row = { ...responseRow(phq9, PHQ9_ANSWERS), answers: {} };
    expect(toFhirQuestionnaireResponse(row, phq9)).not.toHaveProperty('item');
  });

  it('refuses a definition of another instrument', () => {
    expect(() => toFhirQuestionnaireResponse(responseRow(phq9, PHQ9_ANSWERS), gad7)).toThrow(/not a gad-7/);
  });
});

describe('questionnaireTotal', () => {
  it('maps a PHQ-9 total to LOINC 44261-6, derived from the response', () => {
    expect(questionnaireTotal(responseRow(phq9, PHQ9_ANSWERS), phq9)).toStrictEqual({
      resourceType: 'Observation',
      id: `${RESPONSE_ID}-total`,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:06:30.000Z' },
      status: 'final',
      category: [SURVEY_CATEGORY],
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }], text: 'PHQ-9 total score' },
      subject: { reference: `Patient/${PATIENT_ID}` },
      effectiveDateTime: '2026-05-14T09:05:00.000Z',
      valueInteger: 11,
      derivedFrom: [{ reference: `QuestionnaireResponse/${RESPONSE_ID}` }],
    });
  });

  it.each([
    [gad7, answersFrom([1, 1, 2, 0, 3, 1, 0]), '70274-6', 8],
    [pcl5, answersFrom([2, 1, 0, 3, 4, 1, 0, 2, 1, 0, 1, 2, 3, 0, 1, 2, 1, 0, 1, 2]), '101698-9', 27],
  ])('codes the %s total with its LOINC total code', (def, answers, code, total) => {
    const obs = questionnaireTotal(responseRow(def, answers), def);
    expect(obs?.code.coding).toEqual([{ system: 'http://loinc.org', code }]);
    expect(obs?.valueInteger).toBe(total);
  });

  it('uses the local instrument-total code for an instrument without a LOINC total (MADRS)', () => {
    const obs = questionnaireTotal(responseRow(madrs, answersFrom([3, 2, 4, 2, 1, 3, 2, 4, 1, 0])), madrs);
    expect(obs?.code).toEqual({
      coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/instrument-total', code: 'madrs' }],
      text: 'MADRS total score',
    });
    expect(obs?.valueInteger).toBe(22);
  });

  it('keeps a total of zero', () => {
    expect(
      questionnaireTotal(responseRow(phq9, answersFrom([0, 0, 0, 0, 0, 0, 0, 0, 0])), phq9)?.valueInteger,
    ).toBe(0);
  });

  it('gives null when the response has no total', () => {
    const row = responseRow(phq9, answersFrom([1, 2, 1]));
    expect(row.total).toBeNull();
    expect(questionnaireTotal(row, phq9)).toBeNull();
  });
});
