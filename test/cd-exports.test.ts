// Regulator views of the register: UK reg 19 register and US 1304.22(c) record as JSON, CSV and PDF; inventory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './support/pdf-text.ts';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { parseCsv } from './support/csv.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let w: World;
let officer: Client;
let nurse: Client;
let prescriberId: string;
let patientId: string;
let injectorId: string;
let productId: string;
let safe: string;
let receiptId: string;

const API = '/api/v1/cd-register';
const SESSION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e';
const EVIL_SUPPLIER = '=HYPERLINK("x")';

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

async function binary(
  client: Client,
  path: string,
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: client.cookie } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** Splits CSV text into rows of unquoted fields (RFC 4180 quoting). */

const column = (rows: string[][], name: string): string[] => {
  const at = rows[0]!.indexOf(name);
  expect(at, name).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[at]!);
};

const expectNoFormula = (rows: string[][]) => {
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
};

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  // A CD officer who also reads the service's patients: the reports name them (a CD officer who does not read
  // patients sees "Patient <reference>" instead, test/cd-register-scope.test.ts).
  officer = (await staff('cdo@clinic.test', 'Carla Officer', ['cd-officer', 'practitioner'])).client;
  const n = await staff('nurse@clinic.test', 'Nora Nurse', ['nurse']);
  nurse = n.client;
  await staff('nurse2@clinic.test', 'Ned Nurse', ['nurse']);
  prescriberId = (await staff('doc@clinic.test', 'Dana Prescriber', ['prescriber'])).id;
  patientId = (
    await w.alice.post('/api/v1/patients', {
      ...SAMPLE_PATIENT,
      contact: { address: '12 Elm Road, Leeds' },
    })
  ).body.id;
  injectorId = (
    await w.alice.post('/api/v1/patients', {
      givenName: '@SUM(1+1)',
      familyName: 'Injector',
      birthDate: '1990-01-01',
    })
  ).body.id;
  productId = (
    await officer.post(`${API}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 20,
      code: { system: 'ndc', value: '0409-2051-05' },
      schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safe = (await officer.post(`${API}/locations`, { name: 'Main safe', premises: 'North Clinic' })).body.id;
  const entries = [
    {
      kind: 'receipt',
      quantity: { containers: 3 },
      supplier: { name: EVIL_SUPPLIER, address: '1 Main St', registrationNumber: 'RA1234563' },
      invoice: '+SUM(A1)',
      lot: '-2+3',
      expiry: '2028-06-30',
    },
    {
      kind: 'administration',
      quantity: { mg: 35 },
      patientId,
      sessionId: SESSION_ID,
      prescriberId,
    },
    {
      kind: 'administration',
      quantity: { mg: 20 },
      patientId: injectorId,
      sessionId: SESSION_ID,
      prescriberId,
    },
    {
      kind: 'waste',
      quantity: { mg: 15 },
      patientId,
      sessionId: SESSION_ID,
      witness: { email: 'nurse2@clinic.test', password: STAFF_PASSWORD },
    },
  ];
  for (const body of entries) {
    const r = await nurse.post(`${API}/entries`, { productId, locationId: safe, ...body });
    if (r.status !== 201) throw new Error(r.text);
    if (body.kind === 'receipt') receiptId = r.body.entry.id;
  }
  const fix = await nurse.post(`${API}/entries`, {
    kind: 'correction',
    productId,
    locationId: safe,
    correctsEntryId: receiptId,
    quantity: { containers: 2 },
    reason: 'Three were invoiced, two arrived',
    witness: { email: 'nurse2@clinic.test', password: STAFF_PASSWORD },
  });
  if (fix.status !== 201) throw new Error(fix.text);
});
afterAll(() => server.close());

describe('UK register (Misuse of Drugs Regulations 2001, reg 19)', () => {
  it('gives a section per drug, form and strength per location, with reg 19 headings and running balances', async () => {
    const r = await officer.get(`${API}/reports/uk?productId=${productId}&locationId=${safe}`);
    expect(r.status).toBe(200);
    expect(r.body.sections).toHaveLength(1);
    const [section] = r.body.sections;
    expect(section.premises).toBe('North Clinic');
    expect(section.heading).toMatchObject({
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: '10 mg/mL',
      container: '20 mL vial',
      drugClass: 'Class B, Schedule 2',
      location: 'Main safe',
    });
    const [obtained, supplied, , waste, correction] = section.rows;
    expect(obtained).toMatchObject({ part: 'obtained', receivedFrom: { name: EVIL_SUPPLIER }, struck: true });
    expect(obtained.footnotes[0]).toMatch(
      /^Corrected on \d{4}-\d{2}-\d{2} by Nora Nurse \(entry 5\): Three were invoiced/,
    );
    expect(supplied).toMatchObject({
      part: 'supplied',
      suppliedTo: { name: 'Testy Patientson', address: '12 Elm Road, Leeds' },
      authorityToPossess: 'Dana Prescriber',
      quantitySupplied: '35 mg (3.5 mL)',
      enteredBy: 'Nora Nurse',
    });
    expect(waste).toMatchObject({ part: 'other', witnessedBy: ['Ned Nurse'] });
    expect(correction.balance).toBe('1 × 20 mL vial (200 mg) + 130 mg (13 mL) opened; total 330 mg');
  });

  it('exports CSV with formula injection escaped', async () => {
    const r = await officer.get(`${API}/reports/uk?format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="cd-register-uk\.csv"/);
    expect(r.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(r.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const rows = parseCsv(r.text);
    expect(rows[0]!.slice(0, 3)).toEqual(['Premises', 'Location', 'Drug']);
    expect(rows).toHaveLength(1 + 5);
    expect(column(rows, 'Received from')[0]).toBe(`'${EVIL_SUPPLIER}`);
    expect(column(rows, 'Supplied to')[1]).toBe('Testy Patientson');
    expect(column(rows, 'Supplied to')[2]).toBe("'@SUM(1+1) Injector");
    expect(column(rows, 'Corrected (struck through)')[0]).toBe('yes');
    expectNoFormula(rows);
  });

  it('exports a PDF with the headings and the rows', async () => {
    const r = await binary(officer, `${API}/reports/uk?format=pdf`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(r.bytes);
    expect(text).toContain('Controlled drugs register');
    expect(text).toContain('Ketamine hydrochloride, solution for injection, 10 mg/mL (20 mL vial)');
    expect(text).toContain('Class B, Schedule 2');
    expect(text).toContain('Authority to possess');
    expect(text).toContain('Testy Patientson');
    expect(text).toContain('Dana Prescriber');
    expect(text).toContain(EVIL_SUPPLIER);
    expect(text).toMatch(/Corrected on .* Three were invoiced, two arrived/);
    expect(text).toMatch(/chain intact, 5 entries/);
  });
});

describe('US record (21 CFR 1304.22(c))', () => {
  it('gives received, administered and wasted rows with supplier DEA number and patient', async () => {
    const r = await officer.get(`${API}/reports/us?productId=${productId}`);
    expect(r.status).toBe(200);
    const [section] = r.body.sections;
    expect(section.heading).toMatchObject({
      substance: 'Ketamine hydrochloride',
      finishedForm: '10 mg/mL solution for injection',
      containerSize: '20 mL vial',
      schedule: 'CIII',
      code: 'NDC 0409-2051-05',
    });
    expect(section.rows.map((x: any) => x.section)).toEqual([
      'received',
      'administered',
      'administered',
      'wasted',
      'correction',
    ]);
    expect(section.rows[0].supplier).toEqual({
      name: EVIL_SUPPLIER,
      address: '1 Main St',
      deaNumber: 'RA1234563',
    });
    expect(section.rows[1]).toMatchObject({
      patient: { name: 'Testy Patientson', address: '12 Elm Road, Leeds' },
      administeredBy: 'Nora Nurse (NN)',
      sessionId: SESSION_ID,
    });
  });

  it('exports CSV with every formula-like cell escaped', async () => {
    const r = await officer.get(`${API}/reports/us?format=csv&locationId=${safe}`);
    expect(r.status).toBe(200);
    const rows = parseCsv(r.text);
    expect(column(rows, 'Supplier')[0]).toBe(`'${EVIL_SUPPLIER}`);
    expect(column(rows, 'Invoice')[0]).toBe("'+SUM(A1)");
    expect(column(rows, 'Lot')[0]).toBe("'-2+3");
    expect(column(rows, 'Supplier DEA number')[0]).toBe('RA1234563');
    expect(column(rows, 'Patient')[2]).toBe("'@SUM(1+1) Injector");
    expectNoFormula(rows);
  });

  it('exports a PDF with the headings and the rows', async () => {
    const r = await binary(officer, `${API}/reports/us?format=pdf`);
    expect(r.status).toBe(200);
    const text = await pdfText(r.bytes);
    expect(text).toContain('Controlled substance dispensing and administration record');
    expect(text).toContain('Schedule CIII');
    expect(text).toContain('Administered by');
    expect(text).toContain('Testy Patientson, 12 Elm Road, Leeds');
    expect(text).toContain('DEA RA1234563');
  });
});

describe('inventory and access', () => {
  it("reports stock as of today on the officer's service calendar when no date is given", async () => {
    const now = new Date();
    const zone = zoneOffUtcDay(now);
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const r = await officer.get(`${API}/reports/inventory`);
      expect(r.status).toBe(200);
      expect(r.body.asOf).toBe(dayIn(zone));
      expect(r.body.asOf).not.toBe(utcDay());
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });

  it('lists stock on hand as of a date, zero balances included, as JSON, CSV and PDF', async () => {
    const today = utcDay();
    const r = await officer.get(`${API}/reports/inventory?asOf=${today}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ asOf: today, takenAt: 'close' });
    expect(r.body.rows).toEqual([
      expect.objectContaining({
        sealedContainers: 1,
        openedMg: 130,
        totalMg: 330,
        openedMeasure: 'estimate-allowed',
      }),
    ]);
    const opening = await officer.get(`${API}/reports/inventory?asOf=2020-01-01&takenAt=opening`);
    expect(opening.body.rows[0]).toMatchObject({ sealedContainers: 0, totalMg: 0 });
    const csv = await officer.get(`${API}/reports/inventory?asOf=${today}&format=csv`);
    const rows = parseCsv(csv.text);
    expect(column(rows, 'Sealed containers')).toEqual(['1']);
    const pdf = await binary(officer, `${API}/reports/inventory?asOf=${today}&format=pdf`);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(`Controlled substance inventory as of ${today}`);
    expect(text).toContain('Main safe');
  });

  it('is for CD roles only, audited, and refuses unknown products', async () => {
    expect((await w.alice.get(`${API}/reports/uk`)).status).toBe(403);
    expect((await w.admin.get(`${API}/reports/us?format=csv`)).status).toBe(403);
    const unknown = await officer.get(`${API}/reports/uk?productId=00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect((await officer.get(`${API}/reports/uk?format=xlsx`)).status).toBe(422);
    const audited = await server.ctx.db.query<{ action: string }>(
      "SELECT DISTINCT action FROM audit_log WHERE action LIKE 'cd-report.%' ORDER BY action",
    );
    expect(audited.map((a) => a.action)).toEqual(['cd-report.uk', 'cd-report.us']);
  });
});
