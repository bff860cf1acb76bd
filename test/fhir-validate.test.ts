// The FHIR test validator: Medplum's validateResource plus the strict checks (../shared/domain/fhir.md §1.4,
// §2.2). Good exemplars give no issues, each of the 20 broken resources gives one at the right path, every
// required binding the API relies on rejects a bogus code, and the five Synthea bundles are clean.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXEMPLARS,
  appointment,
  bloodPressure,
  bodyWeight,
  consent,
  heartRate,
  oxygenSaturation,
  patient,
  phq9Total,
  type FhirJson,
} from './support/fhir-exemplars.ts';
import { expectValidFhir, fhirIssues } from './support/fhir-validate.ts';

const SYNTHEA_DIR = path.join(import.meta.dirname, 'fixtures', 'synthea-r4');
const BODYWEIGHT = 'http://hl7.org/fhir/StructureDefinition/bodyweight';

beforeAll(() => {
  fhirIssues({ resourceType: 'Patient' }); // index the definitions once, outside any single test's time
}, 120_000);

/** A copy of `resource` changed by `change`. */
function broken(build: () => FhirJson, change: (r: FhirJson & Record<string, any>) => void): FhirJson {
  const resource = build() as FhirJson & Record<string, any>;
  change(resource);
  return resource;
}

describe('good exemplars', () => {
  it.each(EXEMPLARS)('$name gives no issues', ({ build, profile }) => {
    expect(fhirIssues(build(), profile ? { profile } : {})).toEqual([]);
    expect(() => expectValidFhir(build(), profile ? { profile } : {})).not.toThrow();
  });
});

/** fhir.md §1.4: the 20 deliberately broken resources, each with the path its issue must name. */
const BROKEN: { name: string; resource: () => FhirJson; path: string; profile?: string }[] = [
  {
    name: 'non-ISO birthDate',
    resource: () => broken(patient, (r) => (r.birthDate = '12/03/1980')),
    path: 'Patient.birthDate',
  },
  {
    name: 'unknown element nhsNumber',
    resource: () => broken(patient, (r) => (r.nhsNumber = '9000000009')),
    path: 'Patient.nhsNumber',
  },
  {
    name: 'Observation without status',
    resource: () => broken(heartRate, (r) => delete r.status),
    path: 'Observation.status',
  },
  {
    name: 'bodyweight with code 3141-9 against the bodyweight profile',
    resource: () =>
      broken(bodyWeight, (r) => (r.code = { coding: [{ system: 'http://loinc.org', code: '3141-9' }] })),
    path: 'Observation.code',
    profile: BODYWEIGHT,
  },
  {
    name: 'Appointment without participant',
    resource: () => broken(appointment, (r) => delete r.participant),
    path: 'Appointment.participant',
  },
  {
    name: 'Consent without policy or policyRule (ppc-1)',
    resource: () => broken(consent, (r) => delete r.policy),
    path: 'Consent',
  },
  {
    name: 'valueInteger given as a string',
    resource: () => broken(phq9Total, (r) => (r.valueInteger = '12')),
    path: 'Observation.valueInteger',
  },
  {
    name: 'empty category array on SpO2',
    resource: () => broken(oxygenSaturation, (r) => (r.category = [])),
    path: 'Observation.category',
  },
  { name: "gender 'F'", resource: () => broken(patient, (r) => (r.gender = 'F')), path: 'Patient.gender' },
  {
    name: "Observation status 'done'",
    resource: () => broken(heartRate, (r) => (r.status = 'done')),
    path: 'Observation.status',
  },
  {
    name: "Appointment status 'attended'",
    resource: () => broken(appointment, (r) => (r.status = 'attended')),
    path: 'Appointment.status',
  },
  {
    name: "Consent status 'withdrawn'",
    resource: () => broken(consent, (r) => (r.status = 'withdrawn')),
    path: 'Consent.status',
  },
  {
    name: 'BP without its diastolic component',
    resource: () => broken(bloodPressure, (r) => (r.component = r.component.slice(0, 1))),
    path: 'Observation.component',
  },
  {
    name: "diastolic in 'mmHg'",
    resource: () =>
      broken(bloodPressure, (r) => {
        r.component[1].valueQuantity.code = 'mmHg';
        r.component[1].valueQuantity.unit = 'mmHg';
      }),
    path: 'Observation.component[1].valueQuantity.code',
  },
  {
    name: "heart rate in 'bpm'",
    resource: () =>
      broken(heartRate, (r) => (r.valueQuantity = { ...r.valueQuantity, code: 'bpm', unit: 'bpm' })),
    path: 'Observation.valueQuantity.code',
  },
  {
    name: 'PHQ-9 total 31',
    resource: () => broken(phq9Total, (r) => (r.valueInteger = 31)),
    path: 'Observation.valueInteger',
  },
  {
    name: 'two effective[x]',
    resource: () => broken(heartRate, (r) => (r.effectivePeriod = { start: '2026-11-30T10:00:00+00:00' })),
    path: 'Observation.effective[x]',
  },
  {
    name: "reference 'Patient/'",
    resource: () => broken(heartRate, (r) => (r.subject = { reference: 'Patient/' })),
    path: 'Observation.subject.reference',
  },
  {
    name: 'empty code string',
    resource: () => broken(heartRate, (r) => (r.code.coding[0].code = '')),
    path: 'Observation.code.coding[0].code',
  },
  {
    name: 'id with spaces',
    resource: () => broken(patient, (r) => (r.id = 'patient 42')),
    path: 'Patient.id',
  },
];

describe('broken resources (fhir.md §1.4)', () => {
  it('lists all 20', () => {
    expect(BROKEN).toHaveLength(20);
  });

  it.each(BROKEN)('$name is rejected at $path', ({ resource, path: where, profile }) => {
    const issues = fhirIssues(resource(), profile ? { profile } : {});
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((issue) => issue.split(' @ ')[1]?.startsWith(where))).toBe(true);
    expect(() => expectValidFhir(resource(), profile ? { profile } : {})).toThrow(where);
  });
});

/** Required bindings the API's resources rely on: a bogus code at each path is an issue at that path. */
const REQUIRED_BINDINGS: { resource: FhirJson; set: (r: Record<string, any>) => void; path: string }[] = [
  { resource: patient(), set: (r) => (r.gender = 'f'), path: 'Patient.gender' },
  { resource: heartRate(), set: (r) => (r.status = 'bogus'), path: 'Observation.status' },
  { resource: appointment(), set: (r) => (r.status = 'bogus'), path: 'Appointment.status' },
  { resource: consent(), set: (r) => (r.status = 'bogus'), path: 'Consent.status' },
  {
    resource: { resourceType: 'QuestionnaireResponse', status: 'completed' },
    set: (r) => (r.status = 'done'),
    path: 'QuestionnaireResponse.status',
  },
  {
    resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' } },
    set: (r) => (r.status = 'discharged'),
    path: 'Encounter.status',
  },
  {
    resource: {
      resourceType: 'MedicationAdministration',
      status: 'completed',
      medicationCodeableConcept: { text: 'Ketamine' },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-30T10:00:00Z',
    },
    set: (r) => (r.status = 'given'),
    path: 'MedicationAdministration.status',
  },
  {
    resource: {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'Alert' },
      subject: { reference: 'Patient/p1' },
    },
    set: (r) => (r.status = 'acknowledged'),
    path: 'Flag.status',
  },
  {
    resource: { resourceType: 'Task', status: 'requested', intent: 'order' },
    set: (r) => (r.status = 'open'),
    path: 'Task.status',
  },
  {
    resource: { resourceType: 'Task', status: 'requested', intent: 'order' },
    set: (r) => (r.intent = 'todo'),
    path: 'Task.intent',
  },
  {
    resource: { resourceType: 'Bundle', type: 'searchset' },
    set: (r) => (r.type = 'search'),
    path: 'Bundle.type',
  },
  {
    resource: {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: heartRate(), search: { mode: 'match' } }],
    },
    set: (r) => (r.entry[0].search.mode = 'hit'),
    path: 'Bundle.entry[0].search.mode',
  },
];

describe('required bindings', () => {
  it.each(REQUIRED_BINDINGS)(
    '$path: a valid code passes, a bogus one is rejected',
    ({ resource, set, path: where }) => {
      expect(fhirIssues(resource)).toEqual([]);
      const bad = structuredClone(resource) as Record<string, any>;
      set(bad);
      expect(fhirIssues(bad)).toContainEqual(
        expect.stringMatching(new RegExp(`not in required ValueSet .* @ ${escape(where)}$`)),
      );
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('references, ids and Bundle entries', () => {
  it.each([
    `Patient/${'a'.repeat(64)}`,
    'Patient/p1/_history/2',
    'https://ehr.example.org/fhir/R4/Patient/123',
    'urn:uuid:0b6f8f6e-4a4e-4c57-9d4f-2f1b9d6f8a10',
    'urn:oid:1.2.840.113619',
  ])('reference %s is accepted', (reference) => {
    expect(fhirIssues({ ...heartRate(), subject: { reference } })).toEqual([]);
  });

  it.each([
    'Patient/',
    `Patient/${'a'.repeat(65)}`,
    'Patient/p 1',
    'Patinet/p1',
    'Patient/p1/history/2',
    'urn:uuid:not-a-uuid',
    '#bad ref',
    'p1',
  ])('reference %s is rejected', (reference) => {
    expect(fhirIssues({ ...heartRate(), subject: { reference } })).toContainEqual(
      expect.stringMatching(/@ Observation\.subject\.reference$/),
    );
  });

  it('a contained resource with a bad id is rejected at its path', () => {
    const withContained = {
      ...heartRate(),
      contained: [{ ...patient(), id: 'x y' }],
      subject: { reference: '#x' },
    };
    expect(fhirIssues(withContained)).toContainEqual(
      expect.stringMatching(/@ Observation\.contained\[0\]\.id$/),
    );
  });

  it('a broken entry in a Bundle is reported with its entry index', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: heartRate() }, { resource: { ...heartRate(), status: 'done' } }],
    };
    expect(fhirIssues(bundle)).toContainEqual(
      expect.stringMatching(/@ Bundle\.entry\[1\]\.resource\.status$/),
    );
    expect(fhirIssues(bundle).join('\n')).not.toContain('entry[0]');
  });

  it('the bp profile relies on the strict BP checks, and an unknown profile is an issue', () => {
    const bp = 'http://hl7.org/fhir/StructureDefinition/bp';
    expect(fhirIssues(bloodPressure(), { profile: bp })).toEqual([]);
    const noSystolic = broken(bloodPressure, (r) => (r.component = r.component.slice(1)));
    expect(fhirIssues(noSystolic, { profile: bp })).toContainEqual(
      expect.stringMatching(/8480-6 @ Observation\.component$/),
    );
    expect(fhirIssues(patient(), { profile: 'http://example.org/nope' })).toHaveLength(1);
  });
});

describe('Synthea R4 bundles (test/fixtures/synthea-r4)', () => {
  const files = readdirSync(SYNTHEA_DIR).filter((f) => f.endsWith('.json'));

  it('holds the five bundles', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)(
    '%s gives no Medplum or strict issues',
    (file) => {
      const bundle = JSON.parse(readFileSync(path.join(SYNTHEA_DIR, file), 'utf8')) as { type: string };
      expect(bundle.type).toBe('transaction');
      expect(fhirIssues(bundle)).toEqual([]);
    },
    60_000,
  );
});
