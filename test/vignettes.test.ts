// Calibration vignettes over real HTTP: a supervisor writes cases, practitioners rate them independently, and
// the report gives team agreement (Fleiss), each practitioner against reference and engine (Cohen), and splits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let supervisor: Client;
const raters: { client: Client; id: string; name: string }[] = [];
const vignetteIds: string[] = [];

const assessment = (over: Record<string, unknown> = {}) => ({
  use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false },
  symptoms: [{ code: 'urinary-frequency' }],
  risks: [],
  ...over,
});

async function staff(email: string, displayName: string, roles: string[], serviceId: string) {
  const r = await w.admin.post('/api/v1/users', {
    email,
    displayName,
    roles,
    serviceIds: [serviceId],
    password: STAFF_PASSWORD,
  });
  expect(r.status).toBe(201);
  const client = new Client(server.baseUrl);
  expect((await client.login(email, STAFF_PASSWORD)).status).toBe(200);
  return { client, id: r.body.user.id as string, name: displayName };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  supervisor = (await staff('sup@clinic.test', 'Sam Supervisor', ['supervisor'], w.serviceA)).client;
  for (const [i, name] of ['Pat One', 'Pat Two', 'Pat Three'].entries())
    raters.push(await staff(`p${i + 1}@clinic.test`, name, ['practitioner'], w.serviceA));
});
afterAll(() => server.close());

// Three vignettes. The engine proposes 2, 4 and 1; the supervisor's reference levels are 2, 4 and 2.
const VIGNETTES = [
  {
    title: 'Student, frequent use, urinary frequency',
    assessment: assessment(),
    referenceLevel: 2,
    engine: 2,
  },
  {
    title: 'Daily use with visible haematuria',
    assessment: assessment({ symptoms: [{ code: 'visible-haematuria' }] }),
    referenceLevel: 4,
    engine: 4,
  },
  {
    title: 'Occasional use, worried family',
    assessment: assessment({
      use: { daysUsedLast28: 1, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [],
    }),
    referenceLevel: 2,
    engine: 1,
  },
];
// Ratings by Pat One, Pat Two, Pat Three: all agree on vignettes 1 and 2; all differ on vignette 3.
const RATINGS = [
  [2, 2, 2],
  [4, 4, 4],
  [1, 2, 3],
];

describe('writing vignettes', () => {
  it('refuses a practitioner (403) and an invalid assessment (422 naming body.assessment.…)', async () => {
    const body = {
      title: 'x',
      narrative: 'An anonymised case.',
      assessment: assessment(),
      referenceLevel: 2,
    };
    expect((await raters[0]!.client.post('/api/v1/calibration/vignettes', body)).status).toBe(403);
    const bad = await supervisor.post('/api/v1/calibration/vignettes', {
      ...body,
      assessment: assessment({ symptoms: [{ code: 'headache' }] }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('body.assessment.symptoms.0.code');
    const level = await supervisor.post('/api/v1/calibration/vignettes', { ...body, referenceLevel: 5 });
    expect(level.status).toBe(422);
  });

  it('stores the rules engine level, from the pack in force, beside the reference level', async () => {
    for (const v of VIGNETTES) {
      const r = await supervisor.post('/api/v1/calibration/vignettes', {
        title: v.title,
        narrative: 'A person in their twenties describes their use. (Anonymised teaching case.)',
        assessment: v.assessment,
        referenceLevel: v.referenceLevel,
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ referenceLevel: v.referenceLevel, engineLevel: v.engine });
      expect(r.body.contentVersion).toMatch(/^kaspr-harm-default@/);
      vignetteIds.push(r.body.id);
    }
  });
});

describe('independent ratings', () => {
  it('shows practitioners the cases without the reference level, the engine level or anyone else’s rating', async () => {
    for (const [v, levels] of RATINGS.entries())
      for (const [p, level] of levels.entries()) {
        const r = await raters[p]!.client.post(`/api/v1/calibration/vignettes/${vignetteIds[v]}/ratings`, {
          level,
          ...(p === 0 ? { rationale: 'Pattern of use and symptoms' } : {}),
        });
        expect(r.status).toBe(201);
      }
    const list = await raters[1]!.client.get('/api/v1/calibration/vignettes');
    expect(list.status).toBe(200);
    expect(list.body.vignettes.map((v: { id: string }) => v.id)).toEqual(vignetteIds);
    const text = JSON.stringify(list.body);
    for (const hidden of [
      'referenceLevel',
      'engineLevel',
      'ratings',
      'Pat One',
      'rationale":"Pattern',
      'createdBy',
      'Sam Supervisor',
    ])
      expect(text).not.toContain(hidden);
    expect(list.body.vignettes.map((v: { myRating: { level: number } }) => v.myRating.level)).toEqual([
      2, 4, 2,
    ]);
    const alice = await w.alice.get('/api/v1/calibration/vignettes');
    expect(alice.body.vignettes.every((v: { myRating: unknown }) => v.myRating === null)).toBe(true);
  });

  it('takes one rating per practitioner (409), hides other services’ vignettes (404), and the author does not rate', async () => {
    const again = await raters[0]!.client.post(`/api/v1/calibration/vignettes/${vignetteIds[0]}/ratings`, {
      level: 3,
    });
    expect(again.status).toBe(409);
    expect(
      (await w.bob.post(`/api/v1/calibration/vignettes/${vignetteIds[0]}/ratings`, { level: 2 })).status,
    ).toBe(404);
    expect((await w.bob.get('/api/v1/calibration/vignettes')).body.vignettes).toEqual([]);
    expect(
      (await supervisor.post(`/api/v1/calibration/vignettes/${vignetteIds[0]}/ratings`, { level: 2 })).status,
    ).toBe(409);
    expect(
      (
        await raters[0]!.client.post(
          '/api/v1/calibration/vignettes/00000000-0000-4000-8000-000000000000/ratings',
          {
            level: 2,
          },
        )
      ).status,
    ).toBe(404);
  });

  it('tells the author which vignettes they wrote, so the page offers them no rating form', async () => {
    const own = await supervisor.get('/api/v1/calibration/vignettes');
    expect(own.status).toBe(200);
    expect(own.body.vignettes.map((v: { writtenByMe: boolean }) => v.writtenByMe)).toEqual([
      true,
      true,
      true,
    ]);
    expect(own.body.vignettes.every((v: { myRating: unknown }) => v.myRating === null)).toBe(true);
    const rater = await raters[0]!.client.get('/api/v1/calibration/vignettes');
    expect(rater.body.vignettes.map((v: { writtenByMe: boolean }) => v.writtenByMe)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('keeps vignettes and ratings append-only', async () => {
    await expect(server.ctx.db.query('UPDATE calibration_ratings SET level = 1')).rejects.toThrow();
    await expect(server.ctx.db.query('DELETE FROM calibration_vignettes')).rejects.toThrow();
  });
});

describe('the calibration report', () => {
  it('is for supervisors only', async () => {
    expect((await raters[0]!.client.get('/api/v1/calibration/report')).status).toBe(403);
  });

  it('gives Fleiss kappa for the team, computed by hand', async () => {
    // Counts per vignette at levels 1..4 (3 raters each):
    //   V1 [0,3,0,0]  V2 [0,0,0,3]  V3 [1,1,1,0]
    // P_i = Σ n_ij(n_ij − 1) / (n(n − 1)), n = 3 so n(n − 1) = 6:
    //   P_1 = 3·2/6 = 1,  P_2 = 3·2/6 = 1,  P_3 = 0/6 = 0
    // P̄ = (1 + 1 + 0)/3 = 2/3
    // p_j = column total / (N·n) = column total / 9:
    //   p_1 = 1/9, p_2 = 4/9, p_3 = 1/9, p_4 = 3/9
    // P̄e = Σ p_j² = (1 + 16 + 1 + 9)/81 = 27/81 = 1/3
    // κ = (P̄ − P̄e)/(1 − P̄e) = (2/3 − 1/3)/(2/3) = 0.5
    const r = await supervisor.get('/api/v1/calibration/report');
    expect(r.status).toBe(200);
    expect(r.body.fleiss.ok).toBe(true);
    const f = r.body.fleiss.value;
    expect(f.kappa).toBeCloseTo(0.5, 10);
    expect(f.meanAgreement).toBeCloseTo(2 / 3, 10);
    expect(f.chanceAgreement).toBeCloseTo(1 / 3, 10);
    expect(f.categoryShares.map((p: number) => p * 9)).toEqual(
      [1, 4, 1, 3].map((n) => expect.closeTo(n, 10)),
    );
    expect(f).toMatchObject({ subjects: 3, raters: 3 });
    expect(r.body.definitions.map((d: { id: string }) => d.id)).toEqual([
      'calibration-fleiss-kappa',
      'calibration-cohen-kappa',
      'calibration-split-vignettes',
    ]);
  });

  it('flags the vignette everyone rated differently as splitting the team, least agreement first', async () => {
    const r = await supervisor.get('/api/v1/calibration/report');
    const [first, ...rest] = r.body.vignettes;
    expect(first).toMatchObject({
      id: vignetteIds[2],
      title: VIGNETTES[2]!.title,
      referenceLevel: 2,
      engineLevel: 1,
      counts: { 1: 1, 2: 1, 3: 1, 4: 0 },
      agreement: 0,
      splitsTeam: true,
    });
    expect(rest.map((v: { agreement: number; splitsTeam: boolean }) => [v.agreement, v.splitsTeam])).toEqual([
      [1, false],
      [1, false],
    ]);
  });

  it('gives each practitioner Cohen kappa against the reference and against the engine, computed by hand', async () => {
    // Reference 2,4,2; engine 2,4,1. Pat One 2,4,1; Pat Two 2,4,2; Pat Three 2,4,3. κ = (p_o − p_e)/(1 − p_e).
    // vs reference:
    //   Pat One:   p_o = 2/3; own shares 1:1/3 2:1/3 4:1/3, reference 2:2/3 4:1/3;
    //              p_e = (1/3)(2/3) + (1/3)(1/3) = 1/3; κ = (1/3)/(2/3) = 0.5
    //   Pat Two:   p_o = 1; p_e = (2/3)² + (1/3)² = 5/9; κ = (4/9)/(4/9) = 1
    //   Pat Three: p_o = 2/3; own 2:1/3 3:1/3 4:1/3; p_e = (1/3)(2/3) + (1/3)(1/3) = 1/3; κ = 0.5
    // vs engine:
    //   Pat One:   identical to the engine, κ = 1
    //   Pat Two:   p_o = 2/3; own 2:2/3 4:1/3, engine 1:1/3 2:1/3 4:1/3; p_e = 2/9 + 1/9 = 1/3; κ = 0.5
    //   Pat Three: p_o = 2/3; p_e = (1/3)(1/3) + (1/3)(1/3) = 2/9; κ = (4/9)/(7/9) = 4/7
    const r = await supervisor.get('/api/v1/calibration/report');
    const expected = [
      { ref: 0.5, engine: 1 },
      { ref: 1, engine: 0.5 },
      { ref: 0.5, engine: 4 / 7 },
    ];
    expect(r.body.perPractitioner).toHaveLength(3);
    for (const [i, rater] of raters.entries()) {
      const p = r.body.perPractitioner.find((x: { raterId: string }) => x.raterId === rater.id);
      expect(p.displayName).toBe(rater.name);
      expect(p.vsReference.value.kappa).toBeCloseTo(expected[i]!.ref, 10);
      expect(p.vsEngine.value.kappa).toBeCloseTo(expected[i]!.engine, 10);
    }
  });

  it('warns that kappa on 3 vignettes is not interpretable, for the team and each practitioner', async () => {
    const r = await supervisor.get('/api/v1/calibration/report');
    // 3 raters is enough for a team; 3 vignettes is under the minimum of 10.
    expect(r.body.warnings).toEqual([
      {
        code: 'too-few-vignettes',
        text: expect.stringMatching(/^Too few vignettes to interpret: 3 rated, at least 10 needed\./),
      },
    ]);
    for (const p of r.body.perPractitioner) {
      expect(p.vsReferenceWarnings.map((x: { code: string }) => x.code)).toEqual(['too-few-vignettes']);
      expect(p.vsEngineWarnings.map((x: { code: string }) => x.code)).toEqual(['too-few-vignettes']);
    }
  });

  it('audits every calibration route', async () => {
    const rows = await server.ctx.db.query<{ action: string }>(
      "SELECT DISTINCT action FROM audit_log WHERE action LIKE 'calibration%' ORDER BY action",
    );
    expect(rows.map((r) => r.action)).toEqual([
      'calibration-rating.create',
      'calibration-report.read',
      'calibration-vignette.create',
      'calibration-vignettes.read',
    ]);
  });
});
