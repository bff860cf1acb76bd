// The patient registry over real HTTP: register, search, view, correct by new version, history and timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { dayIn, utcDay, zoneOffUtcDay } from './support/zones.ts';

let server: TestServer;
let w: World;
let patientId: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(() => server.close());

async function countRows(table: string): Promise<number> {
  const [row] = await server.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}

describe('registering a patient', () => {
  it('registers with identifiers, measurements, allergies and medications', async () => {
    const r = await w.alice.post('/api/v1/patients', SAMPLE_PATIENT);
    expect(r.status).toBe(201);
    expect(r.headers.get('etag')).toBe('W/"1"');
    expect(r.body).toMatchObject({
      givenName: 'Testy',
      familyName: 'Patientson',
      birthDate: '1988-04-12',
      version: 1,
      serviceId: w.serviceA,
      identifiers: [
        { system: 'nhs', value: '9434765919' },
        { system: 'mrn', value: 'MRN-0001' },
      ],
      weight: { kg: 70, measuredOn: '2026-11-01' },
    });
    expect(r.body.allergies[0]).toEqual({ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' });
    patientId = r.body.id;
  });

  it('refuses an NHS number whose check digit is wrong, naming the field', async () => {
    const before = await countRows('patients');
    const r = await w.alice.post('/api/v1/patients', {
      ...SAMPLE_PATIENT,
      identifiers: [{ system: 'nhs', value: '9434765918' }],
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: 'body.identifiers.0.value', message: expect.stringMatching(/NHS number/) },
    ]);
    expect(await countRows('patients')).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"givenName": "A",', 400],
    ['wrong types', JSON.stringify({ ...SAMPLE_PATIENT, birthDate: 19880412 }), 422],
    ['an unknown field', JSON.stringify({ ...SAMPLE_PATIENT, favouriteColour: 'blue' }), 422],
    ['an over-long name', JSON.stringify({ ...SAMPLE_PATIENT, givenName: 'x'.repeat(101) }), 422],
    ['an impossible date', JSON.stringify({ ...SAMPLE_PATIENT, birthDate: '1990-02-30' }), 422],
    ['a future birth date', JSON.stringify({ ...SAMPLE_PATIENT, birthDate: '2999-01-01' }), 422],
    [
      'a weight in grams',
      JSON.stringify({ ...SAMPLE_PATIENT, weight: { kg: 70000, measuredOn: '2026-01-01' } }),
      422,
    ],
    ['an empty body', '', 400],
  ])('answers %s with problem+json and writes nothing', async (_label, body, status) => {
    const before = [await countRows('patients'), await countRows('patient_versions')];
    const r = await w.alice.request('POST', '/api/v1/patients', body, { 'content-type': 'application/json' });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.status).toBe(status);
    expect(typeof r.body.title).toBe('string');
    expect([await countRows('patients'), await countRows('patient_versions')]).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const r = await w.alice.request('POST', '/api/v1/patients', 'givenName=A', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(415);
  });
});

describe('searching', () => {
  beforeAll(async () => {
    for (const [given, family, dob] of [
      ['Amara', 'Holloway', '1990-03-02'],
      ['Ben', 'Holloway', '1975-11-30'],
      ['Chloe', 'Marlow', '1990-03-02'],
    ] as const) {
      expect(
        (await w.alice.post('/api/v1/patients', { givenName: given, familyName: family, birthDate: dob }))
          .status,
      ).toBe(201);
    }
    // A namesake in the other service must never appear in Alice's results.
    expect(
      (
        await w.bob.post('/api/v1/patients', {
          givenName: 'Amara',
          familyName: 'Holloway',
          birthDate: '1990-03-02',
        })
      ).status,
    ).toBe(201);
  });

  const names = (r: { body: { patients: { givenName: string; familyName: string }[] } }) =>
    r.body.patients.map((p) => `${p.givenName} ${p.familyName}`);

  it('finds by family name prefix, any case, within the user’s services only', async () => {
    expect(names(await w.alice.get('/api/v1/patients?q=hollo'))).toEqual(['Amara Holloway', 'Ben Holloway']);
  });
  it('finds by given and family name together', async () => {
    expect(names(await w.alice.get('/api/v1/patients?q=ben%20holl'))).toEqual(['Ben Holloway']);
  });
  it('finds by date of birth in ISO or UK form', async () => {
    expect(names(await w.alice.get('/api/v1/patients?q=1990-03-02'))).toEqual([
      'Amara Holloway',
      'Chloe Marlow',
    ]);
    expect(names(await w.alice.get('/api/v1/patients?q=2/3/1990'))).toEqual([
      'Amara Holloway',
      'Chloe Marlow',
    ]);
  });
  it('finds by NHS number with or without spaces, and by MRN', async () => {
    expect(names(await w.alice.get('/api/v1/patients?q=943%20476%205919'))).toEqual(['Testy Patientson']);
    expect(names(await w.alice.get('/api/v1/patients?q=MRN-0001'))).toEqual(['Testy Patientson']);
  });
  it('treats LIKE wildcards as text', async () => {
    expect(names(await w.alice.get('/api/v1/patients?q=%25'))).toEqual([]);
  });
});

describe('the list pages through every patient and says how many there are', () => {
  const PAGED = 120;
  // Several share a family name, given name and date of birth, so only the final tie-break (id) orders them.
  beforeAll(async () => {
    for (let i = 0; i < PAGED; i += 1) {
      const r = await w.alice.post('/api/v1/patients', {
        givenName: `Page${String(i % 7)}`,
        familyName: i % 2 === 0 ? 'Pageton' : 'Pagewell',
        birthDate: i % 3 === 0 ? '1970-01-01' : '1981-06-15',
      });
      expect(r.status).toBe(201);
    }
  });

  type Page = {
    status: number;
    body: { patients: { id: string }[]; total: number; limit: number; offset: number };
  };
  const ids = (r: Page) => r.body.patients.map((p) => p.id);

  it('gives the total in scope with the first 50 by default', async () => {
    const [row] = await server.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM patients WHERE service_id = $1',
      [w.serviceA],
    );
    const r: Page = await w.alice.get('/api/v1/patients');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(row?.n);
    expect(r.body.total).toBeGreaterThan(PAGED);
    expect(r.body).toMatchObject({ limit: 50, offset: 0 });
    expect(r.body.patients).toHaveLength(50);
    // Bob's service holds one patient (the namesake): his total is his own, not Alice's.
    expect((await w.bob.get('/api/v1/patients')).body.total).toBe(1);
  });

  it('covers all 120 matching patients exactly once in pages of 50, in the list order', async () => {
    const pages: Page[] = [];
    for (const offset of [0, 50, 100]) {
      const r: Page = await w.alice.get(`/api/v1/patients?q=page&limit=50&offset=${offset}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ total: PAGED, limit: 50, offset });
      pages.push(r);
    }
    expect(pages.map((p) => p.body.patients.length)).toEqual([50, 50, 20]);
    const all = pages.flatMap(ids);
    expect(new Set(all).size).toBe(PAGED);
    // The pages joined are the same list, in the same order, as one page of 100 and the rest.
    const whole = [
      ...ids(await w.alice.get('/api/v1/patients?q=page&limit=100')),
      ...ids(await w.alice.get('/api/v1/patients?q=page&limit=100&offset=100')),
    ];
    expect(all).toEqual(whole);
    const past: Page = await w.alice.get('/api/v1/patients?q=page&offset=150');
    expect(past.body).toMatchObject({ total: PAGED, patients: [] });
  });

  it('counts a search in the same scope as its results', async () => {
    const pageton: Page = await w.alice.get('/api/v1/patients?q=pageton');
    expect(pageton.body.total).toBe(PAGED / 2);
    expect(pageton.body.patients).toHaveLength(50);
    const named: Page = await w.alice.get('/api/v1/patients?q=page3%20pagewell&limit=100');
    expect(named.body.total).toBe(named.body.patients.length);
    expect(named.body.total).toBeGreaterThan(0);
    expect((await w.alice.get('/api/v1/patients?q=943%20476%205919')).body.total).toBe(1);
    expect((await w.alice.get('/api/v1/patients?q=hollo')).body.total).toBe(2);
    expect((await w.bob.get('/api/v1/patients?q=hollo')).body.total).toBe(1);
    expect((await w.alice.get('/api/v1/patients?q=%25')).body).toMatchObject({ total: 0, patients: [] });
  });

  it.each(['offset=-1', 'offset=1.5', 'offset=x', 'limit=0', 'limit=101', 'page=2'])(
    'refuses %s',
    async (query) => {
      expect((await w.alice.get(`/api/v1/patients?${query}`)).status).toBe(422);
    },
  );
});

describe('viewing and correcting', () => {
  it('shows the record with its version as an ETag', async () => {
    const r = await w.alice.get(`/api/v1/patients/${patientId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('W/"1"');
    expect(r.body.familyName).toBe('Patientson');
  });

  it('needs If-Match to correct (428) and refuses a stale version (412)', async () => {
    const missing = await w.alice.patch(`/api/v1/patients/${patientId}`, {
      familyName: 'Patterson',
      reason: 'Spelling',
    });
    expect(missing.status).toBe(428);
    const stale = await w.alice.patch(
      `/api/v1/patients/${patientId}`,
      { familyName: 'Patterson', reason: 'Spelling' },
      { 'if-match': 'W/"7"' },
    );
    expect(stale.status).toBe(412);
    expect((await w.alice.get(`/api/v1/patients/${patientId}`)).body.familyName).toBe('Patientson');
  });

  it('needs a reason to correct', async () => {
    const r = await w.alice.patch(
      `/api/v1/patients/${patientId}`,
      { familyName: 'Patterson' },
      { 'if-match': 'W/"1"' },
    );
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('body.reason');
  });

  it('makes a new version and keeps the old one readable with who, when and why', async () => {
    const r = await w.alice.patch(
      `/api/v1/patients/${patientId}`,
      {
        familyName: 'Patterson',
        weight: { kg: 68.5, measuredOn: '2026-11-20' },
        reason: 'Surname misspelt at registration',
      },
      { 'if-match': 'W/"1"' },
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('W/"2"');
    expect(r.body).toMatchObject({
      familyName: 'Patterson',
      givenName: 'Testy',
      version: 2,
      weight: { kg: 68.5 },
    });
    const history = await w.alice.get(`/api/v1/patients/${patientId}/versions`);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body.versions[0]).toMatchObject({
      reason: 'Surname misspelt at registration',
      recordedBy: { displayName: 'Alice North' },
    });
    expect(history.body.versions[1].record.familyName).toBe('Patientson');
    expect(history.body.versions[1].reason).toBeNull();
  });

  it('lets only one of two concurrent corrections of the same version win', async () => {
    const body = (name: string) => ({ givenName: name, reason: 'Concurrent edit test' });
    const results = await Promise.all([
      w.alice.patch(`/api/v1/patients/${patientId}`, body('Tess'), { 'if-match': 'W/"2"' }),
      w.alice.patch(`/api/v1/patients/${patientId}`, body('Tessa'), { 'if-match': 'W/"2"' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const versions = (await w.alice.get(`/api/v1/patients/${patientId}/versions`)).body.versions;
    expect(versions).toHaveLength(3);
  });

  it('shows registration and corrections on the timeline in time order', async () => {
    const r = await w.alice.get(`/api/v1/patients/${patientId}/timeline`);
    expect(r.status).toBe(200);
    const kinds = r.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['patient-registered', 'patient-corrected', 'patient-corrected']);
    expect(r.body.events[0].summary).toContain('943 476 5919');
    const times = r.body.events.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it('reads the timeline newest first with order=desc, the same lines turned round', async () => {
    const oldest = (await w.alice.get(`/api/v1/patients/${patientId}/timeline`)).body.events;
    const asc = await w.alice.get(`/api/v1/patients/${patientId}/timeline?order=asc`);
    const desc = await w.alice.get(`/api/v1/patients/${patientId}/timeline?order=desc`);
    expect(asc.body.events).toEqual(oldest);
    expect(desc.status).toBe(200);
    expect(desc.body.events.map((e: { id: string }) => e.id)).toEqual(
      [...oldest].reverse().map((e: { id: string }) => e.id),
    );
    expect(desc.body.events[0].kind).toBe('patient-corrected');
    expect(desc.body.events.at(-1).kind).toBe('patient-registered');
  });

  it('reads only the kinds named with kind=, one or several, in either order', async () => {
    const base = `/api/v1/patients/${patientId}/timeline`;
    const corrected = await w.alice.get(`${base}?kind=patient-corrected`);
    expect(corrected.status).toBe(200);
    expect(corrected.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'patient-corrected',
      'patient-corrected',
    ]);
    const both = await w.alice.get(`${base}?kind=patient-registered,patient-corrected&order=desc`);
    expect(both.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'patient-corrected',
      'patient-corrected',
      'patient-registered',
    ]);
    const none = await w.alice.get(`${base}?kind=consent`);
    expect(none.status).toBe(200);
    expect(none.body.events).toEqual([]);
  });

  it('refuses an unknown order or a malformed kind with a 422 problem', async () => {
    const base = `/api/v1/patients/${patientId}/timeline`;
    const order = await w.alice.get(`${base}?order=newest`);
    expect(order.status).toBe(422);
    expect(order.headers.get('content-type')).toContain('application/problem+json');
    const kind = await w.alice.get(`${base}?kind=${encodeURIComponent("x' OR 1=1")}`);
    expect(kind.status).toBe(422);
    expect(kind.body.errors?.[0]?.path).toMatch(/kind/);
  });
});

describe("a date of birth up to today on the service's calendar", () => {
  it("takes today's date where the clinic is and refuses the next day, whatever UTC's date, on register and correct", async () => {
    const zone = zoneOffUtcDay();
    expect((await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: zone })).status).toBe(200);
    try {
      const today = dayIn(zone);
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      // UTC's date is the day after (west) or before (east) the clinic's today: one of these two the UTC rule got wrong.
      expect(today).not.toBe(utcDay());
      const { identifiers: _none, ...unidentified } = SAMPLE_PATIENT;
      const born = await w.alice.post('/api/v1/patients', { ...unidentified, birthDate: today });
      expect(born.status, born.text).toBe(201);
      const early = await w.alice.post('/api/v1/patients', { ...unidentified, birthDate: tomorrow });
      expect(early.status, early.text).toBe(422);
      expect(early.body.errors).toEqual([
        { path: 'body.birthDate', message: 'Date of birth cannot be in the future' },
      ]);
      const corrected = await w.alice.patch(
        `/api/v1/patients/${born.body.id}`,
        { birthDate: tomorrow, reason: 'Typed the wrong day' },
        { 'if-match': 'W/"1"' },
      );
      expect(corrected.status, corrected.text).toBe(422);
      expect(corrected.body.errors[0].path).toBe('body.birthDate');
      expect((await w.alice.get(`/api/v1/patients/${born.body.id}`)).body.birthDate).toBe(today);
    } finally {
      await w.admin.patch(`/api/v1/services/${w.serviceA}`, { timeZone: 'Europe/London' });
    }
  });
});

describe('records are never overwritten', () => {
  it('refuses UPDATE and DELETE of a patient version at the database', async () => {
    await expect(server.ctx.db.query("UPDATE patient_versions SET family_name = 'X'")).rejects.toThrow(
      /append-only/,
    );
    await expect(server.ctx.db.query('DELETE FROM patient_versions')).rejects.toThrow(/append-only/);
    await expect(server.ctx.db.query('DELETE FROM patients')).rejects.toThrow(/never deleted/);
    await expect(server.ctx.db.query('UPDATE patients SET current_version = 1')).rejects.toThrow(
      /new version/,
    );
    await expect(server.ctx.db.query('DELETE FROM timeline_events')).rejects.toThrow(/append-only/);
  });
});
