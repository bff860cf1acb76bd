// A record's allergy status over real HTTP: "none known" is stated (by whom, when), distinct from "not asked",
// saved as a new version like any correction, and refused when it contradicts the allergy list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(() => server.close());

const PENICILLIN = { substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' };
const { allergies: _sampleAllergies, identifiers: _sampleIds, ...NO_ALLERGIES } = SAMPLE_PATIENT;

async function countRows(table: string): Promise<number> {
  const [row] = await server.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}

describe('stating the allergy status', () => {
  it('registers "none known" with who stated it and when; a record with no status states nothing', async () => {
    const stated = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'none-known' });
    expect(stated.status).toBe(201);
    expect(stated.body.allergies).toEqual([]);
    expect(stated.body.allergyStatus).toBe('none-known');
    expect(stated.body.allergyStatusRecorded).toEqual({
      recordedAt: expect.any(String),
      recordedBy: { id: w.aliceId, displayName: 'Alice North' },
    });
    const unstated = await w.alice.post('/api/v1/patients', NO_ALLERGIES);
    expect(unstated.status).toBe(201);
    expect(unstated.body.allergies).toEqual([]);
    expect(unstated.body).not.toHaveProperty('allergyStatus');
    expect(unstated.body).not.toHaveProperty('allergyStatusRecorded');
    const read = await w.alice.get(`/api/v1/patients/${stated.body.id}`);
    expect(read.body.allergyStatus).toBe('none-known');
  });

  it.each([
    ['none-known', [PENICILLIN]],
    ['not-asked', [PENICILLIN]],
    ['recorded', []],
  ])(
    'refuses allergyStatus %s with the list given, with a 422 problem naming the field',
    async (status, list) => {
      const before = await countRows('patients');
      const r = await w.alice.post('/api/v1/patients', {
        ...NO_ALLERGIES,
        allergies: list,
        allergyStatus: status,
      });
      expect(r.status).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.code).toBe('allergy-status-contradiction');
      expect(r.body.errors).toEqual([{ path: 'body.allergyStatus', message: expect.any(String) }]);
      expect(await countRows('patients')).toBe(before);
    },
  );

  it('refuses an unknown status with a validation problem', async () => {
    const r = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'nkda' });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('body.allergyStatus');
  });
});

describe('correcting the allergy status', () => {
  it('states "none known" by a new version, keeping the "not asked" version readable', async () => {
    const created = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'not-asked' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const r = await w.alice.patch(
      `/api/v1/patients/${id}`,
      { allergyStatus: 'none-known', reason: 'Asked at assessment' },
      { 'if-match': 'W/"1"' },
    );
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.allergyStatus).toBe('none-known');
    expect(r.body.allergyStatusRecorded.recordedBy.id).toBe(w.aliceId);
    const versions = (await w.alice.get(`/api/v1/patients/${id}/versions`)).body.versions;
    const byVersion = new Map(versions.map((v: { version: number }) => [v.version, v]));
    expect(byVersion.get(1)).toMatchObject({ record: { allergyStatus: 'not-asked' } });
    expect(byVersion.get(2)).toMatchObject({
      reason: 'Asked at assessment',
      record: { allergyStatus: 'none-known' },
    });
    const timeline = (await w.alice.get(`/api/v1/patients/${id}/timeline?kind=patient-corrected`)).body
      .events;
    expect(timeline.map((e: { summary: string }) => e.summary)).toEqual([
      'Record corrected (version 2): allergyStatus',
    ]);
  });

  it('keeps who stated the status when another part of the record is corrected', async () => {
    const created = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'none-known' });
    const id = created.body.id as string;
    const r = await w.alice.patch(
      `/api/v1/patients/${id}`,
      { givenName: 'Tessa', reason: 'Spelling' },
      { 'if-match': 'W/"1"' },
    );
    expect(r.status).toBe(200);
    expect(r.body.allergyStatusRecorded).toEqual(created.body.allergyStatusRecorded);
  });

  it('refuses adding an allergy to a "none known" record unless the status changes too, writing nothing', async () => {
    const created = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'none-known' });
    const id = created.body.id as string;
    const versionsBefore = await countRows('patient_versions');
    const refused = await w.alice.patch(
      `/api/v1/patients/${id}`,
      { allergies: [PENICILLIN], reason: 'New allergy' },
      { 'if-match': 'W/"1"' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('allergy-status-contradiction');
    expect(refused.body.detail).toMatch(/no known allergies/);
    expect(await countRows('patient_versions')).toBe(versionsBefore);
    expect((await w.alice.get(`/api/v1/patients/${id}`)).body.version).toBe(1);

    const accepted = await w.alice.patch(
      `/api/v1/patients/${id}`,
      { allergies: [PENICILLIN], allergyStatus: 'recorded', reason: 'New allergy' },
      { 'if-match': 'W/"1"' },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ version: 2, allergyStatus: 'recorded', allergies: [PENICILLIN] });
  });
});

describe('the allergy status received in a FHIR Bundle', () => {
  const allergyEntry = (patientId: string, code: Record<string, unknown>) => ({
    resource: { resourceType: 'AllergyIntolerance', patient: { reference: `Patient/${patientId}` }, code },
    request: { method: 'POST', url: 'AllergyIntolerance' },
  });
  const importBatch = async (...entry: ReturnType<typeof allergyEntry>[]) => {
    const r = await w.alice.post(
      '/fhir/R4',
      { resourceType: 'Bundle', type: 'batch', entry },
      { 'content-type': 'application/fhir+json' },
    );
    expect(r.status, r.text).toBe(200);
    return (
      r.body as { entry: { response: { status: string; outcome?: { issue: { diagnostics?: string }[] } } }[] }
    ).entry;
  };
  const NKA_SNOMED = {
    coding: [
      { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy (situation)' },
    ],
  };
  const NKDA_SNOMED = {
    coding: [
      { system: 'http://snomed.info/sct', code: '409137002', display: 'No Known Drug Allergy (situation)' },
    ],
  };

  it('takes SNOMED "No known allergy" as the stated status, not as an allergy named so; again, it is already held', async () => {
    const created = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: 'not-asked' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const [first] = await importBatch(allergyEntry(id, NKA_SNOMED));
    expect(first?.response.status).toMatch(/^20/);
    const record = (await w.alice.get(`/api/v1/patients/${id}`)).body;
    expect(record.allergies).toEqual([]);
    expect(record.allergyStatus).toBe('none-known');
    expect(record.allergyStatusRecorded.recordedBy.id).toBe(w.aliceId);

    const [again] = await importBatch(allergyEntry(id, NKDA_SNOMED));
    expect(again?.response.status).toBe('200 OK');
    expect(again?.response.outcome?.issue[0]?.diagnostics).toBe(
      'Already held: the record states no known allergies.',
    );
    expect((await w.alice.get(`/api/v1/patients/${id}`)).body.version).toBe(record.version);
  });

  it('reads "No known allergy (situation)" as text the same way, with no code', async () => {
    const created = await w.alice.post('/api/v1/patients', NO_ALLERGIES);
    const id = created.body.id as string;
    await importBatch(allergyEntry(id, { text: 'No known allergy (situation)' }));
    const record = (await w.alice.get(`/api/v1/patients/${id}`)).body;
    expect(record.allergies).toEqual([]);
    expect(record.allergyStatus).toBe('none-known');
  });

  it('does not take "no known allergies" for a record that lists an allergy, naming the rule; the record is unchanged', async () => {
    const created = await w.alice.post('/api/v1/patients', {
      ...NO_ALLERGIES,
      allergies: [PENICILLIN],
      allergyStatus: 'recorded',
    });
    const id = created.body.id as string;
    const [reply] = await importBatch(allergyEntry(id, NKA_SNOMED));
    expect(reply?.response.status).toMatch(/^422/);
    expect(reply?.response.outcome?.issue[0]?.diagnostics).toContain('allergy-status-contradiction');
    const record = (await w.alice.get(`/api/v1/patients/${id}`)).body;
    expect(record.version).toBe(created.body.version);
    expect(record.allergies).toEqual([PENICILLIN]);
    expect(record.allergyStatus).toBe('recorded');
  });

  it('adds an allergy received for a record that said none known or not asked, and then says allergies are recorded', async () => {
    for (const stated of ['none-known', 'not-asked'] as const) {
      const created = await w.alice.post('/api/v1/patients', { ...NO_ALLERGIES, allergyStatus: stated });
      const id = created.body.id as string;
      const [reply] = await importBatch(allergyEntry(id, { text: 'Latex' }));
      expect(reply?.response.status, stated).toMatch(/^20/);
      const record = (await w.alice.get(`/api/v1/patients/${id}`)).body;
      expect(record.allergies.map((a: { substance: string }) => a.substance)).toEqual(['Latex']);
      expect(record.allergyStatus).toBe('recorded');
    }
  });
});
