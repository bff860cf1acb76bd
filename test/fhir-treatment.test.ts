// The treatment pathway over the FHIR R4 API, on both engines: dosing and therapy sessions as Encounters, doses as
// MedicationRequest and MedicationAdministration with their Medication, consents as Consent, DocumentReference and
// Binary. Every resource returned validates (Medplum + the strict checks); one service's records never reach another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FHIR,
  valid,
  search,
  read,
  matched,
  included,
  type Bundle,
  type Resource,
} from './support/fhir-api.ts';
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

const TYPES = [
  'Encounter',
  'MedicationRequest',
  'MedicationAdministration',
  'Medication',
  'Consent',
  'DocumentReference',
  'Binary',
];
const TODAY = new Date().toISOString().slice(0, 10);
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ENCOUNTER_TYPES = 'https://kaspr.example/fhir/CodeSystem/encounter-type';
const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const THO = 'http://terminology.hl7.org/CodeSystem';
const UCUM = 'http://unitsofmeasure.org';
/** dm+d: Ketamine 100mg/2ml solution for injection ampoules (../shared/domain/fhir.md §1.3). */
const DMD = '11424411000001100';

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
/** The consent behind each session: the dosed patient's stands, the open patient's was withdrawn. */
let consent: string;
let withdrawn: string;

const ids = async (client: Client, query: string) =>
  matched(await search(client, query))
    .map((r) => r.id)
    .sort();

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
  const consentOf = async (patientId: string) =>
    String((await prescriber.get(`/api/v1/patients/${patientId}/consents`)).body.consents[0].id);
  consent = await consentOf(dosed);
  withdrawn = await consentOf(open);
  await created(
    prescriber
      .post(`/api/v1/consents/${withdrawn}/withdraw`, { reason: 'Changed their mind' })
      .then((r) => ({ ...r, body: { id: withdrawn } })),
  );
}, 240_000);
afterAll(() => server.close());

describe('CapabilityStatement', () => {
  it('lists each treatment type with read and search, and answers every parameter it advertises', async () => {
    const r = await w.alice.get(`${FHIR}/metadata`);
    expect(r.status).toBe(200);
    const resources = (
      r.body.rest[0] as {
        resource: { type: string; interaction?: { code: string }[]; searchParam?: { name: string }[] }[];
      }
    ).resource;
    for (const type of TYPES) {
      const res = resources.find((x) => x.type === type);
      expect(
        res?.interaction?.map((i) => i.code),
        type,
      ).toEqual(expect.arrayContaining(['read', 'search-type']));
      expect(res?.searchParam?.length, type).toBeGreaterThan(1);
      for (const p of res?.searchParam ?? []) {
        const b = await w.alice.get(`${FHIR}/${type}?${p.name}=x&_summary=count`);
        expect([200, 400], `${type}?${p.name}`).toContain(b.status);
        const entries = (b.body as Bundle).entry ?? [];
        expect(
          entries.find((e) => e.search?.mode === 'outcome'),
          `${type}?${p.name}`,
        ).toBeUndefined();
      }
    }
  });
});

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

describe('MedicationAdministration and Medication', () => {
  it('reads what was given: started and stopped, the rate changed, drawn from register stock', async () => {
    const a = await read(w.alice, `MedicationAdministration/${session}-administration`);
    expect(a).toMatchObject({
      status: 'completed',
      medicationReference: { reference: `Medication/${session}-medication` },
      subject: { reference: `Patient/${dosed}` },
      context: { reference: `Encounter/${session}` },
      effectivePeriod: { start: clock.at(1), end: clock.at(41) },
      performer: [{ actor: { reference: `Practitioner/${prescriberId}` } }],
      request: { reference: `MedicationRequest/${session}-request` },
      dosage: {
        route: { coding: [{ system: SCT, code: '47625008' }] },
        dose: { value: 35, unit: 'mg', system: UCUM, code: 'mg' },
        rateQuantity: { value: 50, system: UCUM, code: 'mg/h' },
      },
    });
  });

  it("reads the session's medication with the register product's dm+d code, strength, lot and expiry", async () => {
    const m = await read(w.alice, `Medication/${session}-medication`);
    expect(m).toMatchObject({
      code: { coding: [{ system: SCT, code: DMD }], text: 'Ketamine 50 mg/mL' },
      form: { text: 'solution for injection' },
      ingredient: [
        {
          itemCodeableConcept: { coding: [{ system: SCT, code: '373464007' }] },
          strength: { numerator: { value: 50, code: 'mg' }, denominator: { value: 1, code: 'mL' } },
        },
      ],
      batch: { lotNumber: 'LOT-77', expirationDate: '2028-01-31' },
    });
    const product = await read(w.alice, `Medication/${productId}`);
    expect(product).toMatchObject({ code: { coding: [{ system: SCT, code: DMD }] } });
    expect(product).not.toHaveProperty('batch');
  });

  it('gives no administration for a session not yet started, but its medication and order exist', async () => {
    expect((await w.alice.get(`${FHIR}/MedicationAdministration/${openSession}-administration`)).status).toBe(
      404,
    );
    expect((await read(w.alice, `Medication/${openSession}-medication`)).code).toEqual({ text: 'Ketamine' });
  });

  it('is searched by each parameter it declares', async () => {
    const ma = `${session}-administration`;
    for (const q of [
      `patient=${dosed}`,
      `subject=Patient/${dosed}`,
      `context=Encounter/${session}`,
      `effective-time=ge${clock.at(0).slice(0, 10)}`,
      `medication=Medication/${session}-medication`,
      'status=completed',
      `performer=Practitioner/${prescriberId}`,
      `request=MedicationRequest/${session}-request`,
      `_id=${ma}`,
      '_lastUpdated=gt2000-01-01',
    ])
      expect(await ids(w.alice, `MedicationAdministration?${q}`), q).toEqual([ma]);
    expect(await ids(w.alice, 'MedicationAdministration?status=in-progress')).toEqual([]);
    expect(await ids(w.alice, `MedicationAdministration?patient=${open}`)).toEqual([]);
    const med = `${session}-medication`;
    expect(await ids(w.alice, `Medication?code=${SCT}|${DMD}`)).toEqual([med, productId].sort());
    expect(await ids(w.alice, 'Medication?lot-number=LOT-77')).toEqual([med]);
    expect(await ids(w.alice, 'Medication?expiration-date=2028-01')).toEqual([med]);
    expect(await ids(w.alice, 'Medication?form=solution for injection')).toEqual([med, productId].sort());
    expect(await ids(w.alice, `Medication?_id=${productId}`)).toEqual([productId]);
    expect(await ids(w.alice, 'Medication?_lastUpdated=gt2000-01-01')).toHaveLength(3);
  });

  it('accepts _include=MedicationAdministration:medication as a supported include', async () => {
    const b = await search(
      w.alice,
      `MedicationAdministration?context=Encounter/${session}&_include=MedicationAdministration:medication`,
    );
    expect(matched(b).map((r) => r.id)).toEqual([`${session}-administration`]);
  });

  it('includes the medication itself with _include=MedicationAdministration:medication', async () => {
    const b = await search(
      w.alice,
      `MedicationAdministration?context=Encounter/${session}&_include=MedicationAdministration:medication`,
    );
    expect(included(b)).toContain(`Medication/${session}-medication`);
  });
});

describe('MedicationRequest', () => {
  it('reads the dose ordered at the session start: IV, mg over minutes, by its prescriber', async () => {
    const r = await read(w.alice, `MedicationRequest/${session}-request`);
    expect(r).toMatchObject({
      status: 'completed',
      intent: 'order',
      medicationReference: { reference: `Medication/${session}-medication` },
      subject: { reference: `Patient/${dosed}` },
      encounter: { reference: `Encounter/${session}` },
      requester: { reference: `Practitioner/${prescriberId}` },
      dosageInstruction: [
        {
          text: '35 mg over 40 min',
          route: { coding: [{ system: SCT, code: '47625008' }] },
          doseAndRate: [
            { doseQuantity: { value: 35, code: 'mg' }, rateQuantity: { value: 52.5, code: 'mg/h' } },
          ],
        },
      ],
    });
    expect((await read(w.alice, `MedicationRequest/${openSession}-request`)).status).toBe('active');
  });

  it('is searched by each parameter it declares, and accepts _include=MedicationRequest:medication', async () => {
    const rq = `${session}-request`;
    for (const q of [
      `patient=${dosed}`,
      `subject=Patient/${dosed}`,
      `encounter=Encounter/${session}`,
      'status=completed',
      `medication=Medication/${session}-medication`,
      `_id=${rq}`,
    ])
      expect(await ids(w.alice, `MedicationRequest?${q}`), q).toEqual([rq]);
    expect(await ids(w.alice, 'MedicationRequest?intent=order')).toEqual(
      [rq, `${openSession}-request`].sort(),
    );
    expect(await ids(w.alice, `MedicationRequest?requester=Practitioner/${prescriberId}`)).toHaveLength(2);
    expect(await ids(w.alice, `MedicationRequest?authoredon=ge${TODAY}`)).toHaveLength(2);
    expect(await ids(w.alice, 'MedicationRequest?_lastUpdated=gt2000-01-01')).toHaveLength(2);
    const b = await search(w.alice, `MedicationRequest?_id=${rq}&_include=MedicationRequest:medication`);
    expect(matched(b).map((r) => r.id)).toEqual([rq]);
  });

  // The same gap in the shared search as for MedicationAdministration above.
  it('includes the medication itself with _include=MedicationRequest:medication', async () => {
    const b = await search(
      w.alice,
      `MedicationRequest?_id=${session}-request&_include=MedicationRequest:medication`,
    );
    expect(included(b)).toContain(`Medication/${session}-medication`);
  });
});

describe('Consent, DocumentReference and Binary', () => {
  it('reads a consent: active, treatment scope, signed by the patient, with its document as source', async () => {
    const c = await read(w.alice, `Consent/${consent}`);
    expect(c).toMatchObject({
      status: 'active',
      scope: { coding: [{ system: `${THO}/consentscope`, code: 'treatment' }] },
      category: [{ coding: [{ system: LOINC, code: '59284-0' }] }],
      patient: { reference: `Patient/${dosed}` },
      performer: [{ reference: `Patient/${dosed}` }],
      organization: [{ reference: `Organization/${w.serviceA}` }],
      sourceReference: { reference: `DocumentReference/${consent}-document` },
      policy: [{ uri: 'https://kaspr.example/fhir/consent-documents/consent-iv-racemic/1.0.0' }],
      provision: { type: 'permit' },
    });
    expect(c).not.toHaveProperty('provision.period.end');
  });

  it('reads a withdrawn consent as inactive, its permission ending at the withdrawal', async () => {
    const c = await read(w.alice, `Consent/${withdrawn}`);
    expect(c.status).toBe('inactive');
    const period = (c.provision as { period: { start: string; end: string } }).period;
    expect(period.end).toBe(c.meta?.lastUpdated);
    expect(Date.parse(period.end)).toBeGreaterThanOrEqual(Date.parse(period.start));
  });

  it('reads the DocumentReference: a PDF attachment by URL to a Binary, never inline, related to the consent', async () => {
    const d = await read(w.alice, `DocumentReference/${consent}-document`);
    expect(d).toMatchObject({
      status: 'current',
      type: { coding: [{ system: LOINC, code: '59284-0' }] },
      subject: { reference: `Patient/${dosed}` },
      content: [{ attachment: { contentType: 'application/pdf', url: `Binary/${consent}-pdf` } }],
      context: { related: [{ reference: `Consent/${consent}` }] },
    });
    expect(JSON.stringify(d)).not.toContain('"data"');
  });

  it('reads the Binary: the same signed PDF the native API gives, base64 in JSON', async () => {
    const b = await read(w.alice, `Binary/${consent}-pdf`);
    expect(b).toMatchObject({
      contentType: 'application/pdf',
      securityContext: { reference: `Patient/${dosed}` },
    });
    const bytes = Buffer.from(String(b.data), 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const native = await fetch(`${server.baseUrl}/api/v1/consents/${consent}/pdf`, {
      headers: { cookie: w.alice.cookie },
    });
    expect(native.status).toBe(200);
    // The same document, rendered twice: the same size, whatever creation time each copy carries.
    expect(Math.abs((await native.arrayBuffer()).byteLength - bytes.length)).toBeLessThan(64);
  });

  it('is searched by each parameter Consent and DocumentReference declare', async () => {
    const both = [consent, withdrawn].sort();
    for (const q of [
      `patient=${dosed}`,
      'status=active',
      `source-reference=DocumentReference/${consent}-document`,
      `_id=${consent}`,
    ])
      expect(await ids(w.alice, `Consent?${q}`), q).toEqual([consent]);
    expect(await ids(w.alice, 'Consent?status=inactive')).toEqual([withdrawn]);
    expect(await ids(w.alice, `Consent?scope=${THO}/consentscope|treatment`)).toEqual(both);
    expect(await ids(w.alice, `Consent?category=${LOINC}|59284-0`)).toEqual(both);
    expect(await ids(w.alice, `Consent?date=ge${TODAY}`)).toEqual(both);
    expect(await ids(w.alice, 'Consent?_lastUpdated=gt2000-01-01')).toEqual(both);
    const doc = `${consent}-document`;
    for (const q of [
      `patient=${dosed}`,
      `subject=Patient/${dosed}`,
      `related=Consent/${consent}`,
      `_id=${doc}`,
    ])
      expect(await ids(w.alice, `DocumentReference?${q}`), q).toEqual([doc]);
    const docs = [doc, `${withdrawn}-document`].sort();
    for (const q of [
      `type=${LOINC}|59284-0`,
      `date=ge${TODAY}`,
      'status=current',
      'contenttype=application/pdf',
      '_lastUpdated=gt2000-01-01',
    ])
      expect(await ids(w.alice, `DocumentReference?${q}`), q).toEqual(docs);
    expect(await ids(w.alice, `Binary?_id=${consent}-pdf`)).toEqual([`${consent}-pdf`]);
  });

  it('leaves Binary out of a Bulk Data export, which carries the DocumentReference with its URL', async () => {
    const kick = await prescriber.get(`${FHIR}/$export?_type=DocumentReference,Binary`, {
      accept: 'application/fhir+json',
      prefer: 'respond-async',
    });
    expect(kick.status, kick.text).toBe(202);
    const status = new URL(kick.headers.get('content-location') ?? '').pathname;
    let done = await prescriber.get(status);
    for (let n = 0; done.status === 202 && n < 100; n += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await prescriber.get(status);
    }
    expect(done.status, done.text).toBe(200);
    const output = done.body.output as { type: string; url: string }[];
    expect(output.map((o) => o.type)).toEqual(['DocumentReference']);
    const file = await prescriber.get(new URL(output[0]?.url ?? '').pathname);
    const lines = file.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Resource);
    expect(lines.map((r) => r.id).sort()).toEqual([`${consent}-document`, `${withdrawn}-document`].sort());
    for (const r of lines) {
      valid(r);
      expect(JSON.stringify(r)).not.toContain('"data"');
    }
  });
});

describe("another service's view", () => {
  it('sees none of these sessions in a search, a read or a patient-named search', async () => {
    for (const q of [
      'Encounter',
      `Encounter?patient=${dosed}`,
      `Encounter?_id=${session}`,
      'MedicationAdministration',
      `MedicationAdministration?patient=${dosed}`,
      'MedicationRequest',
      `MedicationRequest?subject=Patient/${open}`,
      'Medication',
      `Medication?code=${SCT}|${DMD}`,
      'Consent',
      `Consent?patient=${dosed}`,
      'DocumentReference',
      `DocumentReference?subject=Patient/${dosed}`,
      'Binary',
    ])
      expect(matched(await search(w.bob, q)), q).toEqual([]);
    for (const path of [
      `Encounter/${session}`,
      `Encounter/${therapy}`,
      `Encounter/${openSession}`,
      `MedicationAdministration/${session}-administration`,
      `MedicationRequest/${session}-request`,
      `Medication/${session}-medication`,
      `Medication/${productId}`,
      `Consent/${consent}`,
      `DocumentReference/${consent}-document`,
      `Binary/${consent}-pdf`,
    ]) {
      const r = await w.bob.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(404);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
  });
});
