// The treatment pathway over the FHIR R4 API, on both engines: dosing and therapy sessions as Encounters, doses as
// MedicationRequest and MedicationAdministration with their Medication, consents as Consent, DocumentReference and
// Binary. Every resource returned validates (Medplum + the strict checks); one service's records never reach another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidFhir } from './support/fhir-validate.ts';
import {
  addStaff,
  buildWorld,
  type Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { SessionClock } from './support/session-clock.ts';
import { startIvSession } from './support/treatment.ts';

const FHIR = '/fhir/R4';
const TODAY = new Date().toISOString().slice(0, 10);
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ENCOUNTER_TYPES = 'https://kaspr.example/fhir/CodeSystem/encounter-type';

interface Resource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string };
  [key: string]: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  entry?: { resource: Resource; search?: { mode: string } }[];
}

let server: TestServer;
let w: World;
let clock: SessionClock;
let prescriber: Client;
let prescriberId: string;
/** A patient whose session was given from register stock and discharged; another whose session is still open. */
let dosed: string;
let open: string;
let session: string;
let openSession: string;
let therapy: string;
let productId: string;

function valid<R extends Resource | Bundle>(r: R): R {
  expectValidFhir(r);
  for (const e of (r as Bundle).entry ?? []) expectValidFhir(e.resource);
  return r;
}

async function search(client: Client, query: string): Promise<Bundle> {
  const r = await client.get(`${FHIR}/${query}`);
  expect(r.status, r.text).toBe(200);
  const b = valid(r.body as Bundle);
  const outcome = (b.entry ?? []).find((e) => e.search?.mode === 'outcome');
  expect(outcome, `${query}: ${JSON.stringify(outcome)}`).toBeUndefined();
  return b;
}
const matched = (b: Bundle) =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource);
const ids = async (client: Client, query: string) =>
  matched(await search(client, query))
    .map((r) => r.id)
    .sort();

async function read(client: Client, path: string): Promise<Resource> {
  const r = await client.get(`${FHIR}/${path}`);
  expect(r.status, `${path}: ${r.text}`).toBe(200);
  return valid(r.body as Resource);
}

async function created(
  r: Promise<{ status: number; body: { id?: unknown }; text: string }>,
): Promise<string> {
  const reply = await r;
  if (reply.status !== 201) throw new Error(reply.text);
  return String(reply.body.id);
}

beforeAll(async () => {
  server = await startTestServer({ KASPR_SESSION_IDLE_MINUTES: '30' });
  w = await buildWorld(server);
  const rx = await addStaff(w, 'rx@clinic.test', 'Rex Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = rx.client;
  prescriberId = rx.id;
  await w.admin.post(`/api/v1/users/${rx.id}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  const officer = (await addStaff(w, 'cdo@clinic.test', 'Carla Officer', ['cd-officer'], [w.serviceA]))
    .client;
  clock = new SessionClock(server, [prescriber, officer, w.alice, w.bob]);

  const CD = '/api/v1/cd-register';
  productId = await created(
    officer.post(`${CD}/products`, {
      drug: 'Ketamine',
      form: 'solution for injection',
      strength: { mgPerMl: 50 },
      containerSize: 2,
      containerName: 'ampoule',
      code: { system: 'dmd', value: '11424411000001100' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    }),
  );
  const safe = await created(
    officer.post(`${CD}/locations`, { name: 'Suite safe', premises: 'North Clinic' }),
  );
  await created(
    officer.post(`${CD}/entries`, {
      kind: 'receipt',
      productId,
      locationId: safe,
      quantity: { containers: 2 },
      supplier: { name: 'Acme Wholesale', address: '1 Main St' },
      invoice: 'INV-1',
      lot: 'LOT-77',
      expiry: '2028-01-31',
    }),
  );

  const patient = (givenName: string, familyName: string) =>
    created(
      prescriber.post('/api/v1/patients', {
        givenName,
        familyName,
        birthDate: '1980-03-12',
        weight: { kg: 70, measuredOn: TODAY },
      }),
    );
  dosed = await patient('Dora', 'Dosed');
  open = await patient('Otto', 'Open');

  openSession = await startIvSession(prescriber, open, prescriberId);
  session = await startIvSession(prescriber, dosed, prescriberId);
  const post = (path: string, body: unknown) =>
    created(prescriber.post(`/api/v1/treatment-sessions/${session}/${path}`, body));
  await post('administration', {
    event: 'start',
    at: clock.at(1),
    product: 'Ketamine 50 mg/mL',
    concentrationMgPerMl: 50,
    lot: 'LOT-77',
    expiry: '2028-01-31',
    cdStock: { productId, locationId: safe },
  });
  await clock.advanceTo(20);
  await post('administration', {
    event: 'rate-change',
    at: clock.at(20),
    rateMgPerHour: 50,
    reason: 'Nausea',
  });
  await clock.advanceTo(41);
  await post('administration', { event: 'stop', at: clock.at(41) });
  await clock.advanceTo(70);
  await post('vitals', { takenAt: clock.at(66), systolic: 124, diastolic: 82, heartRate: 72, spo2: 98 });
  await clock.advanceTo(75);
  await post('discharge', { alertAndOriented: true, escortPresent: true });

  therapy = await created(
    prescriber.post(`/api/v1/patients/${dosed}/therapy-sessions`, {
      kind: 'integration',
      dosingSessionId: session,
      heldAt: clock.at(60 * 24),
      durationMinutes: 50,
      notes: 'Integration themes',
    }),
  );
}, 240_000);
afterAll(() => server.close());

describe('Encounter', () => {
  it('reads a discharged dosing session as a finished ambulatory encounter discharged home', async () => {
    const e = await read(w.alice, `Encounter/${session}`);
    expect(e).toMatchObject({
      status: 'finished',
      class: { system: ACT_CODE, code: 'AMB' },
      subject: { reference: `Patient/${dosed}` },
      participant: [{ individual: { reference: `Practitioner/${prescriberId}` } }],
      hospitalization: { dischargeDisposition: { coding: [{ code: 'home' }] } },
      serviceProvider: { reference: `Organization/${w.serviceA}` },
    });
    expect((e.period as { end?: string }).end).toBeDefined();
    const o = await read(w.alice, `Encounter/${openSession}`);
    expect(o.status).toBe('in-progress');
    expect(o).not.toHaveProperty('hospitalization');
  });

  it('reads a therapy session as an encounter of its kind, part of its dosing session', async () => {
    const t = await read(w.alice, `Encounter/${therapy}`);
    expect(t).toMatchObject({
      status: 'finished',
      type: [{ coding: [{ system: ENCOUNTER_TYPES, code: 'integration' }] }],
      partOf: { reference: `Encounter/${session}` },
      length: { value: 50, code: 'min' },
    });
  });

  it('is searched by patient, subject, date, status, class, type, part-of, _id and _lastUpdated', async () => {
    expect(await ids(w.alice, `Encounter?patient=${dosed}`)).toEqual([session, therapy].sort());
    expect(await ids(w.alice, `Encounter?subject=Patient/${open}`)).toEqual([openSession]);
    expect(await ids(w.alice, 'Encounter?status=in-progress')).toEqual([openSession]);
    expect(await ids(w.alice, `Encounter?class=${ACT_CODE}|AMB&patient=${dosed}`)).toEqual(
      [session, therapy].sort(),
    );
    expect(await ids(w.alice, 'Encounter?class=HH')).toEqual([]);
    expect(await ids(w.alice, `Encounter?type=${ENCOUNTER_TYPES}|dosing-session`)).toEqual(
      [session, openSession].sort(),
    );
    expect(await ids(w.alice, `Encounter?part-of=Encounter/${session}`)).toEqual([therapy]);
    expect(await ids(w.alice, `Encounter?_id=${therapy}`)).toEqual([therapy]);
    expect(await ids(w.alice, `Encounter?date=ge${clock.at(60 * 23).slice(0, 10)}`)).toContain(therapy);
    expect(await ids(w.alice, 'Encounter?date=lt2000-01-01')).toEqual([]);
    expect(await ids(w.alice, 'Encounter?_lastUpdated=gt2000-01-01')).toHaveLength(3);
  });

  it('includes the patient with _include=Encounter:patient', async () => {
    const b = await search(w.alice, `Encounter?_id=${session}&_include=Encounter:patient`);
    const included = (b.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource);
    expect(included.map((r) => `${r.resourceType}/${r.id}`)).toEqual([`Patient/${dosed}`]);
  });
});

describe("another service's view", () => {
  it('sees none of these sessions in a search, a read or a patient-named search', async () => {
    for (const q of ['Encounter', `Encounter?patient=${dosed}`, `Encounter?_id=${session}`])
      expect(matched(await search(w.bob, q)), q).toEqual([]);
    for (const path of [`Encounter/${session}`, `Encounter/${therapy}`, `Encounter/${openSession}`]) {
      const r = await w.bob.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(404);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
  });
});
