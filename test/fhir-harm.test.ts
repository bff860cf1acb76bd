// The harm pathway through the FHIR R4 API over real HTTP, on both engines: care plans (CarePlan, Goal),
// assessments with corrections as versions (RiskAssessment), decisions and formulations (ClinicalImpression),
// alerts (Flag) and tasks (Task), each created through the native API, then read, searched by every parameter
// declared, included, versioned, and never shown to another service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR, included, read, search, valid, type Bundle, type Resource } from './support/fhir-api.ts';
import {
  addStaff,
  buildWorld,
  type Client,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { SessionClock } from './support/session-clock.ts';
import { signEligibility, startIvSession } from './support/treatment.ts';

let server: TestServer;
let w: World;
let north: string;
let south: string;
let firstAssessment: string;
let secondAssessment: string;
let decision: string;
let southAssessment: string;
let southDecision: string;
let appointment: string;
let southAppointment: string;
let onward: string;
let inbound: string;
let southReferral: string;
let rxId: string;
let dosed: string;
let session: string;

const TODAY = new Date().toISOString().slice(0, 10);
const LEVEL = 'https://kaspr.example/fhir/CodeSystem/level-of-need';
const HARM = [
  'CarePlan',
  'Goal',
  'RiskAssessment',
  'ClinicalImpression',
  'Flag',
  'Task',
  'Appointment',
  'ServiceRequest',
];

const ids = (b: Bundle) =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource.id);
async function ok(p: Promise<{ status: number; text: string; body: { id?: string } }>, status = 201) {
  const r = await p;
  if (r.status !== status) throw new Error(r.text);
  return r.body;
}

const assessment = (symptoms: string[]) => ({
  use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false },
  symptoms: symptoms.map((code) => ({ code })),
  risks: [],
});

beforeAll(async () => {
  // Sessions idle for up to 30 min, so the clients stay signed in while the clock moves on in 20-min steps.
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  w = await buildWorld(server);
  north = (await ok(w.alice.post('/api/v1/patients', SAMPLE_PATIENT))).id ?? '';
  south = (await ok(w.bob.post('/api/v1/patients', { ...SAMPLE_PATIENT, familyName: 'Southern' }))).id ?? '';
  const harm = (c: Client, p: string, body: Record<string, unknown>) =>
    ok(c.post(`/api/v1/patients/${p}/harm-assessments`, body));
  firstAssessment = (await harm(w.alice, north, { assessment: assessment(['urinary-frequency']) })).id ?? '';
  // A correction of the first assessment: its second version.
  await harm(w.alice, north, {
    assessment: assessment([]),
    corrects: firstAssessment,
    correctionReason: 'The symptom was recorded against the wrong patient',
  });
  // A re-assessment with a rising level raises alerts, each with a task.
  secondAssessment =
    (await harm(w.alice, north, { assessment: assessment(['visible-haematuria']) })).id ?? '';
  decision =
    (
      await ok(
        w.alice.post(`/api/v1/harm-assessments/${firstAssessment}/decision`, {
          confirmedLevel: 3,
          reason: 'Escalating pattern reported by family',
        }),
      )
    ).id ?? '';
  await ok(w.alice.post(`/api/v1/harm-assessments/${secondAssessment}/decision`, { confirmedLevel: 4 }));
  const plan = (over: Record<string, unknown>) =>
    ok(
      w.alice.post(`/api/v1/patients/${north}/care-plan`, {
        interventions: [
          {
            interventionId: 'urgent-medical-review',
            deliveryMode: 'one-to-one',
            ownerId: w.aliceId,
            dueDate: TODAY,
          },
        ],
        goals: ['Cut down to weekends only'],
        keyWorkerId: w.aliceId,
        reviewDue: '2027-03-01',
        ...over,
      }),
    );
  await plan({});
  await plan({
    goals: ['Cut down to weekends only', 'Attend urology'],
    decisionId: decision,
    reason: 'Level 3',
  });
  const formulation = { presentingHarms: 'Urinary frequency', drivers: 'Exams', protectiveFactors: 'Sister' };
  await ok(w.alice.post(`/api/v1/patients/${north}/formulation`, { ...formulation, goals: 'Graduate' }));
  await ok(
    w.alice.post(`/api/v1/patients/${north}/formulation`, { ...formulation, goals: 'Graduate in June' }),
  );
  await ok(w.alice.post(`/api/v1/patients/${north}/tasks`, { title: 'Phone the GP', priority: 'urgent' }));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const booking = { startsAt: `${tomorrow}T10:00:00Z`, durationMinutes: 45, contactType: 'face-to-face' };
  appointment =
    (
      await ok(
        w.alice.post(`/api/v1/patients/${north}/appointments`, { ...booking, practitionerId: w.aliceId }),
      )
    ).id ?? '';
  const reschedule = { status: 'rescheduled', startsAt: `${tomorrow}T14:00:00Z`, reason: 'Patient asked' };
  await ok(w.alice.post(`/api/v1/appointments/${appointment}/status`, reschedule), 200);
  onward =
    (
      await ok(
        w.alice.post(`/api/v1/patients/${north}/onward-referrals`, {
          destination: 'hepatology',
          decidedOn: TODAY,
          targetDays: 28,
          decisionId: decision,
        }),
      )
    ).id ?? '';
  await ok(w.alice.post(`/api/v1/onward-referrals/${onward}/outcome`, { outcome: 'made', on: TODAY }), 200);
  const referral = { indication: 'treatment-resistant-depression', referrer: 'Dr Menon (GP)' };
  inbound = (await ok(w.alice.post(`/api/v1/patients/${north}/referrals`, referral))).id ?? '';
  const rx = await addStaff(w, 'rx@clinic.test', 'Rex Prescriber', ['prescriber'], [w.serviceA]);
  rxId = rx.id;
  await signEligibility(rx.client, north);
  // The same kinds of record in the other service.
  southReferral = (await ok(w.bob.post(`/api/v1/patients/${south}/referrals`, referral))).id ?? '';
  southAppointment = (await ok(w.bob.post(`/api/v1/patients/${south}/appointments`, booking))).id ?? '';
  southAssessment = (await harm(w.bob, south, { assessment: assessment(['urinary-frequency']) })).id ?? '';
  southDecision =
    (await ok(w.bob.post(`/api/v1/harm-assessments/${southAssessment}/decision`, { confirmedLevel: 2 })))
      .id ?? '';
  await ok(
    w.bob.post(`/api/v1/patients/${south}/care-plan`, {
      interventions: [],
      goals: ['Southern goal'],
      reviewDue: '2027-03-01',
    }),
  );
  const southFormulation = {
    presentingHarms: 'South',
    drivers: 'South',
    protectiveFactors: 'South',
    goals: 'South',
  };
  await ok(w.bob.post(`/api/v1/patients/${south}/formulation`, southFormulation));
  await ok(w.bob.post(`/api/v1/patients/${south}/tasks`, { title: 'Southern task' }));
  await harm(w.bob, south, { assessment: assessment(['visible-haematuria']) });
  // A dosing session in the first service, discharged with its no-driving time; the server clock moves on
  // through administration and observation (and stays there).
  await ok(w.admin.post(`/api/v1/users/${rxId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' }));
  const weight = { kg: 70, measuredOn: TODAY };
  dosed =
    (await ok(rx.client.post('/api/v1/patients', { ...SAMPLE_PATIENT, familyName: 'Dosed', weight }))).id ??
    '';
  session = await startIvSession(rx.client, dosed, rxId);
  const clock = new SessionClock(server, [w.alice, w.bob, w.admin, rx.client]);
  const step = (event: string, min: number) =>
    ok(rx.client.post(`/api/v1/treatment-sessions/${session}/administration`, { event, at: clock.at(min) }));
  await step('start', 0);
  await clock.advanceTo(40);
  await step('stop', 40);
  await clock.advanceTo(65);
  const normal = { systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 };
  await ok(
    rx.client.post(`/api/v1/treatment-sessions/${session}/vitals`, { takenAt: clock.at(65), ...normal }),
  );
  await clock.advanceTo(75);
  const discharge = { alertAndOriented: true, escortPresent: true };
  await ok(rx.client.post(`/api/v1/treatment-sessions/${session}/discharge`, discharge));
}, 180_000);
afterAll(() => server.close());

describe('CarePlan and Goal', () => {
  it('serves the current plan version with its goals, decision and review date, and the old version in history', async () => {
    const b = await search(
      w.alice,
      `CarePlan?patient=${north}&_include=CarePlan:goal&_include=CarePlan:patient`,
    );
    expect(ids(b)).toHaveLength(1);
    const id = ids(b)[0] ?? '';
    const plan = await read(w.alice, `CarePlan/${id}`);
    expect(plan.meta?.versionId).toBe('2');
    expect(plan.supportingInfo).toEqual([{ reference: `ClinicalImpression/${decision}` }]);
    expect(plan.activity).toContainEqual({
      detail: {
        code: { text: 'Care plan review' },
        status: 'scheduled',
        scheduledPeriod: { start: '2027-03-01' },
      },
    });
    expect(included(b).sort()).toEqual([`Goal/${id}-goal-1`, `Goal/${id}-goal-2`, `Patient/${north}`].sort());
    expect(plan.goal).toEqual([{ reference: `Goal/${id}-goal-1` }, { reference: `Goal/${id}-goal-2` }]);
    const v1 = await read(w.alice, `CarePlan/${id}/_history/1`);
    expect(v1.goal).toEqual([{ reference: `Goal/${id}-goal-1` }]);
    const history = (await w.alice.get(`${FHIR}/CarePlan/${id}/_history`)).body as Bundle;
    valid(history);
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
    const goal = await read(w.alice, `Goal/${id}-goal-2`);
    expect(goal.description).toEqual({ text: 'Attend urology' });
    expect(goal.meta?.versionId).toBe('2');
    const goalHistory = valid((await w.alice.get(`${FHIR}/Goal/${id}-goal-1/_history`)).body as Bundle);
    expect(goalHistory.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
    expect((await w.alice.get(`${FHIR}/Goal/${id}-goal-2/_history/1`)).status).toBe(404);
    expect((await w.alice.get(`${FHIR}/Goal/${id}-goal-3`)).status).toBe(404);
  });

  it('finds plans and goals by every parameter', async () => {
    const id = ids(await search(w.alice, `CarePlan?subject=Patient/${north}`))[0] ?? '';
    for (const q of [
      `_id=${id}`,
      `_lastUpdated=ge${TODAY}`,
      'status=active',
      'intent=plan',
      `date=ge${TODAY}`,
      'activity-date=2027-03-01',
      'activity-code=https://kaspr.example/fhir/CodeSystem/intervention|urgent-medical-review',
      `goal=Goal/${id}-goal-1`,
    ])
      expect(ids(await search(w.alice, `CarePlan?patient=${north}&${q}`)), q).toEqual([id]);
    expect(ids(await search(w.alice, `CarePlan?patient=${north}&status=revoked`))).toEqual([]);
    expect(ids(await search(w.alice, `CarePlan?patient=${north}&activity-date=2027-03-02`))).toEqual([]);
    const goals = [`${id}-goal-1`, `${id}-goal-2`];
    for (const q of [
      `patient=${north}`,
      `subject=Patient/${north}`,
      'lifecycle-status=active',
      `start-date=${TODAY}`,
    ])
      expect(ids(await search(w.alice, `Goal?${q}`)).sort(), q).toEqual(goals);
    expect(ids(await search(w.alice, `Goal?_id=${id}-goal-2`))).toEqual([`${id}-goal-2`]);
    expect(ids(await search(w.alice, `Goal?_lastUpdated=lt2000-01-01`))).toEqual([]);
    expect(included(await search(w.alice, `Goal?_id=${id}-goal-1&_include=Goal:patient`))).toEqual([
      `Patient/${north}`,
    ]);
  });
});

describe('RiskAssessment', () => {
  it('serves a corrected assessment as version 2 of the original, the original in vread and history', async () => {
    const risk = await read(w.alice, `RiskAssessment/${firstAssessment}`);
    expect(risk.meta?.versionId).toBe('2');
    expect(risk.status).toBe('corrected');
    const v1 = await read(w.alice, `RiskAssessment/${firstAssessment}/_history/1`);
    expect(v1.status).toBe('final');
    expect(v1.prediction).toEqual([
      expect.objectContaining({
        outcome: expect.objectContaining({ coding: [{ system: LEVEL, code: '2' }] }),
      }),
    ]);
    const history = valid(
      (await w.alice.get(`${FHIR}/RiskAssessment/${firstAssessment}/_history`)).body as Bundle,
    );
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
  });

  it('finds assessments by every parameter, one resource per correction chain', async () => {
    const both = [firstAssessment, secondAssessment].sort();
    expect(ids(await search(w.alice, `RiskAssessment?patient=${north}`)).sort()).toEqual(both);
    const method = (await read(w.alice, `RiskAssessment/${secondAssessment}`)).method as { text: string };
    for (const q of [
      `subject=Patient/${north}`,
      `date=ge${TODAY}`,
      `method=${method.text}`,
      `performer=Practitioner/${w.aliceId}`,
      `_lastUpdated=ge${TODAY}`,
    ])
      expect(ids(await search(w.alice, `RiskAssessment?patient=${north}&${q}`)).sort(), q).toEqual(both);
    expect(ids(await search(w.alice, `RiskAssessment?patient=${north}&risk=${LEVEL}|4`))).toEqual([
      secondAssessment,
    ]);
    expect(ids(await search(w.alice, `RiskAssessment?_id=${secondAssessment}`))).toEqual([secondAssessment]);
    expect(ids(await search(w.alice, `RiskAssessment?patient=${north}&date=lt2000`))).toEqual([]);
    const b = await search(
      w.alice,
      `RiskAssessment?_id=${secondAssessment}&_include=RiskAssessment:subject&_include=RiskAssessment:performer`,
    );
    expect(included(b).sort()).toEqual([`Patient/${north}`, `Practitioner/${w.aliceId}`].sort());
  });
});

describe('ClinicalImpression', () => {
  it('serves a decision on the assessment it decided, and the formulation as versions', async () => {
    const d = await read(w.alice, `ClinicalImpression/${decision}`);
    expect(d.supportingInfo).toEqual([{ reference: `RiskAssessment/${firstAssessment}` }]);
    expect(d.summary).toBe('Escalating pattern reported by family');
    const f = await read(w.alice, `ClinicalImpression/${north}-formulation`);
    expect(f.meta?.versionId).toBe('2');
    const v1 = await read(w.alice, `ClinicalImpression/${north}-formulation/_history/1`);
    expect(v1.note).toContainEqual({ text: 'Goals: Graduate' });
    const history = valid(
      (await w.alice.get(`${FHIR}/ClinicalImpression/${north}-formulation/_history`)).body as Bundle,
    );
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
  });

  it('finds impressions by every parameter and includes the assessment decided', async () => {
    const all = ids(await search(w.alice, `ClinicalImpression?patient=${north}`));
    expect(all).toHaveLength(4); // two decisions, the formulation and the signed eligibility
    for (const q of [
      `subject=Patient/${north}`,
      `date=ge${TODAY}`,
      'status=completed',
      `_lastUpdated=ge${TODAY}`,
    ])
      expect(ids(await search(w.alice, `ClinicalImpression?patient=${north}&${q}`)), q).toHaveLength(4);
    const byAlice = `ClinicalImpression?patient=${north}&assessor=Practitioner/${w.aliceId}`;
    expect(ids(await search(w.alice, byAlice))).toHaveLength(3);
    const eligibility = await search(
      w.alice,
      `ClinicalImpression?patient=${north}&code=https://kaspr.example/fhir/CodeSystem/assessment|treatment-eligibility`,
    );
    expect(ids(eligibility)).toHaveLength(1);
    const signed = await read(w.alice, `ClinicalImpression/${ids(eligibility)[0] ?? ''}`);
    expect(signed.assessor).toEqual({ reference: `Practitioner/${rxId}`, display: 'Rex Prescriber' });
    expect(signed.summary).toBe('eligible');
    expect(
      ids(await search(w.alice, `ClinicalImpression?patient=${north}&assessor=Practitioner/${rxId}`)),
    ).toEqual(ids(eligibility));
    expect(ids(await search(w.alice, `ClinicalImpression?patient=${north}&finding-code=${LEVEL}|3`))).toEqual(
      [decision],
    );
    expect(
      ids(
        await search(
          w.alice,
          `ClinicalImpression?patient=${north}&code=https://kaspr.example/fhir/CodeSystem/assessment|harm-level-of-need`,
        ),
      ),
    ).toHaveLength(2);
    const b = await search(
      w.alice,
      `ClinicalImpression?supporting-info=RiskAssessment/${firstAssessment}&_include=ClinicalImpression:supporting-info&_include=ClinicalImpression:assessor`,
    );
    expect(ids(b)).toEqual([decision]);
    expect(included(b).sort()).toEqual(
      [`Practitioner/${w.aliceId}`, `RiskAssessment/${firstAssessment}`].sort(),
    );
    expect(ids(await search(w.alice, `ClinicalImpression?_id=${north}-formulation`))).toEqual([
      `${north}-formulation`,
    ]);
  });
});

describe('Flag and Task', () => {
  it('serves the no-driving advice of a discharge as a clinical Flag on the encounter', async () => {
    const flag = await read(w.alice, `Flag/${session}-no-driving`);
    expect(flag.status).toBe('active');
    expect(flag.encounter).toEqual({ reference: `Encounter/${session}` });
    const period = flag.period as { start: string; end: string };
    expect(Date.parse(period.end) - Date.parse(period.start)).toBeGreaterThan(10 * 3_600_000);
    const clinical = 'category=http://terminology.hl7.org/CodeSystem/flag-category|clinical';
    expect(ids(await search(w.alice, `Flag?patient=${dosed}&${clinical}`))).toEqual([
      `${session}-no-driving`,
    ]);
    expect(ids(await search(w.alice, `Flag?patient=${dosed}&code=no-driving&status=active`))).toEqual([
      `${session}-no-driving`,
    ]);
    expect(ids(await search(w.alice, `Flag?patient=${north}&${clinical}`))).toEqual([]);
    const history = valid((await w.alice.get(`${FHIR}/Flag/${session}-no-driving/_history`)).body as Bundle);
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['1']);
  });

  it('serves alerts as Flags, inactive with a second version once acknowledged', async () => {
    const flags = ids(await search(w.alice, `Flag?patient=${north}&status=active`));
    expect(flags.length).toBeGreaterThanOrEqual(2);
    const alert = flags[0] ?? '';
    await ok(w.alice.post(`/api/v1/alerts/${alert}/acknowledge`, { note: 'Seen' }));
    const flag = await read(w.alice, `Flag/${alert}`);
    expect(flag.status).toBe('inactive');
    expect(flag.meta?.versionId).toBe('2');
    expect((await read(w.alice, `Flag/${alert}/_history/1`)).status).toBe('active');
    for (const q of [
      `subject=Patient/${north}`,
      `date=ge${TODAY}`,
      'category=http://terminology.hl7.org/CodeSystem/flag-category|safety',
      'status=inactive',
      `_id=${alert}`,
      `_lastUpdated=ge${TODAY}`,
      `code=${String((flag.code as { coding: { code: string }[] }).coding[0]?.code)}`,
    ])
      expect(ids(await search(w.alice, `Flag?patient=${north}&${q}`)), q).toContain(alert);
    expect(ids(await search(w.alice, `Flag?patient=${north}&date=lt2000`))).toEqual([]);
  });

  it('serves tasks with their priority, owner and the alert that raised them, completed as a second version', async () => {
    const all = await search(w.alice, `Task?patient=${north}&_include=Task:focus&_include=Task:owner`);
    const raised = (all.entry ?? [])
      .map((e) => e.resource)
      .filter((t) => t.resourceType === 'Task' && t.focus);
    expect(raised.length).toBeGreaterThanOrEqual(2);
    for (const t of raised) {
      const focus = (t.focus as { reference: string }).reference;
      expect(focus).toMatch(/^Flag\//);
      expect(included(all)).toContain(focus);
    }
    expect(included(all)).toContain(`Practitioner/${w.aliceId}`);
    expect(included(await search(w.alice, `Task?patient=${north}&_include=Task:patient`))).toEqual([
      `Patient/${north}`,
    ]);
    const urgent = await search(w.alice, `Task?patient=${north}&priority=asap`);
    const task =
      urgent.entry?.find((e) => (e.resource.code as { text: string }).text === 'Phone the GP')?.resource.id ??
      '';
    expect(task).not.toBe('');
    await ok(w.alice.post(`/api/v1/tasks/${task}/complete`, { note: 'Done' }));
    expect((await read(w.alice, `Task/${task}`)).status).toBe('completed');
    expect((await read(w.alice, `Task/${task}/_history/1`)).status).toBe('requested');
    for (const q of [
      `owner=Practitioner/${w.aliceId}`,
      'status=completed',
      `authored-on=ge${TODAY}`,
      `_id=${task}`,
      `_lastUpdated=ge${TODAY}`,
    ])
      expect(ids(await search(w.alice, `Task?patient=${north}&${q}`)), q).toContain(task);
    const focus = (raised[0]?.focus as { reference: string }).reference;
    expect(ids(await search(w.alice, `Task?focus=${focus}`))).toEqual([raised[0]?.id]);
    expect(ids(await search(w.alice, `Task?patient=${north}&status=requested`))).not.toContain(task);
    expect(ids(await search(w.alice, `Task?patient=${north}&priority=routine`))).toEqual([]);
  });
});

describe('Appointment', () => {
  it('takes status and time from the latest event, each event a version', async () => {
    const a = await read(w.alice, `Appointment/${appointment}`);
    expect(a.meta?.versionId).toBe('2');
    expect(a.status).toBe('booked');
    expect(String(a.start)).toMatch(/T14:00:00/);
    expect(String(a.end)).toMatch(/T14:45:00/);
    expect(String((await read(w.alice, `Appointment/${appointment}/_history/1`)).start)).toMatch(/T10:00:00/);
    const history = valid((await w.alice.get(`${FHIR}/Appointment/${appointment}/_history`)).body as Bundle);
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
    await ok(w.alice.post(`/api/v1/appointments/${appointment}/status`, { status: 'attended' }), 200);
    const done = await read(w.alice, `Appointment/${appointment}`);
    expect([done.status, done.meta?.versionId]).toEqual(['fulfilled', '3']);
  });

  it('finds appointments by every parameter', async () => {
    for (const q of [
      `patient=${north}`,
      `actor=Patient/${north}`,
      `practitioner=Practitioner/${w.aliceId}`,
      `actor=Practitioner/${w.aliceId}`,
      `date=ge${TODAY}`,
      'status=fulfilled',
      'service-type=https://kaspr.example/fhir/CodeSystem/contact-type|face-to-face',
      `_id=${appointment}`,
      `_lastUpdated=ge${TODAY}`,
    ])
      expect(ids(await search(w.alice, `Appointment?${q}`)), q).toEqual([appointment]);
    expect(ids(await search(w.alice, `Appointment?patient=${north}&status=cancelled`))).toEqual([]);
    const b = await search(
      w.alice,
      `Appointment?_id=${appointment}&_include=Appointment:patient&_include=Appointment:practitioner`,
    );
    expect(included(b).sort()).toEqual([`Patient/${north}`, `Practitioner/${w.aliceId}`].sort());
    const actors = await search(w.alice, `Appointment?_id=${appointment}&_include=Appointment:actor`);
    expect(included(actors)).toHaveLength(2);
    expect(ids(await search(w.alice, `Appointment?patient=${north}&date=lt2000`))).toEqual([]);
  });
});

describe('ServiceRequest', () => {
  it('serves an onward referral made as version 2 of the decided one, and an inbound one completed by eligibility', async () => {
    const made = await read(w.alice, `ServiceRequest/${onward}`);
    expect([made.status, made.meta?.versionId]).toEqual(['active', '2']);
    expect(made.reasonReference).toEqual([{ reference: `ClinicalImpression/${decision}` }]);
    expect((await read(w.alice, `ServiceRequest/${onward}/_history/1`)).status).toBe('draft');
    const received = await read(w.alice, `ServiceRequest/${inbound}`);
    expect([received.status, received.meta?.versionId]).toEqual(['completed', '2']);
    expect(received.requester).toEqual({ display: 'Dr Menon (GP)' });
    const history = valid((await w.alice.get(`${FHIR}/ServiceRequest/${inbound}/_history`)).body as Bundle);
    expect(history.entry?.map((e) => e.resource.status)).toEqual(['completed', 'active']);
  });

  it('finds referrals by every parameter', async () => {
    const both = [onward, inbound].sort();
    for (const q of [
      `subject=Patient/${north}`,
      'category=http://snomed.info/sct|3457005',
      `authored=ge${TODAY.slice(0, 4)}`,
      `_lastUpdated=ge${TODAY}`,
    ])
      expect(ids(await search(w.alice, `ServiceRequest?patient=${north}&${q}`)).sort(), q).toEqual(both);
    for (const q of [
      'status=active',
      `occurrence=ge${TODAY}`,
      'code=https://kaspr.example/fhir/CodeSystem/referral-destination|hepatology',
      `requester=Practitioner/${w.aliceId}`,
      `_id=${onward}`,
    ])
      expect(ids(await search(w.alice, `ServiceRequest?patient=${north}&${q}`)), q).toEqual([onward]);
    expect(ids(await search(w.alice, `ServiceRequest?patient=${north}&status=completed`))).toEqual([inbound]);
    expect(ids(await search(w.alice, `ServiceRequest?patient=${north}&status=revoked`))).toEqual([]);
    const b = await search(w.alice, `ServiceRequest?_id=${inbound}&_include=ServiceRequest:patient`);
    expect(included(b)).toEqual([`Patient/${north}`]);
    const requested = await search(w.alice, `ServiceRequest?_id=${onward}&_include=ServiceRequest:requester`);
    expect(included(requested)).toEqual([`Practitioner/${w.aliceId}`]);
  });
});

describe('access', () => {
  it("never shows one service's harm records to another: search, read, history and includes", async () => {
    const northPlan = ids(await search(w.alice, `CarePlan?patient=${north}`))[0] ?? '';
    const northFlag = ids(await search(w.alice, `Flag?patient=${north}`))[0] ?? '';
    const northTask = ids(await search(w.alice, `Task?patient=${north}`))[0] ?? '';
    for (const type of HARM) {
      for (const q of [type, `${type}?patient=${north}`, `${type}?patient=${dosed}`]) {
        const text = JSON.stringify((await search(w.bob, q)).entry ?? []);
        expect(text, q).not.toContain(north);
        expect(text, q).not.toContain(dosed);
        expect(text, q).not.toContain(w.aliceId);
      }
    }
    for (const path of [
      `CarePlan/${northPlan}`,
      `CarePlan/${northPlan}/_history`,
      `CarePlan/${northPlan}/_history/1`,
      `Goal/${northPlan}-goal-1`,
      `Goal/${northPlan}-goal-1/_history`,
      `RiskAssessment/${firstAssessment}`,
      `RiskAssessment/${firstAssessment}/_history/1`,
      `ClinicalImpression/${decision}`,
      `ClinicalImpression/${north}-formulation`,
      `ClinicalImpression/${north}-formulation/_history/1`,
      `Flag/${northFlag}`,
      `Task/${northTask}`,
      `Appointment/${appointment}`,
      `Appointment/${appointment}/_history/1`,
      `ServiceRequest/${onward}`,
      `ServiceRequest/${inbound}/_history/1`,
      `Flag/${session}-no-driving`,
    ]) {
      const r = await w.bob.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(404);
    }
    // The other service sees its own, and the other way round the same holds.
    expect(ids(await search(w.bob, 'RiskAssessment')).length).toBe(2);
    expect(ids(await search(w.bob, 'ClinicalImpression')).sort()).toEqual(
      [southDecision, `${south}-formulation`].sort(),
    );
    expect(ids(await search(w.bob, 'Goal'))).toHaveLength(1);
    expect(ids(await search(w.bob, 'Task')).length).toBeGreaterThan(0);
    expect(ids(await search(w.bob, 'Flag')).length).toBeGreaterThan(0);
    for (const path of [
      `RiskAssessment/${southAssessment}`,
      `ClinicalImpression/${southDecision}`,
      `ClinicalImpression/${south}-formulation`,
    ])
      expect((await w.alice.get(`${FHIR}/${path}`)).status, path).toBe(404);
    // Includes stay within the searcher's services too.
    for (const q of [
      'CarePlan?_include=CarePlan:goal',
      'ClinicalImpression?_include=ClinicalImpression:supporting-info',
      'Task?_include=Task:focus',
    ]) {
      const text = JSON.stringify((await search(w.bob, q)).entry ?? []);
      expect(text, q).not.toContain(north);
    }
    expect(ids(await search(w.bob, 'Appointment'))).toEqual([southAppointment]);
    expect(ids(await search(w.bob, 'ServiceRequest'))).toEqual([southReferral]);
    expect((await w.alice.get(`${FHIR}/ServiceRequest/${southReferral}`)).status).toBe(404);
    expect((await w.alice.get(`${FHIR}/Appointment/${southAppointment}`)).status).toBe(404);
    for (const type of HARM) {
      const text = JSON.stringify((await search(w.alice, type)).entry ?? []);
      expect(text, type).not.toContain(south);
      expect(text, type).not.toContain(w.bobId);
    }
  });
});

/** A system-level Bulk Data export of the harm types by this client: its resources, as type/id, after validation. */
async function exportHarm(client: Client): Promise<string[]> {
  const headers = { prefer: 'respond-async', accept: 'application/fhir+json' };
  const k = await client.get(`${FHIR}/$export?_type=${HARM.join(',')}`, headers);
  expect(k.status, k.text).toBe(202);
  const status = (k.headers.get('content-location') ?? '').slice(server.baseUrl.length);
  let done = await client.get(status);
  for (let n = 0; done.status === 202 && n < 200; n += 1) {
    await new Promise((settle) => setTimeout(settle, 50));
    done = await client.get(status);
  }
  expect(done.status, done.text).toBe(200);
  const out: string[] = [];
  for (const item of (done.body as { output: { url: string }[] }).output) {
    const file = await client.get(item.url.slice(server.baseUrl.length));
    expect(file.status).toBe(200);
    for (const line of file.text.split('\n').filter(Boolean)) {
      const r = valid(JSON.parse(line) as Resource);
      out.push(`${r.resourceType}/${r.id}`);
    }
  }
  return out;
}

describe('Bulk Data export', () => {
  it("holds each service's harm records in its own export only", async () => {
    const northExport = await exportHarm(w.alice);
    const southExport = await exportHarm(w.bob);
    for (const ref of [
      `RiskAssessment/${firstAssessment}`,
      `ClinicalImpression/${decision}`,
      `ClinicalImpression/${north}-formulation`,
      `Appointment/${appointment}`,
      `ServiceRequest/${onward}`,
      `ServiceRequest/${inbound}`,
      `Flag/${session}-no-driving`,
    ]) {
      expect(northExport, ref).toContain(ref);
      expect(southExport, ref).not.toContain(ref);
    }
    for (const type of HARM)
      expect(
        northExport.some((r) => r.startsWith(`${type}/`)),
        type,
      ).toBe(true);
    for (const ref of [
      `RiskAssessment/${southAssessment}`,
      `ServiceRequest/${southReferral}`,
      `Appointment/${southAppointment}`,
    ]) {
      expect(southExport, ref).toContain(ref);
      expect(northExport, ref).not.toContain(ref);
    }
    expect(southExport.some((r) => r.includes(north) || r.includes(dosed))).toBe(false);
  });
});

describe('CapabilityStatement', () => {
  it('advertises the harm types with read, search, and history where versions are kept, and answers every parameter', async () => {
    const r = await w.alice.get(`${FHIR}/metadata`);
    expect(r.status).toBe(200);
    const rest = r.body.rest[0] as {
      resource: { type: string; interaction?: { code: string }[]; searchParam?: { name: string }[] }[];
    };
    for (const type of HARM) {
      const res = rest.resource.find((x) => x.type === type);
      const interactions = res?.interaction?.map((i) => i.code) ?? [];
      expect(interactions, type).toEqual(expect.arrayContaining(['read', 'search-type']));
      expect(interactions, type).toEqual(expect.arrayContaining(['vread', 'history-instance']));
      for (const p of res?.searchParam ?? []) {
        const b = await w.alice.get(`${FHIR}/${type}?${p.name}=x&_summary=count`);
        const outcome = (b.body as Bundle).entry?.find((e) => e.search?.mode === 'outcome');
        expect(outcome, `${type}?${p.name}`).toBeUndefined();
      }
    }
  });
});
