// The access matrix, generated from the OpenAPI document: every route × {no session, wrong role, other service,
// no CSRF token}, with a real service-A id in every path parameter; no refusal may answer 2xx, leak service A's
// patient, or change a row.
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission } from '../src/domain/access/roles.ts';
import {
  addStaff,
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  startTestServer,
  type Reply,
  type TestServer,
  type World,
} from './support/server.ts';
import { changedTables, tableDigest } from './support/table-digest.ts';
import { startIvSession } from './support/treatment.ts';

let server: TestServer;
let w: World;

/** Routes kept out of the OpenAPI document on purpose: probes and the document itself (all public). */
const UNDOCUMENTED = ['GET /healthz', 'GET /readyz', 'GET /api/v1/openapi.json'];

/** Service A's patient, as it must never appear to anyone else. */
const PHI = ['Testy', 'Patientson', '9434765919', '943 476 5919', 'MRN-0001'];

const ALL_CLINICAL_ROLES = ['prescriber', 'nurse', 'practitioner', 'supervisor', 'cd-officer', 'auditor'];

interface Person {
  client: Client;
  id: string;
  roles: readonly string[];
}

/** Service A's people and records: one of each resource a path parameter can name. */
interface ServiceA {
  everyone: Person;
  nurse: Person;
  cdOfficer: Person;
  practitioner: Person;
  admin: Person;
  ids: Record<string, string>;
}
let a: ServiceA;
/** A user of service B holding every clinical role, so only the object's service can refuse them. */
let otherService: Person;

interface Route {
  method: string;
  url: string;
  access: string;
  patientScoped: boolean;
}
let routes: Route[];

const now = () => new Date().toISOString();

/** The URL with each path parameter replaced by a real service-A id (or content id); throws on an unknown one. */
function urlFor(route: Route): string {
  const url = route.url
    .replace('/services/:serviceId/', `/services/${a.ids.service}/`)
    .replace('/_history/:vid', '/_history/1')
    .replace('/:name', `/${a.ids.exportFile ?? ''}`)
    .replace(
      /\/([a-z-]+(?:\/[a-z-]+)?|R4\/\$?[A-Za-z-]+)\/:(id|token)/g,
      (_m, collection: string, param: string) => {
        const id = param === 'token' ? 'not-a-real-token-0123456789' : a.ids[collection];
        if (id === undefined) throw new Error(`no id for :${param} after /${collection} in ${route.url}`);
        return `/${collection}/${id}`;
      },
    );
  if (url.includes(':')) throw new Error(`unfilled path parameter in ${route.url}`);
  return url;
}

/** Valid request bodies, so that a refusal is the access check's and not validation's. */
function bodyFor(route: Route): unknown {
  const key = `${route.method} ${route.url.replace('/api/v1', '')}`;
  const bodies: Record<string, unknown> = {
    'PATCH /patients/:id': { familyName: 'Hacked', reason: 'attempt' },
    'POST /patients/:id/onward-referrals': {
      destination: 'urology',
      decidedOn: now().slice(0, 10),
      targetDays: 14,
      decisionId: a.ids.decision,
    },
    'POST /patients/:id/crisis-events': { kind: 'admission', occurredOn: '2026-01-01' },
    'POST /patients/:id/vitals': { takenAt: '2026-01-01T09:00:00Z', systolic: 120, diastolic: 80 },
    'POST /patients/:id/responses': {
      instrument: 'gad-7',
      answers: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0 },
    },
    'POST /patients/:id/self-report-links': { instruments: ['phq-9'] },
    'POST /patients/:id/harm-assessments': { assessment: HARM_ASSESSMENT },
    'POST /patients/:id/care-plan': {
      interventions: [{ interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one' }],
      reviewDue: '2030-01-01',
    },
    'POST /patients/:id/appointments': {
      startsAt: '2030-01-01T10:00:00Z',
      durationMinutes: 30,
      contactType: 'phone',
    },
    'POST /patients/:id/formulation': {
      presentingHarms: 'x',
      drivers: 'x',
      protectiveFactors: 'x',
      goals: 'x',
    },
    'POST /patients/:id/therapy-sessions': {
      kind: 'integration',
      heldAt: '2026-01-01T10:00:00Z',
      durationMinutes: 50,
      notes: 'x',
    },
    'POST /patients/:id/care-messages': { text: 'x' },
    'POST /patients/:id/tasks': { title: 'x' },
    'POST /patients/:id/referrals': { indication: 'ptsd' },
    'POST /patients/:id/eligibility': ELIGIBILITY,
    'POST /patients/:id/consents': {
      route: 'iv-racemic',
      documentId: 'consent-iv-racemic',
      documentVersion: '1.0.0',
      signature: { kind: 'typed', name: 'x' },
    },
    'POST /patients/:id/treatment-sessions': {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline: { takenAt: now(), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 },
      dose: { mgPerKg: 0.5 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
    },
    'POST /alerts/:id/acknowledge': { note: 'Seen' },
    'POST /tasks/:id/complete': { note: 'Done' },
    'POST /appointments/:id/status': { status: 'did-not-attend' },
    'POST /consents/:id/withdraw': { reason: 'Patient changed their mind' },
    'POST /crisis-events/:id/retraction': { reason: 'Recorded on the wrong person' },
    'POST /onward-referrals/:id/outcome': { outcome: 'made', on: '2026-01-02' },
    'POST /harm-assessments/:id/decision': { confirmedLevel: 3, reason: 'Clinical judgement on review' },
    'POST /harm-assessments/:id/replay': {},
    'POST /treatment-sessions/:id/vitals': {
      takenAt: now(),
      systolic: 120,
      diastolic: 80,
      heartRate: 70,
      spo2: 98,
    },
    'POST /treatment-sessions/:id/observations': { kind: 'cadss', score: 12, at: now() },
    'POST /treatment-sessions/:id/administration': { event: 'rate-change', at: now(), rateMgPerHour: 40 },
    'POST /treatment-sessions/:id/discharge': { alertAndOriented: true, escortPresent: true },
    'POST /treatment-sessions/:id/rems-medication': {
      benzodiazepines: false,
      nonBenzodiazepineSedativeHypnotics: false,
      psychostimulants: false,
      maois: false,
      opioids: false,
    },
    'POST /treatment-sessions/:id/rems-submission': { reference: 'PMF-1' },
    'POST /calibration/vignettes/:id/ratings': { level: 2, rationale: 'Pattern of use' },
  };
  return route.method === 'GET' ? undefined : (bodies[key] ?? {});
}

const HARM_ASSESSMENT = {
  use: { daysUsedLast28: 12, routes: ['nasal'], bingeing: true, escalating: true },
  symptoms: [{ code: 'urinary-frequency' }],
  risks: [],
};
const ELIGIBILITY = {
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
};

/** A created record's id, or a clear failure of the set-up. */
function idOf(r: Reply, what: string): string {
  if (r.status >= 300 || typeof r.body?.id !== 'string') throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body.id as string;
}

async function buildServiceA(): Promise<ServiceA> {
  const person = async (email: string, name: string, roles: string[], service = w.serviceA) => {
    const p = await addStaff(w, email, name, roles, [service]);
    return { ...p, roles };
  };
  const everyone = await person('all.a@clinic.test', 'Ann All', ALL_CLINICAL_ROLES);
  await w.admin.post(`/api/v1/users/${everyone.id}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  const nurse = await person('nurse.a@clinic.test', 'Nia Nurse', ['nurse']);
  const cdOfficer = await person('cdo.a@clinic.test', 'Cal Officer', ['cd-officer']);
  const c = everyone.client;
  const today = now().slice(0, 10);
  const patient = idOf(
    await c.post('/api/v1/patients', { ...SAMPLE_PATIENT, weight: { kg: 70, measuredOn: today } }),
    'patient',
  );
  const p = `/api/v1/patients/${patient}`;
  idOf(await c.post(`${p}/referrals`, { indication: 'treatment-resistant-depression' }), 'referral');
  const session = await startIvSession(c, patient, everyone.id);
  const consent = (await c.get(`${p}/consents`)).body.consents[0].id as string;
  const started = await c.post(`/api/v1/treatment-sessions/${session}/administration`, {
    event: 'start',
    at: now(),
    product: 'Ketamine 10 mg/mL',
    lot: 'L1',
  });
  if (started.status !== 201) throw new Error(`administration: ${started.text}`);
  // 185/110 raises an urgent alert and its tasks.
  await c.post(`/api/v1/treatment-sessions/${session}/vitals`, {
    takenAt: now(),
    systolic: 185,
    diastolic: 110,
    heartRate: 96,
    spo2: 98,
  });
  const alert = (await c.get(`${p}/alerts`)).body.alerts[0].id as string;
  const task = idOf(await c.post(`${p}/tasks`, { title: 'Call the patient' }), 'task');
  const response = idOf(
    await c.post(`${p}/responses`, {
      instrument: 'phq-9',
      answers: { 1: 1, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
    }),
    'questionnaire response',
  );
  const saved = await c.post(`${p}/harm-assessments`, { assessment: HARM_ASSESSMENT });
  const assessment = idOf(saved, 'harm assessment');
  const decision = idOf(
    await c.post(`/api/v1/harm-assessments/${assessment}/decision`, {
      confirmedLevel: saved.body.evaluation.level,
    }),
    'harm decision',
  );
  // A care plan with a goal (for the FHIR CarePlan and Goal probes).
  const plan = await c.post(`${p}/care-plan`, {
    interventions: [{ interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one' }],
    goals: ['Cut down to weekends'],
    reviewDue: '2030-01-01',
  });
  if (plan.status !== 201) throw new Error(`care plan: ${plan.text}`);
  const appointment = idOf(
    await c.post(`${p}/appointments`, {
      startsAt: '2030-01-01T10:00:00Z',
      durationMinutes: 30,
      contactType: 'phone',
    }),
    'appointment',
  );
  const onward = idOf(
    await c.post(`${p}/onward-referrals`, {
      destination: 'urology',
      decidedOn: today,
      targetDays: 14,
      decisionId: decision,
    }),
    'onward referral',
  );
  const crisis = idOf(
    await c.post(`${p}/crisis-events`, { kind: 'admission', occurredOn: '2026-01-01' }),
    'crisis event',
  );
  const product = idOf(
    await c.post('/api/v1/cd-register/products', {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 5,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-5' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    }),
    'CD product',
  );
  const location = idOf(
    await c.post('/api/v1/cd-register/locations', { name: 'North safe', premises: 'North Clinic' }),
    'CD location',
  );
  const receipt = await c.post('/api/v1/cd-register/entries', {
    kind: 'receipt',
    productId: product,
    locationId: location,
    quantity: { containers: 1 },
    supplier: { name: 'Acme Wholesale', address: '1 Main St' },
    invoice: 'INV-1',
    lot: 'L1',
    expiry: '2028-01-01',
  });
  const entry = (receipt.body?.entry?.id ?? receipt.body?.id) as string | undefined;
  if (receipt.status !== 201 || typeof entry !== 'string') throw new Error(`receipt: ${receipt.text}`);
  const vignette = idOf(
    await c.post('/api/v1/calibration/vignettes', {
      title: 'Daily use with bladder pain',
      narrative: 'An anonymised case.',
      assessment: HARM_ASSESSMENT,
      referenceLevel: 3,
    }),
    'vignette',
  );
  // A break-glass grant of a service-B colleague to A's patient (the emergency route, for the review probes).
  const carol = await person('carol.b@clinic.test', 'Carol South', ['practitioner'], w.serviceB);
  const grant = await carol.client.post('/api/v1/break-glass', {
    identifier: '943 476 5919',
    reason: 'Collapsed in our clinic; needs allergy history',
  });
  if (grant.status !== 201) throw new Error(`break-glass: ${grant.text}`);
  // A system client (SMART Backend Services) reading service A, for the key and disable probes.
  const { publicKey } = await generateKeyPair('ES384');
  const systemClient = await w.admin.post('/api/v1/system-clients', {
    name: 'Warehouse A',
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'a1' }] },
    scope: 'system/*.read',
    serviceIds: [w.serviceA],
  });
  if (systemClient.status !== 201) throw new Error(`system client: ${systemClient.text}`);
  // A finished FHIR Bulk Data export of A's patients, for the status and file probes.
  const kickOff = await c.get('/fhir/R4/Patient/$export', { prefer: 'respond-async' });
  if (kickOff.status !== 202) throw new Error(`export: ${kickOff.text}`);
  const statusUrl = new URL(kickOff.headers.get('content-location') ?? '').pathname;
  const exportJob = statusUrl.split('/').at(-1) ?? '';
  let manifest: { output: { url: string }[] } | undefined;
  for (const deadline = Date.now() + 60_000; !manifest && Date.now() < deadline;) {
    const r = await c.get(statusUrl);
    if (r.status === 200) manifest = r.body as { output: { url: string }[] };
    else if (r.status === 202) await new Promise((done) => setTimeout(done, 100));
    else throw new Error(`export status: ${r.status} ${r.text}`);
  }
  const exportFile = manifest?.output[0]?.url.split('/').at(-1);
  if (!exportFile) throw new Error('the export did not finish with a file');
  // One of A's records of every other served FHIR type, as A's broadest user finds it (none missing).
  const metadata = await c.get('/fhir/R4/metadata');
  const served = (metadata.body.rest[0].resource as { type: string }[]).map((r) => r.type);
  const fhirIds: Record<string, string> = {};
  for (const type of served.filter((t) => !['Group', 'Organization', 'Practitioner'].includes(t))) {
    const found = await c.get(`/fhir/R4/${type}?_count=1`);
    const id = (found.body?.entry as { resource: { id: string } }[] | undefined)?.[0]?.resource.id;
    if (!id)
      throw new Error(`service A has no ${type} to probe: ${found.status} ${found.text.slice(0, 200)}`);
    fhirIds[`R4/${type}`] = id;
  }
  return {
    everyone,
    nurse,
    cdOfficer,
    practitioner: { client: w.alice, id: w.aliceId, roles: ['practitioner'] },
    admin: { client: w.admin, id: '', roles: ['admin'] },
    ids: {
      patients: patient,
      'treatment-sessions': session,
      consents: consent,
      alerts: alert,
      tasks: task,
      'harm-assessments': assessment,
      decision,
      appointments: appointment,
      'onward-referrals': onward,
      'crisis-events': crisis,
      'cd-register/entries': entry,
      // FHIR resources, by type (src/fhir/resources.ts): A's records, A's service and A's staff.
      ...fhirIds,
      'R4/Patient': patient,
      'R4/Observation': `${patient}-body-weight`,
      'R4/QuestionnaireResponse': response,
      'R4/Organization': w.serviceA,
      'R4/Practitioner': nurse.id,
      'R4/Group': w.serviceA,
      'R4/$export-status': exportJob,
      'R4/$export-file': exportJob,
      exportFile,
      'cd-register/products': product,
      'cd-register/locations': location,
      'calibration/vignettes': vignette,
      'break-glass': grant.body.grants[0].id as string,
      users: nurse.id,
      'system-clients': systemClient.body.clientId as string,
      services: w.serviceA,
      service: w.serviceA,
      protocols: 'iv-racemic-psychiatric',
      instruments: 'phq-9',
    },
  };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  a = await buildServiceA();
  const b = await addStaff(w, 'all.b@clinic.test', 'Ben All', ALL_CLINICAL_ROLES, [w.serviceB]);
  otherService = { ...b, roles: ALL_CLINICAL_ROLES };
  routes = server.app.kaspr.routes.map((r) => ({ ...r }));
}, 180_000);
afterAll(() => server.close());

/** A signed-in user of service A whose roles lack the route's permission (null when everyone has it). */
function lacking(access: string): Person | null {
  if (access === 'public' || access === 'authenticated') return null;
  const pool = [a.practitioner, a.nurse, a.cdOfficer, a.admin];
  return pool.find((p) => !hasPermission(p.roles, access as Parameters<typeof hasPermission>[1])) ?? null;
}

/**
 * Routes whose path names a service-A record: service B's user must get 404, as for a record that does not exist.
 * Break-glass grants, users, services, protocols and instruments are the organisation's, not a service's. Stock
 * locations are shared by the organisation's services by design (a dose for B's patient may be drawn from A's
 * safe: migration 017), so a register entry naming A's safe is not probed here; an entry for no patient at a safe
 * the author cannot see is refused, proved in test/cd-register-scope.test.ts.
 */
function namesServiceARecord(route: Route): boolean {
  if (/\/(break-glass|users|services|protocols|instruments)\//.test(route.url)) return false;
  return /:id/.test(route.url);
}

const routeKey = (route: Route) => `${route.method} ${route.url}`;

/** Service A's clinical records by kind (not the organisation's products, safes, users, services or content). */
function serviceARecordIds(): Record<string, string> {
  const organisation = [
    // An AuditEvent's id is the log's sequence number, a short number any reply may hold by chance; its service
    // boundary is proved in test/fhir-records.test.ts.
    'R4/AuditEvent',
    'R4/Organization',
    'R4/Practitioner',
    'R4/Group',
    'exportFile',
    'cd-register/products',
    'cd-register/locations',
    'users',
    'system-clients',
    'services',
    'service',
    'break-glass',
  ];
  const content = ['protocols', 'instruments'];
  return Object.fromEntries(
    Object.entries(a.ids).filter(([k]) => !organisation.includes(k) && !content.includes(k)),
  );
}

/**
 * Governance lists name patient ids by design, never patients' details: the audit trail for the organisation's
 * auditors, and break-glass grants (here, a service-B colleague's emergency access) for their reviewers.
 */
const GOVERNANCE_LISTS = ['GET /api/v1/audit', 'GET /api/v1/break-glass'];

const YEAR = 'from=2026-01-01&to=2026-12-31';
const reportOfA = () => ({ query: `?${YEAR}&service=${a.ids.service}`, expected: [404] });
/**
 * Lists asked by service B's user about service A by name, id or service: no A record may come back, and asking
 * for another service's report is 404, as for a service that does not exist (src/api/report-scope.ts).
 */
const OTHER_SERVICE_QUERIES: Record<string, () => { query: string; expected?: readonly number[] }> = {
  'GET /api/v1/patients': () => ({ query: '?q=Patientson' }),
  'GET /api/v1/tasks': () => ({ query: `?scope=service&patientId=${a.ids.patients}` }),
  'GET /api/v1/appointments': () => ({ query: '?scope=service&date=2030-01-01' }),
  'GET /api/v1/reports/service-outcomes': reportOfA,
  'GET /api/v1/reports/service-outcomes/series': reportOfA,
  'GET /api/v1/reports/service-outcomes/tables': reportOfA,
  'GET /api/v1/reports/service-outcomes/report.pdf': reportOfA,
  'GET /api/v1/reports/pilot-comparison': () => ({
    query: `?firstFrom=2026-01-01&firstTo=2026-06-30&firstService=${a.ids.service}&secondFrom=2026-07-01&secondTo=2026-12-31&secondService=${a.ids.service}`,
    expected: [404],
  }),
};

/** Organisation-level administration: not service-scoped, so no "other service" probe. */
const ORGANISATION_ACCESS = ['user:manage', 'service:manage', 'settings:manage', 'content:manage'];

describe('the access matrix', () => {
  it('lists the same routes in the route table and the OpenAPI document', async () => {
    const doc = (await new Client(server.baseUrl).get('/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const table = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !UNDOCUMENTED.includes(r))
      .sort();
    expect(documented).toEqual(table);
    expect(table.length).toBeGreaterThan(100);
  });

  it('refuses every route to no session, the wrong role, another service and a write without CSRF: 0 leaks', async () => {
    const leaks: string[] = [];
    let probes = 0;
    let notApplicable = 0;
    const anonymous = new Client(server.baseUrl);
    const db = server.ctx.db;

    /** Sends one refused request; a leak is a 2xx, the wrong status, A's patient in the body, or a changed row. */
    const probe = async (
      name: string,
      route: Route,
      client: Client,
      expected: readonly number[],
      opts: { csrf?: boolean; phiOnly?: boolean; query?: string; noServiceAIds?: boolean } = {},
    ) => {
      probes += 1;
      const key = `${name}: ${route.method} ${route.url}${opts.query ?? ''}`;
      const headers: Record<string, string> = route.method === 'PATCH' ? { 'if-match': 'W/"1"' } : {};
      if (opts.csrf === false) headers['x-csrf-token'] = '';
      const before = route.method === 'GET' ? null : await tableDigest(db);
      const url = urlFor(route);
      const r = await client.request(route.method, url + (opts.query ?? ''), bodyFor(route), headers);
      if (!opts.phiOnly && r.status >= 200 && r.status < 300) leaks.push(`${key} answered ${r.status}`);
      else if (!opts.phiOnly && !expected.includes(r.status))
        leaks.push(`${key} answered ${r.status}, expected ${expected.join('|')}: ${r.text.slice(0, 160)}`);
      if (opts.phiOnly && r.status >= 500) leaks.push(`${key} failed with ${r.status}`);
      for (const s of PHI) if (r.text.includes(s)) leaks.push(`${key} shows "${s}"`);
      if (opts.noServiceAIds)
        for (const [what, id] of Object.entries(serviceARecordIds()))
          if (!url.includes(id) && r.text.includes(id)) leaks.push(`${key} shows service A's ${what} id`);
      // A native problem names its code; a FHIR OperationOutcome names it in its issue's details.
      const code = r.body?.code ?? r.body?.issue?.[0]?.details?.coding?.[0]?.code;
      if (opts.csrf === false && code !== 'csrf-rejected')
        leaks.push(`${key} refused without naming csrf-rejected: ${r.text.slice(0, 160)}`);
      if (before) {
        const changed = changedTables(before, await tableDigest(db));
        if (changed.length > 0) leaks.push(`${key} changed ${changed.join(', ')}`);
      }
    };

    for (const route of routes) {
      const isPublic = route.access === 'public';
      // 1. No session.
      if (isPublic) notApplicable += 1;
      else await probe('no session', route, anonymous, [401]);
      // 2. A signed-in user of the patient's own service whose roles lack the permission.
      const wrong = lacking(route.access);
      if (wrong) await probe(`wrong role (${wrong.roles.join('+')})`, route, wrong.client, [403]);
      else notApplicable += 1;
      // 3. Service B's user (every clinical role) on service A's records: 404, as for a record that does not exist.
      if (isPublic || ORGANISATION_ACCESS.includes(route.access)) notApplicable += 1;
      else if (namesServiceARecord(route))
        await probe('other service', route, otherService.client, [404], { noServiceAIds: true });
      else if (route.method === 'GET') {
        const named = OTHER_SERVICE_QUERIES[routeKey(route)]?.();
        await probe('other service (list)', route, otherService.client, named?.expected ?? [], {
          phiOnly: named?.expected === undefined,
          query: named?.query ?? '',
          noServiceAIds: !GOVERNANCE_LISTS.includes(routeKey(route)),
        });
      } else notApplicable += 1;
      // 4. A write without the CSRF token, by a user of A who may otherwise make it.
      if (!isPublic && route.method !== 'GET')
        await probe('no CSRF token', route, a.everyone.client, [403], { csrf: false });
      else notApplicable += 1;
    }
    console.log(
      `access matrix: ${routes.length} routes × 4 probes = ${routes.length * 4} cells, ${probes} requests sent, ${notApplicable} not applicable, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });

  it('sees a write, the patient and a record id where access is allowed (the detectors are live)', async () => {
    const mine = a.everyone.client;
    const before = await tableDigest(server.ctx.db);
    const r = await mine.post(`/api/v1/patients/${a.ids.patients}/tasks`, { title: 'Detector check' });
    expect(r.status).toBe(201);
    expect(changedTables(before, await tableDigest(server.ctx.db))).toContain('tasks');
    const chart = await mine.get(`/api/v1/patients/${a.ids.patients}`);
    expect(PHI.filter((s) => chart.text.includes(s))).toContain('Patientson');
    const queue = await mine.get(`/api/v1/tasks?scope=service&patientId=${a.ids.patients}`);
    expect(queue.text).toContain(a.ids.tasks);
  });
});
