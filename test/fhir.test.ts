// The FHIR R4 API over real HTTP, on both engines: the CapabilityStatement, read, vread and history, search with
// tokens, accent-free names, date prefixes, references, paging, sorting, includes and unknown parameters; every
// resource returned validates (Medplum + the strict checks); a service's records never reach another service; every
// read and search is audited; an independent client (fhir-kit-client) reads and searches.
import { Client as FhirClient } from 'fhir-kit-client';
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
import { startIvSession } from './support/treatment.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let mejia: string;
let hoeger: string;
let south: string;
let session: string;
/** The source id of the session's first vital signs (its baseline). */
let firstVitals: string;

const FHIR = '/fhir/R4';
const TODAY = new Date().toISOString().slice(0, 10);
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const PROFILE: Record<string, string> = {
  '29463-7': 'http://hl7.org/fhir/StructureDefinition/bodyweight',
  '8302-2': 'http://hl7.org/fhir/StructureDefinition/bodyheight',
  '8867-4': 'http://hl7.org/fhir/StructureDefinition/heartrate',
  '9279-1': 'http://hl7.org/fhir/StructureDefinition/resprate',
  '2708-6': 'http://hl7.org/fhir/StructureDefinition/oxygensat',
};

interface Resource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string };
  code?: { coding?: { system?: string; code?: string }[] };
  subject?: { reference?: string };
  [key: string]: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  type: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { fullUrl?: string; resource: Resource; search?: { mode: string } }[];
}

/** Validates a resource (with its base-spec vital-signs profile when it has one) and returns it. */
function valid<R extends Resource | Bundle>(r: R): R {
  const code = (r as Resource).code?.coding?.[0]?.code;
  expectValidFhir(r, code && PROFILE[code] ? { profile: PROFILE[code] } : {});
  for (const e of (r as Bundle).entry ?? []) valid(e.resource);
  return r;
}

async function search(client: Client, query: string): Promise<Bundle> {
  const r = await client.get(`${FHIR}/${query}`);
  expect(r.status, r.text).toBe(200);
  expect(r.headers.get('content-type')).toContain('application/fhir+json');
  return valid(r.body as Bundle);
}
const matched = (b: Bundle) =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource);
const codes = (b: Bundle) => matched(b).map((r) => r.code?.coding?.[0]?.code);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const rx = await addStaff(w, 'rx@clinic.test', 'Rex Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = rx.client;
  await w.admin.post(`/api/v1/users/${rx.id}/credentials`, {
    kind: 'ACLS',
    identifier: 'ACLS-778',
    expiresOn: '2099-01-01',
  });
  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/v1/patients', body);
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  mejia = await create(prescriber, {
    givenName: 'Gustavo',
    familyName: 'Mejía',
    birthDate: '1980-03-12',
    sex: 'male',
    identifiers: [{ system: 'nhs', value: '943 476 5919' }],
    weight: { kg: 72.5, measuredOn: TODAY },
    height: { cm: 178, measuredOn: '2026-11-01' },
  });
  hoeger = await create(prescriber, {
    givenName: 'Buster',
    familyName: 'Hoeger',
    birthDate: '1975-01-02',
    identifiers: [{ system: 'mrn', value: 'MRN-42' }],
  });
  south = await create(w.bob, { givenName: 'Sally', familyName: 'Southern', birthDate: '1990-06-06' });
  const phq = await prescriber.post(`/api/v1/patients/${mejia}/responses`, {
    instrument: 'phq-9',
    answers: { 1: 2, 2: 2, 3: 1, 4: 1, 5: 0, 6: 1, 7: 1, 8: 0, 9: 0 },
  });
  if (phq.status !== 201) throw new Error(phq.text);
  session = await startIvSession(prescriber, mejia, rx.id);
  const vitals = await prescriber.post(`/api/v1/treatment-sessions/${session}/vitals`, {
    takenAt: new Date().toISOString(),
    systolic: 131,
    diastolic: 84,
    heartRate: 77,
    spo2: 97,
    respiratoryRate: 14,
  });
  if (vitals.status !== 201) throw new Error(vitals.text);
  const hr = await search(w.alice, `Observation?encounter=Encounter/${session}&code=8867-4&_sort=date`);
  firstVitals = matched(hr)[0]?.id.replace(/-hr$/, '') ?? '';
}, 180_000);
afterAll(() => server.close());

describe('CapabilityStatement', () => {
  it('is public, valid and lists what is served, and nothing else', async () => {
    const r = await new (w.alice.constructor as typeof Client)(server.baseUrl).get(`${FHIR}/metadata`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/fhir+json');
    expectValidFhir(r.body);
    const rest = r.body.rest[0] as {
      resource: {
        type: string;
        interaction?: { code: string }[];
        searchParam?: { name: string }[];
        operation?: { name: string; definition: string }[];
      }[];
      operation: { name: string; definition: string }[];
    };
    // Bulk Data export at every level it is served.
    const BULK = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/';
    expect(rest.operation).toEqual([{ name: 'export', definition: `${BULK}export` }]);
    for (const [type, definition] of [
      ['Patient', 'patient-export'],
      ['Group', 'group-export'],
    ])
      expect(rest.resource.find((x) => x.type === type)?.operation).toEqual([
        { name: 'export', definition: `${BULK}${definition}` },
      ]);
    expect(rest.resource.map((x) => x.type).sort()).toEqual([
      'AllergyIntolerance',
      'Appointment',
      'AuditEvent',
      'Binary',
      'CarePlan',
      'ClinicalImpression',
      'Consent',
      'DocumentReference',
      'Encounter',
      'Flag',
      'Goal',
      'Group',
      'Medication',
      'MedicationAdministration',
      'MedicationRequest',
      'MedicationStatement',
      'Observation',
      'Organization',
      'Patient',
      'Practitioner',
      'PractitionerRole',
      'Provenance',
      'QuestionnaireResponse',
      'RiskAssessment',
      'ServiceRequest',
      'Task',
    ]);
    const patient = rest.resource.find((x) => x.type === 'Patient');
    expect(patient?.interaction?.map((i) => i.code).sort()).toEqual([
      'create',
      'history-instance',
      'read',
      'search-type',
      'vread',
    ]);
    expect(patient?.searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['identifier', 'family', 'given', 'name', 'birthdate', '_id', '_lastUpdated']),
    );
    // Every advertised search parameter is answered (not reported as unknown).
    for (const res of rest.resource)
      for (const p of res.searchParam ?? []) {
        const b = await search(w.alice, `${res.type}?${p.name}=x&_summary=count`).catch(() => null);
        const outcome = b?.entry?.find((e) => e.search?.mode === 'outcome');
        expect(outcome, `${res.type}?${p.name}`).toBeUndefined();
      }
  });
});

describe('access', () => {
  it('refuses a request without a session as an OperationOutcome', async () => {
    const anon = new (w.alice.constructor as typeof Client)(server.baseUrl);
    for (const path of [`Patient?family=mejia`, `Patient/${mejia}`, `Observation?patient=${mejia}`]) {
      const r = await anon.get(`${FHIR}/${path}`);
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/fhir+json');
      expect(r.body.resourceType).toBe('OperationOutcome');
      expectValidFhir(r.body);
    }
  });

  it("never shows one service's records to another: search, read and references", async () => {
    const bob = w.bob;
    for (const q of [
      'Patient',
      'Patient?family=mejia',
      `Patient?identifier=${NHS}|9434765919`,
      `Patient?_id=${mejia}`,
      `Observation?patient=${mejia}`,
      `Observation?subject=Patient/${hoeger}`,
      'Observation',
      'QuestionnaireResponse',
      `Practitioner?name=rex`,
    ]) {
      const b = await search(bob, q);
      // The entries, not the links (a self link repeats what the searcher typed).
      const text = JSON.stringify(b.entry ?? []);
      for (const secret of ['Mejía', 'Hoeger', '9434765919', mejia, hoeger, 'Rex Prescriber'])
        expect(text, q).not.toContain(secret);
    }
    expect(matched(await search(bob, 'Patient')).map((p) => p.id)).toEqual([south]);
    for (const path of [
      `Patient/${mejia}`,
      `Patient/${mejia}/_history`,
      `Patient/${mejia}/_history/1`,
      `Observation/${mejia}-body-weight`,
      `Observation/${firstVitals}-bp`,
    ]) {
      const r = await bob.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(404);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
    // And the other way round.
    expect((await w.alice.get(`${FHIR}/Patient/${south}`)).status).toBe(404);
  });

  it('records every read and search in the audit log, naming no search values', async () => {
    await search(w.alice, 'Patient?family=mejia');
    expect((await w.alice.get(`${FHIR}/Patient/${mejia}`)).status).toBe(200);
    const audit = await w.admin.get(`/api/v1/audit?patientId=${mejia}`);
    expect(audit.status).toBe(200);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('fhir.read');
    const all = await w.admin.get('/api/v1/audit');
    const searches = (all.body.entries as { action: string; details?: unknown }[]).filter(
      (e) => e.action === 'fhir.search',
    );
    expect(searches.length).toBeGreaterThan(0);
    expect(JSON.stringify(searches)).not.toContain('mejia');
  });
});

describe('Patient', () => {
  it('finds by NHS number token, bare value, accent-free family name, given name and birth date', async () => {
    for (const q of [
      `identifier=${NHS}|9434765919`,
      'identifier=9434765919',
      'family=mejia',
      'family=MEJ',
      'name=gus',
      'birthdate=1980-03-12',
      'birthdate=ge1980-01-01&birthdate=lt1981',
      'gender=male',
    ]) {
      const b = await search(w.alice, `Patient?${q}`);
      expect(
        matched(b).map((p) => p.id),
        q,
      ).toEqual([mejia]);
      expect(b.total, q).toBe(1);
    }
    expect(matched(await search(w.alice, 'Patient?family:exact=Mejia'))).toEqual([]);
    expect(matched(await search(w.alice, 'Patient?family:exact=Mejía')).map((p) => p.id)).toEqual([mejia]);
  });

  it('reads the current version, keeps the old one in vread and history after a correction', async () => {
    const before = (await w.alice.get(`${FHIR}/Patient/${hoeger}`)).body as Resource;
    valid(before);
    expect(before.meta?.versionId).toBe('1');
    const fix = await prescriber.patch(
      `/api/v1/patients/${hoeger}`,
      { familyName: 'Höeger', reason: 'Spelling' },
      { 'if-match': '"1"' },
    );
    expect(fix.status, fix.text).toBe(200);
    const now = valid((await w.alice.get(`${FHIR}/Patient/${hoeger}`)).body as Resource);
    expect(now.meta?.versionId).toBe('2');
    const v1 = valid((await w.alice.get(`${FHIR}/Patient/${hoeger}/_history/1`)).body as Resource);
    expect((v1.name as { family: string }[])[0]?.family).toBe('Hoeger');
    const history = (await w.alice.get(`${FHIR}/Patient/${hoeger}/_history`)).body as Bundle;
    valid(history);
    expect(history.type).toBe('history');
    expect(history.entry?.map((e) => e.resource.meta?.versionId)).toEqual(['2', '1']);
    expect((await w.alice.get(`${FHIR}/Patient/${hoeger}/_history/9`)).status).toBe(404);
  });

  it('includes the observations of the patients found (_revinclude)', async () => {
    const b = await search(w.alice, `Patient?_id=${mejia}&_revinclude=Observation:patient`);
    const included = (b.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource);
    expect(included.length).toBeGreaterThan(4);
    expect(included.every((r) => r.resourceType === 'Observation')).toBe(true);
  });
});

describe('Observation', () => {
  it('serves body measures, vital signs and questionnaire totals as valid Observations', async () => {
    const all = await search(w.alice, `Observation?patient=Patient/${mejia}`);
    const found = codes(all);
    for (const code of ['29463-7', '8302-2', '85354-9', '8867-4', '2708-6', '9279-1', '44261-6'])
      expect(found, code).toContain(code);
    expect(matched(await search(w.alice, `Observation?patient=${mejia}`)).length).toBe(matched(all).length);
  });

  it('finds by code token, category, date prefix and encounter', async () => {
    expect(
      codes(await search(w.alice, `Observation?patient=${mejia}&code=http://loinc.org|29463-7`)),
    ).toEqual(['29463-7']);
    expect(codes(await search(w.alice, `Observation?patient=${mejia}&category=survey`))).toEqual(['44261-6']);
    const vitals = await search(
      w.alice,
      `Observation?patient=${mejia}&category=vital-signs&date=ge2026-11-02`,
    );
    expect(codes(vitals)).not.toContain('8302-2'); // the height was measured on 1 November
    expect(codes(vitals)).toContain('8867-4');
    expect(codes(vitals)).toContain('29463-7');
    expect(codes(await search(w.alice, `Observation?patient=${mejia}&date=lt${TODAY}`))).toEqual(['8302-2']);
    const enc = await search(w.alice, `Observation?encounter=Encounter/${session}&code=8867-4`);
    expect(matched(enc).length).toBe(2); // the baseline and the reading in the session
    expect(matched(await search(w.alice, `Observation?patient=${mejia}&date=lt2000`))).toEqual([]);
  });

  it('pages with next links until exhausted, with the same total on every page', async () => {
    let next: string | undefined = `Observation?patient=${mejia}&_count=2&_sort=-date`;
    const seen: string[] = [];
    let total: number | undefined;
    while (next) {
      const b: Bundle = await search(w.alice, next.replace(/^.*\/fhir\/R4\//, ''));
      total ??= b.total;
      expect(b.total).toBe(total);
      const page = matched(b);
      expect(page.length).toBeGreaterThan(0);
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((r) => r.id));
      next = b.link?.find((l) => l.relation === 'next')?.url;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    const count = await search(w.alice, `Observation?patient=${mejia}&_summary=count`);
    expect(count.total).toBe(total);
    expect(count.entry).toBeUndefined();
  });

  it('reads one by id and includes its patient', async () => {
    const hr = matched(
      await search(w.alice, `Observation?patient=${mejia}&code=8867-4&_include=Observation:patient`),
    );
    const first = hr[0];
    expect(first).toBeDefined();
    const r = await w.alice.get(`${FHIR}/Observation/${first?.id ?? ''}`);
    expect(r.status).toBe(200);
    expect(valid(r.body as Resource).id).toBe(first?.id);
    const withPatient = await search(
      w.alice,
      `Observation?patient=${mejia}&code=8867-4&_include=Observation:patient`,
    );
    expect(withPatient.entry?.filter((e) => e.search?.mode === 'include').map((e) => e.resource.id)).toEqual([
      mejia,
    ]);
  });
});

describe('QuestionnaireResponse, Organization and Practitioner', () => {
  it('serves the PHQ-9 response with its answers, and the total derived from it', async () => {
    const qr = matched(await search(w.alice, `QuestionnaireResponse?patient=${mejia}`));
    expect(qr).toHaveLength(1);
    const total = matched(
      await search(w.alice, `Observation?derived-from=QuestionnaireResponse/${qr[0]?.id ?? ''}`),
    );
    expect(total.map((o) => o.valueInteger)).toEqual([8]);
  });

  it('serves the services the user works in and their colleagues with credentials', async () => {
    const orgs = matched(await search(w.alice, 'Organization'));
    expect(orgs.map((o) => o.id)).toEqual([w.serviceA]);
    const rex = matched(await search(w.alice, 'Practitioner?name=rex'));
    expect(rex).toHaveLength(1);
    expect(JSON.stringify(rex[0])).toContain('ACLS');
    expect(JSON.stringify(rex[0])).not.toMatch(/password|totp/i);
    expect((await w.alice.get(`${FHIR}/Organization/${w.serviceB}`)).status).toBe(404);
  });
});

describe('search errors', () => {
  it('reports an unknown parameter as an outcome entry, and refuses it with Prefer: handling=strict', async () => {
    const lenient = await search(w.alice, 'Patient?colour=blue');
    const outcome = lenient.entry?.find((e) => e.search?.mode === 'outcome');
    expect(JSON.stringify(outcome?.resource)).toContain('colour');
    const strict = await w.alice.get(`${FHIR}/Patient?colour=blue`, { prefer: 'handling=strict' });
    expect(strict.status).toBe(400);
    expect(strict.body.resourceType).toBe('OperationOutcome');
    expectValidFhir(strict.body);
  });

  it('refuses an unreadable date, a bad _count, an unknown type and a delete, each as an OperationOutcome', async () => {
    for (const [path, status] of [
      ['Patient?birthdate=12/03/1980', 400],
      ['Patient?_count=ten', 400],
      ['Spaceship?name=x', 404],
      ['Patient/not a valid id', 400],
    ] as const) {
      const r = await w.alice.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(status);
      expect(r.body.resourceType, path).toBe('OperationOutcome');
    }
    const del = await w.alice.request('DELETE', `${FHIR}/Patient/${mejia}`);
    expect(del.status).toBe(405);
    expect(del.body.resourceType).toBe('OperationOutcome');
    expect((await w.alice.get(`${FHIR}/Patient/${mejia}`)).status).toBe(200);
  });
});

describe('an independent client (fhir-kit-client)', () => {
  it('reads the CapabilityStatement, searches and reads', async () => {
    const client = new FhirClient({
      baseUrl: `${server.baseUrl}${FHIR}`,
      customHeaders: { cookie: w.alice.cookie },
    });
    const cs = (await client.capabilityStatement()) as unknown as { fhirVersion: string };
    expect(cs.fhirVersion).toBe('4.0.1');
    const found = (await client.search({
      resourceType: 'Patient',
      searchParams: { family: 'mejia' },
    })) as unknown as Bundle;
    expect(found.total).toBe(1);
    const patient = (await client.read({ resourceType: 'Patient', id: mejia })) as Resource;
    expect(valid(patient).id).toBe(mejia);
    const weight = (await client.search({
      resourceType: 'Observation',
      searchParams: {
        patient: `Patient/${mejia}`,
        code: 'http://loinc.org|29463-7',
        _sort: '-date',
        _count: 1,
      },
    })) as unknown as Bundle;
    expect((matched(weight)[0]?.valueQuantity as { value: number }).value).toBe(72.5);
    await expect(client.read({ resourceType: 'Patient', id: south })).rejects.toMatchObject({
      response: { status: 404 },
    });
  });
});
