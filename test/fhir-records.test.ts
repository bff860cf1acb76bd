// The patient record's lists and history over the FHIR API, on both engines: allergies (AllergyIntolerance),
// medications (MedicationStatement), record versions (Provenance), staff roles (PractitionerRole) and the audit
// log (AuditEvent). Every resource returned validates; a service's records never reach another service.
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR, matched, read, search, type Bundle } from './support/fhir-api.ts';
import { expectValidFhir } from './support/fhir-validate.ts';
import {
  addStaff,
  buildWorld,
  type Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
/** A patient of service A (corrected once) and one of service B. */
let north: string;
let south: string;
/** A prescriber who works in both services. */
let both: { client: Client; id: string };
let adminId: string;
/** Auditors of service A and of service B. */
let auditorA: Client;
let auditorB: Client;
let auditorAId: string;
/** North's first harm assessment (corrected once). */
let assessment: string;
/** A practitioner of service B with no break-glass grant (Bob has one to north). */
let carol: Client;
const BREAK_GLASS_REASON = 'Collapsed in our clinic; needs allergy history';

const ids = (b: Bundle) => matched(b).map((r) => r.id);
const roleOf = (userId: string, serviceId: string) =>
  `${userId.replace(/-/g, '')}${serviceId.replace(/-/g, '')}`;

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
    identifiers: [{ system: 'mrn', value: 'NORTH-77' }],
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
  both = await addStaff(w, 'rex@clinic.test', 'Rex Both', ['prescriber', 'nurse'], [w.serviceA, w.serviceB]);
  adminId = ((await w.admin.get('/api/v1/me')).body as { user: { id: string } }).user.id;
  // A system client of service A: its account acts for it and is audited, but it is not staff.
  const { publicKey } = await generateKeyPair('ES384');
  const systemClient = await w.admin.post('/api/v1/system-clients', {
    name: 'Warehouse A',
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'a1' }] },
    scope: 'system/*.read',
    serviceIds: [w.serviceA],
  });
  if (systemClient.status !== 201) throw new Error(`system client: ${systemClient.text}`);
  // North's care plan, harm assessment and formulation, each in two versions.
  const reviewDue = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  for (const reason of [undefined, 'Reviewed early after a crisis']) {
    const plan = await w.alice.post(`/api/v1/patients/${north}/care-plan`, {
      interventions: [{ interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one' }],
      reviewDue,
      ...(reason ? { reason } : {}),
    });
    if (plan.status !== 201) throw new Error(plan.text);
  }
  const use = { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false };
  const first = await w.alice.post(`/api/v1/patients/${north}/harm-assessments`, {
    assessment: { use, symptoms: [{ code: 'urinary-frequency' }], risks: [] },
  });
  if (first.status !== 201) throw new Error(first.text);
  assessment = first.body.id as string;
  const correction = await w.alice.post(`/api/v1/patients/${north}/harm-assessments`, {
    assessment: { use, symptoms: [], risks: [] },
    corrects: assessment,
    correctionReason: 'Symptom entered against the wrong patient',
  });
  if (correction.status !== 201) throw new Error(correction.text);
  for (const baseVersion of [0, 1]) {
    const formulation = await w.alice.post(`/api/v1/patients/${north}/formulation`, {
      presentingHarms: 'Bladder pain',
      drivers: 'Sleep',
      protectiveFactors: 'Family',
      goals: 'Cut down',
      baseVersion,
    });
    if (formulation.status !== 201) throw new Error(formulation.text);
  }
  const annA = await addStaff(w, 'audit.a@clinic.test', 'Ann Auditor', ['auditor'], [w.serviceA]);
  auditorA = annA.client;
  auditorAId = annA.id;
  carol = (await addStaff(w, 'carol@clinic.test', 'Carol South', ['practitioner'], [w.serviceB])).client;
  auditorB = (await addStaff(w, 'audit.b@clinic.test', 'Ben Auditor', ['auditor'], [w.serviceB])).client;
  // Bob (service B) is refused north's allergies, then reads them under break-glass.
  const refused = await w.bob.get(`${FHIR}/AllergyIntolerance/${north}-allergy-1`);
  if (refused.status !== 404) throw new Error(refused.text);
  const grant = await w.bob.post('/api/v1/break-glass', {
    identifier: 'NORTH-77',
    reason: BREAK_GLASS_REASON,
  });
  if (grant.status !== 201) throw new Error(`break-glass: ${grant.text}`);
  const underGrant = await w.bob.get(`${FHIR}/AllergyIntolerance/${north}-allergy-1`);
  if (underGrant.status !== 200) throw new Error(underGrant.text);
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
    for (const missing of [
      `${north}-allergy-3`,
      `${north}-allergy-0`,
      `${north}-allergy-x`,
      `${'-'.repeat(36)}-allergy-1`,
      'nothing',
    ])
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

  it('has one per version of a care plan, a harm assessment (its corrections) and a formulation', async () => {
    const targets = matched(await search(w.alice, `Provenance?patient=${north}&_count=50`)).map(
      (p) => (p.target as { reference: string }[])[0]?.reference ?? '',
    );
    const plans = targets.filter((t) => t.startsWith('CarePlan/'));
    expect(plans.map((t) => t.replace(/^.*\/_history\//, ''))).toEqual(['1', '2']);
    const planId = plans[0]?.split('/')[1] ?? '';
    expect(plans).toEqual([`CarePlan/${planId}/_history/1`, `CarePlan/${planId}/_history/2`]);
    expect(targets).toEqual(
      expect.arrayContaining([
        `RiskAssessment/${assessment}/_history/1`,
        `RiskAssessment/${assessment}/_history/2`,
        `ClinicalImpression/${north}-formulation/_history/1`,
        `ClinicalImpression/${north}-formulation/_history/2`,
      ]),
    );
    expect(targets).toHaveLength(8);
    expect(await read(w.alice, `Provenance/${planId}-v2`)).toMatchObject({
      activity: { coding: [{ code: 'UPDATE' }] },
      reason: [{ text: 'Reviewed early after a crisis' }],
    });
    expect(await read(w.alice, `Provenance/${assessment}-v2`)).toMatchObject({
      target: [{ reference: `RiskAssessment/${assessment}/_history/2` }],
      reason: [{ text: 'Symptom entered against the wrong patient' }],
    });
    expect(await read(w.alice, `Provenance/${north}-formulation-v1`)).toMatchObject({
      activity: { coding: [{ code: 'CREATE' }] },
      agent: [{ who: { reference: `Practitioner/${w.aliceId}` } }],
    });
    expect(ids(await search(w.alice, `Provenance?target=CarePlan/${planId}`))).toEqual([
      `${planId}-v1`,
      `${planId}-v2`,
    ]);
    for (const missing of [
      `${planId}-v3`,
      `${north}-formulation-v3`,
      `${north}-formulation-v0`,
      `${'-'.repeat(36)}-v1`,
      'AuditEvent-v1',
    ])
      expect((await w.alice.get(`${FHIR}/Provenance/${missing}`)).status, missing).toBe(404);
    expect((await carol.get(`${FHIR}/Provenance/${planId}-v1`)).status).toBe(404);
    expect((await carol.get(`${FHIR}/Provenance/${assessment}-v1`)).status).toBe(404);
  });

  it('searches by target (a version or the record), patient, recorded and agent', async () => {
    const both = [`${north}-v1`, `${north}-v2`];
    const ofRecord = (b: Bundle) => ids(b).filter((id) => both.includes(id));
    expect(ids(await search(w.alice, `Provenance?target=Patient/${north}/_history/2`))).toEqual([both[1]]);
    expect(ids(await search(w.alice, `Provenance?target=Patient/${north}`))).toEqual(both);
    expect(ofRecord(await search(w.alice, `Provenance?patient=${north}`))).toEqual(both);
    expect((await search(w.alice, `Provenance?patient=${north}`)).total).toBe(8);
    expect(ofRecord(await search(w.alice, 'Provenance?recorded=ge2000-01-01'))).toEqual(both);
    expect(ids(await search(w.alice, 'Provenance?recorded=lt2000-01-01'))).toEqual([]);
    expect(ofRecord(await search(w.alice, `Provenance?agent=Practitioner/${w.aliceId}`))).toEqual(both);
    expect(ids(await search(w.alice, `Provenance?agent=Practitioner/${w.aliceId}&patient=${south}`))).toEqual(
      [],
    );
    expect(ids(await search(w.alice, `Provenance?agent=Practitioner/${w.bobId}`))).toEqual([]);
  });
});

describe('PractitionerRole', () => {
  const ROLE = 'https://kaspr.example/fhir/CodeSystem/role';

  it('has one PractitionerRole per member of staff and service, and none for a system client', async () => {
    const inA = matched(await search(w.alice, 'PractitionerRole'));
    expect(inA.map((r) => (r.practitioner as { reference: string }).reference).sort()).toEqual(
      [adminId, w.aliceId, both.id, auditorAId].map((id) => `Practitioner/${id}`).sort(),
    );
    for (const r of inA) expect(r.organization).toEqual({ reference: `Organization/${w.serviceA}` });
    const rex = await read(w.alice, `PractitionerRole/${roleOf(both.id, w.serviceA)}`);
    expect(rex).toMatchObject({
      active: true,
      practitioner: { reference: `Practitioner/${both.id}` },
      code: [
        { coding: [{ system: ROLE, code: 'prescriber' }] },
        { coding: [{ system: ROLE, code: 'nurse' }] },
      ],
    });
    // The same person's role in service B is B's record.
    expect((await w.alice.get(`${FHIR}/PractitionerRole/${roleOf(both.id, w.serviceB)}`)).status).toBe(404);
    expect((await w.alice.get(`${FHIR}/PractitionerRole/${roleOf(w.aliceId, w.serviceB)}`)).status).toBe(404);
  });

  it('searches by practitioner, organization, role and active', async () => {
    const rexA = roleOf(both.id, w.serviceA);
    const aliceA = roleOf(w.aliceId, w.serviceA);
    expect(ids(await search(w.alice, `PractitionerRole?practitioner=Practitioner/${both.id}`))).toEqual([
      rexA,
    ]);
    expect(ids(await search(w.alice, `PractitionerRole?practitioner=${w.aliceId}`))).toEqual([aliceA]);
    expect((await search(w.alice, `PractitionerRole?organization=Organization/${w.serviceA}`)).total).toBe(4);
    expect((await search(w.alice, `PractitionerRole?organization=${w.serviceB}`)).total).toBe(0);
    expect(ids(await search(w.alice, `PractitionerRole?role=${ROLE}|prescriber`))).toEqual([rexA]);
    expect(ids(await search(w.alice, 'PractitionerRole?role=practitioner'))).toEqual([aliceA]);
    expect((await search(w.alice, 'PractitionerRole?active=true')).total).toBe(4);
    expect((await search(w.alice, 'PractitionerRole?active=false')).total).toBe(0);
    const bobs = await search(w.bob, 'PractitionerRole');
    expect(ids(bobs)).toEqual(
      expect.arrayContaining([roleOf(w.bobId, w.serviceB), roleOf(both.id, w.serviceB)]),
    );
    for (const r of matched(bobs))
      expect(r.organization).toEqual({ reference: `Organization/${w.serviceB}` });
    expect(JSON.stringify(bobs.entry)).not.toContain(w.aliceId);
  });
});

describe('AuditEvent', () => {
  const ACTIONS = 'https://kaspr.example/fhir/CodeSystem/audit-action';
  const actionsOf = (b: Bundle) => matched(b).map((e) => (e.subtype as { code: string }[])[0]?.code);

  it('is refused (403) without audit:read, to search and to read', async () => {
    for (const path of ['AuditEvent', `AuditEvent?patient=${north}`, 'AuditEvent/1']) {
      const r = await w.alice.get(`${FHIR}/${path}`);
      expect(r.status, path).toBe(403);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
  });

  it("shows an auditor the patient's trail: writes, refusals and break-glass use marked BTG", async () => {
    const trail = matched(await search(auditorA, `AuditEvent?patient=Patient/${north}`));
    for (const e of trail) expect(JSON.stringify(e.entity)).toContain(`Patient/${north}`);
    const byAction = (action: string) =>
      trail.filter((e) => (e.subtype as { code: string }[])[0]?.code === action);
    expect(byAction('patient.create')[0]).toMatchObject({
      action: 'C',
      outcome: '0',
      agent: [{ who: { reference: `Practitioner/${w.aliceId}` }, requestor: true }],
    });
    expect(byAction('patient.update')[0]).toMatchObject({ action: 'U' });
    const reads = byAction('fhir.read').filter((e) => JSON.stringify(e.agent).includes(w.bobId));
    expect(reads.map((e) => [e.outcome, e.purposeOfEvent !== undefined])).toEqual([
      ['0', true],
      ['4', false],
    ]);
    expect(byAction('break-glass.grant')[0]?.purposeOfEvent).toEqual([
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
            code: 'BTG',
            display: 'break the glass',
          },
        ],
      },
    ]);
    // Nothing of the record's content, nor the break-glass reason, is in the trail.
    const text = JSON.stringify(trail);
    for (const content of ['Northcott', 'Penicillin', 'Sertraline', 'NORTH-77', BREAK_GLASS_REASON])
      expect(text).not.toContain(content);
    const first = trail.at(-1);
    expect(await read(auditorA, `AuditEvent/${first?.id}`)).toEqual(first);
  });

  it('searches by date, agent, entity, patient, action, type and outcome', async () => {
    const create = (b: Bundle) => actionsOf(b).includes('patient.create');
    const q = async (query: string) => search(auditorA, `AuditEvent?patient=${north}&${query}`);
    expect(create(await q('date=ge2000-01-01'))).toBe(true);
    expect((await q('date=lt2000-01-01')).total).toBe(0);
    expect(new Set(actionsOf(await q(`agent=Practitioner/${w.bobId}`)))).toEqual(
      new Set(['fhir.read', 'break-glass.grant']),
    );
    expect(create(await search(auditorA, `AuditEvent?entity=Patient/${north}`))).toBe(true);
    expect(new Set(matched(await q('action=U')).map((e) => e.action))).toEqual(new Set(['U']));
    expect(actionsOf(await q(`type=${ACTIONS}|patient.update`))).toEqual(['patient.update']);
    expect(
      (await q('type=http://terminology.hl7.org/CodeSystem/audit-event-type|rest')).total,
    ).toBeGreaterThan(3);
    // Bob's refused read (and any by another service's staff) of north.
    const refused = matched(await q('outcome=4'));
    expect(new Set(refused.map((e) => JSON.stringify([e.subtype, e.outcomeDesc])))).toEqual(
      new Set([JSON.stringify([[{ system: ACTIONS, code: 'fhir.read' }], 'denied'])]),
    );
    expect(JSON.stringify(refused)).toContain(`Practitioner/${w.bobId}`);
    // An entry about no patient belongs to the services of the user who acted.
    const aliceSearches = await search(auditorA, `AuditEvent?agent=${w.aliceId}&type=${ACTIONS}|fhir.search`);
    expect(aliceSearches.total).toBeGreaterThan(0);
  });

  it("never shows one service's audit entries to another service's auditor", async () => {
    const inA = await search(auditorA, 'AuditEvent?_count=200');
    const inB = await search(auditorB, 'AuditEvent?_count=200');
    expect(JSON.stringify(inA.entry)).not.toContain(south);
    expect(JSON.stringify(inB.entry)).not.toContain(north);
    expect(JSON.stringify(inB.entry)).not.toContain(w.aliceId);
    expect((await search(auditorB, `AuditEvent?patient=${north}`)).total).toBe(0);
    expect((await search(auditorB, `AuditEvent?agent=${w.aliceId}`)).total).toBe(0);
    // Bob's break-glass read of north is north's service's to audit, and read by id only there.
    const bobRead = matched(
      await search(auditorA, `AuditEvent?patient=${north}&agent=${w.bobId}&outcome=0`),
    )[0];
    expect(bobRead).toBeDefined();
    expect((await auditorB.get(`${FHIR}/AuditEvent/${bobRead?.id}`)).status).toBe(404);
    const southCreate = matched(
      await search(auditorB, `AuditEvent?patient=${south}&type=${ACTIONS}|patient.create`),
    )[0];
    expect((await auditorA.get(`${FHIR}/AuditEvent/${southCreate?.id}`)).status).toBe(404);
    expect((await auditorA.get(`${FHIR}/AuditEvent/999999999`)).status).toBe(404);
  });
});

describe('CapabilityStatement and Bulk Data export', () => {
  const TYPES = ['AllergyIntolerance', 'MedicationStatement', 'Provenance', 'PractitionerRole', 'AuditEvent'];

  it('lists these types, and answers every search parameter it advertises for them', async () => {
    const r = await w.alice.get(`${FHIR}/metadata`);
    expect(r.status).toBe(200);
    const resources = (
      r.body as { rest: { resource: { type: string; searchParam?: { name: string; type: string }[] }[] }[] }
    ).rest[0]?.resource;
    for (const type of TYPES) {
      const params = resources?.find((x) => x.type === type)?.searchParam ?? [];
      expect(params.length, type).toBeGreaterThan(2);
      // The auditor may read AuditEvent and patient data, so sees no refusal.
      for (const p of params)
        await search(auditorA, `${type}?${p.name}=${p.type === 'date' ? '2000' : 'x'}&_summary=count`);
    }
  });

  it("exports the patient data types of the user's service only, and never the audit log", async () => {
    const kickOff = await w.alice.get(`${FHIR}/$export`, { prefer: 'respond-async' });
    expect(kickOff.status, kickOff.text).toBe(202);
    const status = new URL(kickOff.headers.get('content-location') ?? '').pathname;
    let done = await w.alice.get(status);
    for (let n = 0; done.status === 202 && n < 300; n++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await w.alice.get(status);
    }
    expect(done.status, done.text).toBe(200);
    const files = (done.body as { output: { type: string; url: string }[] }).output;
    const types = new Set(files.map((f) => f.type));
    for (const type of ['AllergyIntolerance', 'MedicationStatement', 'Provenance', 'PractitionerRole'])
      expect(types, type).toContain(type);
    expect(types).not.toContain('AuditEvent');
    for (const file of files.filter((f) => TYPES.includes(f.type))) {
      const text = (await w.alice.get(new URL(file.url).pathname)).text;
      expect(text, file.type).not.toContain(south);
      expect(text, file.type).not.toContain(w.bobId.replace(/-/g, ''));
      for (const line of text.split('\n').filter(Boolean)) expectValidFhir(JSON.parse(line));
    }
  });
});

describe('access', () => {
  it("never shows one service's allergies, medications or versions to another", async () => {
    for (const [client, own, other] of [
      [w.alice, north, south],
      [carol, south, north],
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
        client === w.alice
          ? `PractitionerRole/${roleOf(w.bobId, w.serviceB)}`
          : `PractitionerRole/${roleOf(w.aliceId, w.serviceA)}`,
      ]) {
        const r = await client.get(`${FHIR}/${path}`);
        expect(r.status, path).toBe(404);
        expect(r.body.resourceType).toBe('OperationOutcome');
      }
    }
  });
});
