// Crash safety under SIGKILL: the real server is killed mid-write, restarted on the same data, and every write it
// acknowledged is still there, the audit and controlled-drug chains verify, and it serves again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { Client, SAMPLE_PATIENT, STAFF_PASSWORD } from './support/server.ts';
import {
  runWritesUntilStopped,
  seededRandom,
  type AckedWrite,
  type LoadResult,
  type WriteStep,
} from './support/write-load.ts';

const ROUNDS = Number(process.env.KASPR_CRASH_ROUNDS ?? 5);
const SEED = Number(process.env.KASPR_CRASH_SEED ?? 20261231);
const ADMIN = { email: 'boot@clinic.test', password: 'boot pass phrase 2026' };
const SESSION_ID = '3f0c1d2e-4b5a-4c6d-8e7f-901234567890';
const API = '/api/v1';
const CD = `${API}/cd-register`;
const STAFF = {
  clinician: { email: 'clin@clinic.test', displayName: 'Cleo Clinician', roles: ['practitioner'] },
  nurse: { email: 'nurse@clinic.test', displayName: 'Nora Nurse', roles: ['nurse'] },
  officer: { email: 'cdo@clinic.test', displayName: 'Carla Officer', roles: ['cd-officer'] },
  prescriber: { email: 'doc@clinic.test', displayName: 'Dana Prescriber', roles: ['prescriber'] },
} as const;
type Role = keyof typeof STAFF;
const RECEIPT = {
  kind: 'receipt',
  supplier: { name: 'Acme Wholesale', address: '1 Main St, Springfield', registrationNumber: 'RA1234563' },
  lot: 'L2026A',
  expiry: '2028-06-30',
};

let dataDir: string;
let pgDb: TestDatabase | undefined;
let env: Record<string, string | undefined>;
let server: ServerProcess | undefined;

const phq9 = (random: () => number) =>
  Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? 0 : Math.floor(random() * 4)]),
  );

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kaspr-crash-'));
  if (testEngine() === 'postgres') pgDb = await createTestDatabase('postgres');
  env = {
    KASPR_ADMIN_EMAIL: ADMIN.email,
    KASPR_ADMIN_PASSWORD: ADMIN.password,
    KASPR_DATA_DIR: dataDir,
    DATABASE_URL: pgDb?.url ?? '',
    LOG_LEVEL: 'warn',
  };
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await pgDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(baseUrl: string, email: string, password = STAFF_PASSWORD): Promise<Client> {
  const c = new Client(baseUrl);
  const r = await c.login(email, password);
  if (r.status !== 200) throw new Error(`sign-in of ${email} failed: ${r.status} ${r.text}`);
  return c;
}

async function signInAll(baseUrl: string): Promise<Record<Role | 'admin', Client>> {
  return {
    admin: await signIn(baseUrl, ADMIN.email, ADMIN.password),
    clinician: await signIn(baseUrl, STAFF.clinician.email),
    nurse: await signIn(baseUrl, STAFF.nurse.email),
    officer: await signIn(baseUrl, STAFF.officer.email),
    prescriber: await signIn(baseUrl, STAFF.prescriber.email),
  };
}

/** Staff, a patient, a product and a stocked safe: made once, on the first start. */
async function createClinic(baseUrl: string) {
  const admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  const serviceId = (await admin.get(`${API}/me`)).body.user.serviceIds[0] as string;
  const ids: Partial<Record<Role, string>> = {};
  for (const [role, person] of Object.entries(STAFF) as [Role, (typeof STAFF)[Role]][]) {
    const r = await admin.post(`${API}/users`, {
      ...person,
      roles: [...person.roles],
      serviceIds: [serviceId],
      password: STAFF_PASSWORD,
    });
    if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
    ids[role] = r.body.user.id as string;
  }
  const officer = await signIn(baseUrl, STAFF.officer.email);
  const product = await officer.post(`${CD}/products`, {
    drug: 'Ketamine hydrochloride',
    form: 'solution for injection',
    strength: { mgPerMl: 10 },
    containerSize: 20,
    containerName: 'vial',
    code: { system: 'ndc', value: '0409-2051-05' },
    schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
  });
  if (product.status !== 201) throw new Error(`create product failed: ${product.text}`);
  const location = await officer.post(`${CD}/locations`, { name: 'Main safe', premises: 'North Clinic' });
  if (location.status !== 201) throw new Error(`create location failed: ${location.text}`);
  // Stock in the safe first, so an administration is never refused for want of it.
  const nurse = await signIn(baseUrl, STAFF.nurse.email);
  const stock = await nurse.post(`${CD}/entries`, {
    ...RECEIPT,
    productId: product.body.id,
    locationId: location.body.id,
    quantity: { containers: 20 },
    invoice: 'INV-OPENING',
  });
  if (stock.status !== 201) throw new Error(`opening receipt failed: ${stock.text}`);
  const clinician = await signIn(baseUrl, STAFF.clinician.email);
  const patient = await clinician.post(`${API}/patients`, SAMPLE_PATIENT);
  if (patient.status !== 201) throw new Error(`create patient failed: ${patient.text}`);
  return {
    prescriberId: ids.prescriber!,
    productId: product.body.id as string,
    locationId: location.body.id as string,
    patientId: patient.body.id as string,
  };
}
type Clinic = Awaited<ReturnType<typeof createClinic>>;

/** The writers of one round: three clinicians registering patients and saving PHQ-9s, three nurses on the register. */
function writersFor(
  c: Record<Role | 'admin', Client>,
  clinic: Clinic,
  patients: string[],
  random: () => number,
) {
  const receipt = (): WriteStep => ({
    kind: 'cd-receipt',
    send: () =>
      c.nurse.post(`${CD}/entries`, {
        ...RECEIPT,
        productId: clinic.productId,
        locationId: clinic.locationId,
        quantity: { containers: 1 },
        invoice: `INV-${Math.floor(random() * 1e6)}`,
      }),
    idOf: (r) => r.body.entry.id as string,
  });
  const administration = (): WriteStep => ({
    kind: 'cd-administration',
    send: () =>
      c.nurse.post(`${CD}/entries`, {
        kind: 'administration',
        productId: clinic.productId,
        locationId: clinic.locationId,
        quantity: { mg: 1 + Math.floor(random() * 5) },
        patientId: clinic.patientId,
        sessionId: SESSION_ID,
        prescriberId: clinic.prescriberId,
      }),
    idOf: (r) => r.body.entry.id as string,
  });
  const patient = (): WriteStep => ({
    kind: 'patient',
    send: async () => {
      const r = await c.clinician.post(`${API}/patients`, {
        ...SAMPLE_PATIENT,
        identifiers: [{ system: 'mrn', value: `MRN-${Math.floor(random() * 1e9)}` }],
      });
      if (r.status === 201) patients.push(r.body.id as string);
      return r;
    },
    idOf: (r) => r.body.id as string,
  });
  const response = (): WriteStep => {
    const patientId = patients[Math.floor(random() * patients.length)] ?? clinic.patientId;
    return {
      kind: 'response',
      patientId,
      send: () =>
        c.clinician.post(`${API}/patients/${patientId}/responses`, {
          instrument: 'phq-9',
          answers: phq9(random),
        }),
      idOf: (r) => r.body.id as string,
    };
  };
  const alternate = (a: () => WriteStep, b: () => WriteStep) => () => (random() < 0.5 ? a() : b());
  return [
    alternate(patient, response),
    alternate(response, patient),
    response,
    alternate(receipt, administration),
    alternate(administration, receipt),
    receipt,
  ];
}

/** Every acknowledged write, read back; returns the ones that are missing. */
async function missingWrites(c: Record<Role | 'admin', Client>, acked: AckedWrite[]): Promise<AckedWrite[]> {
  const missing: AckedWrite[] = [];
  const responsesOf = new Map<string, Set<string>>();
  for (const w of acked) {
    if (w.kind === 'patient') {
      const r = await c.clinician.get(`${API}/patients/${w.id}`);
      const audit = await c.admin.get(`${API}/audit?patientId=${w.id}&limit=500`);
      const created = (audit.body.entries as { action: string }[] | undefined)?.some(
        (e) => e.action === 'patient.create',
      );
      if (r.status !== 200 || !created) missing.push(w);
    } else if (w.kind === 'response') {
      let ids = responsesOf.get(w.patientId!);
      if (!ids) {
        const r = await c.clinician.get(`${API}/patients/${w.patientId}/responses?instrument=phq-9`);
        ids = new Set((r.body.responses as { id: string }[]).map((x) => x.id));
        responsesOf.set(w.patientId!, ids);
      }
      if (!ids.has(w.id)) missing.push(w);
    } else {
      const r = await c.officer.get(`${CD}/entries/${w.id}`);
      if (r.status !== 200) missing.push(w);
    }
  }
  return missing;
}

async function expectWholeAndServing(c: Record<Role | 'admin', Client>, clinic: Clinic, label: string) {
  const audit = await c.admin.get(`${API}/audit/verify`);
  expect(audit.status, label).toBe(200);
  expect(audit.body, `${label}: audit chain`).toMatchObject({ intact: true });
  const ledger = await c.officer.get(`${CD}/verify`);
  expect(ledger.status, label).toBe(200);
  expect(ledger.body, `${label}: controlled-drug register chain`).toMatchObject({ intact: true });
  const fresh = await c.clinician.post(`${API}/patients/${clinic.patientId}/responses`, {
    instrument: 'phq-9',
    answers: phq9(() => 0),
  });
  expect(fresh.status, `${label}: a write after the restart`).toBe(201);
}

const countOf = (writes: AckedWrite[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const w of writes) counts[w.kind] = (counts[w.kind] ?? 0) + 1;
  return counts;
};

describe(`SIGKILL during writes (${testEngine()})`, () => {
  it(`keeps every acknowledged write over ${ROUNDS} kills, with both chains whole (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    server = await startServerProcess(env);
    const clinic = await createClinic(server.baseUrl);
    const patients: string[] = [clinic.patientId];
    const acked: AckedWrite[] = [];
    const refused: Record<string, number> = {};

    let clients = await signInAll(server.baseUrl);
    for (let round = 1; round <= ROUNDS; round++) {
      const victim = server;
      let killed = false;
      // The moment of the kill: seeded, 50 ms to 1 s after the first acknowledged write, so writes are in flight.
      const killAfterMs = 50 + Math.floor(random() * 950);
      const progress: LoadResult = { acked: [], refused: {}, broken: 0 };
      const load = runWritesUntilStopped(
        round,
        writersFor(clients, clinic, patients, random),
        () => killed,
        60_000,
        progress,
      );
      const waitUntil = Date.now() + 30_000;
      while (progress.acked.length === 0 && Date.now() < waitUntil)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, killAfterMs));
      victim.child.kill('SIGKILL');
      killed = true;
      const done = await load;
      expect(await victim.exited).toBeNull();
      acked.push(...done.acked);
      for (const [k, n] of Object.entries(done.refused)) refused[k] = (refused[k] ?? 0) + n;

      // The restart takes over the dead process's lock on the embedded data folder.
      const restartAt = Date.now();
      server = await startServerProcess(env);
      const restartMs = Date.now() - restartAt;
      const after = await signInAll(server.baseUrl);
      clients = after;
      const label = `round ${round} (killed ${killAfterMs} ms after the first answer, seed ${SEED})`;
      expect(await missingWrites(after, done.acked), `${label}: acknowledged writes lost`).toEqual([]);
      await expectWholeAndServing(after, clinic, label);
      const tally = Object.entries(countOf(done.acked)).map(([k, n]) => `${n} ${k}`);
      console.info(
        `crash ${testEngine()} ${label}: acknowledged ${tally.join(', ') || 'none'}; ` +
          `${done.broken} cut off; restarted in ${restartMs} ms, nothing lost, chains whole`,
      );
    }

    // Nothing an earlier round kept was lost by a later kill.
    expect(await missingWrites(clients, acked), 'acknowledged writes lost by a later kill').toEqual([]);
    // The rounds wrote every kind, and nothing was refused (a lost write must not hide as a refusal).
    const counts = countOf(acked);
    for (const kind of ['patient', 'response', 'cd-receipt', 'cd-administration'])
      expect(counts[kind] ?? 0, `${kind} writes acknowledged`).toBeGreaterThan(0);
    expect(refused, 'writes refused before the kills').toEqual({});
  }, 900_000);
});
