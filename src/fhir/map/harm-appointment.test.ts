import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { appointmentVersions } from './harm-appointment.ts';
import { APPOINTMENT_ID, appointmentEvent, appointmentRow } from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

describe('appointmentVersions', () => {
  it('maps a booking: booked, end from the duration, contact type, patient and clinician accepted', () => {
    const [booked] = appointmentVersions(appointmentRow(), [appointmentEvent()]);
    expectValidFhir(booked);
    expect(booked).toStrictEqual({
      resourceType: 'Appointment',
      id: APPOINTMENT_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-10T08:00:00.000Z' },
      status: 'booked',
      serviceType: [
        { coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/contact-type', code: 'face-to-face' }] },
      ],
      start: '2026-05-20T10:00:00.000Z',
      end: '2026-05-20T10:45:00.000Z',
      minutesDuration: 45,
      created: '2026-05-10T08:00:00.000Z',
      comment: 'Bring the diary',
      participant: [
        { actor: { reference: `Patient/${PATIENT_ID}` }, required: 'required', status: 'accepted' },
        { actor: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' }, status: 'accepted' },
      ],
    });
  });

  it('makes each status change a version, newest first, the latest giving status and time', () => {
    const versions = appointmentVersions(appointmentRow({ practitioner_id: null, note: null }), [
      appointmentEvent(),
      appointmentEvent({
        status: 'rescheduled',
        starts_at: new Date('2026-05-21T14:00:00.000Z'),
        reason: 'Patient asked',
        recorded_at: new Date('2026-05-11T09:00:00.000Z'),
      }),
      appointmentEvent({
        status: 'cancelled',
        starts_at: new Date('2026-05-21T14:00:00.000Z'),
        reason: 'Unwell',
        recorded_at: new Date('2026-05-12T09:00:00.000Z'),
      }),
    ]);
    for (const v of versions) expectValidFhir(v);
    expect(versions.map((v) => [v.meta?.versionId, v.status, v.start])).toEqual([
      ['3', 'cancelled', '2026-05-21T14:00:00.000Z'],
      ['2', 'booked', '2026-05-21T14:00:00.000Z'],
      ['1', 'booked', '2026-05-20T10:00:00.000Z'],
    ]);
    expect(versions[0]?.cancelationReason).toEqual({ text: 'Unwell' });
    expect(versions[1]?.cancelationReason).toBeUndefined();
    expect(versions[0]?.participant).toHaveLength(1);
  });

  it.each([
    ['attended', 'fulfilled'],
    ['did-not-attend', 'noshow'],
  ] as const)('maps %s to %s', (kaspr, fhir) => {
    const [current] = appointmentVersions(appointmentRow(), [
      appointmentEvent(),
      appointmentEvent({ status: kaspr }),
    ]);
    expectValidFhir(current);
    expect(current?.status).toBe(fhir);
  });

  it('has no version before the booking is recorded', () => {
    expect(appointmentVersions(appointmentRow(), [])).toEqual([]);
  });
});
