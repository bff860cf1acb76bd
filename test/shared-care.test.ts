// Shared care in the treatment pathway: therapy sessions, messages and tasks, questionnaires due, REMS tracker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signConsent, signEligibility } from './support/treatment.ts';
import {
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let prescriberId: string;
let patientId: string;
let dosingSessionId: string;

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const r = await w.admin.post('/api/v1/users', {
    email: 'esk@clinic.test',
    displayName: 'Esme Prescriber',
    roles: ['prescriber'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriberId = r.body.user.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  prescriber = new Client(server.baseUrl);
  await prescriber.login('esk@clinic.test', STAFF_PASSWORD);
  patientId = (
    await prescriber.post('/api/v1/patients', {
      givenName: 'Nia',
      familyName: 'Nasal',
      birthDate: '1975-05-05',
      weight: { kg: 64, measuredOn: today },
    })
  ).body.id;
  await prescriber.post(`/api/v1/patients/${patientId}/referrals`, {
    indication: 'treatment-resistant-depression',
  });
  await signEligibility(prescriber, patientId, 'intranasal-esketamine');
  await signConsent(prescriber, patientId, 'Nia Nasal', 'intranasal-esketamine');
  const s = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
    protocol: 'esketamine-intranasal',
    setting: 'clinic',
    baseline: {
      takenAt: new Date(Date.now() - 60_000).toISOString(),
      systolic: 120,
      diastolic: 78,
      heartRate: 72,
      spo2: 98,
    },
    dose: { doseMg: 56 },
    escortConfirmed: true,
    fastingConfirmed: true,
    newContraindication: false,
    aclsClinicianId: prescriberId,
    prescriberOnSite: true,
    remsPatientEnrolled: true,
    firstSession: true,
  });
  expect(s.status).toBe(201);
  dosingSessionId = s.body.id;
  expect(s.body.dose.devices).toBe(2);
  await prescriber.post(`/api/v1/treatment-sessions/${dosingSessionId}/administration`, { event: 'start' });
});
afterAll(() => server.close());

describe('shared care', () => {
  it('links preparation and integration sessions to the dosing session', async () => {
    const prep = await prescriber.post(`/api/v1/patients/${patientId}/therapy-sessions`, {
      kind: 'preparation',
      heldAt: new Date(Date.now() - 86_400_000).toISOString(),
      durationMinutes: 50,
      notes: 'Intentions set',
    });
    expect(prep.status).toBe(201);
    const integ = await prescriber.post(`/api/v1/patients/${patientId}/therapy-sessions`, {
      kind: 'integration',
      dosingSessionId,
      heldAt: new Date().toISOString(),
      durationMinutes: 50,
      notes: 'Integration themes',
    });
    expect(integ.status).toBe(201);
    const view = await prescriber.get(`/api/v1/patients/${patientId}/shared-care`);
    expect(view.body.therapySessions.map((t: { kind: string }) => t.kind)).toEqual([
      'integration',
      'preparation',
    ]);
    expect(view.body.therapySessions[0].dosingSessionId).toBe(dosingSessionId);
  });

  it('carries messages and tasks between prescriber and therapist', async () => {
    expect(
      (
        await prescriber.post(`/api/v1/patients/${patientId}/care-messages`, {
          text: 'Dissociation was marked today; please explore in integration.',
          toUserId: w.aliceId,
        })
      ).status,
    ).toBe(201);
    const task = await prescriber.post(`/api/v1/patients/${patientId}/tasks`, {
      title: 'Integration session within 48 h',
      assignedTo: w.aliceId,
      priority: 'high',
    });
    expect(task.status).toBe(201);
    const view = await w.alice.get(`/api/v1/patients/${patientId}/shared-care`);
    expect(view.body.messages[0]).toMatchObject({ from: 'Esme Prescriber', to: 'Alice North' });
    const tasks = await w.alice.get('/api/v1/tasks');
    expect(tasks.body.tasks.map((t: { title: string }) => t.title)).toContain(
      'Integration session within 48 h',
    );
  });

  it('schedules outcome questionnaires by indication and clears them when completed', async () => {
    const before = (await prescriber.get(`/api/v1/patients/${patientId}/shared-care`)).body.questionnairesDue;
    expect(before).toEqual([
      { instrument: 'phq-9', due: true, lastCompletedAt: null },
      { instrument: 'ketamine-urinary-checklist', due: true, lastCompletedAt: null },
    ]);
    await prescriber.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'phq-9',
      answers: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), 1])),
    });
    const after = (await prescriber.get(`/api/v1/patients/${patientId}/shared-care`)).body.questionnairesDue;
    expect(after[0]).toMatchObject({ instrument: 'phq-9', due: false });
  });
});

describe('esketamine REMS monitoring form', () => {
  it('is prefilled from the session record and lists what is still missing', async () => {
    const r = await prescriber.get(`/api/v1/treatment-sessions/${dosingSessionId}/rems-record`);
    expect(r.status).toBe(200);
    expect(r.body.record).toMatchObject({
      formVersion: '2021-11',
      patient: {
        firstName: 'Nia',
        lastName: 'Nasal',
        dateOfBirth: '1975-05-05',
        firstTreatment: true,
        enrolled: true,
      },
      session: { doseAdministered: '56 mg' },
      monitoringHcp: { firstName: 'Esme', lastName: 'Prescriber', email: 'esk@clinic.test' },
    });
    const paths = r.body.problems.map((p: { path: string }) => p.path);
    // What the record cannot know is named, and the 2-hour minimum is not yet met.
    expect(paths).toEqual(
      expect.arrayContaining([
        'monitoringHcp.telephone',
        'healthcareSetting.address1',
        'session.totalDurationMin',
      ]),
    );
  });
});

describe('esketamine REMS monitoring-form tracker', () => {
  it('shows the form as due within 7 days, then submitted', async () => {
    const t = await prescriber.get('/api/v1/rems/tracker');
    expect(t.body.items).toHaveLength(1);
    expect(t.body.items[0]).toMatchObject({
      sessionId: dosingSessionId,
      status: 'due',
      patientName: 'NASAL, Nia',
    });
    const due = new Date(t.body.items[0].dueAt).getTime() - new Date(t.body.items[0].dosedAt).getTime();
    expect(due).toBe(7 * 24 * 3_600_000);
    expect(
      (
        await prescriber.post(`/api/v1/treatment-sessions/${dosingSessionId}/rems-submission`, {
          reference: 'PMF-1',
        })
      ).status,
    ).toBe(201);
    expect((await prescriber.get('/api/v1/rems/tracker')).body.items[0].status).toBe('submitted');
    expect((await w.bob.get('/api/v1/rems/tracker')).body.items).toEqual([]);
  });
});
