// FHIR create over real HTTP, on both engines: Patient (and conditional create with If-None-Exist), body weight and
// height Observations (a new version of the patient record, units converted) and QuestionnaireResponses to KASPR
// questionnaires (scored on arrival, with alerts, tasks and the total Observation). Every created resource read back
// validates; every refusal is an OperationOutcome and writes nothing to the records.
import { createHash } from 'node:crypto';
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
import { changedTables, tableDigest } from './support/table-digest.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let w: World;
let auditor: Client;
/** A patient of service A (registered natively) and one of service B. */
let north: string;
let south: string;

const FHIR = '/fhir/R4';
const FHIR_JSON = { 'content-type': 'application/fhir+json' };
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const QUESTIONNAIRE = 'https://kaspr.example/fhir/Questionnaire/';
const TODAY = new Date().toISOString().slice(0, 10);
const PROFILE: Record<string, string> = {
  '29463-7': 'http://hl7.org/fhir/StructureDefinition/bodyweight',
  '8302-2': 'http://hl7.org/fhir/StructureDefinition/bodyheight',
};

interface Resource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string };
  code?: { coding?: { code?: string }[] };
  [key: string]: unknown;
}

/** Validates a resource (with its vital-signs profile when it has one) and returns it. */
function valid<R>(r: R): R {
  const code = (r as Resource).code?.coding?.[0]?.code;
  expectValidFhir(r, code && PROFILE[code] ? { profile: PROFILE[code] } : {});
  return r;
}

const fhirPatient = (over: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id: 'client-chosen-id',
  identifier: [
    { system: NHS, value: '9000000009' },
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      system: 'https://ehr.example/mrn',
      value: 'EHR-1001',
    },
  ],
  name: [
    { use: 'usual', family: 'Nick', given: ['Nicky'] },
    { use: 'official', family: 'Ó Súilleabháin', given: ['Aoife', 'Máire'] },
  ],
  gender: 'female',
  birthDate: '1985-07-21',
  ...over,
});

const weight = (subject: string, value: number, code = 'kg') => ({
  resourceType: 'Observation',
  status: 'final',
  category: [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
    },
  ],
  code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
  subject: { reference: `Patient/${subject}` },
  effectiveDateTime: TODAY,
  valueQuantity: { value, unit: code, system: UCUM, code },
});

/** A PHQ-9 response; item 9 (thoughts of self-harm) scored 2 raises a safety alert and a task. */
const phq9 = (subject: string, version = '') => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire: `${QUESTIONNAIRE}phq-9${version}`,
  status: 'completed',
  subject: { reference: `Patient/${subject}` },
  authored: new Date(Date.now() - 60_000).toISOString(),
  item: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
    linkId: String(n),
    answer: [n === 9 ? { valueInteger: 2 } : { valueCoding: { code: n <= 4 ? '2' : '1' } }],
  })),
});

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await server.ctx.db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Sends a refused create and checks its status, its OperationOutcome and that no record changed. */
async function refused(
  client: Client,
  path: string,
  body: unknown,
  status: number,
  headers: Record<string, string> = FHIR_JSON,
) {
  const before = await tableDigest(server.ctx.db);
  const patients = await count('patient_versions');
  const r = await client.post(`${FHIR}/${path}`, body, headers);
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/fhir+json');
  expect(r.body.resourceType).toBe('OperationOutcome');
  expectValidFhir(r.body);
  expect(changedTables(before, await tableDigest(server.ctx.db))).toEqual([]);
  expect(await count('patient_versions')).toBe(patients);
  return r.body as { issue: { code: string; diagnostics: string; expression?: string[] }[] };
}

/** Registers a patient through the native API; gives its id. */
async function create(c: Client, body: Record<string, unknown>): Promise<string> {
  const r = await c.post('/api/v1/patients', body);
  if (r.status !== 201) throw new Error(r.text);
  return r.body.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  auditor = (await addStaff(w, 'aud@clinic.test', 'Audrey Auditor', ['auditor'], [w.serviceA])).client;
  north = await create(w.alice, { givenName: 'Nora', familyName: 'North', birthDate: '1970-01-01' });
  south = await create(w.bob, { givenName: 'Sally', familyName: 'Southern', birthDate: '1990-06-06' });
}, 180_000);
afterAll(() => server.close());

describe('POST Patient', () => {
  it('creates a patient in the caller’s service, audited and on the timeline like the native create', async () => {
    const r = await w.alice.post(`${FHIR}/Patient`, fhirPatient(), FHIR_JSON);
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('content-type')).toContain('application/fhir+json');
    const p = valid(r.body as Resource);
    expect(p.id).not.toBe('client-chosen-id');
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('location')).toBe(`${server.baseUrl}${FHIR}/Patient/${p.id}/_history/1`);
    expect(r.headers.get('etag')).toBe('W/"1"');
    expect(p.meta?.versionId).toBe('1');
    expect(p.name).toEqual([{ use: 'official', family: 'Ó Súilleabháin', given: ['Aoife', 'Máire'] }]);
    expect(p.gender).toBe('female');
    expect(p.birthDate).toBe('1985-07-21');
    expect(p.managingOrganization).toEqual({ reference: `Organization/${w.serviceA}` });
    expect(p.identifier).toEqual(
      expect.arrayContaining([
        { system: NHS, value: '9000000009' },
        expect.objectContaining({
          system: `https://kaspr.example/fhir/Id/mrn/${w.serviceA}`,
          value: 'EHR-1001',
        }),
      ]),
    );
    // The same record the native API shows, with its timeline line and audit entry.
    const native = await w.alice.get(`/api/v1/patients/${p.id}`);
    expect(native.status).toBe(200);
    expect(native.body).toMatchObject({
      givenName: 'Aoife Máire',
      familyName: 'Ó Súilleabháin',
      sex: 'female',
      serviceId: w.serviceA,
      identifiers: [
        { system: 'nhs', value: '9000000009' },
        { system: 'mrn', value: 'EHR-1001' },
      ],
    });
    const timeline = await w.alice.get(`/api/v1/patients/${p.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('Registered (NHS 900 000 0009)');
    expect(await count('audit_log', "action = 'patient.create' AND resource_id = $1", [p.id])).toBe(1);
    const read = await w.alice.get(`${FHIR}/Patient/${p.id}`);
    expect(valid(read.body)).toEqual(p);
  });

  it('takes application/json too, and a managingOrganization of the caller’s own', async () => {
    const r = await w.alice.post(
      `${FHIR}/Patient`,
      fhirPatient({
        identifier: [{ system: 'https://example.org/passport', value: 'P-1' }],
        managingOrganization: { reference: `Organization/${w.serviceA}` },
      }),
    );
    expect(r.status, r.text).toBe(201);
    valid(r.body);
    // An identifier system sent as a URI comes back as it was sent.
    expect(r.body.identifier).toEqual([{ system: 'https://example.org/passport', value: 'P-1' }]);
  });

  it('conditional create: no match creates, one match returns it (200) and creates nothing, two is 412', async () => {
    const body = fhirPatient({
      identifier: [{ system: NHS, value: '9434765870' }],
      name: [{ family: 'Once', given: ['Only'] }],
    });
    const condition = { ...FHIR_JSON, 'if-none-exist': `identifier=${NHS}|9434765870` };
    const first = await w.alice.post(`${FHIR}/Patient`, body, condition);
    expect(first.status, first.text).toBe(201);
    valid(first.body);
    const rows = await count('patients');
    const second = await w.alice.post(`${FHIR}/Patient`, body, condition);
    expect(second.status, second.text).toBe(200);
    expect(valid(second.body).id).toBe(first.body.id);
    expect(second.headers.get('location')).toBeNull();
    expect(await count('patients')).toBe(rows);
    // Two patients named Twin: a condition matching both is refused, and creates nothing.
    for (const n of [1, 2]) {
      const twin = fhirPatient({ identifier: [], name: [{ family: 'Twin', given: [`T${n}`] }] });
      expect((await w.alice.post(`${FHIR}/Patient`, twin, FHIR_JSON)).status).toBe(201);
    }
    const outcome = await refused(w.alice, 'Patient', fhirPatient({ identifier: [] }), 412, {
      ...FHIR_JSON,
      'if-none-exist': 'family=twin',
    });
    expect(outcome.issue[0]?.diagnostics).toContain('matches 2');
    // Another service's patient does not count as a match: Bob's condition names Alice's patient.
    const bobs = await w.bob.post(`${FHIR}/Patient`, body, condition);
    expect(bobs.status, bobs.text).toBe(201);
    expect(bobs.body.id).not.toBe(first.body.id);
    await refused(w.alice, 'Patient', body, 400, { ...FHIR_JSON, 'if-none-exist': 'nonsense=1' });
  });

  it('refuses an invalid NHS number as the native API does (422 at its FHIR path), writing nothing', async () => {
    const native = await w.alice.post('/api/v1/patients', {
      givenName: 'A',
      familyName: 'B',
      birthDate: '1980-01-01',
      identifiers: [{ system: 'nhs', value: '9434765871' }],
    });
    expect(native.status).toBe(422);
    const outcome = await refused(
      w.alice,
      'Patient',
      fhirPatient({
        identifier: [
          { system: 'https://other.example/id', value: 'X' },
          { system: NHS, value: '9434765871' },
        ],
      }),
      422,
    );
    expect(outcome.issue).toEqual([
      expect.objectContaining({
        code: 'invalid',
        diagnostics: native.body.errors[0].message,
        expression: ['Patient.identifier[1].value'],
      }),
    ]);
  });

  it('refuses each broken field with its own issue, and a service the caller does not work in', async () => {
    const outcome = await refused(
      w.alice,
      'Patient',
      { resourceType: 'Patient', name: [{ given: ['No'] }], gender: 'mystery', birthDate: '2999-01-01' },
      422,
    );
    // One issue per rule broken (a date of birth in the year 2999 breaks two), each at its FHIR path.
    expect([...new Set(outcome.issue.map((i) => i.expression?.[0]))].sort()).toEqual([
      'Patient.birthDate',
      'Patient.gender',
      'Patient.name[0].family',
    ]);
    const other = await refused(
      w.alice,
      'Patient',
      fhirPatient({ managingOrganization: { reference: `Organization/${w.serviceB}` } }),
      422,
    );
    expect(other.issue[0]).toMatchObject({
      diagnostics: 'You do not work in that service',
      expression: ['Patient.managingOrganization'],
    });
  });

  it('refuses malformed JSON and the wrong resourceType with 400', async () => {
    await refused(w.alice, 'Patient', '{"resourceType": "Patient",', 400);
    await refused(w.alice, 'Patient', { resourceType: 'Observation' }, 400);
    await refused(w.alice, 'Patient', [fhirPatient()], 400);
  });

  it('refuses a write without the CSRF token (403) and a role without patient:write (403)', async () => {
    const noCsrf = await refused(w.alice, 'Patient', fhirPatient(), 403, {
      ...FHIR_JSON,
      'x-csrf-token': '',
    });
    expect(JSON.stringify(noCsrf)).toContain('csrf-rejected');
    await refused(auditor, 'Patient', fhirPatient(), 403);
  });
});

describe('POST Observation', () => {
  it('records body weight and height as new versions of the record, converting units', async () => {
    const kg = await w.alice.post(`${FHIR}/Observation`, weight(north, 160, '[lb_av]'), FHIR_JSON);
    expect(kg.status, kg.text).toBe(201);
    const o = valid(kg.body as Resource);
    expect(o.id).toBe(`${north}-body-weight`);
    expect(o.valueQuantity).toMatchObject({ value: 72.57, code: 'kg', system: UCUM });
    expect(o.meta?.versionId).toBe('2');
    expect(kg.headers.get('location')).toBe(
      `${server.baseUrl}${FHIR}/Observation/${north}-body-weight/_history/2`,
    );
    const height = {
      ...weight(north, 1.72, 'm'),
      code: { coding: [{ system: LOINC, code: '8302-2', display: 'Body height' }] },
    };
    const cm = await w.alice.post(`${FHIR}/Observation`, height, FHIR_JSON);
    expect(cm.status, cm.text).toBe(201);
    expect(valid(cm.body).valueQuantity).toMatchObject({ value: 172, code: 'cm' });
    const versions = await w.alice.get(`/api/v1/patients/${north}/versions`);
    expect(JSON.stringify(versions.body)).toContain('FHIR Observation');
    const record = await w.alice.get(`/api/v1/patients/${north}`);
    expect(record.body).toMatchObject({
      version: 3,
      weight: { kg: 72.57, measuredOn: TODAY },
      height: { cm: 172 },
    });
    expect(valid((await w.alice.get(`${FHIR}/Observation/${north}-body-weight`)).body)).toEqual(
      expect.objectContaining({ valueQuantity: expect.objectContaining({ value: 72.57 }) }),
    );
  });

  it('refuses other codes (422 naming the accepted ones), bad values and units, writing nothing', async () => {
    const bmi = {
      ...weight(north, 24, 'kg/m2'),
      code: { coding: [{ system: LOINC, code: '39156-5' }] },
    };
    const outcome = await refused(w.alice, 'Observation', bmi, 422);
    expect(outcome.issue[0]?.diagnostics).toContain('29463-7');
    expect(outcome.issue[0]?.diagnostics).toContain('8302-2');
    expect(outcome.issue[0]?.diagnostics).toContain('85354-9');
    expect(outcome.issue[0]?.expression).toEqual(['Observation.code']);
    await refused(w.alice, 'Observation', weight(north, 70, 'stone'), 422);
    const heavy = await refused(w.alice, 'Observation', weight(north, 900), 422);
    expect(heavy.issue[0]?.expression).toEqual(['Observation.valueQuantity.value']);
    await refused(w.alice, 'Observation', { ...weight(north, 70), subject: { reference: 'Group/1' } }, 422);
  });

  it('answers 404 for another service’s patient (as for one unknown), writing nothing', async () => {
    await refused(w.alice, 'Observation', weight(south, 70), 404);
    await refused(w.alice, 'Observation', weight('00000000-0000-4000-8000-000000000000', 70), 404);
    await refused(w.alice, 'Observation', weight('not-a-uuid', 70), 404);
  });
});

describe('POST Observation: the day of a measure sent without a time', () => {
  it("dates it today on the patient's service's calendar, not UTC's", async () => {
    const zone = zoneOffUtcDay();
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const id = await create(w.alice, {
        givenName: 'Isla',
        familyName: 'Dateline',
        birthDate: '1981-02-03',
      });
      const { effectiveDateTime: _dropped, ...undated } = weight(id, 70);
      const before = dayIn(zone);
      const r = await w.alice.post(`${FHIR}/Observation`, undated, FHIR_JSON);
      const after = dayIn(zone);
      expect(r.status, r.text).toBe(201);
      const measuredOn = (await w.alice.get(`/api/v1/patients/${id}`)).body.weight.measuredOn as string;
      expect([before, after]).toContain(measuredOn);
      expect(measuredOn).not.toBe(utcDay());
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });
});

describe('POST QuestionnaireResponse', () => {
  it('scores on arrival with alerts and tasks, and its total Observation is then readable', async () => {
    const alerts = await count('alerts', 'patient_id = $1', [north]);
    const tasks = await count('tasks', 'patient_id = $1', [north]);
    const r = await w.alice.post(`${FHIR}/QuestionnaireResponse`, phq9(north), FHIR_JSON);
    expect(r.status, r.text).toBe(201);
    const qr = valid(r.body as Resource);
    expect(qr.subject).toEqual({ reference: `Patient/${north}` });
    expect(String(qr.questionnaire)).toMatch(/^https:\/\/kaspr\.example\/fhir\/Questionnaire\/phq-9\|/);
    expect(r.headers.get('location')).toBe(
      `${server.baseUrl}${FHIR}/QuestionnaireResponse/${qr.id}/_history/1`,
    );
    // 2+2+2+2+1+1+1+1+2 = 14; item 9 raises the safety alert and its task.
    expect(await count('alerts', 'patient_id = $1', [north])).toBe(alerts + 1);
    expect(await count('tasks', 'patient_id = $1', [north])).toBe(tasks + 1);
    const totals = await w.alice.get(`${FHIR}/Observation?derived-from=QuestionnaireResponse/${qr.id}`);
    expect(totals.status).toBe(200);
    const total = valid(totals.body).entry?.[0]?.resource;
    expect(total).toMatchObject({ id: `${qr.id}-total`, valueInteger: 14 });
    const native = await w.alice.get(`/api/v1/patients/${north}/responses`);
    expect(native.body.responses.find((x: { id: string }) => x.id === qr.id)?.result.total).toBe(14);
  });

  it('takes the canonical with its version, and refuses another version, an unknown questionnaire and bad answers', async () => {
    const def = await w.alice.get('/api/v1/instruments/phq-9');
    const ok = await w.alice.post(
      `${FHIR}/QuestionnaireResponse`,
      phq9(north, `|${def.body.version}`),
      FHIR_JSON,
    );
    expect(ok.status, ok.text).toBe(201);
    valid(ok.body);
    await refused(w.alice, 'QuestionnaireResponse', phq9(north, '|0.0.0-not'), 422);
    await refused(
      w.alice,
      'QuestionnaireResponse',
      { ...phq9(north), questionnaire: `${QUESTIONNAIRE}nope` },
      422,
    );
    await refused(
      w.alice,
      'QuestionnaireResponse',
      { ...phq9(north), questionnaire: 'http://loinc.org/q/44249-1' },
      422,
    );
    const bad = phq9(north);
    bad.item[2] = { linkId: '3', answer: [{ valueInteger: 7 }] };
    const outcome = await refused(w.alice, 'QuestionnaireResponse', bad, 422);
    expect(outcome.issue.map((i) => i.expression?.[0])).toContain('QuestionnaireResponse.item[2].answer[0]');
    await refused(
      w.alice,
      'QuestionnaireResponse',
      { ...phq9(north), authored: '2999-01-01T00:00:00Z' },
      422,
    );
  });

  it('answers 404 for another service’s patient and 403 without CSRF, writing nothing', async () => {
    await refused(w.alice, 'QuestionnaireResponse', phq9(south), 404);
    await refused(w.bob, 'QuestionnaireResponse', phq9(north), 404);
    await refused(w.alice, 'QuestionnaireResponse', phq9(north), 403, { ...FHIR_JSON, 'x-csrf-token': '' });
  });
});

describe('POST Observation: vital signs', () => {
  const vital = (subject: string, code: string, value: Record<string, unknown>, identifier?: string) => ({
    resourceType: 'Observation',
    status: 'final',
    ...(identifier ? { identifier: [{ system: 'urn:example:ehr', value: identifier }] } : {}),
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: `Patient/${subject}` },
    effectiveDateTime: '2026-11-30T09:15:00Z',
    ...value,
  });
  const mmHg = (code: string, value: number) => ({
    code: { coding: [{ system: LOINC, code }] },
    valueQuantity: { value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
  });

  it('records a clinic blood pressure (also sent as 55284-4) and heart rate on the chart, once per source', async () => {
    const bp = vital(north, '55284-4', { component: [mmHg('8480-6', 128.4), mmHg('8462-4', 81.6)] }, 'bp-1');
    const r = await w.alice.post(`${FHIR}/Observation`, bp, FHIR_JSON);
    expect(r.status, r.text).toBe(201);
    valid(r.body);
    expect(r.body.code.coding[0].code).toBe('85354-9');
    expect(r.body.encounter).toBeUndefined();
    expect(r.body.component.map((c: { valueQuantity: { value: number } }) => c.valueQuantity.value)).toEqual([
      128, 82,
    ]);
    const again = await w.alice.post(`${FHIR}/Observation`, bp, FHIR_JSON);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(r.body.id);
    const hr = vital(north, '8867-4', {
      valueQuantity: { value: 64, unit: 'beats/minute', system: UCUM, code: '/min' },
      effectiveDateTime: '2026-11-30T09:20:00Z',
    });
    const made = await w.alice.post(`${FHIR}/Observation`, hr, FHIR_JSON);
    expect(made.status, made.text).toBe(201);
    // Sent again without an identifier (a retry): the same values at the same instant are the same reading.
    const retried = await w.alice.post(`${FHIR}/Observation`, hr, FHIR_JSON);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(made.body.id);
    valid((await w.alice.get(`${FHIR}/Observation/${made.body.id}`)).body);
    const listed = await w.alice.get(`/api/v1/patients/${north}/vitals`);
    expect(listed.body.vitals.map((v: { systolic: number | null }) => v.systolic)).toEqual([128, null]);
    const timeline = await w.alice.get(`/api/v1/patients/${north}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('Vital signs received: BP 128/82');
  });

  it('refuses a reading out of range, or without its parts, at the FHIR path; 404 for another service', async () => {
    const high = vital(north, '85354-9', { component: [mmHg('8480-6', 400), mmHg('8462-4', 80)] });
    const r = await refused(w.alice, 'Observation', high, 422);
    expect(r.issue[0]?.expression).toEqual(['Observation.component']);
    await refused(w.alice, 'Observation', vital(north, '85354-9', { component: [mmHg('8480-6', 120)] }), 422);
    const hr = vital(south, '8867-4', { valueQuantity: { value: 64, system: UCUM, code: '/min' } });
    await refused(w.alice, 'Observation', hr, 404);
  });
});

describe('POST DocumentReference', () => {
  const pdf = Buffer.from('%PDF-1.4\n% a generated test letter\n');
  const letter = (subject: string, over: Record<string, unknown> = {}) => ({
    resourceType: 'DocumentReference',
    status: 'current',
    identifier: [{ system: 'urn:example:gp', value: 'letter-77' }],
    type: { coding: [{ system: LOINC, code: '57133-1', display: 'Referral note' }] },
    subject: { reference: `Patient/${subject}` },
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          data: pdf.toString('base64'),
          title: 'GP referral letter',
        },
      },
    ],
    ...over,
  });

  it('keeps the inline content, serves it as a Binary by URL with size and SHA-1, once per source', async () => {
    const r = await w.alice.post(`${FHIR}/DocumentReference`, letter(north), FHIR_JSON);
    expect(r.status, r.text).toBe(201);
    valid(r.body);
    const attachment = r.body.content[0].attachment;
    expect(attachment.data).toBeUndefined();
    expect(attachment.url).toBe(`Binary/${r.body.id}`);
    expect(attachment.size).toBe(pdf.length);
    expect(attachment.hash).toBe(createHash('sha1').update(pdf).digest('base64'));
    const binary = await w.alice.get(`${FHIR}/${attachment.url}`);
    expect(binary.status).toBe(200);
    valid(binary.body);
    expect(Buffer.from(binary.body.data, 'base64').equals(pdf)).toBe(true);
    const again = await w.alice.post(`${FHIR}/DocumentReference`, letter(north), FHIR_JSON);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(r.body.id);
    const found = await w.alice.get(`${FHIR}/DocumentReference?patient=${north}&contenttype=application/pdf`);
    expect(found.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(r.body.id);
    expect((await w.bob.get(`${FHIR}/Binary/${r.body.id}`)).status).toBe(404);
    expect((await w.bob.get(`${FHIR}/DocumentReference/${r.body.id}`)).status).toBe(404);
  });

  it('refuses content by URL, an unkept type, a wrong hash or size, and another service’s patient', async () => {
    const byUrl = letter(north, {
      content: [{ attachment: { contentType: 'application/pdf', url: 'https://example.org/x.pdf' } }],
    });
    expect((await refused(w.alice, 'DocumentReference', byUrl, 422)).issue[0]?.expression).toEqual([
      'DocumentReference.content[0].attachment.data',
    ]);
    const exe = letter(north, {
      content: [{ attachment: { contentType: 'application/x-msdownload', data: 'TVo=' } }],
    });
    await refused(w.alice, 'DocumentReference', exe, 422);
    const hash = letter(north, {
      content: [{ attachment: { contentType: 'text/plain', data: 'aGk=', hash: 'AAAA' } }],
    });
    await refused(w.alice, 'DocumentReference', hash, 422);
    const size = letter(north, {
      content: [{ attachment: { contentType: 'text/plain', data: 'aGk=', size: 3 } }],
    });
    await refused(w.alice, 'DocumentReference', size, 422);
    await refused(w.alice, 'DocumentReference', letter(south), 404);
  });
});

describe('an independent client (fhir-kit-client)', () => {
  it('creates a patient and a questionnaire response, then reads them back', async () => {
    const client = new FhirClient({
      baseUrl: `${server.baseUrl}${FHIR}`,
      customHeaders: { cookie: w.alice.cookie, 'x-csrf-token': w.alice.csrfToken },
    });
    const patient = (await client.create({
      resourceType: 'Patient',
      body: fhirPatient({
        identifier: [{ system: 'https://example.org/kit', value: 'K-1' }],
      }),
    })) as unknown as { id: string; resourceType: string };
    expect(valid(patient).resourceType).toBe('Patient');
    const response = (await client.create({
      resourceType: 'QuestionnaireResponse',
      body: phq9(patient.id),
    })) as unknown as { id: string };
    const read = (await client.read({
      resourceType: 'QuestionnaireResponse',
      id: response.id,
    })) as unknown as {
      subject: { reference: string };
    };
    expect(valid(read).subject.reference).toBe(`Patient/${patient.id}`);
  });
});

describe('CapabilityStatement', () => {
  it('lists create for exactly Patient, Observation, QuestionnaireResponse and DocumentReference, conditional for Patient', async () => {
    const r = await w.alice.get(`${FHIR}/metadata`);
    expectValidFhir(r.body);
    const resources = r.body.rest[0].resource as {
      type: string;
      interaction?: { code: string }[];
      conditionalCreate?: boolean;
    }[];
    const creatable = resources
      .filter((x) => (x.interaction ?? []).some((i) => i.code === 'create'))
      .map((x) => x.type);
    expect(creatable.sort()).toEqual([
      'DocumentReference',
      'Observation',
      'Patient',
      'QuestionnaireResponse',
    ]);
    expect(resources.filter((x) => x.conditionalCreate).map((x) => x.type)).toEqual(['Patient']);
  });
});
