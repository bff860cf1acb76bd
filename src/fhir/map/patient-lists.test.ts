import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { patientAllergies, patientMedications, REACTION_NOT_RECORDED } from './patient-lists.ts';
import { barePatient, emptyElements, fullPatient, PATIENT_ID, USER_ID } from './test-fixtures.ts';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';

describe('patientAllergies', () => {
  it('maps an allergy to an active AllergyIntolerance with substance, reaction, severity and recorder', () => {
    const [allergy, ...rest] = patientAllergies(fullPatient());
    expect(rest).toEqual([]);
    expect(allergy).toStrictEqual({
      resourceType: 'AllergyIntolerance',
      id: `${PATIENT_ID}-allergy-1`,
      meta: { versionId: '3', lastUpdated: '2026-05-14T13:40:12.345Z' },
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'active', display: 'Active' }] },
      code: { text: 'Penicillin' },
      patient: { reference: `Patient/${PATIENT_ID}` },
      recorder: { reference: `Practitioner/${USER_ID}` },
      reaction: [{ manifestation: [{ text: 'Rash' }], severity: 'moderate' }],
    });
    expectValidFhir(allergy);
  });

  it('numbers allergies from 1 in the record order and leaves out an unknown severity', () => {
    const allergies = patientAllergies(
      fullPatient({
        allergies: [
          { substance: 'Latex', reaction: 'Hives', severity: 'unknown' },
          { substance: 'Codeine', severity: 'unknown' },
          { substance: 'Peanut', severity: 'severe' },
        ],
      }),
    );
    expect(allergies.map((a) => a.id)).toEqual([1, 2, 3].map((n) => `${PATIENT_ID}-allergy-${n}`));
    expect(allergies.map((a) => a.reaction)).toEqual([
      [{ manifestation: [{ text: 'Hives' }] }],
      undefined,
      // A severe reaction keeps its severity although its signs were not written down.
      [{ manifestation: [{ text: REACTION_NOT_RECORDED }], severity: 'severe' }],
    ]);
    for (const a of allergies) {
      expectValidFhir(a);
      expect(emptyElements(a)).toEqual([]);
    }
  });

  it('makes no resource for a record without allergies and no "none known" statement (nobody asked)', () => {
    expect(patientAllergies(barePatient())).toEqual([]);
    expect(patientAllergies({ ...barePatient(), allergyStatus: 'not-asked' })).toEqual([]);
  });

  it('maps a stated "no known allergies" to one AllergyIntolerance coded SNOMED 716186003, by who stated it', () => {
    const stated = {
      ...barePatient(),
      allergyStatus: 'none-known' as const,
      allergyStatusRecorded: {
        recordedAt: '2026-03-02T09:15:00.000Z',
        recordedBy: { id: USER_ID, displayName: 'Dr Test' },
      },
    };
    const [nka, ...rest] = patientAllergies(stated);
    expect(rest).toEqual([]);
    expect(nka).toStrictEqual({
      resourceType: 'AllergyIntolerance',
      id: `${PATIENT_ID}-allergy-1`,
      meta: { versionId: '1', lastUpdated: '2026-03-02T09:15:00.000Z' },
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'active', display: 'Active' }] },
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' }],
        text: 'No known allergy',
      },
      patient: { reference: `Patient/${PATIENT_ID}` },
      recordedDate: '2026-03-02T09:15:00.000Z',
      recorder: { reference: `Practitioner/${USER_ID}` },
    });
    expectValidFhir(nka);
    expect(emptyElements(nka)).toEqual([]);
  });
});

describe('patientMedications', () => {
  it('maps a medication to an active MedicationStatement with its dose, route and frequency', () => {
    const [statement, ...rest] = patientMedications(fullPatient());
    expect(rest).toEqual([]);
    expect(statement).toStrictEqual({
      resourceType: 'MedicationStatement',
      id: `${PATIENT_ID}-medication-1`,
      meta: { versionId: '3', lastUpdated: '2026-05-14T13:40:12.345Z' },
      status: 'active',
      medicationCodeableConcept: { text: 'Sertraline' },
      subject: { reference: `Patient/${PATIENT_ID}` },
      dateAsserted: '2026-05-14T13:40:12.345Z',
      informationSource: { reference: `Practitioner/${USER_ID}` },
      dosage: [{ text: '100 mg, oral, once daily', route: { text: 'oral' } }],
    });
    expectValidFhir(statement);
  });

  it('omits dosage when nothing but the name is recorded, and blank details from its text', () => {
    const [bare, partial] = patientMedications(
      fullPatient({
        medications: [{ name: 'Lithium' }, { name: 'Quetiapine', dose: '  ', frequency: 'at night' }],
      }),
    );
    expect(bare).not.toHaveProperty('dosage');
    expect(partial?.dosage).toEqual([{ text: 'at night' }]);
    expect(partial?.id).toBe(`${PATIENT_ID}-medication-2`);
    for (const m of [bare, partial]) {
      expectValidFhir(m);
      expect(emptyElements(m)).toEqual([]);
    }
    expect(patientMedications(barePatient())).toEqual([]);
  });
});
