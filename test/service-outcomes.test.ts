// Service outcome measures over real records: known answers on a small hand-built service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureIds } from '../src/domain/outcomes/index.ts';
import {
  addStaff,
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let manager: Client;
let carol: Client;
let carolId: string;
let p1: string;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

const assess = (days: number, symptoms: string[], measures?: Record<string, number>) => ({
  assessment: {
    use: { daysUsedLast28: days, routes: ['nasal'], bingeing: false, escalating: false },
    symptoms: symptoms.map((code) => ({ code })),
    risks: [],
    ...(measures ? { measures } : {}),
  },
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  manager = (await addStaff(w, 'mgr@clinic.test', 'Mo Manager', ['supervisor'], [w.serviceA])).client;
  // Patient 1: level 2 proposed, accepted; one attended appointment.
  p1 = (
    await w.alice.post('/api/v1/patients', {
      givenName: 'One',
      familyName: 'First',
      birthDate: '1990-01-01',
      sex: 'female',
    })
  ).body.id;
  const a1 = await w.alice.post(
    `/api/v1/patients/${p1}/harm-assessments`,
    assess(6, ['urinary-frequency'], {
      topPsychologicalHealth: 9,
      topPhysicalHealth: 12,
      topQualityOfLife: 11,
    }),
  );
  await w.alice.post(`/api/v1/harm-assessments/${a1.body.id}/decision`, { confirmedLevel: 2 });
  const ap1 = await w.alice.post(`/api/v1/patients/${p1}/appointments`, {
    startsAt: yesterday,
    durationMinutes: 30,
    contactType: 'phone',
  });
  await w.alice.post(`/api/v1/appointments/${ap1.body.id}/status`, { status: 'attended' });
  // Patient 2: level 2 proposed, overridden to 3; one missed appointment.
  const p2 = (
    await w.alice.post('/api/v1/patients', {
      givenName: 'Two',
      familyName: 'Second',
      birthDate: '1991-01-01',
    })
  ).body.id;
  const a2 = await w.alice.post(`/api/v1/patients/${p2}/harm-assessments`, assess(10, []));
  await w.alice.post(`/api/v1/harm-assessments/${a2.body.id}/decision`, {
    confirmedLevel: 3,
    reason: 'Escalating pattern',
  });
  const ap2 = await w.alice.post(`/api/v1/patients/${p2}/appointments`, {
    startsAt: yesterday,
    durationMinutes: 30,
    contactType: 'video',
  });
  await w.alice.post(`/api/v1/appointments/${ap2.body.id}/status`, { status: 'did-not-attend' });
  // Carol, a second practitioner in the same team, assesses a third patient at level 1.
  ({ client: carol, id: carolId } = await addStaff(
    w,
    'carol@clinic.test',
    'Carol North',
    ['practitioner'],
    [w.serviceA],
  ));
  const p3 = (
    await carol.post('/api/v1/patients', { givenName: 'Three', familyName: 'Third', birthDate: '1993-01-01' })
  ).body.id;
  const a3 = await carol.post(`/api/v1/patients/${p3}/harm-assessments`, assess(0, []));
  await carol.post(`/api/v1/harm-assessments/${a3.body.id}/decision`, {
    confirmedLevel: a3.body.evaluation.level,
  });
  // A patient in another service never counts.
  await w.bob.post('/api/v1/patients', {
    givenName: 'Other',
    familyName: 'Service',
    birthDate: '1992-01-01',
  });
});
afterAll(() => server.close());

const find = (measures: { id: string }[], id: string) =>
  measures.find((m) => m.id === id) as { id: string; definition: { definition: string }; value: any };

describe('GET /reports/service-outcomes', () => {
  it('is for managers and supervisors, not every clinician', async () => {
    expect((await w.alice.get(`/api/v1/reports/service-outcomes?from=${today}&to=${today}`)).status).toBe(
      403,
    );
  });

  it('reports each measure beside its definition, with known answers', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    // Alice's caseload: the two people she assessed (Carol's patient is filtered out).
    const r = await manager.get(
      `/api/v1/reports/service-outcomes?from=${from}&to=${today}&practitioner=${w.aliceId}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.episodes).toBe(2);
    for (const m of r.body.measures) expect(m.definition.definition.length).toBeGreaterThan(20);
    // 1 override out of 2 decisions.
    expect(find(r.body.measures, 'override-rate').value.overall).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    // 1 attended of 2 booked; 1 did-not-attend of 2 that went ahead or were missed.
    expect(find(r.body.measures, 'attended-of-booked').value).toMatchObject({ numerator: 1, denominator: 2 });
    expect(find(r.body.measures, 'did-not-attend-rate').value).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    // The only sentinel symptom was found at the first assessment.
    expect(find(r.body.measures, 'sentinel-at-first-assessment').value).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });

  it('refuses a service the manager does not work in, and a reversed period', async () => {
    expect(
      (await manager.get(`/api/v1/reports/service-outcomes?from=${today}&to=${today}&service=${w.serviceB}`))
        .status,
    ).toBe(404);
    expect((await manager.get(`/api/v1/reports/service-outcomes?from=${today}&to=2020-01-01`)).status).toBe(
      422,
    );
  });

  it('covers every defined measure, and the whole team without a practitioner filter', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const r = await manager.get(
      `/api/v1/reports/service-outcomes?from=${from}&to=${today}&service=${w.serviceA}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.measures.map((m: { id: string }) => m.id)).toEqual([...measureIds]);
    expect(r.body.episodes).toBe(3);
    expect(find(r.body.measures, 'override-rate').value.overall).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    // Every one of the three was assessed; harm was identified for two (a sentinel symptom or level ≥ 2).
    expect(r.body.series.funnel).toMatchObject({ inContact: 3, assessed: 3, carePlanned: 0 });
    const month = r.body.series.months.find((m: { month: string }) => m.month === today.slice(0, 7));
    expect(month).toMatchObject({ assessments: 3, overrides: 1 });
    expect(r.body.names.practitioners.map((p: { displayName: string }) => p.displayName)).toEqual(
      expect.arrayContaining(['Alice North', 'Carol North']),
    );
    const carolsOwn = await manager.get(
      `/api/v1/reports/service-outcomes?from=${from}&to=${today}&practitioner=${carolId}`,
    );
    expect(carolsOwn.body.episodes).toBe(1);
  });

  it('offers only clinical staff to filter by, while still naming every member of the team', async () => {
    const nonClinical = [
      ['adam.admin@clinic.test', 'Adam Admin', ['admin']],
      ['cid.officer@clinic.test', 'Cid Officer', ['cd-officer']],
      ['aud.itor@clinic.test', 'Aud Itor', ['auditor']],
    ] as const;
    for (const [email, displayName, roles] of nonClinical) {
      const r = await w.admin.post('/api/v1/users', {
        email,
        displayName,
        roles,
        serviceIds: [w.serviceA],
        password: STAFF_PASSWORD,
      });
      expect(r.status).toBe(201);
    }
    const nurse = await w.admin.post('/api/v1/users', {
      email: 'nina.nurse@clinic.test',
      displayName: 'Nina Nurse',
      roles: ['nurse', 'cd-officer'],
      serviceIds: [w.serviceA],
      password: STAFF_PASSWORD,
    });
    expect(nurse.status).toBe(201);
    const q = `from=${today}&to=${today}&service=${w.serviceA}`;
    for (const path of ['/api/v1/reports/service-outcomes', '/api/v1/reports/service-outcomes/series']) {
      const r = await manager.get(`${path}?${q}`);
      expect(r.status).toBe(200);
      const names = (list: { displayName: string }[]) => list.map((p) => p.displayName);
      expect(names(r.body.names.clinicians)).toEqual(
        expect.arrayContaining(['Alice North', 'Carol North', 'Mo Manager', 'Nina Nurse']),
      );
      for (const [, displayName] of nonClinical) {
        expect(names(r.body.names.clinicians)).not.toContain(displayName);
        // The names a report shows still cover the whole team.
        expect(names(r.body.names.practitioners)).toContain(displayName);
      }
      expect(names(r.body.names.clinicians)).not.toContain('Bob South');
    }
  });

  it('serves the SQL aggregates alone, quickly, with the same figures as the full report', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const q = `from=${from}&to=${today}&service=${w.serviceA}`;
    const [full, fast] = await Promise.all([
      manager.get(`/api/v1/reports/service-outcomes?${q}`),
      manager.get(`/api/v1/reports/service-outcomes/series?${q}`),
    ]);
    expect(fast.status).toBe(200);
    expect(fast.body.series).toEqual(full.body.series);
    expect(fast.body.funnel.value).toEqual(full.body.series.funnel);
    expect(fast.body.funnel.definition.title).toMatch(/funnel/);
    expect(fast.body.names).toEqual(full.body.names);
    expect((await w.alice.get(`/api/v1/reports/service-outcomes/series?${q}`)).status).toBe(403);
  });

  it('refuses a practitioner who does not work in the services reported on', async () => {
    const r = await manager.get(
      `/api/v1/reports/service-outcomes?from=${today}&to=${today}&practitioner=${w.bobId}`,
    );
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('querystring.practitioner');
  });
});

describe('GET /reports/pilot-comparison', () => {
  it('compares two periods with counts, intervals and the small-number caveats shown', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const r = await manager.get(
      `/api/v1/reports/pilot-comparison?firstFrom=2025-01-01&firstTo=2025-03-31&firstLabel=Before` +
        `&secondFrom=${from}&secondTo=${today}&secondLabel=After`,
    );
    expect(r.status).toBe(200);
    const override = r.body.rows.find((row: { id: string }) => row.id === 'override-rate');
    expect(override.kind).toBe('share');
    expect(override.comparison.first).toMatchObject({ label: 'Before', count: 0, total: 0, share: null });
    expect(override.comparison.second).toMatchObject({ label: 'After', count: 1, total: 3 });
    expect(override.comparison.second.interval.ok).toBe(true);
    expect(override.comparison.caveats.map((c: { code: string }) => c.code)).toContain('group-under-30');
    expect(override.definition.definition.length).toBeGreaterThan(20);
  });

  it('compares two teams, refusing a team the manager does not work in', async () => {
    const bad = await manager.get(
      `/api/v1/reports/pilot-comparison?firstFrom=${today}&firstTo=${today}&firstService=${w.serviceA}` +
        `&secondFrom=${today}&secondTo=${today}&secondService=${w.serviceB}`,
    );
    expect(bad.status).toBe(404);
    const reversed = await manager.get(
      `/api/v1/reports/pilot-comparison?firstFrom=${today}&firstTo=${today}&secondFrom=${today}&secondTo=2020-01-01`,
    );
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors[0].path).toBe('querystring.secondTo');
  });
});

describe('GET /reports/top-export.csv', () => {
  it('gives one TOP-compatible row per confirmed assessment: ketamine as the other substance, 28-day use, health ratings', async () => {
    const r = await manager.get(
      `/api/v1/reports/top-export.csv?from=${today}&to=${today}&service=${w.serviceA}`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Client ID","Date of birth","Gender","Keyworker","Interview date","Treatment stage",' +
        '"Other problem substance (named)","Other problem substance: days used in past 28 (0-28)",' +
        '"Psychological health rating (0-20)","Physical health rating (0-20)","Overall quality of life rating (0-20)"',
    );
    expect(lines).toHaveLength(4);
    const first = lines.find((l) => l.startsWith(`"${p1}"`));
    expect(first).toBe(`"${p1}","1990-01-01","female",,"${today}","Start","Ketamine",6,9,12,11`);
    expect(r.text).not.toContain('First');
  });
});
