import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { alertFlag, noDrivingFlag } from './harm-flag.ts';
import { ALERT_ID, alertRow } from './harm-test-fixtures.ts';
import { PATIENT_ID, SERVICE_ID, SESSION_ID, USER_ID } from './test-fixtures.ts';

describe('alertFlag', () => {
  it('maps an open alert as an active safety Flag from when it was raised', () => {
    const flag = alertFlag(alertRow());
    expectValidFhir(flag);
    expect(flag).toStrictEqual({
      resourceType: 'Flag',
      id: ALERT_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:05:00.000Z' },
      status: 'active',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/flag-category',
              code: 'safety',
              display: 'Safety',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/alert', code: 'harm-level-rose' }],
        text: 'Level of need rose from 2 to 4',
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: '2026-05-14T09:05:00.000Z' },
    });
  });

  it('makes an acknowledged alert inactive, closing the period, as version 2', () => {
    const flag = alertFlag(alertRow({ acknowledged_at: new Date('2026-05-15T10:00:00.000Z') }));
    expectValidFhir(flag);
    expect(flag.status).toBe('inactive');
    expect(flag.period).toEqual({ start: '2026-05-14T09:05:00.000Z', end: '2026-05-15T10:00:00.000Z' });
    expect(flag.meta).toEqual({ versionId: '2', lastUpdated: '2026-05-15T10:00:00.000Z' });
  });
});

describe('noDrivingFlag', () => {
  const discharge = {
    session_id: SESSION_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    discharged_at: new Date('2026-05-14T11:30:00.000Z'),
    no_driving_until: new Date('2026-05-14T22:40:00.000Z'),
    discharged_by: USER_ID,
    discharged_by_name: 'Dr Sam Adeyemi',
    in_force: true,
  };

  it('maps the advice as a clinical Flag on the encounter from discharge until driving may resume', () => {
    const flag = noDrivingFlag(discharge);
    expectValidFhir(flag);
    expect(flag).toStrictEqual({
      resourceType: 'Flag',
      id: `${SESSION_ID}-no-driving`,
      meta: { versionId: '1', lastUpdated: '2026-05-14T11:30:00.000Z' },
      status: 'active',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/flag-category',
              code: 'clinical',
              display: 'Clinical',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/alert', code: 'no-driving' }],
        text: 'Do not drive',
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: '2026-05-14T11:30:00.000Z', end: '2026-05-14T22:40:00.000Z' },
      encounter: { reference: `Encounter/${SESSION_ID}` },
      author: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
    });
  });

  it('is inactive once the time has passed', () => {
    const flag = noDrivingFlag({ ...discharge, in_force: false });
    expectValidFhir(flag);
    expect(flag.status).toBe('inactive');
  });
});
