import { describe, expect, it } from 'vitest';
import {
  remsRecordProblems,
  remsSubmissionDue,
  remsSubmissionStatus,
  type RemsMonitoringRecord,
} from './rems.ts';
import { mmHg } from './units.ts';

const bp = (s: number, d: number) => ({ systolic: mmHg(s), diastolic: mmHg(d) });
const record: RemsMonitoringRecord = {
  formVersion: '2021-11',
  patient: {
    firstName: 'Alex',
    lastName: 'Doe',
    dateOfBirth: '1980-04-01',
    sex: 'other',
    firstTreatment: true,
    enrolled: true,
  },
  concomitantMedication: {
    benzodiazepines: false,
    nonBenzodiazepineSedativeHypnotics: false,
    psychostimulants: false,
    maois: false,
  },
  monitoringHcp: { firstName: 'Sam', lastName: 'Lee', telephone: '555 0100', email: 'sam@example.org' },
  healthcareSetting: { name: 'Clinic', address1: '1 Main St', city: 'Town', state: 'CA', zip: '90000' },
  session: {
    treatmentDate: '2026-11-22',
    doseAdministered: '56 mg',
    lotNumber: 'L123',
    totalDurationMin: 120,
  },
  vitalSignsAcceptable: { beforeAdministration: true, beforeEndOfSession: true },
  bloodPressure: {
    beforeAdministration: bp(120, 80),
    fortyMinutesAfter: bp(135, 88),
    beforeEndOfSession: bp(122, 80),
  },
};

describe('REMS Patient Monitoring Form', () => {
  it('accepts a complete record', () => {
    expect(remsRecordProblems(record)).toEqual([]);
  });

  it('lists unconfirmed concomitant-medication answers and a blank 40-minute BP as problems', () => {
    const problems = remsRecordProblems({
      ...record,
      concomitantMedication: { ...record.concomitantMedication, psychostimulants: null, opioids: null },
      bloodPressure: { ...record.bloodPressure, fortyMinutesAfter: null },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['missing-field', 'concomitantMedication.psychostimulants'],
      ['missing-field', 'concomitantMedication.opioids'],
      ['missing-field', 'bloodPressure.fortyMinutesAfter'],
    ]);
  });

  it('refuses blank required fields, bad dates and under 2 h', () => {
    const problems = remsRecordProblems({
      ...record,
      monitoringHcp: { ...record.monitoringHcp, email: ' ' },
      patient: { ...record.patient, dateOfBirth: '1980-02-30' },
      session: { ...record.session, totalDurationMin: 119 },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['empty', 'monitoringHcp.email'],
      ['invalid-date', 'patient.dateOfBirth'],
      ['out-of-range', 'session.totalDurationMin'],
    ]);
  });

  it('needs enrolment before a first treatment', () => {
    const problems = remsRecordProblems({ ...record, patient: { ...record.patient, enrolled: false } });
    expect(problems.map((p) => p.path)).toEqual(['patient.enrolled']);
    expect(
      remsRecordProblems({
        ...record,
        patient: { ...record.patient, firstTreatment: false, enrolled: null },
      }),
    ).toEqual([]);
  });

  it('is due 7 days after the session', () => {
    expect(remsSubmissionDue(new Date('2026-11-22T10:00:00Z')).toISOString()).toBe(
      '2026-11-29T10:00:00.000Z',
    );
  });

  it('tracks due, overdue and submitted', () => {
    const dosed = new Date('2026-11-22T10:00:00Z');
    expect(remsSubmissionStatus(dosed, new Date('2026-11-28T10:00:00Z'), null)).toMatchObject({
      status: 'due',
      hoursLeft: 24,
    });
    expect(remsSubmissionStatus(dosed, new Date('2026-11-29T10:00:00Z'), null).status).toBe('due');
    expect(remsSubmissionStatus(dosed, new Date('2026-11-29T10:00:01Z'), null).status).toBe('overdue');
    expect(
      remsSubmissionStatus(dosed, new Date('2026-12-01T10:00:00Z'), new Date('2026-11-23T09:00:00Z')).status,
    ).toBe('submitted');
    expect(remsSubmissionStatus(new Date('x'), dosed, null).status).toBe('invalid-time');
  });
});
