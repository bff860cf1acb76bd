// The harm pathway over real HTTP: evaluate, save, decide or override, replay, care plan, worklist, supervision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPackContent } from '../src/domain/harm/index.ts';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let w: World;
let patientId: string;
let supervisor: Client;

const assessment = (over: Record<string, unknown> = {}) => ({
  use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false },
  symptoms: [{ code: 'urinary-frequency' }],
  risks: [],
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
  await w.admin.post('/api/v1/users', {
    email: 'sup@clinic.test',
    displayName: 'Sam Supervisor',
    roles: ['supervisor'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  supervisor = new Client(server.baseUrl);
  await supervisor.login('sup@clinic.test', STAFF_PASSWORD);
});
afterAll(() => server.close());

describe('evaluate without saving', () => {
  it('proposes level 2 for a sentinel urinary symptom, with reasons, sources, inputs and the content version', async () => {
    const r = await w.alice.post('/api/v1/harm/evaluate', { assessment: assessment() });
    expect(r.status).toBe(200);
    expect(r.body.level).toBe(2);
    expect(r.body.contentVersion).toMatch(/^kaspr-harm-default@/);
    const ids = r.body.reasons.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['sentinel-urinary-symptom', 'use-on-4-or-more-days']));
    for (const reason of r.body.reasons) {
      expect(reason.source).toBeTruthy();
      expect(reason.inputs).toBeTypeOf('object');
    }
    expect(r.body.interventions.length).toBeGreaterThan(0);
    expect(r.body.reviewWithinDays).toBeGreaterThan(0);
  });

  it('proposes level 4 for visible haematuria, listing every triggered rule', async () => {
    const r = await w.alice.post('/api/v1/harm/evaluate', {
      assessment: assessment({ symptoms: [{ code: 'visible-haematuria' }, { code: 'dysuria' }] }),
    });
    expect(r.body.level).toBe(4);
    expect(r.body.redFlags).toContain('visible-haematuria');
    expect(r.body.reasons.map((x: { level: number }) => x.level)).toContain(2);
  });

  it('refuses an invalid assessment naming the field', async () => {
    const r = await w.alice.post('/api/v1/harm/evaluate', {
      assessment: assessment({ symptoms: [{ code: 'headache' }] }),
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('body.assessment.symptoms.0.code');
    const days = await w.alice.post('/api/v1/harm/evaluate', {
      assessment: assessment({ use: { daysUsedLast28: 29, routes: [], bingeing: false, escalating: false } }),
    });
    expect(days.status).toBe(422);
  });
});

describe('saved assessments and decisions', () => {
  let first: string;

  it('saves a versioned assessment and shows it on the timeline', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/harm-assessments`, {
      assessment: assessment(),
      context: { goals: 'Cut down before exams' },
    });
    expect(r.status).toBe(201);
    expect(r.body.evaluation.level).toBe(2);
    expect(r.body.comparison).toBeNull();
    first = r.body.id;
    const t = await w.alice.get(`/api/v1/patients/${patientId}/timeline`);
    expect(t.body.events.map((e: { kind: string }) => e.kind)).toContain('harm-assessment');
  });

  it('replays a stored recommendation to the identical answer', async () => {
    const r = await w.alice.post(`/api/v1/harm-assessments/${first}/replay`);
    expect(r.status).toBe(200);
    expect(r.body.identical).toBe(true);
  });

  it('needs a reason to override, and sends overrides to supervision', async () => {
    const noReason = await w.alice.post(`/api/v1/harm-assessments/${first}/decision`, { confirmedLevel: 3 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('override-reason-required');
    const r = await w.alice.post(`/api/v1/harm-assessments/${first}/decision`, {
      confirmedLevel: 3,
      reason: 'Escalating pattern reported by family',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ proposedLevel: 2, confirmedLevel: 3, overridden: true });
    expect(
      (await w.alice.post(`/api/v1/harm-assessments/${first}/decision`, { confirmedLevel: 2 })).status,
    ).toBe(409);
    const queue = await supervisor.get('/api/v1/supervision');
    expect(queue.status).toBe(200);
    expect(queue.body.overrideCount).toBe(1);
    const item = queue.body.items.find((i: { kind: string }) => i.kind === 'override');
    expect(item.summary).toContain('Escalating pattern');
    expect((await w.alice.get('/api/v1/supervision')).status).toBe(403);
    const signed = await supervisor.post('/api/v1/supervision/notes', {
      itemType: 'decision',
      itemId: item.itemId,
      note: 'Agree: reasonable clinical judgement',
      signOff: true,
    });
    expect(signed.status).toBe(201);
    expect(
      (await supervisor.get('/api/v1/supervision')).body.items.filter(
        (i: { kind: string }) => i.kind === 'override',
      ),
    ).toEqual([]);
  });

  it('alerts the key worker when a new sentinel symptom appears or the level rises on re-assessment', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/harm-assessments`, {
      assessment: assessment({ symptoms: [{ code: 'urinary-frequency' }, { code: 'visible-haematuria' }] }),
    });
    expect(r.status).toBe(201);
    expect(r.body.comparison).toMatchObject({
      newSymptoms: ['visible-haematuria'],
      levelChange: 'up',
      previousLevel: 2,
      currentLevel: 4,
    });
    expect(r.body.alertIds.length).toBeGreaterThanOrEqual(2);
    const alerts = await w.alice.get(`/api/v1/patients/${patientId}/alerts`);
    expect(alerts.body.alerts.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['harm-new-symptom', 'harm-level-rose']),
    );
    const accept = await w.alice.post(`/api/v1/harm-assessments/${r.body.id}/decision`, {
      confirmedLevel: 4,
    });
    expect(accept.body.overridden).toBe(false);
    const list = await w.alice.get(`/api/v1/patients/${patientId}/harm-assessments`);
    expect(list.body.assessments).toHaveLength(2);
    expect(list.body.assessments[1].comparison.levelChange).toBe('up');
    const queue = await supervisor.get('/api/v1/supervision');
    expect(queue.body.items.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['level-4', 'level-rose']),
    );
  });

  it('keeps another service out', async () => {
    expect((await w.bob.get(`/api/v1/harm-assessments/${first}`)).status).toBe(404);
    expect(
      (await w.bob.post(`/api/v1/harm-assessments/${first}/decision`, { confirmedLevel: 1, reason: 'x' }))
        .status,
    ).toBe(404);
  });

  it('refuses UPDATE and DELETE of assessments and decisions at the database', async () => {
    await expect(server.ctx.db.query('UPDATE harm_assessments SET proposed_level = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(server.ctx.db.query('DELETE FROM harm_decisions')).rejects.toThrow(/append-only/);
  });
});

describe('care plan and review worklist', () => {
  it('records a care plan as versions and puts the review on the worklist when due', async () => {
    const bad = await w.alice.post(`/api/v1/patients/${patientId}/care-plan`, {
      interventions: [{ interventionId: 'aromatherapy', deliveryMode: 'group-programme' }],
      reviewDue: '2026-01-01',
    });
    expect(bad.status).toBe(422);
    const today = utcDay();
    const r = await w.alice.post(`/api/v1/patients/${patientId}/care-plan`, {
      interventions: [
        {
          interventionId: 'urgent-medical-review',
          deliveryMode: 'one-to-one',
          ownerId: w.aliceId,
          dueDate: today,
        },
        {
          interventionId: 'harm-reduction-advice',
          deliveryMode: 'one-to-one',
          materials: [{ title: 'Bladder and ketamine leaflet' }],
        },
      ],
      goals: ['Stop injecting-free use by the summer'],
      keyWorkerId: w.aliceId,
      reviewDue: today,
    });
    expect(r.status).toBe(201);
    expect(r.body.version).toBe(1);
    const plan = await w.alice.get(`/api/v1/patients/${patientId}/care-plan`);
    expect(plan.body.current.interventions).toHaveLength(2);
    const worklist = await w.alice.get('/api/v1/harm/review-worklist');
    expect(worklist.body.items).toEqual([
      expect.objectContaining({ patientId, reviewDue: today, level: 4, keyWorker: 'Alice North' }),
    ]);
    expect((await w.bob.get('/api/v1/harm/review-worklist')).body.items).toEqual([]);
  });

  it("counts the worklist from the service's today, not UTC's", async () => {
    const now = new Date();
    const zone = zoneOffUtcDay(now);
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const worklist = await w.alice.get('/api/v1/harm/review-worklist');
      expect(worklist.body.today).toBe(dayIn(zone));
      expect(worklist.body.today).not.toBe(utcDay());
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });
});

describe("the review date on the service's calendar", () => {
  it("counts a decision's review from the day of the decision on the service's clock, not UTC's", async () => {
    const now = new Date();
    const zone = zoneOffUtcDay(now);
    const localDay = () => dayIn(zone);
    const plusDays = (day: string, days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const other = (await w.alice.post('/api/v1/patients', { ...SAMPLE_PATIENT, identifiers: [] })).body
        .id as string;
      const saved = await w.alice.post(`/api/v1/patients/${other}/harm-assessments`, {
        assessment: assessment(),
      });
      expect(saved.status).toBe(201);
      const days = saved.body.evaluation.reviewWithinDays as number;
      const before = localDay();
      const r = await w.alice.post(`/api/v1/harm-assessments/${saved.body.id}/decision`, {
        confirmedLevel: saved.body.evaluation.level,
      });
      const after = localDay();
      expect(r.status).toBe(201);
      expect([plusDays(before, days), plusDays(after, days)]).toContain(r.body.reviewDue);
      // UTC's day is another date in this zone, so the earlier rule would give another review date.
      expect(r.body.reviewDue).not.toBe(plusDays(utcDay(), days));
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });
});

describe('content packs', () => {
  it('refuses an invalid pack with a clear error', async () => {
    const broken = {
      ...defaultPackContent,
      version: '9.9.9',
      rules: [{ ...defaultPackContent.rules[0], level: 7 }],
    };
    const r = await w.admin.post('/api/v1/harm/content-packs', broken);
    expect(r.status).toBe(422);
    expect(r.body.errors.length).toBeGreaterThan(0);
    expect(r.body.errors[0].path).toMatch(/^body\.pack\.rules\.0/);
  });

  it('loads a new version; old recommendations still replay with the old one', async () => {
    const stricter = {
      ...defaultPackContent,
      version: '1.1.0',
      rules: defaultPackContent.rules.map((rule) =>
        rule.id === 'use-on-4-or-more-days' ? { ...rule, level: 3 } : rule,
      ),
    };
    expect((await w.alice.post('/api/v1/harm/content-packs', stricter)).status).toBe(403);
    const r = await w.admin.post('/api/v1/harm/content-packs', stricter);
    expect(r.status).toBe(201);
    expect((await w.admin.post('/api/v1/harm/content-packs', stricter)).status).toBe(409);
    const now = await w.alice.post('/api/v1/harm/evaluate', { assessment: assessment({ symptoms: [] }) });
    expect(now.body.contentVersion).toContain('1.1.0');
    expect(now.body.level).toBe(3);
    const old = (await w.alice.get(`/api/v1/patients/${patientId}/harm-assessments`)).body.assessments[0];
    const replay = await w.alice.post(`/api/v1/harm-assessments/${old.id}/replay`);
    expect(replay.body.identical).toBe(true);
    expect(replay.body.replayed.level).toBe(2);
  });
});
