// The patient record's lists and history over the FHIR API, on both engines: allergies (AllergyIntolerance),
// medications (MedicationStatement), record versions (Provenance), staff roles (PractitionerRole) and the audit
// log (AuditEvent). Every resource returned validates; a service's records never reach another service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidFhir } from './support/fhir-validate.ts';
import { buildWorld, type Client, startTestServer, type TestServer, type World } from './support/server.ts';

let server: TestServer;
let w: World;
/** A patient of service A (corrected once) and one of service B. */
let north: string;
let south: string;

const FHIR = '/fhir/R4';

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

function valid<R extends Resource | Bundle>(r: R): R {
  expectValidFhir(r);
  for (const e of (r as Bundle).entry ?? []) expectValidFhir(e.resource);
  return r;
}

async function search(client: Client, query: string): Promise<Bundle> {
  const r = await client.get(`${FHIR}/${query}`);
  expect(r.status, r.text).toBe(200);
  const bundle = valid(r.body as Bundle);
  expect(
    bundle.entry?.find((e) => e.search?.mode === 'outcome'),
    query,
  ).toBeUndefined();
  return bundle;
}
async function read(client: Client, path: string): Promise<Resource> {
  const r = await client.get(`${FHIR}/${path}`);
  expect(r.status, r.text).toBe(200);
  return valid(r.body as Resource);
}
const matched = (b: Bundle) =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource);
const ids = (b: Bundle) => matched(b).map((r) => r.id);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/v1/patients', body);
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  north = await create(w.alice, {
    givenName: 'Nora',
    familyName: 'Northcott',
    birthDate: '1981-02-03',
    allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }],
    medications: [{ name: 'Sertraline', dose: '50 mg', route: 'oral', frequency: 'once daily' }],
  });
  const corrected = await w.alice.patch(
    `/api/v1/patients/${north}`,
    {
      allergies: [
        { substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' },
        { substance: 'Peanut', severity: 'severe' },
      ],
      medications: [
        { name: 'Sertraline', dose: '100 mg', route: 'oral', frequency: 'once daily' },
        { name: 'Lithium' },
      ],
      reason: 'Allergy and dose reported by the GP',
    },
    { 'if-match': 'W/"1"' },
  );
  if (corrected.status !== 200) throw new Error(corrected.text);
  south = await create(w.bob, {
    givenName: 'Sid',
    familyName: 'Southgate',
    birthDate: '1970-07-07',
    allergies: [{ substance: 'Latex', reaction: 'Hives', severity: 'mild' }],
    medications: [{ name: 'Mirtazapine', dose: '15 mg' }],
  });
}, 180_000);
afterAll(() => server.close());

describe('AllergyIntolerance', () => {
  it('reads each allergy of the current version, with its reaction and severity', async () => {
    const peanut = await read(w.alice, `AllergyIntolerance/${north}-allergy-2`);
    expect(peanut).toMatchObject({
      meta: { versionId: '2' },
      code: { text: 'Peanut' },
      patient: { reference: `Patient/${north}` },
      clinicalStatus: { coding: [{ code: 'active' }] },
      reaction: [{ severity: 'severe' }],
    });
    for (const missing of [`${north}-allergy-3`, `${north}-allergy-0`, `${north}-allergy-x`, 'nothing'])
      expect((await w.alice.get(`${FHIR}/AllergyIntolerance/${missing}`)).status, missing).toBe(404);
  });

  it('searches by patient, clinical status, substance, id and last update', async () => {
    const both = [`${north}-allergy-1`, `${north}-allergy-2`];
    expect(ids(await search(w.alice, `AllergyIntolerance?patient=Patient/${north}`))).toEqual(both);
    expect(ids(await search(w.alice, 'AllergyIntolerance?clinical-status=active'))).toEqual(both);
    expect(
      ids(
        await search(
          w.alice,
          'AllergyIntolerance?clinical-status=http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical|active',
        ),
      ),
    ).toEqual(both);
    expect(ids(await search(w.alice, 'AllergyIntolerance?code=Peanut'))).toEqual([`${north}-allergy-2`]);
    expect(ids(await search(w.alice, `AllergyIntolerance?_id=${north}-allergy-1`))).toEqual([both[0]]);
    expect(ids(await search(w.alice, 'AllergyIntolerance?_lastUpdated=gt2000-01-01'))).toEqual(both);
    expect(ids(await search(w.alice, 'AllergyIntolerance?_lastUpdated=lt2000-01-01'))).toEqual([]);
  });
});

describe('MedicationStatement', () => {
  it('reads each medication with its dosage', async () => {
    const sertraline = await read(w.alice, `MedicationStatement/${north}-medication-1`);
    expect(sertraline).toMatchObject({
      status: 'active',
      medicationCodeableConcept: { text: 'Sertraline' },
      subject: { reference: `Patient/${north}` },
      dosage: [{ text: '100 mg, oral, once daily', route: { text: 'oral' } }],
    });
    expect((await w.alice.get(`${FHIR}/MedicationStatement/${north}-medication-3`)).status).toBe(404);
  });

  it('searches by patient, subject, status and medication, and includes the patient', async () => {
    const both = [`${north}-medication-1`, `${north}-medication-2`];
    expect(ids(await search(w.alice, `MedicationStatement?patient=${north}`))).toEqual(both);
    expect(ids(await search(w.alice, `MedicationStatement?subject=Patient/${north}`))).toEqual(both);
    expect(ids(await search(w.alice, 'MedicationStatement?status=active'))).toEqual(both);
    expect(ids(await search(w.alice, 'MedicationStatement?status=stopped'))).toEqual([]);
    expect(ids(await search(w.alice, 'MedicationStatement?code=Lithium'))).toEqual([`${north}-medication-2`]);
    const withPatient = await search(
      w.alice,
      `MedicationStatement?code=Lithium&_include=MedicationStatement:patient`,
    );
    expect(withPatient.entry?.map((e) => [e.resource.resourceType, e.search?.mode])).toEqual([
      ['MedicationStatement', 'match'],
      ['Patient', 'include'],
    ]);
  });
});

describe('Provenance', () => {
  it('has one Provenance per patient version: who, when, create or update, and why', async () => {
    const first = await read(w.alice, `Provenance/${north}-v1`);
    expect(first).toMatchObject({
      target: [{ reference: `Patient/${north}/_history/1` }],
      activity: { coding: [{ code: 'CREATE' }] },
      agent: [{ who: { reference: `Practitioner/${w.aliceId}` } }],
    });
    expect(first).not.toHaveProperty('reason');
    const second = await read(w.alice, `Provenance/${north}-v2`);
    expect(second).toMatchObject({
      target: [{ reference: `Patient/${north}/_history/2` }],
      activity: { coding: [{ code: 'UPDATE' }] },
      reason: [{ text: 'Allergy and dose reported by the GP' }],
    });
    // The version it names is the one vread serves.
    const version = await read(w.alice, `Patient/${north}/_history/2`);
    expect(version.meta?.versionId).toBe('2');
    expect((await w.alice.get(`${FHIR}/Provenance/${north}-v3`)).status).toBe(404);
  });

  it('searches by target (a version or the record), patient, recorded and agent', async () => {
    const both = [`${north}-v1`, `${north}-v2`];
    expect(ids(await search(w.alice, `Provenance?target=Patient/${north}/_history/2`))).toEqual([both[1]]);
    expect(ids(await search(w.alice, `Provenance?target=Patient/${north}`))).toEqual(both);
    expect(ids(await search(w.alice, `Provenance?patient=${north}`))).toEqual(both);
    expect(ids(await search(w.alice, 'Provenance?recorded=ge2000-01-01'))).toEqual(both);
    expect(ids(await search(w.alice, 'Provenance?recorded=lt2000-01-01'))).toEqual([]);
    expect(ids(await search(w.alice, `Provenance?agent=Practitioner/${w.aliceId}`))).toEqual(both);
    expect(ids(await search(w.alice, `Provenance?agent=Practitioner/${w.bobId}`))).toEqual([]);
  });
});

describe('access', () => {
  it("never shows one service's allergies, medications or versions to another", async () => {
    for (const [client, own, other] of [
      [w.alice, north, south],
      [w.bob, south, north],
    ] as const) {
      for (const type of ['AllergyIntolerance', 'MedicationStatement', 'Provenance']) {
        const all = await search(client, type);
        expect(all.total, type).toBeGreaterThan(0);
        const text = JSON.stringify(all.entry ?? []);
        expect(text, type).toContain(own);
        expect(text, type).not.toContain(other);
        expect((await search(client, `${type}?patient=${other}`)).total, type).toBe(0);
      }
      for (const path of [
        `AllergyIntolerance/${other}-allergy-1`,
        `MedicationStatement/${other}-medication-1`,
        `Provenance/${other}-v1`,
      ]) {
        const r = await client.get(`${FHIR}/${path}`);
        expect(r.status, path).toBe(404);
        expect(r.body.resourceType).toBe('OperationOutcome');
      }
    }
  });
});
