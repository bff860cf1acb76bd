// Small-count suppression counts people: one person's many sentinel symptoms never leave the team as a count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './support/csv.ts';
import {
  addStaff,
  buildWorld,
  Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let manager: Client;
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10);
const BASE = '/api/v1/reports/service-outcomes';

async function summaryRow(audience: 'team' | 'external', measure: string) {
  const r = await manager.get(
    `${BASE}/export.csv?from=${from}&to=${today}&table=summary&audience=${audience}`,
  );
  expect(r.status, r.text).toBe(200);
  const [header, ...rows] = parseCsv(r.text);
  const row = rows.find((x) => x[0] === measure);
  expect(row, measure).toBeDefined();
  return Object.fromEntries(header!.map((h, j) => [h, row![j]]));
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  manager = (await addStaff(w, 'mgr@clinic.test', 'Mo Manager', ['supervisor'], [w.serviceA])).client;
  // One patient with six sentinel symptoms at the first (only) assessment.
  const p = await w.alice.post('/api/v1/patients', {
    givenName: 'Ann',
    familyName: 'Example',
    birthDate: '1990-01-01',
  });
  const a = await w.alice.post(`/api/v1/patients/${p.body.id}/harm-assessments`, {
    assessment: {
      use: { daysUsedLast28: 10, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [
        'urinary-frequency',
        'urinary-urgency',
        'dysuria',
        'suprapubic-pain',
        'abdominal-pain',
        'memory-problems',
      ].map((code) => ({ code })),
      risks: [],
    },
  });
  expect(a.status, a.text).toBe(201);
  const d = await w.alice.post(`/api/v1/harm-assessments/${a.body.id}/decision`, {
    confirmedLevel: a.body.evaluation.level,
  });
  expect(d.status, d.text).toBeLessThan(300);
});
afterAll(() => server.close());

describe('sentinel symptoms found at first assessment, from one person', () => {
  it('the team sees 6 of 6', async () => {
    expect(await summaryRow('team', 'sentinel-at-first-assessment')).toMatchObject({
      Numerator: '6',
      Denominator: '6',
      Value: '1',
    });
  });

  it('outside the team the CSV never shows "6 of 6" or 100 %: the counts rest on one person', async () => {
    const row = await summaryRow('external', 'sentinel-at-first-assessment');
    expect(row).toMatchObject({
      Numerator: 'suppressed (n<5)',
      Denominator: 'suppressed (n<5)',
      Value: 'suppressed (n<5)',
      '95% interval, lower': 'suppressed (n<5)',
      '95% interval, upper': 'suppressed (n<5)',
    });
  });
});
