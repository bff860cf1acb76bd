// Bad input is refused at the edge on both engines: NUL and unpaired surrogates, implausible or impossible dates,
// unknown staff ids, and any data error the database still raises: a 422 naming the field, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { okReply } from '../src/schemas/replies/common.ts';
import {
  addStaff,
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

// A probe route declares its access and success reply like every API route (the server refuses one without).
const PROBE_OPTIONS = { config: { access: 'public' as const }, schema: { response: { 200: okReply } } };

let server: TestServer;
let w: World;
let patientId: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const p = await w.alice.post('/api/v1/patients', SAMPLE_PATIENT);
  if (p.status !== 201) throw new Error(p.text);
  patientId = p.body.id as string;
});
afterAll(() => server.close());

async function rowCounts(...tables: string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const table of tables) {
    const [row] = await server.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts.push(row?.n ?? 0);
  }
  return counts;
}

const APPOINTMENT = { startsAt: '2027-01-10T10:00:00+00:00', durationMinutes: 30, contactType: 'phone' };

describe('text the database cannot store', () => {
  it.each([
    ['a NUL in a name', { ...SAMPLE_PATIENT, givenName: 'Te\u0000sty' }, 'body.givenName'],
    [
      'a lone high surrogate in a name',
      { ...SAMPLE_PATIENT, familyName: 'Pa\uD800tient' },
      'body.familyName',
    ],
    [
      'a lone low surrogate in an allergy',
      { ...SAMPLE_PATIENT, allergies: [{ substance: 'X\uDC00', severity: 'mild' }] },
      'body.allergies.0.substance',
    ],
    [
      'a NUL in an optional free text',
      { ...SAMPLE_PATIENT, contact: { address: '1 High St\u0000' } },
      'body.contact.address',
    ],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_label, body, path) => {
    const before = await rowCounts('patients', 'patient_versions');
    const r = await w.alice.post('/api/v1/patients', body);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation-failed');
    expect(r.body.errors).toContainEqual({ path, message: expect.stringMatching(/cannot be stored/) });
    expect(await rowCounts('patients', 'patient_versions')).toEqual(before);
  });

  it('keeps a well-formed surrogate pair (an emoji) as it was sent', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/appointments`, {
      ...APPOINTMENT,
      note: 'ok 🙂',
    });
    expect(r.status).toBe(201);
  });

  it('refuses the JSON escape \\u0000 as sent on the wire (the JSON parser passes it through)', async () => {
    const raw = JSON.stringify({ ...APPOINTMENT, note: 'NUL-HERE' }).replace('NUL-HERE', 'a\\u0000b');
    expect(raw).toContain('\\u0000');
    const before = await rowCounts('appointments');
    const r = await w.alice.request('POST', `/api/v1/patients/${patientId}/appointments`, raw, {
      'content-type': 'application/json',
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toContainEqual({ path: 'body.note', message: expect.any(String) });
    expect(await rowCounts('appointments')).toEqual(before);
  });

  it('refuses a NUL deep inside a free-form harm assessment, naming its path', async () => {
    const before = await rowCounts('harm_assessments');
    const r = await w.alice.post(`/api/v1/patients/${patientId}/harm-assessments`, {
      assessment: {
        use: { daysUsedLast28: 3, routes: ['nasal\u0000'], bingeing: false, escalating: false },
        symptoms: [],
        risks: [],
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toContainEqual({
      path: 'body.assessment.use.routes.0',
      message: expect.any(String),
    });
    expect(await rowCounts('harm_assessments')).toEqual(before);
  });

  it('refuses a free-form assessment nested deeper than any real one', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const r = await w.alice.post('/api/v1/harm/evaluate', { assessment: { deep } });
    expect(r.status).toBe(422);
  });

  it.each([
    ['a NUL in the patient search', `/api/v1/patients?q=${encodeURIComponent('Te\u0000')}`, 'querystring.q'],
    [
      'a NUL in a response filter',
      `/api/v1/patients/PID/responses?instrument=phq%009`,
      'querystring.instrument',
    ],
    ['a lone surrogate in a path parameter', '/api/v1/protocols/iv%ED%A0%80', undefined],
  ])('refuses %s in the address with 4xx, not 500', async (_label, url, path) => {
    const r = await w.alice.get(url.replace('PID', patientId));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    if (path) expect(r.body.errors).toContainEqual({ path, message: expect.any(String) });
  });
});

describe('dates', () => {
  it.each([
    ['a birth date in year 0000', { ...SAMPLE_PATIENT, birthDate: '0000-01-01' }, 'body.birthDate'],
    ['a birth date before 1900', { ...SAMPLE_PATIENT, birthDate: '1899-12-31' }, 'body.birthDate'],
    [
      'a weight measured in year 0000',
      { ...SAMPLE_PATIENT, weight: { kg: 70, measuredOn: '0000-06-01' } },
      'body.weight.measuredOn',
    ],
  ])('refuses %s with 422 naming the field', async (_label, body, path) => {
    const r = await w.alice.post('/api/v1/patients', body);
    expect(r.status).toBe(422);
    expect(r.body.errors).toContainEqual({ path, message: expect.any(String) });
  });

  it('accepts the first plausible birth date, 1900-01-01', async () => {
    const r = await w.alice.post('/api/v1/patients', {
      ...SAMPLE_PATIENT,
      identifiers: [],
      birthDate: '1900-01-01',
    });
    expect(r.status).toBe(201);
  });

  it.each([
    ['year 0000', '0000-01-01T10:00:00+00:00', 422],
    ['year 1899', '1899-12-31T23:59:59Z', 422],
    ['year 2201', '2201-01-01T00:00:00Z', 422],
    ['30 February', '2027-02-30T10:00:00Z', 422],
    ['year 2200, the last plausible one', '2200-12-31T10:00:00Z', 201],
  ])('an appointment time in %s (%s) answers %i', async (_label, startsAt, status) => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/appointments`, { ...APPOINTMENT, startsAt });
    expect(r.status).toBe(status);
    if (status === 422)
      expect(r.body.errors).toContainEqual({ path: 'body.startsAt', message: expect.any(String) });
  });

  it.each(['2026-02-30', '30/02/2026', '0000-01-01', '31/04/1990'])(
    'a patient search for the impossible date %s finds nobody (not a 500)',
    async (q) => {
      const r = await w.alice.get(`/api/v1/patients?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.patients).toEqual([]);
    },
  );

  it('a report for year 0000 or an impossible day is a 422 naming the field', async () => {
    const { client: supervisor } = await addStaff(
      w,
      'sam@clinic.test',
      'Sam Supervisor',
      ['supervisor'],
      [w.serviceA],
    );
    const zero = await supervisor.get('/api/v1/reports/service-outcomes?from=0000-01-01&to=2026-01-01');
    expect(zero.status).toBe(422);
    expect(zero.body.errors).toContainEqual({ path: 'querystring.from', message: expect.any(String) });
    const impossible = await supervisor.get('/api/v1/reports/service-outcomes?from=2026-01-01&to=2026-02-30');
    expect(impossible.status).toBe(422);
    expect(impossible.body.errors).toContainEqual({ path: 'querystring.to', message: expect.any(String) });
  });
});

describe('staff ids a request refers to', () => {
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  it.each([
    [
      'an appointment with an unknown practitioner',
      'appointments',
      { ...APPOINTMENT, practitionerId: UNKNOWN },
      'body.practitionerId',
      'appointments',
    ],
    [
      'a care message to an unknown user',
      'care-messages',
      { text: 'Please review', toUserId: UNKNOWN },
      'body.toUserId',
      'care_messages',
    ],
    [
      'a task assigned to an unknown user',
      'tasks',
      { title: 'Review bloods', assignedTo: UNKNOWN },
      'body.assignedTo',
      'tasks',
    ],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_label, route, body, path, table) => {
    const before = await rowCounts(table);
    const r = await w.alice.post(`/api/v1/patients/${patientId}/${route}`, body);
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path, message: expect.stringMatching(/staff member/) }]);
    expect(await rowCounts(table)).toEqual(before);
  });

  it('refuses a care plan whose key worker or intervention owner is unknown, naming each field', async () => {
    const before = await rowCounts('care_plans');
    const r = await w.alice.post(`/api/v1/patients/${patientId}/care-plan`, {
      interventions: [
        { interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one', ownerId: w.aliceId },
        { interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one', ownerId: UNKNOWN },
      ],
      keyWorkerId: w.bobId,
      reviewDue: '2027-01-01',
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: 'body.keyWorkerId', message: expect.any(String) },
      { path: 'body.interventions.1.ownerId', message: expect.any(String) },
    ]);
    expect(await rowCounts('care_plans')).toEqual(before);
  });

  it('refuses a task for a staff member of another service, who could not open the record', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/tasks`, {
      title: 'Review',
      assignedTo: w.bobId,
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: 'body.assignedTo', message: expect.any(String) }]);
  });

  it('accepts a colleague in the patient’s service, however the id is cased', async () => {
    const r = await w.alice.post(`/api/v1/patients/${patientId}/tasks`, {
      title: 'Review',
      assignedTo: w.aliceId.toUpperCase(),
    });
    expect(r.status).toBe(201);
  });
});

describe('a data error the database still raises', () => {
  it.each([
    ['22007 invalid date', "SELECT '2026-02-30'::date"],
    ['22021 NUL in text', "SELECT convert_from('\\x6100'::bytea, 'UTF8')"],
    ['22003 out of range', 'SELECT 2147483647::int + 1'],
    ['23505 unique violation', 'INSERT INTO services (id, name) SELECT id, name FROM services LIMIT 1'],
  ])('%s is a 422 invalid-data problem, not a 500', async (_label, sql) => {
    const app = await buildApp(server.ctx);
    app.get('/api/v1/data-error-probe', PROBE_OPTIONS, async () => {
      await server.ctx.db.query(sql);
      return { ok: true };
    });
    const r = await app.inject({ method: 'GET', url: '/api/v1/data-error-probe' });
    await app.close();
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ status: 422, code: 'invalid-data' });
    expect(r.body).not.toMatch(/2026-02-30|duplicate|services/);
  });

  it('a lost connection is still 503 database-unavailable', async () => {
    const app = await buildApp(server.ctx);
    app.get('/api/v1/data-error-probe', PROBE_OPTIONS, async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    });
    const r = await app.inject({ method: 'GET', url: '/api/v1/data-error-probe' });
    await app.close();
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ code: 'database-unavailable' });
  });
});
