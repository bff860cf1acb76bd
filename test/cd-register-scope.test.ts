// Register reads are scoped to the reader's services: locations, entries, and patients' names and addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './support/pdf-text.ts';
import {
  addStaff,
  buildWorld,
  Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
/** CD officer of service A who also reads that service's patients. */
let officerA: Client;
/** CD officer of service A with no patient-read permission. */
let plainOfficerA: Client;
/** CD officer of service B who also reads that service's patients. */
let officerB: Client;
let productId: string;
let northSafe: string;
let southSafe: string;
let patientA: string;
let patientB: string;
let southEntryId: string;

const API = '/api/v1/cd-register';
const SESSION_ID = '5d1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e';
const NAME_A = 'Amelia Northcote';
const ADDRESS_A = '12 Elm Road, Leeds';
const NAME_B = 'Barnaby Southwell';
const ADDRESS_B = '9 Oak Lane, Bristol';
const SUPPLIER = { name: 'Acme Wholesale', address: '1 Main St', registrationNumber: 'RA1234563' };

async function text(client: Client, path: string): Promise<string> {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: client.cookie } });
  expect(res.status, path).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  return path.includes('format=pdf') ? pdfText(bytes) : bytes.toString('utf8');
}

/** The six regulator views (UK and US; JSON, CSV and PDF) as text. */
async function reports(client: Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const mode of ['uk', 'us'])
    for (const format of ['json', 'csv', 'pdf'])
      out[`${mode} ${format}`] = await text(client, `${API}/reports/${mode}?format=${format}`);
  return out;
}

async function post(client: Client, body: Record<string, unknown>): Promise<string> {
  const r = await client.post(`${API}/entries`, { productId, ...body });
  if (r.status !== 201) throw new Error(r.text);
  return r.body.entry.id;
}

const receipt = (locationId: string) => ({
  kind: 'receipt',
  locationId,
  quantity: { containers: 2 },
  supplier: SUPPLIER,
  invoice: 'INV-1',
  lot: 'L1',
  expiry: '2028-01-31',
});

const dose = (locationId: string, patientId: string, prescriberId: string) => ({
  kind: 'administration',
  locationId,
  quantity: { mg: 30 },
  patientId,
  sessionId: SESSION_ID,
  prescriberId,
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const { serviceA, serviceB } = w;
  officerA = (
    await addStaff(w, 'cdo-a@clinic.test', 'Olive Officer', ['cd-officer', 'practitioner'], [serviceA])
  ).client;
  plainOfficerA = (await addStaff(w, 'cdo-plain@clinic.test', 'Pat Plain', ['cd-officer'], [serviceA]))
    .client;
  officerB = (
    await addStaff(w, 'cdo-b@clinic.test', 'Otto Officer', ['cd-officer', 'practitioner'], [serviceB])
  ).client;
  const nurseA = (await addStaff(w, 'nurse-a@clinic.test', 'Nina North', ['nurse'], [serviceA])).client;
  const nurseB = (await addStaff(w, 'nurse-b@clinic.test', 'Sam South', ['nurse'], [serviceB])).client;
  const doctorA = (await addStaff(w, 'doc-a@clinic.test', 'Dora Doc', ['prescriber'], [serviceA])).id;
  const doctorB = (await addStaff(w, 'doc-b@clinic.test', 'Dave Doc', ['prescriber'], [serviceB])).id;
  const patient = async (client: Client, givenName: string, familyName: string, address: string) => {
    const r = await client.post('/api/v1/patients', {
      givenName,
      familyName,
      birthDate: '1985-02-03',
      contact: { address },
    });
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  patientA = await patient(w.alice, 'Amelia', 'Northcote', ADDRESS_A);
  patientB = await patient(w.bob, 'Barnaby', 'Southwell', ADDRESS_B);
  productId = (
    await officerA.post(`${API}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 20,
      code: { system: 'ndc', value: '0409-2051-05' },
      schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  northSafe = (await officerA.post(`${API}/locations`, { name: 'North safe', premises: 'North Clinic' })).body
    .id;
  southSafe = (await officerB.post(`${API}/locations`, { name: 'South safe', premises: 'South Clinic' })).body
    .id;
  await post(officerA, receipt(northSafe));
  await post(officerB, receipt(southSafe));
  await post(nurseA, dose(northSafe, patientA, doctorA));
  southEntryId = await post(nurseB, dose(southSafe, patientB, doctorB));
  // A dose for a patient of B drawn from A's safe: A's register shows the entry, but not who the patient is.
  await post(nurseB, dose(northSafe, patientB, doctorB));
});
afterAll(() => server.close());

describe('register reports are scoped to the reader (access matrix)', () => {
  it('a CD officer of service A gets no names or entries of service B, in UK and US JSON, CSV and PDF', async () => {
    const views = await reports(officerA);
    for (const [view, body] of Object.entries(views)) {
      expect(body, view).toContain('North safe');
      expect(body, view).toContain(NAME_A);
      expect(body, view).not.toContain(NAME_B);
      expect(body, view).not.toContain('Southwell');
      expect(body, view).not.toContain(ADDRESS_B);
      expect(body, view).not.toContain('South safe');
      expect(body, view).not.toContain('South Clinic');
      expect(body, view).toContain(`Patient ${patientB.slice(0, 8)}`);
    }
    for (const mode of ['uk', 'us']) {
      const r = await officerA.get(`${API}/reports/${mode}`);
      expect(r.body.sections.map((s: { locationId: string }) => s.locationId)).toEqual([northSafe]);
    }
  });

  it('a CD officer without patient-read permission gets no patient names or addresses at all', async () => {
    const views = await reports(plainOfficerA);
    for (const [view, body] of Object.entries(views)) {
      expect(body, view).toContain('North safe');
      for (const secret of [NAME_A, NAME_B, ADDRESS_A, ADDRESS_B, 'Northcote', 'Southwell'])
        expect(body, view).not.toContain(secret);
      expect(body, view).toContain(`Patient ${patientA.slice(0, 8)}`);
      expect(body, view).not.toContain('South safe');
    }
  });

  it("service B's officer sees B's safe and the shared one, with only B's patients named", async () => {
    const views = await reports(officerB);
    for (const [view, body] of Object.entries(views)) {
      expect(body, view).toContain('South safe');
      expect(body, view).toContain(NAME_B);
      expect(body, view).toContain(ADDRESS_B);
      expect(body, view).not.toContain(NAME_A);
      expect(body, view).not.toContain(ADDRESS_A);
    }
  });

  it("the register screen's reads give A's officer no entry, balance or stock line of B's locations", async () => {
    const entries = await officerA.get(`${API}/entries`);
    expect(entries.status).toBe(200);
    const lines = entries.body.lines as {
      entry: { locationId: string };
      balancesAfter: { locationId: string }[];
    }[];
    expect(lines.length).toBe(3);
    for (const line of lines) {
      expect(line.entry.locationId).toBe(northSafe);
      for (const b of line.balancesAfter) expect(b.locationId).toBe(northSafe);
    }
    expect((await officerA.get(`${API}/entries?locationId=${southSafe}`)).body.lines).toEqual([]);
    expect((await officerA.get(`${API}/entries/${southEntryId}`)).status).toBe(404);
    expect((await officerB.get(`${API}/entries/${southEntryId}`)).status).toBe(200);
    const balances = (await officerA.get(`${API}/balances`)).body.balances as { locationId: string }[];
    expect(balances.map((b) => b.locationId)).toEqual([northSafe]);
    const inventory = await text(officerA, `${API}/reports/inventory?format=csv`);
    expect(inventory).toContain('North safe');
    expect(inventory).not.toContain('South safe');
  });
});

describe('register writes for no patient are scoped to the locations the author may see', () => {
  it("refuses service B's officer a receipt or a transfer into A's safe with 404, writing nothing", async () => {
    // A safe of A's alone (no dose for B's patients drawn from it, unlike the north safe).
    const eastSafe = (await officerA.post(`${API}/locations`, { name: 'East safe', premises: 'East Clinic' }))
      .body.id as string;
    const before = (await officerA.get(`${API}/entries`)).body.lines.length as number;
    const refused = [
      receipt(eastSafe),
      { kind: 'transfer', locationId: southSafe, toLocationId: eastSafe, quantity: { containers: 1 } },
    ];
    for (const body of refused) {
      const r = await officerB.post(`${API}/entries`, { productId, ...body });
      expect(r.status, JSON.stringify(body)).toBe(404);
      expect(r.body.code).toBe('not-found');
    }
    expect((await officerA.get(`${API}/entries`)).body.lines.length).toBe(before);
  });

  it("still lets service A's officer receive into A's safe", async () => {
    await post(officerA, receipt(northSafe));
  });
});
