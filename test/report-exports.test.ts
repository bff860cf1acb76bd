// Service outcomes exports over real records: every table as JSON and CSV, the PDF report, and small counts
// suppressed outside the team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTableIds } from '../src/domain/outcomes/index.ts';
import { pdfText } from './support/pdf-text.ts';
import {
  addStaff,
  buildWorld,
  Client,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { parseCsv } from './support/csv.ts';

let server: TestServer;
let w: World;
let manager: Client;
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - DAY).toISOString();
const thisMonth = today.slice(0, 7);
const appointmentMonth = yesterday.slice(0, 7);
const SCOPE = `from=${from}&to=${today}`;
const BASE = '/api/v1/reports/service-outcomes';

const assess = (days: number) => ({
  assessment: {
    use: { daysUsedLast28: days, routes: ['nasal'], bingeing: false, escalating: false },
    symptoms: [],
    risks: [],
  },
});

/** Splits CSV text into rows of unquoted fields (RFC 4180 quoting). */

/** The CSV of one table, as rows of fields keyed by heading. */
async function csv(table: string, audience?: string) {
  const r = await manager.get(
    `${BASE}/export.csv?${SCOPE}&table=${table}${audience ? `&audience=${audience}` : ''}`,
  );
  expect(r.status, r.text).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(r.headers.get('content-disposition')).toContain(`${from}-to-${today}`);
  const [header, ...rows] = parseCsv(r.text);
  return {
    header: header!,
    rows,
    row: (label: string) => {
      const found = rows.find((x) => x[0] === label);
      expect(found, `row ${label} in ${table}`).toBeDefined();
      return Object.fromEntries(header!.map((h, j) => [h, found![j]]));
    },
  };
}

async function binary(path: string) {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: manager.cookie } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  manager = (await addStaff(w, 'mgr@clinic.test', 'Mo Manager', ['supervisor'], [w.serviceA])).client;
  // Three people, each assessed once by Alice; the second is overridden (level 3 for a proposed 2).
  const patients: string[] = [];
  for (const [i, name] of ['Ann', 'Ben', 'Cat'].entries()) {
    const p = await w.alice.post('/api/v1/patients', {
      givenName: name,
      familyName: 'Example',
      birthDate: `199${i}-01-01`,
    });
    patients.push(p.body.id);
    const a = await w.alice.post(`/api/v1/patients/${p.body.id}/harm-assessments`, assess(10));
    const proposed: number = a.body.evaluation.level;
    const decision =
      i === 1
        ? { confirmedLevel: proposed === 4 ? 3 : proposed + 1, reason: 'Escalating pattern' }
        : { confirmedLevel: proposed };
    const d = await w.alice.post(`/api/v1/harm-assessments/${a.body.id}/decision`, decision);
    expect(d.status, d.text).toBeLessThan(300);
  }
  // Six appointments yesterday: five attended, one missed. Booked 6 = 5 + 1, so the 1 could be worked out.
  for (let k = 0; k < 6; k += 1) {
    const ap = await w.alice.post(`/api/v1/patients/${patients[k % 3]}/appointments`, {
      startsAt: new Date(Date.now() - DAY + k * 3_600_000).toISOString(),
      durationMinutes: 30,
      contactType: 'phone',
    });
    expect(ap.status, ap.text).toBe(201);
    const s = await w.alice.post(`/api/v1/appointments/${ap.body.id}/status`, {
      status: k === 5 ? 'did-not-attend' : 'attended',
    });
    expect(s.status, s.text).toBeLessThan(300);
  }
});
afterAll(() => server.close());

describe('GET /reports/service-outcomes/tables', () => {
  it('lists every table, with the note for the audience', async () => {
    const r = await manager.get(`${BASE}/tables?${SCOPE}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.audience).toBe('external');
    expect(r.body.note).toContain('<5');
    expect(r.body.period).toEqual({ from, to: today });
    expect(r.body.tables.map((t: { id: string }) => t.id)).toEqual([...reportTableIds]);
    for (const t of r.body.tables) {
      expect(t.columns.length).toBeGreaterThan(0);
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
    const team = await manager.get(`${BASE}/tables?${SCOPE}&audience=team`);
    expect(team.body.audience).toBe('team');
    expect(team.body.tables.every((t: { suppressed: boolean }) => !t.suppressed)).toBe(true);
  });
});

describe('GET /reports/service-outcomes/export.csv', () => {
  it('gives the team the true small counts', async () => {
    const practitioners = await csv('override-rate-by-practitioner', 'team');
    expect(practitioners.header[0]).toBe('Practitioner');
    expect(practitioners.row('Alice North')).toMatchObject({ Counted: '3', Overridden: '1' });
    const monthly = await csv('monthly-activity', 'team');
    expect(monthly.row(thisMonth)).toMatchObject({ Assessments: '3', Overrides: '1' });
    expect(monthly.row(appointmentMonth)).toMatchObject({
      'Appointments booked': '6',
      Attended: '5',
      'Did not attend': '1',
    });
    expect((await csv('identification-funnel', 'team')).row('Assessed')).toMatchObject({ People: '3' });
  });

  it('shows <5 in their place outside the team (the default), never the count itself', async () => {
    const practitioners = await csv('override-rate-by-practitioner');
    expect(practitioners.rows.map((r) => r[0])).toEqual(['Practitioner 1', 'All practitioners']);
    expect(practitioners.row('Practitioner 1')).toMatchObject({
      Counted: '<5',
      Overridden: '<5',
      Share: 'suppressed (n<5)',
    });
    const monthly = await csv('monthly-activity', 'external');
    expect(monthly.row(thisMonth)).toMatchObject({ Assessments: '<5', Overrides: '<5' });
    const funnel = await csv('identification-funnel');
    expect(funnel.row('Assessed')).toMatchObject({
      People: '<5',
      'Share of people in contact': 'suppressed (n<5)',
    });
    const summary = await csv('summary');
    expect(summary.row('override-rate')).toMatchObject({
      Numerator: '<5',
      Denominator: '<5',
      Value: 'suppressed (n<5)',
    });
    for (const table of [practitioners, monthly, funnel, summary])
      for (const row of table.rows) for (const cell of row) expect(['1', '3']).not.toContain(cell);
  });

  it('hides a second count so that the total cannot reveal a small one', async () => {
    // Booked 6, attended 5: publishing both would give the 1 missed appointment away.
    const month = (await csv('monthly-activity')).row(appointmentMonth);
    expect(month['Did not attend']).toBe('<5');
    expect(month['Appointments booked']).toBe('6');
    expect(month.Attended).toBe('*');
  });

  it('refuses an unknown table by name', async () => {
    const r = await manager.get(`${BASE}/export.csv?${SCOPE}&table=everything`);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation-failed');
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('querystring.table');
  });

  it('audits every export with ids, dates, table and audience, never names', async () => {
    const rows = await server.ctx.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'report.export-csv' ORDER BY entry_id",
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.details).toMatchObject({
      from,
      to: today,
      services: [w.serviceA],
      table: 'override-rate-by-practitioner',
      audience: 'team',
    });
    for (const r of rows) expect(JSON.stringify(r.details)).not.toMatch(/Alice|Example|North Team/);
  });
});

describe('GET /reports/service-outcomes/report.pdf', () => {
  it('writes the board report with definitions, suppressed counts and the review statement', async () => {
    const r = await binary(`${BASE}/report.pdf?${SCOPE}`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toContain(
      `attachment; filename="service-outcomes-${from}-to-${today}-external.pdf"`,
    );
    const text = await pdfText(r.bytes);
    expect(text).toContain('Service outcomes report');
    expect(text).toContain(`Period: ${from} to ${today}`);
    expect(text).toContain('North Team');
    expect(text).toContain(
      'How often the practitioner recorded a different level from the one the rules engine proposed',
    );
    // The definitions themselves say "remission <5", so look for the marker in the tables' cells.
    expect(text).toMatch(/Practitioner 1 <5 <5 suppressed \(n<5\)/);
    expect(text).toMatch(/Assessed <5 suppressed \(n<5\)/);
    expect(text).toContain('Small counts suppressed: yes');
    expect(text).toContain('must be reviewed by the service before clinical use');
    expect(text).toContain('Small numbers may be chance');
    expect(text).not.toContain('Alice North');
    const audited = await server.ctx.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'report.export-pdf' AND details->>'audience' = 'external'",
    );
    expect(audited).toHaveLength(1);
  });

  it('names the practitioner and shows every count in the team copy', async () => {
    const r = await binary(`${BASE}/report.pdf?${SCOPE}&audience=team&practitioner=${w.aliceId}`);
    expect(r.status).toBe(200);
    const text = await pdfText(r.bytes);
    expect(text).toContain('Caseload of: Alice North');
    expect(text).toContain('Audience: the team only');
    expect(text).toMatch(/Alice North 3 1 33\.3%/);
    expect(text).not.toContain('suppressed (n<5)');
  });
});

describe('OpenAPI', () => {
  it('documents the export routes with the table ids and audiences', async () => {
    const doc: any = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    const params = doc.paths[`${BASE}/export.csv`].get.parameters as { name: string; schema: any }[];
    expect(params.find((x) => x.name === 'table')?.schema.enum).toEqual([...reportTableIds]);
    expect(params.find((x) => x.name === 'audience')?.schema.enum).toEqual(['team', 'external']);
    expect(doc.paths[`${BASE}/tables`].get).toBeDefined();
    expect(doc.paths[`${BASE}/report.pdf`].get).toBeDefined();
  });
});

describe('access', () => {
  it('answers 404 for a service the manager does not work in', async () => {
    for (const path of ['tables?', 'export.csv?table=summary&', 'report.pdf?'])
      expect((await manager.get(`${BASE}/${path}${SCOPE}&service=${w.serviceB}`)).status).toBe(404);
  });

  it('refuses a clinician without reports:read', async () => {
    for (const path of ['tables?', 'export.csv?table=summary&', 'report.pdf?'])
      expect((await w.alice.get(`${BASE}/${path}${SCOPE}`)).status).toBe(403);
  });
});
