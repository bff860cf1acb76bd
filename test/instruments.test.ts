// Questionnaires over real HTTP: scoring, saving, safety alerts and tasks, baseline response, self-report links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let patientId: string;

const phq9 = (items: number[]) => Object.fromEntries(items.map((v, i) => [String(i + 1), v]));

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
});
afterAll(() => server.close());

describe('definitions', () => {
  it('lists the nine shipped instruments', async () => {
    const r = await w.alice.get('/api/v1/instruments');
    expect(r.status).toBe(200);
    expect(r.body.instruments.map((i: { id: string }) => i.id)).toEqual([
      'phq-9',
      'gad-7',
      'pcl-5',
      'sds',
      'qids-sr16',
      'madrs',
      'cadss',
      'cssrs-screener',
      'ketamine-urinary-checklist',
    ]);
  });

  it('ships item text only where the licence allows', async () => {
    const phq = (await w.alice.get('/api/v1/instruments/phq-9')).body;
    expect(phq.items[0].text).toMatch(/interest or pleasure/i);
    expect(phq.citation).toBeTruthy();
    expect(phq.loinc.total).toBe('44261-6');
    const madrs = (await w.alice.get('/api/v1/instruments/madrs')).body;
    expect(madrs.items.every((i: { text?: string }) => i.text === undefined)).toBe(true);
  });

  it('answers 404 for an unknown instrument', async () => {
    expect((await w.alice.get('/api/v1/instruments/beck-99')).status).toBe(404);
  });
});

describe('scoring without saving', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5],
    [[2, 2, 2, 2, 2, 0, 0, 0, 0], 10],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27],
  ])('scores PHQ-9 %j as %i with its band', async (items, total) => {
    const r = await w.alice.post('/api/v1/instruments/phq-9/score', { answers: phq9(items) });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(total);
    expect(r.body.completeness).toBe('complete');
    expect(r.body.band.label).toBeTruthy();
  });

  it('reports three missing PHQ-9 items as incomplete, never a low total', async () => {
    const r = await w.alice.post('/api/v1/instruments/phq-9/score', {
      answers: phq9([3, 3, 3, 3, 3, 3]),
    });
    expect(r.body).toMatchObject({
      total: null,
      band: null,
      completeness: 'incomplete',
      missingItems: ['7', '8', '9'],
    });
  });

  it('prorates one missing PHQ-9 item (NHS rule), marks it prorated, and still asks for a skipped item 9', async () => {
    const r = await w.alice.post('/api/v1/instruments/phq-9/score', {
      answers: phq9([3, 3, 3, 3, 3, 3, 3, 3]),
    });
    expect(r.body).toMatchObject({
      total: 27,
      band: { code: 'severe' },
      completeness: 'complete',
      missingItems: ['9'],
      prorated: { missingItems: ['9'], exactTotal: 27 },
      flags: [expect.objectContaining({ code: 'phq9-item9-unanswered' })],
    });
  });

  it('refuses an out-of-range or unknown item with 422 naming the item', async () => {
    const out = await w.alice.post('/api/v1/instruments/phq-9/score', {
      answers: { ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]), '3': 4 },
    });
    expect(out.status).toBe(422);
    expect(out.body.errors).toEqual([{ path: 'body.answers.3', message: expect.any(String) }]);
    const unknown = await w.alice.post('/api/v1/instruments/gad-7/score', { answers: { '8': 1 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('body.answers.8');
  });

  it('writes nothing when scoring', async () => {
    const [row] = await server.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM questionnaire_responses',
    );
    expect(row?.n).toBe(0);
  });
});

describe('saving a response', () => {
  it('saves, scores and puts it on the timeline', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'phq-9',
      answers: phq9([3, 3, 2, 2, 2, 2, 2, 2, 0]),
      completedAt: '2026-10-01T10:00:00Z',
    });
    expect(r.status).toBe(201);
    expect(r.body.result.total).toBe(18);
    expect(r.body.alertIds).toEqual([]);
    const t = await w.alice.get(`/api/v1/patients/${patientId}/timeline`);
    expect(t.body.events.map((e: { kind: string }) => e.kind)).toContain('questionnaire');
  });

  it('raises an alert and a task for the responsible clinician when PHQ-9 item 9 is above 0, audited', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'phq-9',
      answers: phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]),
      completedAt: '2026-10-15T10:00:00Z',
    });
    expect(r.status).toBe(201);
    expect(r.body.alertIds).toHaveLength(1);
    const alerts = await w.alice.get(`/api/v1/patients/${patientId}/alerts`);
    expect(alerts.body.alerts[0]).toMatchObject({
      code: 'phq9-item9-positive',
      severity: 'urgent',
      acknowledged: null,
    });
    const tasks = await w.alice.get('/api/v1/tasks');
    expect(tasks.body.tasks).toHaveLength(1);
    expect(tasks.body.tasks[0]).toMatchObject({
      patientId,
      priority: 'urgent',
      assignedTo: { id: w.aliceId },
      completed: null,
    });
    const audit = await server.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action = 'alert.raise' AND patient_id = $1",
      [patientId],
    );
    expect(audit).toHaveLength(1);

    // Another service's clinician can neither see nor act on them.
    expect((await w.bob.get(`/api/v1/patients/${patientId}/alerts`)).status).toBe(404);
    expect((await w.bob.post(`/api/v1/alerts/${alerts.body.alerts[0].id}/acknowledge`, {})).status).toBe(404);
    expect((await w.bob.post(`/api/v1/tasks/${tasks.body.tasks[0].id}/complete`, {})).status).toBe(404);
    expect((await w.bob.get('/api/v1/tasks')).body.tasks).toEqual([]);

    expect(
      (
        await w.alice.post(`/api/v1/alerts/${alerts.body.alerts[0].id}/acknowledge`, {
          note: 'Seen same day; safety plan made',
        })
      ).status,
    ).toBe(201);
    expect(
      (await w.alice.post(`/api/v1/tasks/${tasks.body.tasks[0].id}/complete`, { note: 'Reviewed' })).status,
    ).toBe(201);
    expect((await w.alice.post(`/api/v1/tasks/${tasks.body.tasks[0].id}/complete`, {})).status).toBe(409);
  });

  it('raises an alert for C-SSRS moderate triage', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'cssrs-screener',
      answers: { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 0 },
    });
    expect(r.status).toBe(201);
    expect(r.body.result.total).toBeNull();
    expect(r.body.result.triage).toBe('moderate');
    expect(r.body.alertIds).toHaveLength(1);
  });

  it('catches a sentinel urinary symptom on the checklist (surveillance at any visit) with an alert and a task', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'ketamine-urinary-checklist',
      answers: { '1': 1, '2': 0, '3': 1, '4': 0, '5': 0, '6': 0, '7': 0 },
    });
    expect(r.status).toBe(201);
    expect(r.body.result.sentinelSymptoms).toEqual(['urinary-frequency', 'dysuria']);
    expect(r.body.alertIds).toHaveLength(1);
    const alerts = (await w.alice.get(`/api/v1/patients/${patientId}/alerts`)).body.alerts;
    expect(alerts.some((a: { code: string }) => a.code === 'sentinel-symptom-reported')).toBe(true);
  });

  it('computes response and remission against the first complete response', async () => {
    await w.alice.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'phq-9',
      answers: phq9([1, 1, 1, 1, 0, 0, 0, 0, 0]),
      completedAt: '2026-11-01T10:00:00Z',
    });
    const r = await w.alice.get(`/api/v1/patients/${patientId}/responses?instrument=phq-9`);
    const list = r.body.responses;
    expect(list.map((x: { result: { total: number } }) => x.result.total)).toEqual([18, 9, 4]);
    expect(list[0].isBaseline).toBe(true);
    expect(list[1].againstBaseline).toMatchObject({
      baselineTotal: 18,
      response: true,
      remission: false,
      changeFraction: 0.5,
    });
    expect(list[2].againstBaseline).toMatchObject({ response: true, remission: true });
  });

  it('refuses a response for a patient in another service', async () => {
    const r = await w.bob.post(`/api/v1/patients/${patientId}/responses`, {
      instrument: 'gad-7',
      answers: {},
    });
    expect(r.status).toBe(404);
  });
});

describe('self-report link', () => {
  it('lets the patient answer once without an account; the answers land on the chart', async () => {
    const link = await w.alice.post(`/api/v1/patients/${patientId}/self-report-links`, {
      instruments: ['gad-7'],
      expiresInMinutes: 60,
    });
    expect(link.status).toBe(201);
    const patient = new Client(server.baseUrl);
    const form = await patient.get(`/api/v1${link.body.path}`);
    expect(form.status).toBe(200);
    expect(form.body.instruments[0].id).toBe('gad-7');
    expect(form.text).not.toContain('Patientson');
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [String(i + 1), 2]));
    const submit = await patient.post(`/api/v1${link.body.path}`, {
      responses: [{ instrument: 'gad-7', answers }],
    });
    expect(submit.status).toBe(201);
    const again = await patient.post(`/api/v1${link.body.path}`, {
      responses: [{ instrument: 'gad-7', answers }],
    });
    expect(again.status).toBe(404);
    expect((await patient.get(`/api/v1${link.body.path}`)).status).toBe(404);
    const saved = await w.alice.get(`/api/v1/patients/${patientId}/responses?instrument=gad-7`);
    expect(saved.body.responses).toHaveLength(1);
    expect(saved.body.responses[0]).toMatchObject({ source: 'self-report', result: { total: 14 } });
  });

  it('expires unused', async () => {
    const link = await w.alice.post(`/api/v1/patients/${patientId}/self-report-links`, {
      instruments: ['phq-9'],
      expiresInMinutes: 5,
    });
    server.ctx.now = () => new Date(Date.now() + 6 * 60_000);
    try {
      expect((await new Client(server.baseUrl).get(`/api/v1${link.body.path}`)).status).toBe(404);
    } finally {
      server.ctx.now = () => new Date();
    }
  });

  it('refuses instruments whose text is not shipped', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/self-report-links`, {
      instruments: ['madrs'],
    });
    expect(r.status).toBe(422);
  });
});

describe('suicide-item safety flags on QIDS-SR16 and MADRS', () => {
  const itemAt = (count: number, item: number, value: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i + 1), i + 1 === item ? value : 0]));

  it.each([
    ['qids-sr16', itemAt(16, 12, 3), 'qids-item12-urgent', 'urgent', 'urgent'],
    ['qids-sr16', itemAt(16, 12, 1), 'qids-item12-positive', 'warning', 'high'],
    ['madrs', itemAt(10, 10, 4), 'madrs-item10-positive', 'urgent', 'urgent'],
  ])(
    'saving %s with the suicide item at its cut-off raises an alert on the chart and a task, audited',
    async (instrument, answers, code, severity, priority) => {
      const p = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id as string;
      const r = await w.alice.post(`/api/v1/patients/${p}/responses`, { instrument, answers });
      expect(r.status).toBe(201);
      expect(r.body.alertIds).toHaveLength(1);
      expect(r.body.taskIds).toHaveLength(1);
      const alerts = (await w.alice.get(`/api/v1/patients/${p}/alerts`)).body.alerts;
      expect(alerts).toEqual([expect.objectContaining({ code, severity, acknowledged: null })]);
      const tasks = (await w.alice.get('/api/v1/tasks')).body.tasks.filter(
        (t: { patientId: string }) => t.patientId === p,
      );
      expect(tasks).toEqual([
        expect.objectContaining({ priority, assignedTo: expect.objectContaining({ id: w.aliceId }) }),
      ]);
      const audit = await server.ctx.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE action = 'alert.raise' AND patient_id = $1",
        [p],
      );
      expect(audit).toHaveLength(1);
    },
  );

  it('raises nothing below the cut-offs (QIDS item 12 = 0, MADRS item 10 = 3)', async () => {
    const p = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id as string;
    for (const [instrument, answers] of [
      ['qids-sr16', itemAt(16, 12, 0)],
      ['madrs', itemAt(10, 10, 3)],
    ] as const) {
      const r = await w.alice.post(`/api/v1/patients/${p}/responses`, { instrument, answers });
      expect(r.status).toBe(201);
      expect(r.body.alertIds).toEqual([]);
    }
  });
});

describe('QIDS-SR16 answered as printed', () => {
  it('scores a form with item 7 and item 9 left blank (either 6 or 7; either 8 or 9) as complete', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 16 }, (_, i) => [String(i + 1), 1]).filter(([k]) => k !== '7' && k !== '9'),
    );
    const r = await w.alice.post('/api/v1/instruments/qids-sr16/score', { answers });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ completeness: 'complete', total: 9, missingItems: [] });
    const neither = { ...answers };
    delete neither['6'];
    const incomplete = await w.alice.post('/api/v1/instruments/qids-sr16/score', { answers: neither });
    expect(incomplete.body).toMatchObject({
      completeness: 'incomplete',
      total: null,
      missingItems: ['6', '7'],
    });
  });
});

describe('PHQ-9 with item 9 skipped', () => {
  it('saves a prorated total and raises an "ask directly" alert and a task, audited', async () => {
    const p = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id as string;
    const r = await w.alice.post(`/api/v1/patients/${p}/responses`, {
      instrument: 'phq-9',
      answers: { ...phq9([2, 2, 2, 2, 2, 2, 2, 2]), '9': null },
    });
    expect(r.status).toBe(201);
    expect(r.body.result).toMatchObject({ total: 18, prorated: { missingItems: ['9'] } });
    expect(r.body.alertIds).toHaveLength(1);
    expect(r.body.taskIds).toHaveLength(1);
    const alerts = (await w.alice.get(`/api/v1/patients/${p}/alerts`)).body.alerts;
    expect(alerts).toEqual([
      expect.objectContaining({ code: 'phq9-item9-unanswered', text: expect.stringMatching(/ask directly/) }),
    ]);
    const tasks = (await w.alice.get('/api/v1/tasks')).body.tasks.filter(
      (t: { patientId: string }) => t.patientId === p,
    );
    expect(tasks).toEqual([expect.objectContaining({ priority: 'high' })]);
    const list = (await w.alice.get(`/api/v1/patients/${p}/responses?instrument=phq-9`)).body.responses;
    expect(list[0]).toMatchObject({ isBaseline: true, result: { total: 18 } });
  });

  it('compares a prorated follow-up with the baseline (response uses the prorated total)', async () => {
    const p = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id as string;
    await w.alice.post(`/api/v1/patients/${p}/responses`, {
      instrument: 'phq-9',
      answers: phq9([2, 2, 2, 2, 2, 2, 2, 2, 2]),
      completedAt: '2026-10-01T10:00:00Z',
    });
    // Items 8 and 9 blank: 7 answered, sum 7 → exact 9 → total 9, a 50 % drop from 18.
    await w.alice.post(`/api/v1/patients/${p}/responses`, {
      instrument: 'phq-9',
      answers: phq9([1, 1, 1, 1, 1, 1, 1]),
      completedAt: '2026-11-01T10:00:00Z',
    });
    const list = (await w.alice.get(`/api/v1/patients/${p}/responses?instrument=phq-9`)).body.responses;
    expect(list[1]).toMatchObject({
      result: { total: 9, prorated: { missingItems: ['8', '9'] } },
      againstBaseline: { baselineTotal: 18, response: true },
    });
  });
});
