// FHIR Bundle import (POST /fhir/R4) over real HTTP, on both engines: a Synthea transaction imports its patient,
// blood pressure (the older LOINC 55284-4, read as a BP panel), the latest weight and height, and answers every
// other entry with why it was not imported; importing it again creates nothing new; urn:uuid references resolve,
// including to a questionnaire response scored on arrival; a transaction KASPR refuses changes nothing and names
// the entry; a batch answers each entry alone; another service's patient cannot be written to; an independent
// client (fhir-kit-client) posts a transaction. Every resource read back validates (Medplum + strict).
import { readFileSync } from 'node:fs';
import { Client as FhirClient } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidFhir } from './support/fhir-validate.ts';
import { buildWorld, startTestServer, type TestServer, type World } from './support/server.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let w: World;

const FHIR = '/fhir/R4';
const SYNTHEA = new URL('./fixtures/synthea-r4/', import.meta.url);
const MEJIA = 'Gustavo_Mejia_59a8543c-e24f-4a01-b28b-47ccde6bc11d.json';
/** Synthea's own identifier for the patient (its MR-typed identifier becomes the service's MRN). */
const MRN = 'https://github.com/synthetichealth/synthea|59a8543c-e24f-4a01-b28b-47ccde6bc11d';

interface Entry {
  fullUrl?: string;
  resource?: Record<string, unknown> & { resourceType: string; id?: string };
  request?: { method: string; url: string };
  response?: {
    status: string;
    location?: string;
    outcome?: { issue: { severity: string; code: string; diagnostics?: string; expression?: string[] }[] };
  };
}
interface Bundle {
  resourceType: 'Bundle';
  type: string;
  total?: number;
  entry?: Entry[];
}

const synthea = (name: string): Bundle => JSON.parse(readFileSync(new URL(name, SYNTHEA), 'utf8')) as Bundle;
const post = (client = w.alice, body: unknown = synthea(MEJIA)) =>
  client.post(FHIR, body, { 'content-type': 'application/fhir+json' });

async function search(query: string, client = w.alice): Promise<Bundle> {
  const r = await client.get(`${FHIR}/${query}`);
  expect(r.status, r.text).toBe(200);
  const bundle = r.body as Bundle;
  expectValidFhir(bundle);
  for (const e of bundle.entry ?? []) expectValidFhir(e.resource);
  return bundle;
}
const matched = (b: Bundle) => (b.entry ?? []).map((e) => e.resource).filter((r) => r !== undefined);

/** A small transaction: a patient by urn:uuid with a PHQ-9, a heart rate, allergies and medications. */
function ownBundle(identifier: string, extra: Entry[] = []): Bundle {
  const patient = 'urn:uuid:7c1f0a52-3b1e-4d8e-9f41-0a6b5c4d3e21';
  const subject = { reference: patient };
  const entry = (resource: Record<string, unknown> & { resourceType: string }, fullUrl?: string): Entry => ({
    ...(fullUrl ? { fullUrl } : {}),
    resource,
    request: { method: 'POST', url: resource.resourceType },
  });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry(
        {
          resourceType: 'Patient',
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: identifier }],
          name: [{ family: 'Okafor', given: ['Ada'] }],
          birthDate: '1988-02-03',
          gender: 'female',
        },
        patient,
      ),
      entry({
        resourceType: 'QuestionnaireResponse',
        questionnaire: 'https://kaspr.example/fhir/Questionnaire/phq-9',
        status: 'completed',
        subject,
        authored: '2026-11-20T10:00:00Z',
        item: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((linkId) => ({
          linkId,
          answer: [
            { valueCoding: { system: 'https://kaspr.example/fhir/CodeSystem/phq-9-answers', code: '1' } },
          ],
        })),
      }),
      entry(
        {
          resourceType: 'Observation',
          status: 'final',
          category: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
              ],
            },
          ],
          code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
          subject,
          effectiveDateTime: '2026-11-20T10:05:00Z',
          valueQuantity: {
            value: 71.6,
            unit: 'beats/minute',
            system: 'http://unitsofmeasure.org',
            code: '/min',
          },
        },
        'urn:uuid:0d6c2b4a-8e1f-4a3b-9c5d-6e7f8a9b0c1d',
      ),
      entry({
        resourceType: 'AllergyIntolerance',
        clinicalStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
          ],
        },
        code: { text: 'Penicillin' },
        patient: subject,
        reaction: [{ manifestation: [{ text: 'Rash' }], severity: 'moderate' }],
      }),
      entry({
        resourceType: 'MedicationStatement',
        status: 'active',
        medicationCodeableConcept: { text: 'Sertraline 50 mg tablets' },
        subject,
        dosage: [{ text: 'One each morning' }],
      }),
      entry({
        resourceType: 'MedicationStatement',
        status: 'stopped',
        medicationCodeableConcept: { text: 'Citalopram 20 mg tablets' },
        subject,
      }),
      ...extra,
    ],
  };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
}, 120_000);
afterAll(() => server.close());

describe('importing a Synthea transaction', () => {
  let first: Bundle;
  let patientId: string;

  beforeAll(async () => {
    const r = await post();
    expect(r.status, r.text).toBe(200);
    first = r.body as Bundle;
  });

  it('answers every entry, in order: made, or not imported and why', () => {
    const sent = synthea(MEJIA).entry ?? [];
    expect(first.type).toBe('transaction-response');
    expectValidFhir(first);
    expect(first.entry).toHaveLength(sent.length);
    const statuses = (first.entry ?? []).map((e) => e.response?.status);
    expect(statuses.every((s) => s !== undefined && s !== '')).toBe(true);
    sent.forEach((e, i) => {
      const response = first.entry?.[i]?.response;
      const type = e.resource?.resourceType;
      if (type === 'Patient') expect(response?.status).toBe('201 Created');
      if (type === 'Claim' || type === 'Encounter' || type === 'Immunization') {
        expect(response?.status).toMatch(/^422/);
        expect(response?.outcome?.issue[0]?.severity).toBe('warning');
        expect(response?.outcome?.issue[0]?.diagnostics).toMatch(/^Not imported: /);
      }
    });
    // Body mass index is named as what it is.
    const bmi = sent.findIndex(
      (e) =>
        (e.resource?.code as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code === '39156-5',
    );
    expect(first.entry?.[bmi]?.response?.outcome?.issue[0]?.diagnostics).toContain('39156-5');
    patientId = /^Patient\/([0-9a-f-]{36})/.exec(first.entry?.[0]?.response?.location ?? '')?.[1] ?? '';
    expect(patientId).not.toBe('');
  });

  it('finds the patient by its identifier, with the accents of its name', async () => {
    const found = matched(await search(`Patient?identifier=${encodeURIComponent(MRN)}`));
    expect(found.map((p) => p.id)).toEqual([patientId]);
    expect(matched(await search('Patient?family=mejia')).map((p) => p.id)).toContain(patientId);
  });

  it('reads Synthea blood pressure (55284-4) as BP panels, and keeps the latest weight and height', async () => {
    const sent = (synthea(MEJIA).entry ?? []).filter(
      (e) =>
        (e.resource?.code as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code === '55284-4',
    );
    const bp = matched(
      await search(`Observation?patient=${patientId}&code=http://loinc.org|85354-9&_sort=date`),
    );
    expect(bp).toHaveLength(sent.length);
    const systolic = (o: Record<string, unknown>) =>
      (o.component as { code: { coding: { code: string }[] }; valueQuantity: { value: number } }[]).find(
        (c) => c.code.coding[0]?.code === '8480-6',
      )?.valueQuantity.value;
    const sentSystolic = sent
      .map(
        (e) =>
          e.resource as unknown as {
            effectiveDateTime: string;
            component: { code: { coding: { code: string }[] }; valueQuantity: { value: number } }[];
          },
      )
      .sort((a, b) => a.effectiveDateTime.localeCompare(b.effectiveDateTime))
      .map((o) =>
        Math.round(o.component.find((c) => c.code.coding[0]?.code === '8480-6')?.valueQuantity.value ?? 0),
      );
    expect(bp.map(systolic)).toEqual(sentSystolic);
    const weights = (synthea(MEJIA).entry ?? [])
      .map(
        (e) =>
          e.resource as {
            code?: { coding?: { code?: string }[] };
            effectiveDateTime?: string;
            valueQuantity?: { value: number };
          },
      )
      .filter((o) => o.code?.coding?.[0]?.code === '29463-7')
      .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
    const latest = weights.at(-1);
    const weight = matched(await search(`Observation?patient=${patientId}&code=29463-7`));
    expect(weight).toHaveLength(1);
    expect((weight[0]?.valueQuantity as { value: number }).value).toBe(
      Math.round((latest?.valueQuantity?.value ?? 0) * 100) / 100,
    );
    expect(weight[0]?.effectiveDateTime).toBe(latest?.effectiveDateTime?.slice(0, 10));
  });

  it('creates nothing new when the same Bundle is imported again', async () => {
    const before = await search(`Observation?patient=${patientId}&_summary=count`);
    const versions = (await w.alice.get(`/api/v1/patients/${patientId}/versions`)).body.versions
      .length as number;
    const again = await post();
    expect(again.status, again.text).toBe(200);
    const statuses = ((again.body as Bundle).entry ?? []).map((e) => e.response?.status ?? '');
    expect(statuses.filter((s) => s.startsWith('201'))).toEqual([]);
    expect(statuses[0]).toBe('200 OK');
    expect((await search(`Observation?patient=${patientId}&_summary=count`)).total).toBe(before.total);
    expect((await w.alice.get(`/api/v1/patients/${patientId}/versions`)).body.versions).toHaveLength(
      versions,
    );
    expect(matched(await search(`Patient?identifier=${encodeURIComponent(MRN)}`))).toHaveLength(1);
  });

  it('is refused to a clinician of another service as a write to their patient', async () => {
    const bundle = ownBundle('9434765870');
    const own = (bundle.entry ?? []).slice(2, 3).map((e) => ({
      ...e,
      resource: { ...e.resource, subject: { reference: `Patient/${patientId}` } } as Entry['resource'],
    }));
    const r = await post(w.bob, { resourceType: 'Bundle', type: 'transaction', entry: own });
    expect(r.status).toBe(404);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue[0].expression).toEqual(['Bundle.entry[0]']);
    expect(matched(await search(`Observation?patient=${patientId}&code=8867-4`))).toEqual([]);
  });
});

describe('urn:uuid references, records and questionnaires', () => {
  it('resolves references, scores the questionnaire, and adds allergies and current medications', async () => {
    const r = await post(w.alice, ownBundle('9434765919'));
    expect(r.status, r.text).toBe(200);
    const entries = (r.body as Bundle).entry ?? [];
    expect(entries.map((e) => e.response?.status.slice(0, 3))).toEqual([
      '201',
      '201',
      '201',
      '201',
      '201',
      '422',
    ]);
    expect(entries[5]?.response?.outcome?.issue[0]?.diagnostics).toContain('stopped');
    const patientId = /^Patient\/([0-9a-f-]{36})/.exec(entries[0]?.response?.location ?? '')?.[1] ?? '';
    const total = matched(await search(`Observation?patient=${patientId}&code=44261-6`));
    expect(total.map((o) => o.valueInteger)).toEqual([9]);
    const hr = matched(await search(`Observation?patient=${patientId}&code=8867-4`));
    expect((hr[0]?.valueQuantity as { value: number }).value).toBe(72);
    const record = (await w.alice.get(`/api/v1/patients/${patientId}`)).body;
    expect(record.allergies).toEqual([{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }]);
    expect(record.medications).toEqual([{ name: 'Sertraline 50 mg tablets', dose: 'One each morning' }]);
    // Once more: all of it is already held.
    const again = await post(w.alice, ownBundle('9434765919'));
    expect(((again.body as Bundle).entry ?? []).map((e) => e.response?.status.slice(0, 3))).toEqual([
      '200',
      '200',
      '200',
      '200',
      '200',
      '422',
    ]);
    expect((await w.alice.get(`/api/v1/patients/${patientId}/versions`)).body.versions).toHaveLength(2);
  });

  it("dates a weight sent without a time today on the patient's service's calendar, not UTC's", async () => {
    const zone = zoneOffUtcDay();
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const undatedWeight = {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
          subject: { reference: 'urn:uuid:7c1f0a52-3b1e-4d8e-9f41-0a6b5c4d3e21' },
          valueQuantity: { value: 64, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
        },
        request: { method: 'POST', url: 'Observation' },
      };
      const before = dayIn(zone);
      const r = await post(w.alice, ownBundle('9434765978', [undatedWeight]));
      const after = dayIn(zone);
      expect(r.status, r.text).toBe(200);
      const entries = (r.body as Bundle).entry ?? [];
      const patientId = /^Patient\/([0-9a-f-]{36})/.exec(entries[0]?.response?.location ?? '')?.[1] ?? '';
      const record = (await w.alice.get(`/api/v1/patients/${patientId}`)).body;
      expect(record.weight.kg).toBe(64);
      expect([before, after]).toContain(record.weight.measuredOn);
      expect(record.weight.measuredOn).not.toBe(utcDay());
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });

  it('keeps a document sent in a Bundle once, with its content as a Binary', async () => {
    const nhs = 'https://fhir.nhs.uk/Id/nhs-number|9434765919';
    const patient = matched(await search(`Patient?identifier=${encodeURIComponent(nhs)}`))[0]?.id ?? '';
    const letter = Buffer.from('Dear colleague, a generated test letter.');
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          fullUrl: 'urn:uuid:5b8f1c2e-4d3a-4b6c-8e9f-0a1b2c3d4e5f',
          resource: {
            resourceType: 'DocumentReference',
            status: 'current',
            subject: { reference: `Patient/${patient}` },
            content: [
              { attachment: { contentType: 'text/plain', data: letter.toString('base64'), title: 'Letter' } },
            ],
          },
          request: { method: 'POST', url: 'DocumentReference' },
        },
      ],
    };
    const first = await post(w.alice, bundle);
    expect(first.body.entry[0].response.status, first.text).toBe('201 Created');
    const again = await post(w.alice, bundle);
    expect(again.body.entry[0].response.status).toBe('200 OK');
    const docs = matched(await search(`DocumentReference?patient=${patient}&contenttype=text/plain`));
    expect(docs).toHaveLength(1);
    const binary = await w.alice.get(`${FHIR}/Binary/${docs[0]?.id ?? ''}`);
    expect(Buffer.from(binary.body.data, 'base64').equals(letter)).toBe(true);
  });

  it('makes one patient when the same new patient is imported twice at the same moment', async () => {
    const bundle = { ...ownBundle('9434765943'), entry: (ownBundle('9434765943').entry ?? []).slice(0, 1) };
    const replies = await Promise.all([post(w.alice, bundle), post(w.alice, bundle)]);
    const statuses = replies.map((r) => (r.body as Bundle).entry?.[0]?.response?.status).sort();
    expect(statuses).toEqual(['200 OK', '201 Created']);
    const nhs = 'https://fhir.nhs.uk/Id/nhs-number|9434765943';
    expect(matched(await search(`Patient?identifier=${encodeURIComponent(nhs)}`))).toHaveLength(1);
  });

  it('refuses a transaction KASPR cannot take, naming the entry, and changes nothing', async () => {
    const bad = ownBundle('9434765927', [
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
          subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
          effectiveDateTime: '2026-11-20T10:05:00Z',
          valueQuantity: { value: 70, system: 'http://unitsofmeasure.org', code: '/min' },
        },
        request: { method: 'POST', url: 'Observation' },
      },
    ]);
    const r = await post(w.alice, bad);
    expect(r.status).toBe(422);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expectValidFhir(r.body);
    expect(r.body.issue[0].expression).toEqual(['Bundle.entry[6].resource.subject']);
    expect(r.body.issue[0].diagnostics).toContain('not a Patient imported from this Bundle');
    const nhs = 'https://fhir.nhs.uk/Id/nhs-number|9434765927';
    expect(matched(await search(`Patient?identifier=${encodeURIComponent(nhs)}`))).toEqual([]);
  });

  it('answers each entry of a batch alone', async () => {
    const bundle = { ...ownBundle('9434765935'), type: 'batch' };
    const entries = bundle.entry ?? [];
    const broken = entries[2];
    if (broken?.resource) broken.resource = { ...broken.resource, valueQuantity: { value: 70, unit: 'bpm' } };
    const r = await post(w.alice, bundle);
    expect(r.status, r.text).toBe(200);
    const reply = r.body as Bundle;
    expect(reply.type).toBe('batch-response');
    expect(reply.entry?.map((e) => e.response?.status.slice(0, 3))).toEqual([
      '201',
      '201',
      '422',
      '201',
      '201',
      '422',
    ]);
    expect(reply.entry?.[2]?.response?.outcome?.issue[0]?.expression).toEqual([
      'Bundle.entry[2].resource.valueQuantity',
    ]);
    const nhs = 'https://fhir.nhs.uk/Id/nhs-number|9434765935';
    expect(matched(await search(`Patient?identifier=${encodeURIComponent(nhs)}`))).toHaveLength(1);
  });

  it('refuses what is not a transaction or batch Bundle (400)', async () => {
    for (const body of [
      { resourceType: 'Bundle', type: 'collection', entry: [] },
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ request: { method: 'POST', url: 'Patient' } }],
      },
      { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient' } }] },
    ]) {
      const r = await post(w.alice, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
  });

  it('takes a transaction from an independent client (fhir-kit-client)', async () => {
    const client = new FhirClient({
      baseUrl: `${server.baseUrl}${FHIR}`,
      customHeaders: { cookie: w.alice.cookie, 'x-csrf-token': w.alice.csrfToken },
    });
    const body = synthea('Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json');
    const reply = (await client.transaction({
      body: body as unknown as Parameters<typeof client.transaction>[0]['body'],
    })) as unknown as Bundle;
    expect(reply.type).toBe('transaction-response');
    expect(reply.entry?.[0]?.response?.status).toBe('201 Created');
    const found = await client.search({ resourceType: 'Patient', searchParams: { family: 'conn' } });
    expect((found as unknown as Bundle).entry?.length).toBeGreaterThan(0);
  });
});
