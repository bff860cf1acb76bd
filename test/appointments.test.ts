// Appointments and the shared formulation over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let patientId: string;

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
});
afterAll(() => server.close());

describe('appointments', () => {
  let id: string;

  it('books an appointment, shows it as next on the chart and on the day list', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/appointments`, {
      startsAt: `${tomorrow}T10:00:00Z`,
      durationMinutes: 45,
      contactType: 'face-to-face',
      practitionerId: w.aliceId,
    });
    expect(r.status).toBe(201);
    id = r.body.id;
    const list = await w.alice.get(`/api/v1/patients/${patientId}/appointments`);
    expect(list.body.next).toMatchObject({
      id,
      status: 'booked',
      contactType: 'face-to-face',
      practitioner: { displayName: 'Alice North' },
    });
    const day = await w.alice.get(`/api/v1/appointments?date=${tomorrow}`);
    expect(day.body.appointments).toEqual([
      expect.objectContaining({ id, patientName: 'PATIENTSON, Testy' }),
    ]);
    expect(
      (await w.bob.get(`/api/v1/appointments?date=${tomorrow}&scope=service`)).body.appointments,
    ).toEqual([]);
  });

  it('reschedules with a new time, keeping the history', async () => {
    expect((await w.alice.post(`/api/v1/appointments/${id}/status`, { status: 'rescheduled' })).status).toBe(
      422,
    );
    const r = await w.alice.post(`/api/v1/appointments/${id}/status`, {
      status: 'rescheduled',
      startsAt: `${tomorrow}T14:00:00Z`,
      reason: 'Patient asked',
    });
    expect(r.status).toBe(200);
    const list = await w.alice.get(`/api/v1/patients/${patientId}/appointments`);
    expect(list.body.next.startsAt).toBe(`${tomorrow}T14:00:00.000Z`);
    expect(list.body.next.history.map((h: { status: string }) => h.status)).toEqual([
      'booked',
      'rescheduled',
    ]);
  });

  it('raises a follow-up task when a level 3–4 patient does not attend', async () => {
    const a = await w.alice.post(`/api/v1/patients/${patientId}/harm-assessments`, {
      assessment: {
        use: { daysUsedLast28: 22, routes: ['nasal'], bingeing: false, escalating: false },
        symptoms: [],
        risks: [],
      },
    });
    await w.alice.post(`/api/v1/harm-assessments/${a.body.id}/decision`, { confirmedLevel: 3 });
    const before: number = (await w.alice.get('/api/v1/tasks')).body.tasks.length;
    expect(
      (await w.alice.post(`/api/v1/appointments/${id}/status`, { status: 'did-not-attend' })).status,
    ).toBe(200);
    const tasks = (await w.alice.get('/api/v1/tasks')).body.tasks;
    expect(tasks.length).toBe(before + 1);
    expect(tasks.some((t: { title: string }) => t.title.startsWith('Follow up missed appointment'))).toBe(
      true,
    );
    expect((await w.alice.post(`/api/v1/appointments/${id}/status`, { status: 'attended' })).status).toBe(
      409,
    );
  });

  it("lists a day from midnight to midnight on the service's clock, and defaults to the service's today", async () => {
    // South Team in New York (EST, UTC−5): 03:30 UTC on a day is 22:30 the evening before there.
    expect(
      (await w.admin.patch(`/api/v1/services/${w.serviceB}`, { timeZone: 'America/New_York' })).status,
    ).toBe(200);
    try {
      const bobsPatient = (await w.bob.post('/api/v1/patients', { ...SAMPLE_PATIENT, givenName: 'Evening' }))
        .body.id as string;
      const utcDay = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const newYorkDay = new Date(Date.parse(`${utcDay}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const booked = await w.bob.post(`/api/v1/patients/${bobsPatient}/appointments`, {
        startsAt: `${utcDay}T03:30:00Z`,
        durationMinutes: 30,
        contactType: 'face-to-face',
      });
      expect(booked.status).toBe(201);
      const ids = async (date: string) =>
        (
          (await w.bob.get(`/api/v1/appointments?date=${date}&scope=service`)).body.appointments as {
            id: string;
          }[]
        ).map((a) => a.id);
      expect(await ids(newYorkDay)).toEqual([booked.body.id]);
      expect(await ids(utcDay)).toEqual([]);
      const today = await w.bob.get('/api/v1/appointments?scope=service');
      expect(today.body.date).toBe(new Date().toLocaleDateString('en-CA', { timeZone: 'America/New_York' }));
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceB}`, { timeZone: 'Europe/London' });
    }
  });

  it('keeps other services out', async () => {
    expect((await w.bob.post(`/api/v1/appointments/${id}/status`, { status: 'cancelled' })).status).toBe(404);
  });
});

describe('formulation', () => {
  it('keeps versions and refuses a stale MDT edit so no text is lost', async () => {
    const body = {
      presentingHarms: 'Frequency, urgency',
      drivers: 'Sleep, social anxiety',
      protectiveFactors: 'Sister, work',
      goals: 'Stop by spring',
    };
    expect(
      (await w.alice.post(`/api/v1/patients/${patientId}/formulation`, { ...body, baseVersion: 0 })).body
        .version,
    ).toBe(1);
    expect(
      (
        await w.alice.post(`/api/v1/patients/${patientId}/formulation`, {
          ...body,
          goals: 'Cut down first',
          baseVersion: 1,
        })
      ).body.version,
    ).toBe(2);
    const stale = await w.alice.post(`/api/v1/patients/${patientId}/formulation`, {
      ...body,
      goals: 'Other',
      baseVersion: 1,
    });
    expect(stale.status).toBe(412);
    const f = await w.alice.get(`/api/v1/patients/${patientId}/formulation`);
    expect(f.body.current).toMatchObject({
      version: 2,
      goals: 'Cut down first',
      recordedBy: { displayName: 'Alice North' },
    });
    expect(f.body.history).toHaveLength(2);
  });
});
