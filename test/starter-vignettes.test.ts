// Starter calibration vignettes over real HTTP: a supervisor loads the harm pack's fictional cases once, a second
// load adds nothing, and the report warns that kappa on so few vignettes (or with nothing matching) means little.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterVignettes } from '../src/domain/harm/index.ts';
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
let supervisor: Client;
let rater: Client;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  supervisor = (await addStaff(w, 'sup@clinic.test', 'Sam Supervisor', ['supervisor'], [w.serviceA])).client;
  rater = (await addStaff(w, 'pat@clinic.test', 'Pat Rater', ['practitioner'], [w.serviceA])).client;
});
afterAll(() => server.close());

describe('starter vignettes', () => {
  it('are for supervisors: a practitioner is refused (403) and nothing is added', async () => {
    expect((await rater.post('/api/v1/calibration/vignettes/starter', {})).status).toBe(403);
    expect((await rater.get('/api/v1/calibration/vignettes')).body.vignettes).toEqual([]);
  });

  it('refuses a service the supervisor does not work in (422 naming body.serviceId)', async () => {
    const r = await supervisor.post('/api/v1/calibration/vignettes/starter', { serviceId: w.serviceB });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('body.serviceId');
  });

  it('adds six fictional cases covering levels 1 to 4, with the engine level from the pack in force', async () => {
    const r = await supervisor.post('/api/v1/calibration/vignettes/starter', {});
    expect(r.status).toBe(200);
    expect(r.body.serviceId).toBe(w.serviceA);
    expect(r.body.alreadyLoaded).toBe(0);
    expect(r.body.added.map((v: { title: string }) => v.title)).toEqual(starterVignettes.map((v) => v.title));
    expect(
      [...new Set(r.body.added.map((v: { referenceLevel: number }) => v.referenceLevel))].sort(),
    ).toEqual([1, 2, 3, 4]);
    const listed = (await rater.get('/api/v1/calibration/vignettes')).body.vignettes;
    expect(listed).toHaveLength(6);
    for (const v of listed) expect(v.narrative).toMatch(/^Fictional starter case/);
    // The default pack proposes each case's reference level: the report shows engine = reference.
    const report = (await supervisor.get('/api/v1/calibration/report')).body;
    expect(report.unrated).toHaveLength(6);
  });

  it('adds nothing when loaded again', async () => {
    const r = await supervisor.post('/api/v1/calibration/vignettes/starter', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ added: [], alreadyLoaded: 6 });
    expect((await rater.get('/api/v1/calibration/vignettes')).body.vignettes).toHaveLength(6);
  });

  it('audits each case added and each load, including the one that added nothing', async () => {
    const loads = await server.ctx.db.query<{ details: { added: number } }>(
      "SELECT details FROM audit_log WHERE action = 'calibration-starter-vignettes.load' ORDER BY entry_id",
    );
    expect(loads.map((l) => l.details.added)).toEqual([6, 0]);
    const created = await server.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'calibration-vignette.create'",
    );
    expect(created[0]?.n).toBe(6);
  });

  it('warns, beside a kappa from one rater on six vignettes all rated off the reference, that it means nothing', async () => {
    const listed = (await rater.get('/api/v1/calibration/vignettes')).body.vignettes as {
      id: string;
      title: string;
    }[];
    for (const v of listed) {
      const reference = starterVignettes.find((s) => s.title === v.title)?.referenceLevel ?? 1;
      const off = reference === 4 ? 3 : reference + 1;
      expect((await rater.post(`/api/v1/calibration/vignettes/${v.id}/ratings`, { level: off })).status).toBe(
        201,
      );
    }
    const report = (await supervisor.get('/api/v1/calibration/report')).body;
    const [pat] = report.perPractitioner;
    expect(pat.withReference).toMatchObject({ numerator: 0, denominator: 6 });
    expect(pat.vsReferenceWarnings.map((x: { code: string }) => x.code)).toEqual([
      'too-few-vignettes',
      'no-agreement',
    ]);
    // One rater: Fleiss needs two, so the team kappa is not computed and needs no warning.
    expect(report.fleiss.ok).toBe(false);
    expect(report.warnings).toEqual([]);
  });
});
