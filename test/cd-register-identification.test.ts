// The register names a patient the same way on the screen and in its exports (decision record 017), audits every
// naming against the patient, keeps the supplied-to address reg 19 needs, and lets the default mode be saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './support/csv.ts';
import { pdfText } from './support/pdf-text.ts';
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
let plainOfficer: Client;
let clinicalOfficer: Client;
let nurse: Client;
let prescriberId: string;
let housedId: string;
let unhousedId: string;
let productId: string;
let safe: string;

const API = '/api/v1/cd-register';
const SESSION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e';
const HOUSED = { givenName: 'Morgan', familyName: 'Infusion', birthDate: '1980-02-03' };
const UNHOUSED = { givenName: 'Robin', familyName: 'Nofixed', birthDate: '1975-06-07' };
const FIRST_ADDRESS = '4 Mill Lane, York';

async function staff(email: string, name: string, roles: string[]): Promise<{ client: Client; id: string }> {
  const r = await w.admin.post('/api/v1/users', {
    email,
    displayName: name,
    roles,
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
  const client = new Client(server.baseUrl);
  if ((await client.login(email, STAFF_PASSWORD)).status !== 200) throw new Error('login failed');
  return { client, id: r.body.user.id };
}

async function pdf(client: Client, path: string): Promise<string> {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: client.cookie } });
  expect(res.status).toBe(200);
  return pdfText(new Uint8Array(await res.arrayBuffer()));
}

const administration = (patientId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'administration',
  productId,
  locationId: safe,
  quantity: { mg: 10 },
  patientId,
  sessionId: SESSION_ID,
  prescriberId,
  ...extra,
});

/** The register screen's lines: who each administration was supplied to, as the screen shows it. */
async function screenPatients(client: Client) {
  const r = await client.get(`${API}/entries?productId=${productId}&locationId=${safe}`);
  expect(r.status).toBe(200);
  type Line = { entry: { kind: string; patient: Record<string, unknown> | null } };
  return (r.body.lines as Line[])
    .filter((l) => l.entry.kind === 'administration')
    .map((l) => l.entry.patient);
}

/** The UK CSV's administration rows as [supplied to, supplied to address]. */
async function csvSuppliedTo(client: Client): Promise<string[][]> {
  const r = await client.get(`${API}/reports/uk?format=csv&productId=${productId}&locationId=${safe}`);
  expect(r.status).toBe(200);
  const rows = parseCsv(r.text);
  const at = (name: string) => rows[0]!.indexOf(name);
  return rows
    .slice(1)
    .filter((row) => row[at('Kind')] === 'administration')
    .map((row) => [row[at('Supplied to')]!, row[at('Supplied to address')]!]);
}

async function namings(patientId: string): Promise<{ action: string; actor: { id: string } | null }[]> {
  const r = await w.admin.get(`/api/v1/audit?patientId=${patientId}&limit=500`);
  expect(r.status).toBe(200);
  return (r.body.entries as { action: string; actor: { id: string } | null }[]).filter(
    (e) => e.action === 'cd-register.patient-named',
  );
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  plainOfficer = (await staff('cdo@clinic.test', 'Pat Plain', ['cd-officer'])).client;
  clinicalOfficer = (await staff('cdo2@clinic.test', 'Olive Officer', ['cd-officer', 'practitioner'])).client;
  nurse = (await staff('nurse@clinic.test', 'Nora Nurse', ['nurse'])).client;
  prescriberId = (await staff('doc@clinic.test', 'Dana Prescriber', ['prescriber'])).id;
  housedId = (await w.alice.post('/api/v1/patients', { ...HOUSED, contact: { address: FIRST_ADDRESS } })).body
    .id;
  unhousedId = (await w.alice.post('/api/v1/patients', UNHOUSED)).body.id;
  productId = (
    await plainOfficer.post(`${API}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 20,
      code: { system: 'other', value: 'KET-10-20' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safe = (await plainOfficer.post(`${API}/locations`, { name: 'Main safe', premises: 'North Clinic' })).body
    .id;
  const receipt = await plainOfficer.post(`${API}/entries`, {
    kind: 'receipt',
    productId,
    locationId: safe,
    quantity: { containers: 2 },
    supplier: { name: 'Acme Wholesale', address: '1 Main St, Bristol' },
    invoice: 'INV-1',
    lot: 'L1',
    expiry: '2028-06-30',
  });
  if (receipt.status !== 201) throw new Error(receipt.text);
});
afterAll(() => server.close());

describe('the supplied-to name and address an administration keeps (reg 19; 21 CFR 1304.22(c)(4))', () => {
  it("keeps the patient record's address when the request gives none, with no warning", async () => {
    const r = await nurse.post(`${API}/entries`, administration(housedId));
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([]);
  });

  it('keeps an address given with the entry', async () => {
    const r = await nurse.post(
      `${API}/entries`,
      administration(housedId, { suppliedToAddress: 'Flat 2, 9 Quay St, Hull' }),
    );
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([]);
  });

  it('records an administration to a patient with no address in the old request shape, flagged', async () => {
    const r = await nurse.post(`${API}/entries`, administration(unhousedId));
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([
      expect.objectContaining({ code: 'supplied-to-address-missing', path: 'body.suppliedToAddress' }),
    ]);
  });

  it('prints the address kept at the time, not the one the patient moved to later (reg 20)', async () => {
    const moved = await w.alice.patch(
      `/api/v1/patients/${housedId}`,
      { contact: { address: '77 New Road, Leeds' }, reason: 'Moved house' },
      { 'if-match': 'W/"1"' },
    );
    expect(moved.status, moved.text).toBe(200);
    expect(await csvSuppliedTo(clinicalOfficer)).toEqual([
      ['Morgan Infusion', FIRST_ADDRESS],
      ['Morgan Infusion', 'Flat 2, 9 Quay St, Hull'],
      ['Robin Nofixed', '[address not recorded]'],
    ]);
  });
});

describe('the same identification on the screen and in the exports', () => {
  it('names the patients to a CD officer who may read them, on the screen as in CSV and PDF', async () => {
    const screen = await screenPatients(clinicalOfficer);
    expect(screen).toEqual([
      { name: 'Morgan Infusion', address: FIRST_ADDRESS, withheld: false, addressMissing: false },
      { name: 'Morgan Infusion', address: 'Flat 2, 9 Quay St, Hull', withheld: false, addressMissing: false },
      { name: 'Robin Nofixed', address: null, withheld: false, addressMissing: true },
    ]);
    const csv = await csvSuppliedTo(clinicalOfficer);
    expect(csv.map(([name]) => name)).toEqual(screen.map((p) => p!.name));
    const text = await pdf(clinicalOfficer, `${API}/reports/uk?format=pdf`);
    expect(text).toContain('Morgan Infusion');
    expect(text).toContain('Robin Nofixed');
  });

  it('shows a CD officer who may not read patients the same reference on the screen, in CSV and in PDF', async () => {
    const refs = [housedId, housedId, unhousedId].map((id) => `Patient ${id.slice(0, 8)}`);
    const screen = await screenPatients(plainOfficer);
    expect(screen).toEqual(
      refs.map((name) => ({ name, address: null, withheld: true, addressMissing: false })),
    );
    expect(await csvSuppliedTo(plainOfficer)).toEqual(refs.map((name) => [name, '']));
    const text = await pdf(plainOfficer, `${API}/reports/uk?format=pdf`);
    expect(text).toContain(refs[0]);
    for (const secret of ['Morgan', 'Infusion', 'Nofixed', FIRST_ADDRESS, 'Quay St'])
      expect(text).not.toContain(secret);
    const detail = await plainOfficer.get(
      `${API}/entries/${((await plainOfficer.get(`${API}/entries`)).body.lines as { entry: { id: string; kind: string } }[]).find((l) => l.entry.kind === 'administration')!.entry.id}`,
    );
    expect(detail.body.entry.patient).toEqual({
      name: refs[0],
      address: null,
      withheld: true,
      addressMissing: false,
    });
  });

  it('audits each naming against the patient, and no naming where the patient was shown by reference', async () => {
    const before = (await namings(housedId)).length;
    await plainOfficer.get(`${API}/entries`);
    await plainOfficer.get(`${API}/reports/us?format=csv`);
    expect((await namings(housedId)).length).toBe(before);
    await clinicalOfficer.get(`${API}/entries`);
    await clinicalOfficer.get(`${API}/reports/us?format=csv`);
    const after = await namings(housedId);
    expect(after.length).toBe(before + 2);
    expect((await namings(unhousedId)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('register mode at its default', () => {
  it('reports the mode unsaved on a fresh register, and saved once the default is saved', async () => {
    const step = async () =>
      (
        (await w.admin.get('/api/v1/setup/checklist')).body.steps as {
          id: string;
          done: boolean;
          status: string;
        }[]
      ).find((s) => s.id === 'time-zone-and-register');
    const fresh = await plainOfficer.get(`${API}/settings`);
    expect(fresh.body).toMatchObject({ mode: 'uk', modeChosen: false });
    const zone = await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    expect(zone.status, zone.text).toBe(200);
    expect(await step()).toMatchObject({ done: false });
    expect((await step())?.status).toContain('register mode UK (the default, not yet chosen)');
    const saved = await plainOfficer.patch(`${API}/settings`, { mode: 'uk' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ mode: 'uk', modeChosen: true });
    expect((await plainOfficer.get(`${API}/settings`)).body.modeChosen).toBe(true);
    expect(await step()).toMatchObject({ done: true });
  });
});
