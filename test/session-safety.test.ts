// Dosing-session safety over real HTTP: the dose given is checked, an early stop records what was given (clinical
// record and CD register), prescriber decisions come from prescribers, administration times cannot be back-dated,
// and one session at a time with the first esketamine session read from history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { signConsent, signEligibility } from './support/treatment.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let nurse: Client;
let officer: Client;
let prescriberId: string;
let productId: string;
let safeId: string;

const CD = '/api/v1/cd-register';
const T0 = Date.now();
const today = new Date(T0).toISOString().slice(0, 10);
let clockMs = T0;
/** The server clock, fixed at T0 + `min` minutes (ms precision for boundaries). */
const iso = (ms: number) => new Date(ms).toISOString();
const setClock = (ms: number) => {
  clockMs = ms;
  server.ctx.now = () => new Date(clockMs);
};
/** Moves the clock forward in 10-minute steps, keeping every client signed in. */
async function advanceBy(min: number): Promise<void> {
  const end = clockMs + min * 60_000;
  while (clockMs < end) {
    setClock(Math.min(end, clockMs + 10 * 60_000));
    for (const c of [prescriber, nurse, officer]) expect((await c.get('/api/v1/me')).status).toBe(200);
  }
}

const baseline = (over: Record<string, number> = {}) => ({
  takenAt: iso(clockMs - 60_000),
  systolic: 120,
  diastolic: 80,
  heartRate: 70,
  spo2: 98,
  ...over,
});

const ivStart = (over: Record<string, unknown> = {}) => ({
  protocol: 'iv-racemic-psychiatric',
  setting: 'clinic',
  baseline: baseline(),
  dose: { mgPerKg: 0.5, durationMin: 40 },
  escortConfirmed: true,
  fastingConfirmed: true,
  newContraindication: false,
  aclsClinicianId: prescriberId,
  ...over,
});

let seq = 0;
/** A patient of `kg` with a signed eligibility and consent for the route. */
async function readyPatient(kg = 70, route = 'iv-racemic'): Promise<string> {
  seq += 1;
  const id = (
    await prescriber.post('/api/v1/patients', {
      givenName: 'Sessa',
      familyName: `Safety${String(seq)}`,
      birthDate: '1980-01-01',
      weight: { kg, measuredOn: today },
    })
  ).body.id as string;
  await signEligibility(prescriber, id, route);
  await signConsent(prescriber, id, 'The patient', route);
  return id;
}

async function startIv(patientId: string, by = prescriber, over: Record<string, unknown> = {}) {
  return by.post(`/api/v1/patients/${patientId}/treatment-sessions`, ivStart(over));
}

// The register holds stock (received below), so a start not drawn from it says why; these tests are about the
// dose, rate and times, and draw from the register only where they say so.
const administer = (sessionId: string, body: Record<string, unknown>, by = prescriber) =>
  by.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
    ...(body.event === 'start' && body.cdStock === undefined
      ? { notFromRegisterReason: 'Drawn from ward stock, entered in the ward register' }
      : {}),
    ...body,
  });

beforeAll(async () => {
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  setClock(T0);
  w = await buildWorld(server);
  const make = async (email: string, name: string, roles: string[]) => {
    const r = await w.admin.post('/api/v1/users', {
      email,
      displayName: name,
      roles,
      serviceIds: [w.serviceA],
      password: STAFF_PASSWORD,
    });
    const client = new Client(server.baseUrl);
    await client.login(email, STAFF_PASSWORD);
    return { id: r.body.user.id as string, client };
  };
  const rx = await make('rx@clinic.test', 'Rex Prescriber', ['prescriber']);
  prescriberId = rx.id;
  prescriber = rx.client;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  nurse = (await make('nurse@clinic.test', 'Nia Nurse', ['nurse'])).client;
  await make('nurse2@clinic.test', 'Ned Nurse', ['nurse']);
  officer = (await make('cdo@clinic.test', 'Carla Officer', ['cd-officer'])).client;
  productId = (
    await officer.post(`${CD}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 5,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-5' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safeId = (await officer.post(`${CD}/locations`, { name: 'Infusion suite safe', premises: 'North Clinic' }))
    .body.id;
  const receipt = await officer.post(`${CD}/entries`, {
    kind: 'receipt',
    productId,
    locationId: safeId,
    quantity: { containers: 2 },
    supplier: { name: 'Acme Wholesale', address: '1 Main St' },
    invoice: 'INV-1',
    lot: 'L1',
    expiry: '2028-01-01',
  });
  expect(receipt.status).toBe(201);
});
afterAll(() => server.close());

describe('the dose given is checked, not only the dose calculated', () => {
  let sessionId: string;

  it('refuses 350 mg recorded against 35 mg planned, naming the hard maximum, and records nothing', async () => {
    const patientId = await readyPatient(70);
    const s = await startIv(patientId);
    expect(s.status).toBe(201);
    sessionId = s.body.id;
    const r = await administer(sessionId, { event: 'start', doseMg: 350, reason: 'As written' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('dose-above-protocol-maximum');
    const detail = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).not.toContain('administration-start');
  });

  it('needs a reason for a dose that differs from the plan, and stores it', async () => {
    const bare = await administer(sessionId, { event: 'start', doseMg: 36 });
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('administration-differs-needs-reason');
    expect(bare.body.errors[0].path).toBe('body.reason');
    const ok = await administer(sessionId, { event: 'start', doseMg: 36, reason: 'Prescriber rounded up' });
    expect(ok.status).toBe(201);
    const detail = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    const start = detail.body.events.find((e: { kind: string }) => e.kind === 'administration-start');
    expect(start.data).toMatchObject({
      doseMg: 36,
      rateMgPerHour: 54,
      plannedDoseMg: 35,
      differenceReason: 'Prescriber rounded up',
    });
  });

  it('refuses a rate change faster than the shortest infusion, and needs a reason for a slower one', async () => {
    const fast = await administer(sessionId, { event: 'rate-change', rateMgPerHour: 54.1, reason: 'Hurry' });
    expect(fast.status).toBe(422);
    expect(fast.body.code).toBe('administration-rate-above-protocol-maximum');
    const edge = await administer(sessionId, { event: 'rate-change', rateMgPerHour: 54, reason: 'Back' });
    expect(edge.status).toBe(201);
    const slow = await administer(sessionId, { event: 'rate-change', rateMgPerHour: 30 });
    expect(slow.body.code).toBe('administration-differs-needs-reason');
    expect(
      (await administer(sessionId, { event: 'rate-change', rateMgPerHour: 30, reason: 'Nausea' })).status,
    ).toBe(201);
  });
});

describe('stopping early records what was actually given', () => {
  it('start 34 mg from stock, stop after 20 mg given → 20 mg given on the record and the register, 14 mg waste due', async () => {
    const patientId = await readyPatient(68);
    const s = await startIv(patientId);
    expect(s.body.dose.doseMg).toBe(34);
    const sessionId = s.body.id as string;
    const start = await administer(sessionId, {
      event: 'start',
      product: 'Ketamine 10 mg/mL',
      lot: 'L1',
      cdStock: { productId, locationId: safeId },
    });
    expect(start.status).toBe(201);
    await advanceBy(10);

    const noAmount = await administer(sessionId, { event: 'stop' });
    expect(noAmount.status).toBe(422);
    expect(noAmount.body.code).toBe('administration-amount-needed');
    const tooMuch = await administer(sessionId, { event: 'stop', givenMg: 35 });
    expect(tooMuch.body.code).toBe('administration-amount-invalid');
    const noWitness = await administer(sessionId, { event: 'stop', givenMg: 20 });
    expect(noWitness.status).toBe(422);
    expect(noWitness.body.code).toBe('witness-required');
    expect(noWitness.body.detail).toMatch(/send "witness"/);

    const stop = await administer(sessionId, {
      event: 'stop',
      givenMg: 20,
      witness: { email: 'nurse@clinic.test', password: STAFF_PASSWORD },
    });
    expect(stop.status).toBe(201);
    expect(stop.body.wasteDue).toEqual({ mg: 14, productId, locationId: safeId });
    expect(stop.body.given).toMatchObject({ doseMg: 20, plannedMg: 34, leftOverMg: 14, stoppedEarly: true });

    const detail = await prescriber.get(`/api/v1/treatment-sessions/${sessionId}`);
    expect(detail.body.administration).toMatchObject({
      status: 'stopped',
      plannedMg: 34,
      startedMg: 34,
      givenMg: 20,
      leftOverMg: 14,
    });

    const register = await officer.get(`${CD}/entries?productId=${productId}&locationId=${safeId}`);
    const line = register.body.lines.find(
      (l: { entry: { kind: string; sessionId?: string } }) =>
        l.entry.kind === 'administration' && l.entry.sessionId === sessionId,
    );
    expect(line.standing.mg).toBe(20);
    expect(line.corrections).toHaveLength(1);
    const balances = (await officer.get(`${CD}/balances`)).body.balances;
    // 100 mg received, 34 mg drawn, 14 mg back on the correction: 80 mg, of which 14 mg await witnessed waste.
    expect(balances.find((b: { locationId: string }) => b.locationId === safeId)).toMatchObject({ mg: 80 });
  });

  it('takes the dose started when the infusion runs to its planned end', async () => {
    const patientId = await readyPatient(70);
    const sessionId = (await startIv(patientId)).body.id as string;
    expect((await administer(sessionId, { event: 'start' })).status).toBe(201);
    await advanceBy(40);
    const stop = await administer(sessionId, { event: 'stop' });
    expect(stop.status).toBe(201);
    expect(stop.body).toMatchObject({
      given: { doseMg: 35, leftOverMg: 0, stoppedEarly: false },
      wasteDue: null,
    });
  });
});

describe('prescriber decisions come from prescribers', () => {
  const high = { baseline: baseline({ systolic: 150, diastolic: 95 }), prescriberAcknowledgedHighBp: true };

  it('refuses a nurse acknowledging a pre-dose BP above threshold alone', async () => {
    const patientId = await readyPatient();
    const r = await startIv(patientId, nurse, {
      ...high,
      baseline: baseline({ systolic: 150, diastolic: 95 }),
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('prescriber-authorisation-required');
    expect(r.body.detail).toMatch(/"prescriber"/);
  });

  it('refuses another nurse’s sign-in as the prescriber’s, with the same answer as a wrong password', async () => {
    const patientId = await readyPatient();
    const r = await startIv(patientId, nurse, {
      ...high,
      baseline: baseline({ systolic: 150, diastolic: 95 }),
      prescriber: { email: 'nurse2@clinic.test', password: STAFF_PASSWORD },
    });
    // Not a distinct "not a prescriber" answer: that would tell the nurse the password was right.
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('witness-authentication-failed');
    const wrong = await startIv(patientId, nurse, {
      ...high,
      baseline: baseline({ systolic: 150, diastolic: 95 }),
      prescriber: { email: 'rx@clinic.test', password: 'not the password' },
    });
    expect(wrong.body.code).toBe('witness-authentication-failed');
    expect({ ...wrong.body, requestId: '' }).toEqual({ ...r.body, requestId: '' });
  });

  it('accepts the acknowledgement with the prescriber’s sign-in on the nurse’s screen, recording who and when', async () => {
    const patientId = await readyPatient();
    const r = await startIv(patientId, nurse, {
      ...high,
      baseline: baseline({ systolic: 150, diastolic: 95 }),
      prescriber: { email: 'rx@clinic.test', password: STAFF_PASSWORD },
    });
    expect(r.status).toBe(201);
    const detail = await nurse.get(`/api/v1/treatment-sessions/${r.body.id}`);
    expect(detail.body.prechecks.highBpAcknowledgedBy).toEqual({
      userId: prescriberId,
      via: 're-authenticated',
      at: iso(clockMs),
    });
    expect(JSON.stringify(detail.body.prechecks)).not.toContain(STAFF_PASSWORD);
  });

  it('refuses a nurse’s reason for a dose above the usual range, and records the prescriber’s', async () => {
    const patientId = await readyPatient();
    const dose = { mgPerKg: 1.2, durationMin: 60, prescriberReason: 'Partial response at 1.0' };
    const r = await startIv(patientId, nurse, { dose });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('prescriber-authorisation-required');
    const ok = await startIv(patientId, prescriber, { dose });
    expect(ok.status).toBe(201);
    expect(ok.body.dose.prescriberReasonBy).toMatchObject({ userId: prescriberId, via: 'signed-in' });
  });

  it.each([
    [179, 109, 201, undefined],
    [180, 109, 409, 'bp-above-absolute-ceiling'],
    [179, 110, 409, 'bp-above-absolute-ceiling'],
  ])('pre-dose BP %i/%i acknowledged by a prescriber → %i %s', async (systolic, diastolic, status, code) => {
    const patientId = await readyPatient();
    const r = await startIv(patientId, prescriber, {
      baseline: baseline({ systolic, diastolic }),
      prescriberAcknowledgedHighBp: true,
    });
    expect(r.status).toBe(status);
    if (code) expect(r.body.blocks.map((b: { code: string }) => b.code)).toContain(code);
  });
});

describe('administration times lie within the session', () => {
  const SKEW = 2 * 60_000;

  it('refuses a start more than 2 min before the session start or after now, at the boundaries', async () => {
    const patientId = await readyPatient();
    const s = await startIv(patientId);
    const started = clockMs;
    const before = await administer(s.body.id, { event: 'start', at: iso(started - SKEW - 1000) });
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('administration-time-invalid');
    const backDated = await administer(s.body.id, { event: 'start', at: iso(started - 120 * 60_000) });
    expect(backDated.body.code).toBe('administration-time-invalid');
    const future = await administer(s.body.id, { event: 'start', at: iso(clockMs + SKEW + 1000) });
    expect(future.body.code).toBe('administration-time-invalid');
    expect((await administer(s.body.id, { event: 'start', at: iso(started - SKEW) })).status).toBe(201);

    const other = await startIv(await readyPatient());
    expect((await administer(other.body.id, { event: 'start', at: iso(clockMs + SKEW) })).status).toBe(201);
  });
});

describe('one session at a time', () => {
  it('refuses a second session while one is open, and warns inside the minimum interval after discharge', async () => {
    const patientId = await readyPatient();
    const first = await startIv(patientId);
    expect(first.status).toBe(201);
    const again = await startIv(patientId, prescriber, { baseline: baseline() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('session-already-open');

    expect((await administer(first.body.id, { event: 'start' })).status).toBe(201);
    await advanceBy(40);
    expect((await administer(first.body.id, { event: 'stop' })).status).toBe(201);
    await advanceBy(30);
    await prescriber.post(`/api/v1/treatment-sessions/${first.body.id}/vitals`, baseline());
    await advanceBy(5);
    const discharged = await prescriber.post(`/api/v1/treatment-sessions/${first.body.id}/discharge`, {
      alertAndOriented: true,
      escortPresent: true,
    });
    expect(discharged.status).toBe(201);
    const afterwards = await startIv(patientId, prescriber, { baseline: baseline() });
    expect(afterwards.status).toBe(201);
    expect(afterwards.body.warnings.map((x: { code: string }) => x.code)).toEqual([
      'session-interval-too-short',
    ]);
  });

  it('reads the esketamine first session from history, not the tick box', async () => {
    const patientId = await readyPatient(70, 'intranasal-esketamine');
    const r = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'esketamine-intranasal',
      setting: 'clinic',
      baseline: baseline(),
      dose: { doseMg: 84 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
      prescriberOnSite: true,
      remsPatientEnrolled: true,
      firstSession: false,
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('dose-not-allowed');
    expect(r.body.detail).toMatch(/first session/);
    const ok = await prescriber.post(`/api/v1/patients/${patientId}/treatment-sessions`, {
      protocol: 'esketamine-intranasal',
      setting: 'clinic',
      baseline: baseline(),
      dose: { doseMg: 56 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: prescriberId,
      prescriberOnSite: true,
      remsPatientEnrolled: true,
      firstSession: false,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.firstSession).toMatchObject({ value: true, fromHistory: true, declaredIgnored: true });
  });
});
