// Valid FHIR R4 exemplars of the resources KASPR emits (../shared/domain/fhir.md §1.2), for validator tests
// and as shapes to compare the server's output with. Each builder returns a fresh object a test may mutate.
export type FhirJson = Record<string, unknown> & { resourceType: string };

export const PATIENT_ID = '0b6f8f6e-4a4e-4c57-9d4f-2f1b9d6f8a10';
export const PRACTITIONER_ID = '5d2c1a9e-7f0b-4c1e-8a3d-6e9b2f4c7d21';
export const ORGANIZATION_ID = 'a3e1c7d2-9b4f-4e6a-8c2d-1f7e5b3a9c40';
export const QUESTIONNAIRE_RESPONSE_ID = 'c9d8e7f6-1a2b-4c3d-8e4f-5a6b7c8d9e01';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const K = 'https://kaspr.example/fhir';
const SUBJECT = { reference: `Patient/${PATIENT_ID}` };
const EFFECTIVE = '2026-11-30T10:15:00+00:00';

const VITAL_SIGNS_CATEGORY = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
];

function ucum(value: number, code: string): Record<string, unknown> {
  return { value, unit: code, system: UCUM, code };
}

function loinc(code: string, display: string): Record<string, unknown> {
  return { coding: [{ system: LOINC, code, display }], text: display };
}

/** A vital-sign Observation with one LOINC code and a UCUM valueQuantity. */
function vitalSign(id: string, code: string, display: string, value: number, unit: string): FhirJson {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: VITAL_SIGNS_CATEGORY,
    code: loinc(code, display),
    subject: SUBJECT,
    effectiveDateTime: EFFECTIVE,
    valueQuantity: ucum(value, unit),
  };
}

export function patient(): FhirJson {
  return {
    resourceType: 'Patient',
    id: PATIENT_ID,
    meta: { versionId: '3', lastUpdated: '2026-11-30T10:00:00.000+00:00' },
    identifier: [
      { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' },
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
              code: 'MR',
              display: 'Medical record number',
            },
          ],
        },
        system: `${K}/Id/mrn`,
        value: 'K-000123',
      },
    ],
    active: true,
    name: [{ use: 'official', family: 'Mejía', given: ['Ana', 'María'] }],
    telecom: [{ system: 'phone', value: '07700 900123', use: 'mobile' }],
    gender: 'female',
    birthDate: '1980-03-12',
    address: [{ text: '1 High Street, Leeds LS1 1AA' }],
    managingOrganization: { reference: `Organization/${ORGANIZATION_ID}` },
  };
}

export function bodyWeight(): FhirJson {
  return vitalSign('7e1d2c3b-0001-4a5b-9c8d-000000000001', '29463-7', 'Body weight', 72.5, 'kg');
}

export function bodyHeight(): FhirJson {
  return vitalSign('7e1d2c3b-0002-4a5b-9c8d-000000000002', '8302-2', 'Body height', 168, 'cm');
}

export function heartRate(): FhirJson {
  return vitalSign('7e1d2c3b-0003-4a5b-9c8d-000000000003', '8867-4', 'Heart rate', 72, '/min');
}

export function respiratoryRate(): FhirJson {
  return vitalSign('7e1d2c3b-0004-4a5b-9c8d-000000000004', '9279-1', 'Respiratory rate', 16, '/min');
}

export function oxygenSaturation(): FhirJson {
  return {
    ...vitalSign('7e1d2c3b-0005-4a5b-9c8d-000000000005', '2708-6', 'Oxygen saturation', 97, '%'),
    code: {
      coding: [
        { system: LOINC, code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
        { system: LOINC, code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
      ],
      text: 'SpO2',
    },
  };
}

export function bloodPressure(): FhirJson {
  const component = (code: string, display: string, value: number): Record<string, unknown> => ({
    code: loinc(code, display),
    valueQuantity: ucum(value, 'mm[Hg]'),
  });
  return {
    resourceType: 'Observation',
    id: '7e1d2c3b-0006-4a5b-9c8d-000000000006',
    status: 'final',
    category: VITAL_SIGNS_CATEGORY,
    code: loinc('85354-9', 'Blood pressure panel with all children optional'),
    subject: SUBJECT,
    encounter: { reference: 'Encounter/e4b9259d-0f54-48d1-a35d-b526729a4dfe' },
    effectiveDateTime: EFFECTIVE,
    component: [
      component('8480-6', 'Systolic blood pressure', 142),
      component('8462-4', 'Diastolic blood pressure', 88),
    ],
  };
}

export function questionnaireResponse(): FhirJson {
  const answers = [1, 2, 0, 3, 1, 2, 1, 2, 0];
  return {
    resourceType: 'QuestionnaireResponse',
    id: QUESTIONNAIRE_RESPONSE_ID,
    questionnaire: `${K}/Questionnaire/phq-9|1`,
    status: 'completed',
    subject: SUBJECT,
    authored: EFFECTIVE,
    author: { reference: `Practitioner/${PRACTITIONER_ID}` },
    item: answers.map((score, i) => ({
      linkId: String(i + 1),
      answer: [{ valueCoding: { system: `${K}/CodeSystem/phq-9-answers`, code: String(score) } }],
    })),
  };
}

export function phq9Total(): FhirJson {
  return {
    resourceType: 'Observation',
    id: '7e1d2c3b-0007-4a5b-9c8d-000000000007',
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }],
      },
    ],
    code: loinc('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
    subject: SUBJECT,
    effectiveDateTime: EFFECTIVE,
    valueInteger: 12,
    derivedFrom: [{ reference: `QuestionnaireResponse/${QUESTIONNAIRE_RESPONSE_ID}` }],
  };
}

export function organization(): FhirJson {
  return {
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    identifier: [
      { system: `${K}/Id/service`, value: ORGANIZATION_ID },
      { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX4' },
    ],
    active: true,
    name: 'Leeds Ketamine Service',
  };
}

export function practitioner(): FhirJson {
  return {
    resourceType: 'Practitioner',
    id: PRACTITIONER_ID,
    identifier: [
      { system: `${K}/Id/user`, value: PRACTITIONER_ID },
      { system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: '1234567' },
    ],
    active: true,
    name: [{ text: 'Dr Sam Okafor' }],
    telecom: [{ system: 'email', value: 'sam.okafor@example.org' }],
    qualification: [
      {
        identifier: [{ system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: '1234567' }],
        code: { coding: [{ system: `${K}/CodeSystem/credential-kind`, code: 'acls' }], text: 'ACLS' },
        period: { start: '2025-01-10', end: '2027-01-09' },
      },
    ],
  };
}

export function appointment(): FhirJson {
  return {
    resourceType: 'Appointment',
    id: 'b7c6d5e4-f3a2-4b1c-9d0e-1f2a3b4c5d6e',
    status: 'booked',
    serviceType: [{ coding: [{ system: `${K}/CodeSystem/contact-type`, code: 'in-person' }] }],
    start: '2026-12-10T09:00:00+00:00',
    end: '2026-12-10T09:45:00+00:00',
    minutesDuration: 45,
    participant: [
      { actor: SUBJECT, status: 'accepted' },
      { actor: { reference: `Practitioner/${PRACTITIONER_ID}` }, status: 'accepted' },
    ],
  };
}

export function consent(): FhirJson {
  return {
    resourceType: 'Consent',
    id: 'd4c3b2a1-0f9e-4d8c-8b7a-6a5b4c3d2e1f',
    status: 'active',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }],
    },
    category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: SUBJECT,
    dateTime: '2026-11-20T14:00:00+00:00',
    performer: [SUBJECT],
    organization: [{ reference: `Organization/${ORGANIZATION_ID}` }],
    policy: [{ uri: `${K}/consent-document/ketamine-treatment|2` }],
    provision: { type: 'permit' },
  };
}

export function operationOutcome(): FhirJson {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'warning',
        code: 'not-supported',
        details: { text: 'Unknown search parameter "colour" was ignored' },
        diagnostics: 'colour',
      },
    ],
  };
}

export function searchsetBundle(): FhirJson {
  const base = 'https://kaspr.example/fhir/R4';
  return {
    resourceType: 'Bundle',
    id: 'f1e2d3c4-b5a6-4789-8abc-def012345678',
    type: 'searchset',
    total: 1,
    link: [{ relation: 'self', url: `${base}/Observation?patient=${PATIENT_ID}&code=8867-4` }],
    entry: [
      {
        fullUrl: `${base}/Observation/${String(heartRate().id)}`,
        resource: heartRate(),
        search: { mode: 'match' },
      },
      { resource: operationOutcome(), search: { mode: 'outcome' } },
    ],
  };
}

export function capabilityStatement(): FhirJson {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-01',
    kind: 'instance',
    software: { name: 'KASPR' },
    implementation: { description: 'KASPR FHIR R4 API', url: 'https://kaspr.example/fhir/R4' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'search-type' }, { code: 'create' }],
            versioning: 'versioned',
            searchParam: [
              { name: 'identifier', type: 'token' },
              { name: 'birthdate', type: 'date' },
            ],
          },
          {
            type: 'Observation',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'patient', type: 'reference' },
              { name: 'code', type: 'token' },
            ],
          },
        ],
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
        ],
      },
    ],
  };
}

/** Every exemplar, with the base-spec profile it claims (when any). */
export const EXEMPLARS: { name: string; build: () => FhirJson; profile?: string }[] = [
  { name: 'Patient with NHS number and MRN', build: patient },
  { name: 'body weight', build: bodyWeight, profile: 'http://hl7.org/fhir/StructureDefinition/bodyweight' },
  { name: 'body height', build: bodyHeight, profile: 'http://hl7.org/fhir/StructureDefinition/bodyheight' },
  { name: 'BP panel', build: bloodPressure, profile: 'http://hl7.org/fhir/StructureDefinition/bp' },
  { name: 'heart rate', build: heartRate, profile: 'http://hl7.org/fhir/StructureDefinition/heartrate' },
  {
    name: 'SpO2 with both codings',
    build: oxygenSaturation,
    profile: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
  },
  {
    name: 'respiratory rate',
    build: respiratoryRate,
    profile: 'http://hl7.org/fhir/StructureDefinition/resprate',
  },
  { name: 'QuestionnaireResponse', build: questionnaireResponse },
  { name: 'PHQ-9 total Observation', build: phq9Total },
  { name: 'Organization', build: organization },
  { name: 'Practitioner with qualification', build: practitioner },
  { name: 'searchset Bundle with match and outcome entries', build: searchsetBundle },
  { name: 'Appointment', build: appointment },
  { name: 'Consent', build: consent },
  { name: 'OperationOutcome', build: operationOutcome },
  { name: 'CapabilityStatement', build: capabilityStatement },
];
