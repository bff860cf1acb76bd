import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { DosingSession, TherapySession } from '../../store/fhir-treatment.ts';
import { dosingEncounter, therapyEncounter } from './encounter.ts';
import { PATIENT_ID, SERVICE_ID, SESSION_ID, USER_ID } from './test-fixtures.ts';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const TYPES = 'https://kaspr.example/fhir/CodeSystem/encounter-type';

const session = (overrides: Partial<DosingSession> = {}): DosingSession => ({
  id: SESSION_ID,
  patient_id: PATIENT_ID,
  service_id: SERVICE_ID,
  setting: 'clinic',
  acls_user_id: USER_ID,
  started_at: new Date('2026-05-14T09:20:00.000Z'),
  discharged_at: new Date('2026-05-14T11:05:00.000Z'),
  ...overrides,
});

const therapy = (overrides: Partial<TherapySession> = {}): TherapySession => ({
  id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
  patient_id: PATIENT_ID,
  service_id: SERVICE_ID,
  kind: 'integration',
  dosing_session_id: SESSION_ID,
  dosing_setting: 'clinic',
  held_at: new Date('2026-05-15T14:00:00.000Z'),
  duration_minutes: 50,
  recorded_at: new Date('2026-05-15T15:10:00.000Z'),
  ...overrides,
});

describe('dosingEncounter', () => {
  it('maps a discharged clinic session to a finished ambulatory encounter discharged home', () => {
    const e = dosingEncounter(session());
    expect(e).toStrictEqual({
      resourceType: 'Encounter',
      id: SESSION_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T11:05:00.000Z' },
      status: 'finished',
      class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
      type: [
        {
          coding: [{ system: TYPES, code: 'dosing-session', display: 'Dosing session' }],
          text: 'Dosing session',
        },
      ],
      subject: { reference: `Patient/${PATIENT_ID}` },
      participant: [{ individual: { reference: `Practitioner/${USER_ID}` } }],
      period: { start: '2026-05-14T09:20:00.000Z', end: '2026-05-14T11:05:00.000Z' },
      hospitalization: {
        dischargeDisposition: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
              code: 'home',
              display: 'Home',
            },
          ],
        },
      },
      serviceProvider: { reference: `Organization/${SERVICE_ID}` },
    });
    expectValidFhir(e);
  });

  it('keeps a session not yet discharged in progress, with no end and no discharge disposition', () => {
    const e = dosingEncounter(session({ discharged_at: null, acls_user_id: null }));
    expect(e.status).toBe('in-progress');
    expect(e.period).toStrictEqual({ start: '2026-05-14T09:20:00.000Z' });
    expect(e.meta?.lastUpdated).toBe('2026-05-14T09:20:00.000Z');
    expect(e).not.toHaveProperty('hospitalization');
    expect(e).not.toHaveProperty('participant');
    expectValidFhir(e);
  });

  it.each([
    ['clinic', 'AMB'],
    ['home', 'HH'],
    ['remote', 'VR'],
  ])('gives a %s session the class %s', (setting, code) => {
    const e = dosingEncounter(session({ setting }));
    expect(e.class.code).toBe(code);
    expectValidFhir(e);
  });
});

describe('therapyEncounter', () => {
  it('maps an integration session to a finished encounter over its duration, part of its dosing session', () => {
    const e = therapyEncounter(therapy());
    expect(e).toStrictEqual({
      resourceType: 'Encounter',
      id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
      meta: { versionId: '1', lastUpdated: '2026-05-15T15:10:00.000Z' },
      status: 'finished',
      class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
      type: [
        {
          coding: [{ system: TYPES, code: 'integration', display: 'Integration session' }],
          text: 'Integration session',
        },
      ],
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: '2026-05-15T14:00:00.000Z', end: '2026-05-15T14:50:00.000Z' },
      length: { value: 50, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
      serviceProvider: { reference: `Organization/${SERVICE_ID}` },
      partOf: { reference: `Encounter/${SESSION_ID}` },
    });
    expectValidFhir(e);
  });

  it('is virtual when its dosing session was remote, and stands alone without one', () => {
    expect(therapyEncounter(therapy({ dosing_setting: 'remote' })).class.code).toBe('VR');
    const alone = therapyEncounter(
      therapy({ kind: 'preparation', dosing_session_id: null, dosing_setting: null }),
    );
    expect(alone).not.toHaveProperty('partOf');
    expect(alone.type?.[0]?.coding?.[0]?.code).toBe('preparation');
    expectValidFhir(alone);
  });
});
