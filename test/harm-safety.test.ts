// Harm pathway safety fixes over real HTTP: content 2.0.0, old versions replay, provisional proposals,
// implausible lab units, chart pre-fill, and the care plan after an override.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateHarm, parseAssessment, shippedPacks } from '../src/domain/harm/index.ts';
import { insertAssessment } from '../src/store/harm.ts';
import {
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let patientId: string;

const assessment = (over: Record<string, unknown> = {}) => ({
  use: { daysUsedLast28: 2, routes: ['nasal'], bingeing: false, escalating: false },
  symptoms: [],
  risks: [],
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
});
afterAll(() => server.close());

describe('default content 2.0.0', () => {
  it.each([
    ['loin pain alone', { symptoms: [{ code: 'loin-pain' }] }, 3],
    ['loin pain with fever', { symptoms: [{ code: 'loin-pain' }, { code: 'fever' }] }, 4],
    ['GHB/GBL co-use alone', { use: { ...assessment().use, coUse: ['ghb-gbl'] } }, 2],
    ['PHQ-9 of 10', { measures: { phq9Total: 10 } }, 2],
    ['ALT 500 and ALP 600', { labs: { alt: 500, alp: 600 } }, 2],
  ])('proposes the right level for %s', async (_case, over, level) => {
    const r = await w.alice.post('/api/v1/harm/evaluate', { assessment: assessment(over) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ level, contentVersion: 'kaspr-harm-default@2.0.0' });
  });

  it('lists 2.0.0 in force and 1.0.0 still available', async () => {
    const r = await w.alice.get('/api/v1/harm/content-packs');
    expect(r.body.packs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: '2.0.0', inForce: true }),
        expect.objectContaining({ version: '1.0.0', inForce: false }),
      ]),
    );
  });

  it('replays a recommendation stored with 1.0.0 (before provisional existed) identically, with 1.0.0', async () => {
    const v1 = shippedPacks.find((p) => p.version === '1.0.0');
    if (!v1) throw new Error('1.0.0 is not shipped');
    const raw = assessment({ symptoms: [{ code: 'loin-pain' }] });
    const parsed = parseAssessment(raw);
    const evaluated = evaluateHarm(raw, v1);
    if (!parsed.ok || !evaluated.ok) throw new Error('fixture did not evaluate');
    // As 1.0.0 stored it: without the provisional fields added later.
    const { provisional, missingInputs, couldRaiseTo, ...stored } = evaluated.value;
    expect([provisional, missingInputs.length > 0, couldRaiseTo]).toEqual([true, true, 4]);
    const now = new Date();
    const id = await insertAssessment(server.ctx.db, {
      patientId,
      assessment: parsed.value,
      context: {},
      evaluation: stored as typeof evaluated.value,
      assessedAt: now,
      recordedAt: now,
      recordedBy: w.aliceId,
    });
    const replay = await w.alice.post(`/api/v1/harm-assessments/${id}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.identical).toBe(true);
    expect(replay.body.replayed).toMatchObject({ level: 2, contentVersion: 'kaspr-harm-default@1.0.0' });
    // The view fills in the provisional fields for the old proposal, so it is shown as provisional too.
    const view = await w.alice.get(`/api/v1/harm-assessments/${id}`);
    expect(view.body.evaluation).toMatchObject({ provisional: true, couldRaiseTo: 4 });
  });
});

describe('provisional proposals', () => {
  it('marks a proposal made without the inputs of higher rules as provisional, naming them', async () => {
    const r = await w.alice.post('/api/v1/harm/evaluate', { assessment: assessment() });
    expect(r.body).toMatchObject({ level: 1, provisional: true, couldRaiseTo: 4 });
    expect(r.body.missingInputs).toEqual(expect.arrayContaining(['labs.egfr', 'measures.sdsTotal']));
    expect(r.body.reasons[0].text).toContain('Not recorded: eGFR');
    expect(r.body.reasons[0].text).not.toMatch(/no red flag/i);
  });
});

describe('implausible lab values', () => {
  it('refuses creatinine 1.4 (mg/dL, not µmol/L) with a 422 naming µmol/L and the likely mistake', async () => {
    for (const url of ['/api/v1/harm/evaluate', `/api/v1/patients/${patientId}/harm-assessments`]) {
      const r = await w.alice.post(url, { assessment: assessment({ labs: { creatinineUmolL: 1.4 } }) });
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([
        {
          path: 'body.assessment.labs.creatinineUmolL',
          message: expect.stringMatching(/not plausible in µmol\/L.*mg\/dL/),
        },
      ]);
      expect(r.body.detail).toContain('µmol/L');
    }
  });

  it('accepts creatinine at 20 and eGFR at 200, refuses eGFR 0.9 and 200.1', async () => {
    const ok = await w.alice.post('/api/v1/harm/evaluate', {
      assessment: assessment({ labs: { creatinineUmolL: 20, egfr: 200 } }),
    });
    expect(ok.status).toBe(200);
    for (const egfr of [0.9, 200.1]) {
      const r = await w.alice.post('/api/v1/harm/evaluate', { assessment: assessment({ labs: { egfr } }) });
      expect(r.status).toBe(422);
      expect(r.body.errors[0].path).toBe('body.assessment.labs.egfr');
    }
  });
});

describe('pre-fill from the chart', () => {
  const answers = (items: number[]) => Object.fromEntries(items.map((v, i) => [String(i + 1), v]));

  it('starts a new assessment from the latest PHQ-9 (total and item 9) and SDS, each with its source; audited', async () => {
    const id = (await w.alice.post('/api/v1/patients', { ...SAMPLE_PATIENT, givenName: 'Pre' })).body.id;
    const empty = await w.alice.get(`/api/v1/patients/${id}/harm-assessments/prefill`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ measures: {}, symptoms: [], sources: [] });
    const phq = await w.alice.post(`/api/v1/patients/${id}/responses`, {
      instrument: 'phq-9',
      answers: answers([2, 2, 2, 2, 1, 1, 1, 1, 2, 1]),
      completedAt: '2026-11-20T10:00:00Z',
    });
    expect(phq.status).toBe(201);
    const sdsSaved = await w.alice.post(`/api/v1/patients/${id}/responses`, {
      instrument: 'sds',
      answers: answers([1, 1, 1, 1, 1]),
      completedAt: '2026-11-21T10:00:00Z',
    });
    expect(sdsSaved.status).toBe(201);
    const r = await w.alice.get(`/api/v1/patients/${id}/harm-assessments/prefill`);
    expect(r.body.measures).toEqual({ phq9Total: 14, sdsTotal: 5 });
    expect(r.body.symptoms).toEqual(['suicidal-ideation']);
    expect(r.body.sources).toEqual([
      expect.objectContaining({ field: 'measures.phq9Total', instrumentId: 'phq-9', value: 14 }),
      expect.objectContaining({
        field: 'symptoms.suicidal-ideation',
        completedAt: '2026-11-20T10:00:00.000Z',
        value: 2,
      }),
      expect.objectContaining({ field: 'measures.sdsTotal', instrumentId: 'sds', value: 5 }),
    ]);
    const audit = await server.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE patient_id = $1 AND action = 'harm-assessment.prefill'",
      [id],
    );
    expect(audit.length).toBe(2);
    expect((await w.bob.get(`/api/v1/patients/${id}/harm-assessments/prefill`)).status).toBe(404);
  });
});

describe('care plan after an override', () => {
  it('starts from the confirmed level’s interventions, not the proposed level’s', async () => {
    const id = (await w.alice.post('/api/v1/patients', { ...SAMPLE_PATIENT, givenName: 'Override' })).body.id;
    const saved = await w.alice.post(`/api/v1/patients/${id}/harm-assessments`, {
      assessment: assessment({ use: { ...assessment().use, daysUsedLast28: 20 } }),
    });
    expect(saved.body.evaluation.level).toBe(3);
    const decided = await w.alice.post(`/api/v1/harm-assessments/${saved.body.id}/decision`, {
      confirmedLevel: 2,
      reason: 'Use is falling; brief intervention first',
    });
    expect(decided.status).toBe(201);
    const level2 = ['harm-reduction-advice', 'brief-intervention', 'physical-health-monitoring'];
    expect(decided.body.planInterventions).toEqual(level2);
    const view = await w.alice.get(`/api/v1/harm-assessments/${saved.body.id}`);
    expect(view.body.decision.planInterventions).toEqual(level2);
    const list = await w.alice.get(`/api/v1/patients/${id}/harm-assessments`);
    expect(list.body.assessments[0].decision.planInterventions).toEqual(level2);
    expect(list.body.assessments[0].decision.planInterventions).not.toContain('structured-psychosocial');
  });

  it('keeps the proposal’s interventions when the level is accepted', async () => {
    const id = (await w.alice.post('/api/v1/patients', { ...SAMPLE_PATIENT, givenName: 'Accept' })).body.id;
    const saved = await w.alice.post(`/api/v1/patients/${id}/harm-assessments`, {
      assessment: assessment({ use: { ...assessment().use, daysUsedLast28: 20 } }),
    });
    const decided = await w.alice.post(`/api/v1/harm-assessments/${saved.body.id}/decision`, {
      confirmedLevel: 3,
    });
    expect(decided.body.planInterventions).toEqual(
      saved.body.evaluation.interventions.map((i: { id: string }) => i.id),
    );
  });
});
