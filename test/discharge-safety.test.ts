// Discharge safety over real HTTP: absolute vital-sign ceilings, the end of an infusion, the esketamine 40-minute
// BP, the REMS form's derived fields and the discharge summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClock } from './support/session-clock.ts';
import {
  ADMIN,
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type Reply,
  type TestServer,
} from './support/server.ts';
import { signConsent, signEligibility } from './support/treatment.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let serviceA: string;
let prescriber: Client;
let prescriberId: string;
let clock: SessionClock;
let patientCount = 0;

const normal = { systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 };

beforeAll(async () => {
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  const w = await buildWorld(server);
  serviceA = w.serviceA;
  const r = await w.admin.post('/api/v1/users', {
    email: 'dis@clinic.test',
    displayName: 'Dana Discharge',
    roles: ['prescriber'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriberId = r.body.user.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  prescriber = new Client(server.baseUrl);
  await prescriber.login('dis@clinic.test', STAFF_PASSWORD);
  clock = new SessionClock(server, [prescriber]);
});
afterAll(() => server.close());

interface Opened {
  id: string;
  patientId: string;
  /** ISO time `min` minutes after administration started. */
  at: (min: number) => string;
  /** Moves the clock to `min` minutes after administration started. */
  advanceTo: (min: number) => Promise<void>;
  vitals: (min: number, v?: Partial<typeof normal> & { respiratoryRate?: number }) => Promise<void>;
  discharge: (body?: Record<string, unknown>) => Promise<Reply>;
}

/** A new patient, eligible and consented, with a session started now and administration starting now. */
async function openSession(
  kind: 'iv' | 'esketamine',
  options: {
    baseline?: Partial<typeof normal>;
    extra?: Record<string, unknown>;
    medications?: object[];
  } = {},
): Promise<Opened> {
  const route = kind === 'iv' ? 'iv-racemic' : 'intranasal-esketamine';
  patientCount += 1;
  const p = await prescriber.post('/api/v1/patients', {
    givenName: 'Dee',
    familyName: `Discharge${patientCount}`,
    birthDate: '1980-01-01',
    sex: 'female',
    weight: { kg: 70, measuredOn: clock.now().toISOString().slice(0, 10) },
    medications: options.medications ?? [],
  });
  const patientId = p.body.id as string;
  await signEligibility(prescriber, patientId, route);
  await signConsent(prescriber, patientId, 'Dee Discharge', route);
  const base = clock.minutes;
  const s = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
    protocol: kind === 'iv' ? 'iv-racemic-psychiatric' : 'esketamine-intranasal',
    setting: 'clinic',
    baseline: { takenAt: clock.at(base - 1), ...normal, ...options.baseline },
    dose: kind === 'iv' ? { mgPerKg: 0.5, durationMin: 40 } : { doseMg: 56 },
    escortConfirmed: true,
    fastingConfirmed: true,
    newContraindication: false,
    aclsClinicianId: prescriberId,
    ...(kind === 'esketamine'
      ? { prescriberOnSite: true, remsPatientEnrolled: true, firstSession: true }
      : {}),
    ...options.extra,
  });
  if (s.status !== 201) throw new Error(`session start failed: ${s.text}`);
  const id = s.body.id as string;
  const a = await prescriber.post(`/api/v1/treatment-sessions/${id}/administration`, {
    event: 'start',
    at: clock.at(base),
  });
  if (a.status !== 201) throw new Error(`administration start failed: ${a.text}`);
  return {
    id,
    patientId,
    at: (min) => clock.at(base + min),
    advanceTo: (min) => clock.advanceTo(base + min),
    vitals: async (min, v = {}) => {
      // Nothing is recorded ahead of the clock: move it on to the reading's time first.
      await clock.advanceTo(base + min);
      const r = await prescriber.post(`/api/v1/treatment-sessions/${id}/vitals`, {
        takenAt: clock.at(base + min),
        ...normal,
        ...v,
      });
      if (r.status !== 201) throw new Error(`vitals failed: ${r.text}`);
    },
    discharge: (body = {}) =>
      prescriber.post(`/api/v1/treatment-sessions/${id}/discharge`, {
        alertAndOriented: true,
        escortPresent: true,
        ...body,
      }),
  };
}

async function stopAt(s: Opened, min: number): Promise<void> {
  await s.advanceTo(min);
  const r = await prescriber.post(`/api/v1/treatment-sessions/${s.id}/administration`, {
    event: 'stop',
    at: s.at(min),
  });
  if (r.status !== 201) throw new Error(`administration stop failed: ${r.text}`);
}

const codesOf = (body: { unmet?: { code: string }[] }) => (body.unmet ?? []).map((u) => u.code);

describe('discharge: absolute ceilings', () => {
  it('refuses 183/108 after a 160/95 baseline (within 15% of baseline, but urgent), then allows 150/90', async () => {
    const s = await openSession('iv', {
      baseline: { systolic: 160, diastolic: 95 },
      extra: { prescriberAcknowledgedHighBp: true },
    });
    await stopAt(s, 40);
    await s.vitals(65, { systolic: 183, diastolic: 108 });
    await s.advanceTo(71);
    const refused = await s.discharge();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('vitals-at-urgent-threshold');
    expect(codesOf(refused.body)).toEqual(['vitals-at-urgent-threshold', 'vitals-at-urgent-threshold']);
    await s.vitals(70, { systolic: 150, diastolic: 90 });
    expect((await s.discharge()).status).toBe(201);
  });
});

describe('discharge: the end of an infusion', () => {
  it('refuses an IV discharge until the stop is recorded, then counts observation and no-driving from it', async () => {
    const s = await openSession('iv');
    await s.vitals(65);
    await s.advanceTo(75);
    const refused = await s.discharge();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('administration-end-not-recorded');
    await stopAt(s, 40);
    const r = await s.discharge();
    expect(r.status).toBe(201);
    expect(r.body.administrationEndedAt).toBe(s.at(40));
    expect(r.body.noDrivingUntil).toBe(new Date(Date.parse(s.at(40)) + 12 * 3_600_000).toISOString());
  });
});

describe('discharge: the esketamine 40-minute BP', () => {
  it('is refused without a BP 30–50 min after the first device, naming the window; a reading at 40 min lets it through', async () => {
    const s = await openSession('esketamine');
    await s.vitals(55, { systolic: 150, diastolic: 92 });
    await s.vitals(118);
    await s.advanceTo(121);
    const refused = await s.discharge({ effectsResolved: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('bp-checkpoint-missing');
    expect(refused.body.detail).toContain('30–50 min after dosing started');
    expect(refused.body.bpCheckpoints).toEqual([
      { checkpointMin: 40, dueAt: s.at(40), reading: null, missedReason: null },
    ]);
    await s.vitals(41, { systolic: 138, diastolic: 88 });
    const r = await s.discharge({ effectsResolved: true });
    expect(r.status).toBe(201);
    expect(r.body.bpCheckpoints[0].reading).toMatchObject({ takenAt: s.at(41), systolic: 138 });
  });

  it('accepts a stated reason for a missed 40-minute BP and keeps it in the summary', async () => {
    const s = await openSession('esketamine');
    await s.vitals(118);
    await s.advanceTo(121);
    const r = await s.discharge({
      effectsResolved: true,
      bpCheckpointMissedReason: 'Patient asleep at 40 min',
    });
    expect(r.status).toBe(201);
    expect(r.body.bpCheckpoints[0]).toMatchObject({
      reading: null,
      missedReason: 'Patient asleep at 40 min',
    });
  });
});

describe('discharge: "the next day" of the esketamine no-driving rule', () => {
  /** Local midnight in New York that starts the day after `iso`'s date there, worked out with Intl alone. */
  function nextNewYorkMidnight(iso: string): string {
    const date = (t: Date) => t.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    const next = new Date(`${date(new Date(iso))}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    const candidates = ['-05:00', '-04:00'].map((offset) => new Date(`${day}T00:00:00${offset}`));
    const midnight = candidates.find(
      (c) =>
        date(c) === day &&
        c.toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hourCycle: 'h23' }) === '00:00:00',
    );
    if (!midnight) throw new Error(`no New York midnight on ${day}`);
    return midnight.toISOString();
  }

  it("is the service's next day from its time zone, whatever offset the client sent", async () => {
    // Signed in now: the session clock has moved hours on since the world was built.
    const admin = new Client(server.baseUrl);
    expect((await admin.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    const zone = await admin.patch(`/api/v1/services/${serviceA}`, { timeZone: 'America/New_York' });
    expect(zone.status).toBe(200);
    try {
      const s = await openSession('esketamine');
      await s.vitals(41);
      await s.vitals(118);
      await s.advanceTo(121);
      // A client on UTC's clock: the offset it sends is not used.
      const r = await s.discharge({ effectsResolved: true, utcOffsetMinutes: 0 });
      expect(r.status).toBe(201);
      expect(r.body.noDrivingUntil).toBe(nextNewYorkMidnight(r.body.administrationEndedAt));
      const timeline = await prescriber.get(`/api/v1/patients/${s.patientId}/timeline`);
      const line = timeline.body.events.find((e: { summary: string }) => e.summary.startsWith('Discharged'));
      // The timeline names the New York date of that midnight.
      const [y, m, d] = (r.body.noDrivingUntil as string).slice(0, 10).split('-');
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      expect(line?.summary).toBe(
        `Discharged; no driving until after a night's sleep (not before ${d} ${months[Number(m) - 1]} ${y})`,
      );
    } finally {
      // The clock moved past the idle limit of the sign-in above.
      const again = new Client(server.baseUrl);
      await again.login(ADMIN.email, ADMIN.password);
      const back = await again.patch(`/api/v1/services/${serviceA}`, { timeZone: 'Europe/London' });
      expect(back.status).toBe(200);
      // A new sign-in, so the two hours this test added do not run the later tests into the 12-hour limit.
      expect((await prescriber.login('dis@clinic.test', STAFF_PASSWORD)).status).toBe(200);
    }
  });
});

describe('discharge summary', () => {
  it('adds the post-dose readings, every alert with time and level, the dose given and the prescriber', async () => {
    const s = await openSession('iv');
    await s.vitals(20, { systolic: 185 });
    await stopAt(s, 40);
    await s.vitals(66);
    await s.advanceTo(71);
    const r = await s.discharge();
    expect(r.status).toBe(201);
    // The existing fields stay.
    expect(r.body).toMatchObject({
      protocol: 'iv-racemic-psychiatric@1.0.0',
      administrationStartedAt: s.at(0),
      administrationEndedAt: s.at(40),
    });
    expect(r.body.noDrivingUntil).toBeTypeOf('string');
    expect(r.body.vitals.map((v: { takenAt: string }) => v.takenAt)).toEqual([s.at(20), s.at(66)]);
    expect(r.body.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ at: s.at(20), code: 'systolic', severity: 'urgent' }),
      ]),
    );
    // The full 40-min infusion of 35 mg (70 kg × 0.5 mg/kg): the stop records the dose started as given.
    expect(r.body.doseGivenMg).toBe(35);
    expect(r.body.prescriber).toBe('Dana Discharge');
    const again = await s.discharge();
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('session-discharged');
  });
});

describe('REMS monitoring form content', () => {
  it('leaves the 40-minute BP blank when no reading is in its window, and reports the one that is', async () => {
    const s = await openSession('esketamine');
    await s.vitals(55, { systolic: 150, diastolic: 92 });
    await s.vitals(118, { systolic: 126, diastolic: 80 });
    const blank = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(blank.status).toBe(200);
    expect(blank.body.record.bloodPressure.fortyMinutesAfter).toBeNull();
    expect(blank.body.problems.map((p: { path: string }) => p.path)).toContain(
      'bloodPressure.fortyMinutesAfter',
    );
    await s.vitals(119);
    await prescriber.post(`/api/v1/treatment-sessions/${s.id}/vitals`, {
      takenAt: s.at(42),
      ...normal,
      systolic: 138,
      diastolic: 88,
    });
    const filled = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(filled.body.record.bloodPressure.fortyMinutesAfter).toEqual({ systolic: 138, diastolic: 88 });
    expect(filled.body.problems.map((p: { path: string }) => p.path)).not.toContain(
      'bloodPressure.fortyMinutesAfter',
    );
  });

  it("dates the treatment on the service's calendar, not UTC's", async () => {
    const s = await openSession('esketamine');
    const started = new Date(s.at(0));
    const zone = zoneOffUtcDay(started);
    const local = dayIn(zone, started);
    expect(local).not.toBe(utcDay(started));
    const admin = new Client(server.baseUrl);
    expect((await admin.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    expect((await admin.patch(`/api/v1/services/${serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const r = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
      expect(r.status).toBe(200);
      expect(r.body.record.session.treatmentDate).toBe(local);
    } finally {
      expect((await admin.patch(`/api/v1/services/${serviceA}`, { timeZone: 'Europe/London' })).status).toBe(
        200,
      );
    }
  });

  it('derives "acceptable before administration" from the pre-dose check: Yes at 120/80', async () => {
    const s = await openSession('esketamine');
    const r = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(r.body.record.vitalSignsAcceptable.beforeAdministration).toBe(true);
    expect(r.body.record.vitalSignsAcceptable.beforeAdministrationNote).toBeUndefined();
  });

  it('says No after a high pre-dose BP was acknowledged, naming the prescriber', async () => {
    const s = await openSession('esketamine', {
      baseline: { systolic: 150, diastolic: 92 },
      extra: { prescriberAcknowledgedHighBp: true },
    });
    const r = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(r.body.record.vitalSignsAcceptable.beforeAdministration).toBe(false);
    expect(r.body.record.vitalSignsAcceptable.beforeAdministrationNote).toMatch(
      /^Pre-dose BP 150\/92 mmHg was above 140\/90; dosing went ahead, acknowledged by prescriber Dana Discharge at /,
    );
  });

  it('never answers concomitant medication from the name matcher: a suggestion until staff confirm', async () => {
    const s = await openSession('esketamine', { medications: [{ name: 'Oxycodone', dose: '5 mg' }] });
    const before = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(before.body.record.concomitantMedication).toEqual({
      benzodiazepines: null,
      nonBenzodiazepineSedativeHypnotics: null,
      psychostimulants: null,
      maois: null,
      opioids: null,
    });
    expect(before.body.concomitantMedicationSuggestion.answers.opioids).toBe(true);
    expect(before.body.concomitantMedicationSuggestion.confirmed).toBeNull();
    expect(before.body.problems.map((p: { path: string }) => p.path)).toContain(
      'concomitantMedication.opioids',
    );
    const answers = {
      benzodiazepines: false,
      nonBenzodiazepineSedativeHypnotics: false,
      psychostimulants: true,
      maois: false,
      opioids: true,
    };
    const bad = await prescriber.post(`/api/v1/treatment-sessions/${s.id}/rems-medication`, {
      opioids: true,
    });
    expect(bad.status).toBe(422);
    const ok = await prescriber.post(`/api/v1/treatment-sessions/${s.id}/rems-medication`, answers);
    expect(ok.status).toBe(201);
    const after = await prescriber.get(`/api/v1/treatment-sessions/${s.id}/rems-record`);
    expect(after.body.record.concomitantMedication).toEqual(answers);
    expect(after.body.concomitantMedicationSuggestion.confirmed.by).toBe('Dana Discharge');
    expect(after.body.problems.map((p: { path: string }) => p.path)).not.toContain(
      'concomitantMedication.opioids',
    );
  });

  it('refuses a medication confirmation on a session that is not esketamine', async () => {
    const s = await openSession('iv');
    const r = await prescriber.post(`/api/v1/treatment-sessions/${s.id}/rems-medication`, {
      benzodiazepines: false,
      nonBenzodiazepineSedativeHypnotics: false,
      psychostimulants: false,
      maois: false,
      opioids: false,
    });
    expect(r.status).toBe(422);
  });
});

describe('discharge: a closed session', () => {
  it('records one of two discharges sent at once and refuses the other as session-discharged', async () => {
    const s = await openSession('iv');
    await stopAt(s, 40);
    await s.vitals(66);
    await s.advanceTo(71);
    const replies = await Promise.all([s.discharge(), s.discharge()]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)?.body.code).toBe('session-discharged');
  });
});
