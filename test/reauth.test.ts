// Re-authentication over real HTTP: consent and CD witnesses, a prescriber's sign-in on another's screen and the
// current password at a password change all share the sign-in's limits, lockout and audit (security.md R9, R25).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashOperations } from '../src/security/hash-slots.ts';
import {
  addStaff,
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { signEligibility } from './support/treatment.ts';

let server: TestServer;
let w: World;
let nurse: Client;
let rx: Client;
const ids: Record<string, string> = {};
let patientId: string;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  for (const [email, name, roles, service] of [
    ['nina@clinic.test', 'Nina Nurse', ['nurse'], w.serviceA],
    ['wendy@clinic.test', 'Wendy Witness', ['nurse'], w.serviceA],
    ['lou@clinic.test', 'Lou Locked', ['nurse'], w.serviceA],
    ['rex@clinic.test', 'Rex Prescriber', ['prescriber'], w.serviceA],
    ['ray@clinic.test', 'Ray Prescriber', ['prescriber'], w.serviceA],
    ['pat@clinic.test', 'Pat Passwords', ['practitioner'], w.serviceA],
  ] as const) {
    const s = await addStaff(w, email, name, [...roles], [service]);
    ids[email] = s.id;
    if (email === 'nina@clinic.test') nurse = s.client;
    if (email === 'rex@clinic.test') rx = s.client;
  }
  ids['bob@clinic.test'] = w.bobId;
  patientId = await newPatient();
});
afterAll(() => server.close());
// Each test starts with a clean per-address count; the account counters are what these tests exercise.
beforeEach(async () => {
  await server.ctx.db.query('DELETE FROM login_attempts');
});

async function newPatient(): Promise<string> {
  seq += 1;
  const r = await rx.post('/api/v1/patients', {
    givenName: 'Rea',
    familyName: `Auth${String(seq)}`,
    birthDate: '1980-01-01',
    weight: { kg: 70, measuredOn: new Date().toISOString().slice(0, 10) },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const consent = (witness: { email: string; password: string }, pid = patientId) =>
  nurse.post(`/api/v1/patients/${pid}/consents`, {
    route: 'iv-racemic',
    documentId: 'consent-iv-racemic',
    documentVersion: '1.0.0',
    signature: { kind: 'typed', name: 'The patient' },
    witness,
  });

/** A problem body without its per-request id, to compare two answers. */
const same = (body: Record<string, unknown>) => ({ ...body, requestId: '' });

async function consentCount(pid = patientId): Promise<number> {
  const [row] = await server.ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM consents WHERE patient_id = $1',
    [pid],
  );
  return row?.n ?? 0;
}

describe('the consent witness is no password oracle', () => {
  it('locks the witness account after wrong passwords like sign-in, refuses even the right one, and audits each without the password', async () => {
    const answers: Record<string, unknown>[] = [];
    for (let i = 0; i < 20; i += 1) {
      const r = await consent({ email: 'wendy@clinic.test', password: `wrong guess ${String(i)}` });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('witness-authentication-failed');
      answers.push(same(r.body));
    }
    // Every wrong guess answered alike, locked or not.
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const hashesBefore = hashOperations();
    const right = await consent({ email: 'wendy@clinic.test', password: STAFF_PASSWORD });
    expect(right.status).toBe(422);
    expect(same(right.body)).toEqual(answers[0]);
    // While locked, the password is not even checked.
    expect(hashOperations()).toBe(hashesBefore);
    expect(await consentCount()).toBe(0);
    // The same lock holds at sign-in.
    const login = await new Client(server.baseUrl).login('wendy@clinic.test', STAFF_PASSWORD);
    expect(login.status).toBe(429);
    expect(login.body.code).toBe('login-throttled');

    const rows = await server.ctx.db.query<{
      outcome: string;
      details: { reason?: string };
      actor_id: string;
    }>(
      // In the order written (entry_id): `seq` is given by the sealer, and entries not yet sealed have none.
      `SELECT outcome, details, actor_id FROM audit_log
       WHERE action = 'consent-witness.authenticate' AND resource_id = $1 ORDER BY entry_id`,
      [ids['wendy@clinic.test']],
    );
    expect(rows).toHaveLength(21);
    expect(rows.every((r) => r.outcome === 'denied' && r.actor_id === ids['nina@clinic.test'])).toBe(true);
    expect(rows.slice(0, 5).map((r) => r.details.reason)).toEqual(Array(5).fill('bad-password'));
    expect(rows.slice(5).every((r) => r.details.reason === 'account-locked')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('wrong guess');
    expect(JSON.stringify(rows)).not.toContain(STAFF_PASSWORD);
  });

  it('refuses a locked account as a witness even with the right password', async () => {
    const c = new Client(server.baseUrl);
    for (let i = 0; i < 5; i += 1)
      expect((await c.login('lou@clinic.test', 'not the password')).status).toBe(401);
    const r = await consent({ email: 'lou@clinic.test', password: STAFF_PASSWORD });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('witness-authentication-failed');
    expect(await consentCount()).toBe(0);
  });

  it('refuses an administrator as a consent witness, with the same answer as a wrong password', async () => {
    const right = await consent({ email: 'admin@clinic.test', password: 'admin pass phrase 2026' });
    const wrong = await consent({ email: 'admin@clinic.test', password: 'not the admin password' });
    expect(right.status).toBe(422);
    expect(right.body.code).toBe('witness-authentication-failed');
    expect(same(right.body)).toEqual(same(wrong.body));
    expect(await consentCount()).toBe(0);
  });

  it('refuses a clinician of another service as a witness', async () => {
    const r = await consent({ email: 'bob@clinic.test', password: STAFF_PASSWORD });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('witness-authentication-failed');
    expect(await consentCount()).toBe(0);
  });

  it('accepts a clinician of the patient’s service, and audits the success', async () => {
    const r = await consent({ email: 'pat@clinic.test', password: STAFF_PASSWORD });
    expect(r.status).toBe(201);
    const rows = await server.ctx.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'consent-witness.authenticate' AND resource_id = $1",
      [ids['pat@clinic.test']],
    );
    expect(rows).toEqual([{ outcome: 'success' }]);
  });

  it('counts witness failures towards the per-address limit of sign-in', async () => {
    for (let i = 0; i < 30; i += 1) {
      // Spread over many accounts so no account lock explains the refusal.
      await consent({ email: `nobody${String(i)}@clinic.test`, password: 'a guess' });
    }
    const hashesBefore = hashOperations();
    const r = await consent({ email: 'pat@clinic.test', password: STAFF_PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('login-throttled');
    expect(hashOperations()).toBe(hashesBefore);
    const login = await new Client(server.baseUrl).login('pat@clinic.test', STAFF_PASSWORD);
    expect(login.status).toBe(429);
  });
});

describe('a prescriber re-authenticating on a nurse’s screen', () => {
  const highBpStart = (prescriber: { email: string; password: string }) => ({
    protocol: 'iv-racemic-psychiatric',
    setting: 'clinic',
    baseline: {
      takenAt: new Date(Date.now() - 60_000).toISOString(),
      systolic: 150,
      diastolic: 95,
      heartRate: 70,
      spo2: 98,
    },
    dose: { mgPerKg: 0.5, durationMin: 40 },
    escortConfirmed: true,
    fastingConfirmed: true,
    newContraindication: false,
    aclsClinicianId: ids['rex@clinic.test'],
    prescriberAcknowledgedHighBp: true,
    prescriber,
  });

  it('is refused while the prescriber’s account is locked, even with the right password', async () => {
    const pid = await newPatient();
    await signEligibility(rx, pid);
    const c = await rx.post(`/api/v1/patients/${pid}/consents`, {
      route: 'iv-racemic',
      documentId: 'consent-iv-racemic',
      documentVersion: '1.0.0',
      signature: { kind: 'typed', name: 'The patient' },
    });
    expect(c.status).toBe(201);
    const other = new Client(server.baseUrl);
    for (let i = 0; i < 5; i += 1) await other.login('ray@clinic.test', 'not the password');
    const r = await nurse.post(
      `/api/v1/patients/${pid}/treatment-sessions`,
      highBpStart({ email: 'ray@clinic.test', password: STAFF_PASSWORD }),
    );
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('witness-authentication-failed');
    expect(r.body.errors).toEqual([{ path: 'body.prescriber', message: 'Not confirmed' }]);
    const audit = await server.ctx.db.query<{ outcome: string; details: { reason: string } }>(
      "SELECT outcome, details FROM audit_log WHERE action = 'prescriber.authenticate' AND resource_id = $1",
      [ids['ray@clinic.test']],
    );
    expect(audit).toEqual([
      { outcome: 'denied', details: { purpose: 'prescriber', reason: 'account-locked' } },
    ]);
  });
});

describe('the current password at a password change', () => {
  it('is limited and locked like sign-in', async () => {
    const c = new Client(server.baseUrl);
    expect((await c.login('pat@clinic.test', STAFF_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      const r = await c.post('/api/v1/me/password', {
        currentPassword: `guess ${String(i)}`,
        newPassword: 'a fresh phrase for pat',
      });
      expect(r.status).toBe(422);
    }
    const r = await c.post('/api/v1/me/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: 'a fresh phrase for pat',
    });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('login-throttled');
    const rows = await server.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password-check' AND outcome = 'denied'",
    );
    expect(rows[0]?.n).toBe(6);
  });
});
