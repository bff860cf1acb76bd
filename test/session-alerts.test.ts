// Urgent vital-sign alerts in a dosing session reach the chart banner, the prescriber, the service queue and the
// timeline, with the protocol's suggested action; repeats in one session are counted, not re-raised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaff,
  buildWorld,
  type Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { startIvSession } from './support/treatment.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let prescriberId: string;
let nurse: Client;
let patientId: string;
let sessionId: string;

const T0 = Date.now();
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const p = await addStaff(w, 'pres@clinic.test', 'Pat Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = p.client;
  prescriberId = p.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  nurse = (await addStaff(w, 'nurse@clinic.test', 'Nadia Nurse', ['nurse'], [w.serviceA])).client;
  const today = new Date().toISOString().slice(0, 10);
  const created = await prescriber.post('/api/v1/patients', {
    givenName: 'Vera',
    familyName: 'Vitals',
    birthDate: '1980-01-01',
    weight: { kg: 68, measuredOn: today },
  });
  patientId = created.body.id;
  sessionId = await startIvSession(prescriber, patientId, prescriberId);
  const start = await prescriber.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
    event: 'start',
    at: at(0),
    product: 'Ketamine 10 mg/mL',
    lot: 'L1',
    expiry: '2027-06-30',
  });
  if (start.status !== 201) throw new Error(start.text);
});
afterAll(() => server.close());

const reading = (min: number, systolic: number, diastolic: number) =>
  nurse.post(`/api/v1/treatment-sessions/${sessionId}/vitals`, {
    takenAt: at(min),
    systolic,
    diastolic,
    heartRate: 96,
    spo2: 98,
  });

describe('an urgent vital-sign alert in a dosing session', () => {
  it('keeps a warning-only reading in the session panel', async () => {
    const r = await reading(5, 165, 90);
    expect(r.status).toBe(201);
    expect(r.body.alerts.map((a: { severity: string }) => a.severity)).toEqual(['warning']);
    expect(r.body.raised).toEqual([]);
    expect(r.body.suggestedActions[0].steps).toEqual(['repeat-reading']);
    expect((await prescriber.get(`/api/v1/patients/${patientId}/alerts`)).body.alerts).toEqual([]);
  });

  it('185/110 raises a chart alert, a prescriber task, a queue task, a timeline line and a suggested action', async () => {
    const r = await reading(20, 185, 110);
    expect(r.status).toBe(201);
    const raised = r.body.raised as { code: string; newAlert: boolean; alertId: string; taskIds: string[] }[];
    expect(raised.map((x) => x.code).sort()).toEqual(['diastolic', 'systolic']);
    expect(raised.every((x) => x.newAlert && x.taskIds.length === 2)).toBe(true);
    const action = r.body.suggestedActions[0];
    expect(action.steps).toEqual(expect.arrayContaining(['pause-or-stop-infusion', 'call-prescriber']));
    expect(action.text).toMatch(/Pause or stop the infusion/);
    expect(action.source).toContain('clinic.md §1');

    const alerts = (await prescriber.get(`/api/v1/patients/${patientId}/alerts`)).body.alerts;
    expect(alerts).toHaveLength(2);
    const systolic = alerts.find((a: { code: string }) => a.code === 'session-vital-systolic');
    expect(systolic).toMatchObject({
      severity: 'urgent',
      sourceType: 'TreatmentSession',
      sourceId: sessionId,
    });
    expect(systolic.text).toMatch(/Systolic BP 185 mmHg.*Pause or stop the infusion/);

    const mine = (await prescriber.get('/api/v1/tasks?scope=mine')).body.tasks;
    expect(mine.filter((t: { priority: string }) => t.priority === 'urgent')).toHaveLength(2);
    expect(mine[0].assignedTo.id).toBe(prescriberId);
    const queue = (await nurse.get('/api/v1/tasks?scope=service')).body.tasks;
    expect(queue.filter((t: { assignedTo: unknown }) => t.assignedTo === null)).toHaveLength(2);

    const timeline = (await prescriber.get(`/api/v1/patients/${patientId}/timeline`)).body;
    const events = (Array.isArray(timeline) ? timeline : timeline.events) as {
      kind: string;
      summary: string;
    }[];
    const lines = events.filter((e) => e.kind === 'safety-alert');
    expect(lines).toHaveLength(2);
    expect(lines.map((e) => e.summary).join(' ')).toMatch(/Urgent during a dosing session: Systolic BP 185/);
  });

  it('counts a repeated urgent reading on the open alert instead of raising another', async () => {
    const r = await reading(25, 188, 104);
    const raised = r.body.raised as {
      code: string;
      newAlert: boolean;
      readings: number;
      taskIds: string[];
    }[];
    expect(raised.map((x) => [x.code, x.newAlert, x.readings, x.taskIds.length])).toEqual(
      expect.arrayContaining([
        ['systolic', false, 2, 0],
        ['diastolic', false, 2, 0],
      ]),
    );
    expect((await prescriber.get(`/api/v1/patients/${patientId}/alerts`)).body.alerts).toHaveLength(2);
    expect((await nurse.get('/api/v1/tasks?scope=service')).body.tasks).toHaveLength(4);
  });

  it('raises a new alert once the open one has been acknowledged', async () => {
    const alerts = (await prescriber.get(`/api/v1/patients/${patientId}/alerts`)).body.alerts;
    const systolic = alerts.find((a: { code: string }) => a.code === 'session-vital-systolic');
    const ack = await prescriber.post(`/api/v1/alerts/${systolic.id}/acknowledge`, {
      note: 'Infusion paused',
    });
    expect(ack.status).toBe(201);
    const r = await reading(30, 182, 95);
    expect(r.body.raised).toEqual([
      expect.objectContaining({ code: 'systolic', newAlert: true, readings: 3 }),
    ]);
  });
});
