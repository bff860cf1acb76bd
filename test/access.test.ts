// Authorisation generated from the route table: every route refuses strangers, and other services' users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let patientId: string;

// The only routes anyone may call without signing in. A route added as public must be added here on purpose.
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/accept-invite',
  'GET /api/v1/auth/invite/:token',
  'GET /api/v1/self-report/:token',
  'POST /api/v1/self-report/:token',
  'GET /fhir/R4/metadata',
  'GET /fhir/R4/.well-known/smart-configuration',
  'POST /fhir/R4/auth/token',
].sort();

// A valid body for each patient-scoped write, so the refusal tested is the access check, not validation.
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/v1/patients/:id/onward-referrals': {
    destination: 'urology',
    decidedOn: '2026-01-01',
    targetDays: 14,
  },
  'POST /api/v1/patients/:id/crisis-events': { kind: 'admission', occurredOn: '2026-01-01' },
  'PATCH /api/v1/patients/:id': { familyName: 'Hacked', reason: 'attempt' },
  'POST /api/v1/patients/:id/vitals': { takenAt: '2026-01-01T09:00:00Z', systolic: 120, diastolic: 80 },
  'POST /api/v1/patients/:id/responses': {
    instrument: 'gad-7',
    answers: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0 },
  },
  'POST /api/v1/patients/:id/self-report-links': { instruments: ['phq-9'] },
  'POST /api/v1/patients/:id/harm-assessments': {
    assessment: {
      use: { daysUsedLast28: 2, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [],
      risks: [],
    },
  },
  'POST /api/v1/patients/:id/care-plan': {
    interventions: [{ interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one' }],
    reviewDue: '2030-01-01',
  },
  'POST /api/v1/patients/:id/appointments': {
    startsAt: '2030-01-01T10:00:00Z',
    durationMinutes: 30,
    contactType: 'phone',
  },
  'POST /api/v1/patients/:id/formulation': {
    presentingHarms: 'x',
    drivers: 'x',
    protectiveFactors: 'x',
    goals: 'x',
  },
  'POST /api/v1/patients/:id/therapy-sessions': {
    kind: 'integration',
    heldAt: '2026-01-01T10:00:00Z',
    durationMinutes: 50,
    notes: 'x',
  },
  'POST /api/v1/patients/:id/care-messages': { text: 'x' },
  'POST /api/v1/patients/:id/tasks': { title: 'x' },
  'POST /api/v1/patients/:id/referrals': { indication: 'ptsd' },
  'POST /api/v1/patients/:id/eligibility': {
    route: 'iv-racemic',
    checklist: {
      historyAndPhysical: true,
      psychiatricHistory: true,
      substanceUseHistory: true,
      medicationsReviewed: true,
      allergiesReviewed: true,
      priorTreatmentTrials: 'x',
      baselineBp: { systolic: 120, diastolic: 80 },
      pregnancyStatus: 'unknown',
    },
    contraindications: [{ code: 'active-psychosis', present: false, judgement: 'none' }],
    decision: 'eligible',
  },
  'POST /api/v1/patients/:id/consents': {
    route: 'iv-racemic',
    documentId: 'consent-iv-racemic',
    documentVersion: '1.0.0',
    signature: { kind: 'typed', name: 'x' },
  },
  'POST /api/v1/patients/:id/treatment-sessions': {
    protocol: 'iv-racemic-psychiatric',
    setting: 'clinic',
    baseline: { takenAt: new Date().toISOString(), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 },
    dose: { mgPerKg: 0.5 },
    escortConfirmed: true,
    fastingConfirmed: true,
    newContraindication: false,
  },
};

const PHI = ['Testy', 'Patientson', '9434765919', 'MRN-0001', 'Penicillin', 'Sertraline'];

function fill(url: string, id: string): string {
  return url.replace(':id', id).replace(':token', 'not-a-real-token-0123456789');
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const r = await w.alice.post('/api/v1/patients', SAMPLE_PATIENT);
  patientId = r.body.id;
});
afterAll(() => server.close());

describe('route table', () => {
  it('has a declared access rule for every route, and exactly the expected public ones', () => {
    const routes = server.app.kaspr.routes;
    expect(routes.length).toBeGreaterThan(25);
    const publicOnes = routes
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicOnes).toEqual(PUBLIC_ROUTES);
  });

  it('refuses every non-public route without a session (401), leaking nothing', async () => {
    const anonymous = new Client(server.baseUrl);
    const routes = server.app.kaspr.routes.filter((r) => r.access !== 'public');
    for (const route of routes) {
      const r = await anonymous.request(
        route.method,
        fill(route.url, patientId),
        route.method === 'GET' ? undefined : {},
      );
      expect(r.status, `${route.method} ${route.url}`).toBe(401);
      for (const s of PHI) expect(r.text, `${route.method} ${route.url}`).not.toContain(s);
    }
  });

  it('answers 404 on every patient route when the patient is in another service, leaking nothing', async () => {
    const scoped = server.app.kaspr.routes.filter((r) => r.patientScoped);
    expect(scoped.length).toBeGreaterThanOrEqual(4);
    for (const route of scoped) {
      const key = `${route.method} ${route.url}`;
      if (route.method !== 'GET') expect(VALID_BODIES, `add a valid body for ${key}`).toHaveProperty([key]);
      const body = route.method === 'GET' ? undefined : VALID_BODIES[key];
      const headers: Record<string, string> = route.method === 'PATCH' ? { 'if-match': 'W/"1"' } : {};
      const r = await w.bob.request(route.method, fill(route.url, patientId), body, headers);
      // A route needing a permission Bob (a practitioner) lacks refuses first, with 403: that leaks nothing either.
      const expected = route.access === 'treatment:prescribe' ? 403 : 404;
      expect(r.status, `${route.method} ${route.url}`).toBe(expected);
      for (const s of PHI) expect(r.text, `${route.method} ${route.url}`).not.toContain(s);
    }
    const still = await w.alice.get(`/api/v1/patients/${patientId}`);
    expect(still.body.familyName).toBe('Patientson');
    expect(still.body.version).toBe(1);
  });

  it('gives the same 404 for a patient that does not exist', async () => {
    const a = await w.bob.get(`/api/v1/patients/${patientId}`);
    const b = await w.bob.get('/api/v1/patients/00000000-0000-4000-8000-000000000000');
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.body.title).toBe(b.body.title);
  });

  it('refuses every permission-guarded route to a clinician without that permission (403)', async () => {
    const guarded = server.app.kaspr.routes.filter((r) =>
      [
        'user:manage',
        'service:manage',
        'settings:manage',
        'audit:read',
        'break-glass:review',
        'supervision',
        'content:manage',
        'reports:read',
        'cd:read',
        'cd:write',
        'cd:manage',
        'treatment:prescribe',
      ].includes(r.access),
    );
    expect(guarded.length).toBeGreaterThan(8);
    for (const route of guarded) {
      const r = await w.alice.request(
        route.method,
        fill(route.url, w.bobId),
        route.method === 'GET' ? undefined : {},
      );
      expect(r.status, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('keeps an administrator without a clinical role out of patient records', async () => {
    expect((await w.admin.get(`/api/v1/patients/${patientId}`)).status).toBe(403);
    expect((await w.admin.get('/api/v1/patients?q=Testy')).status).toBe(403);
  });
});

describe('break-glass access', () => {
  it('asks for a reason and the exact identifier', async () => {
    const r = await w.bob.post('/api/v1/break-glass', { identifier: '9434765919', reason: 'short' });
    expect(r.status).toBe(422);
  });

  it('does not reveal patients by name', async () => {
    const r = await w.bob.post('/api/v1/break-glass', {
      identifier: 'Patientson',
      reason: 'Unconscious in the waiting room',
    });
    expect(r.status).toBe(404);
  });

  it('grants time-boxed access with a reason, flags every use, and is reviewed by someone else', async () => {
    const g = await w.bob.post('/api/v1/break-glass', {
      identifier: '943 476 5919',
      reason: 'Collapsed in our clinic; needs allergy history',
    });
    expect(g.status).toBe(201);
    expect(g.body.grants).toHaveLength(1);
    expect(g.body.grants[0].patientId).toBe(patientId);
    const r = await w.bob.get(`/api/v1/patients/${patientId}`);
    expect(r.status).toBe(200);
    expect(r.body.accessViaBreakGlass).toBe(true);
    const flagged = await server.ctx.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE flagged AND actor_id = $1 AND patient_id = $2 ORDER BY entry_id',
      [w.bobId, patientId],
    );
    expect(flagged.map((f) => f.action)).toEqual(['break-glass.grant', 'patient.read']);

    const list = await w.admin.get('/api/v1/break-glass');
    const grant = list.body.grants.find((x: { id: string }) => x.id === g.body.grants[0].id);
    expect(grant.review).toBeNull();
    expect(grant.reason).toContain('Collapsed');
    expect(
      (await w.admin.post(`/api/v1/break-glass/${grant.id}/review`, { note: 'Appropriate: emergency' }))
        .status,
    ).toBe(201);
    expect((await w.admin.post(`/api/v1/break-glass/${grant.id}/review`, { note: 'again' })).status).toBe(
      409,
    );
  });

  it('ends access when the grant expires', async () => {
    await server.ctx.db.query('ALTER TABLE break_glass_grants DISABLE TRIGGER break_glass_grants_no_change');
    await server.ctx.db.query(
      "UPDATE break_glass_grants SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [w.bobId],
    );
    await server.ctx.db.query('ALTER TABLE break_glass_grants ENABLE TRIGGER break_glass_grants_no_change');
    expect((await w.bob.get(`/api/v1/patients/${patientId}`)).status).toBe(404);
  });
});
