import { describe, expect, it } from 'vitest';
import { patientBodyHeight, patientBodyWeight, toFhirPatient } from './patient.ts';
import {
  barePatient,
  emptyElements,
  fullPatient,
  PATIENT_ID,
  SERVICE_ID,
  TEST_NHS_NUMBER,
  VITAL_SIGNS_CATEGORY,
} from './test-fixtures.ts';

describe('toFhirPatient', () => {
  it('maps a full record with its identifiers, name, contact, GP and service', () => {
    expect(toFhirPatient(fullPatient())).toStrictEqual({
      resourceType: 'Patient',
      id: PATIENT_ID,
      meta: { versionId: '3', lastUpdated: '2026-05-14T13:40:12.345Z' },
      identifier: [
        { system: 'https://fhir.nhs.uk/Id/nhs-number', value: TEST_NHS_NUMBER },
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
          system: `https://kaspr.example/fhir/Id/mrn/${SERVICE_ID}`,
          value: 'KAS-004211',
        },
        { system: 'https://kaspr.example/fhir/Id/ie%20ppsn', value: '1234567TA' },
      ],
      name: [{ use: 'official', family: 'Okafor-Lindqvist', given: ['Rowan', 'Tamsin'] }],
      telecom: [
        { system: 'phone', value: '07700 900461' },
        { system: 'email', value: 'rowan.o@example.org' },
      ],
      gender: 'female',
      birthDate: '1984-11-23',
      address: [{ text: '12 Quarry Lane, Sheffield S11 8XX' }],
      generalPractitioner: [{ display: 'Dr Priya Menon, Ecclesall Road Surgery' }],
      managingOrganization: { reference: `Organization/${SERVICE_ID}` },
    });
  });

  it('omits every element the record does not hold, never emitting "" or []', () => {
    const patient = toFhirPatient(barePatient());
    expect(patient).toStrictEqual({
      resourceType: 'Patient',
      id: PATIENT_ID,
      meta: { versionId: '1', lastUpdated: '2026-03-02T09:15:00.000Z' },
      name: [{ use: 'official', family: 'Brennan', given: ['Alex'] }],
      birthDate: '1990-01-31',
      managingOrganization: { reference: `Organization/${SERVICE_ID}` },
    });
    expect(emptyElements(patient)).toEqual([]);
  });

  it('drops blank contact and GP fields instead of emitting empty strings', () => {
    const patient = toFhirPatient(
      fullPatient({
        contact: { phone: ' ', email: '', address: '  ' },
        gp: { name: '', phone: '0114 496 0999' },
      }),
    );
    expect(patient.telecom).toBeUndefined();
    expect(patient.address).toBeUndefined();
    expect(patient.generalPractitioner).toBeUndefined();
    expect(emptyElements(patient)).toEqual([]);
  });

  it('shows the GP by practice alone when no GP name is recorded', () => {
    expect(toFhirPatient(fullPatient({ gp: { practice: 'Broomhill Surgery' } })).generalPractitioner).toEqual(
      [{ display: 'Broomhill Surgery' }],
    );
  });

  it.each(['female', 'male', 'other', 'unknown'] as const)('keeps sex %s as the FHIR gender', (sex) => {
    expect(toFhirPatient(fullPatient({ sex })).gender).toBe(sex);
  });

  it('does not leak clinical lists or KASPR-only fields into the Patient', () => {
    const kasprOnly = [
      'allergies',
      'medications',
      'weight',
      'height',
      'gp',
      'contact',
      'updatedBy',
      'serviceId',
    ];
    expect(Object.keys(toFhirPatient(fullPatient())).filter((key) => kasprOnly.includes(key))).toEqual([]);
  });
});

describe('patientBodyWeight and patientBodyHeight', () => {
  it.each([
    ['weight', patientBodyWeight, 'bodyweight', '29463-7', 'Body weight', '2026-05-10', 68.4, 'kg'],
    ['height', patientBodyHeight, 'bodyheight', '8302-2', 'Body height', '2025-09-01', 171, 'cm'],
  ] as const)(
    'maps the %s as a base-spec Observation in UCUM units',
    (key, map, profile, code, display, effectiveDateTime, value, unit) => {
      expect(map(fullPatient())).toStrictEqual({
        resourceType: 'Observation',
        id: `${PATIENT_ID}-body-${key}`,
        meta: {
          versionId: '3',
          lastUpdated: '2026-05-14T13:40:12.345Z',
          profile: [`http://hl7.org/fhir/StructureDefinition/${profile}`],
        },
        status: 'final',
        category: [VITAL_SIGNS_CATEGORY],
        code: { coding: [{ system: 'http://loinc.org', code, display }] },
        subject: { reference: `Patient/${PATIENT_ID}` },
        effectiveDateTime,
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      });
    },
  );

  it('gives null when no weight or height is recorded', () => {
    expect(patientBodyWeight(barePatient())).toBeNull();
    expect(patientBodyHeight(barePatient())).toBeNull();
    const noWeight = fullPatient({ weight: undefined });
    expect(patientBodyWeight(noWeight)).toBeNull();
    expect(patientBodyHeight(noWeight)?.id).toBe(`${PATIENT_ID}-body-height`);
    const noHeight = fullPatient({ height: undefined });
    expect(patientBodyHeight(noHeight)).toBeNull();
    expect(patientBodyWeight(noHeight)?.id).toBe(`${PATIENT_ID}-body-weight`);
  });
});
