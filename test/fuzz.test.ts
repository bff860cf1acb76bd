// Property-based fuzzing of every API route with a body or a query string, generated from the routes' own JSON
// schemas (GET /api/v1/openapi.json): hostile values anywhere must never give a 5xx, and a refusal writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIvSession } from './support/treatment.ts';
import {
  addStaff,
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

// Fixed, so a failure found once is found every time (change it to explore; keep the failures as tests).
const SEED = 20261205;
// Runs per route: about 75 routes × these keep the file near 60–90 s per engine on a quiet two-core machine.
const BODY_RUNS = 40;
const QUERY_RUNS = 20;

const UNKNOWN_UUID = '7e1f0c2a-4b6d-4c8e-9f10-1a2b3c4d5e6f';
const NEG_ZERO = '__fuzz_negative_zero__';
const OVERFLOW = '__fuzz_overflow__';

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

interface Operation {
  method: string;
  path: string;
  body?: Schema;
  query: { name: string; schema: Schema; required?: boolean }[];
}

const nested = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values no field should ever turn into a server error. */
const HOSTILE_STRINGS = [
  'nul\u0000inside',
  '\u0000',
  'lone high \uD800',
  '\uDFFF lone low',
  'x'.repeat(70_000),
  '',
  '   ',
  '0000-01-01',
  '2026-02-30',
  '9999-12-31',
  '0000-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-13-01T25:61:00+25:00',
  UNKNOWN_UUID,
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  "'; SELECT pg_sleep(1); --",
  '%00',
  '{"$gt":""}',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  NEG_ZERO,
  OVERFLOW,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER + 2,
  0.1,
  [],
  {},
  [null],
  { __proto__: { polluted: true } },
  nested(40),
  nested(400),
];

const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_VALUES));

interface Ids {
  uuids: string[];
}

// Field names whose values must name something real for a request to get past the first check.
const HINTS: Record<string, string[]> = {
  protocol: ['iv-racemic-psychiatric', 'esketamine-intranasal'],
  instrument: ['phq-9', 'gad-7'],
  instruments: ['gad-7'],
  system: ['nhs', 'mrn'],
  route: ['iv-racemic', 'oral'],
  email: ['alice@clinic.test', 'nobody@clinic.test'],
};
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Well-formed values for a schema: real ids, plausible dates, in-range numbers, the right shapes. */
function shaped(s: Schema, ids: Ids, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => shaped(a, ids, depth, name)));
  if (s.allOf?.[0]) return shaped(s.allOf[0], ids, depth, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return fc.constantFrom(...ids.uuids, UNKNOWN_UUID);
      if (s.format === 'date' || s.pattern === DATE_PATTERN)
        return fc.constantFrom('2026-11-01', '1988-04-12', '2027-01-31', '2024-02-29');
      if (s.format === 'date-time')
        return fc.constantFrom(new Date().toISOString(), '2026-11-01T09:30:00+00:00', '2027-03-01T12:00:00Z');
      if (s.format === 'email') return fc.constantFrom('alice@clinic.test', 'nobody@clinic.test');
      const hint = HINTS[name];
      if (hint) return fc.constantFrom(...hint);
      if (s.pattern) {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 1e6));
        } catch {
          /* a pattern JavaScript cannot compile: fall through to free text */
        }
      }
      const max = Math.min(s.maxLength ?? 60, 60);
      const min = Math.min(s.minLength ?? 0, max);
      return fc.string({ minLength: min, maxLength: max }).map((v) => (min > 0 && !v.trim() ? 'text' : v));
    }
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1_000, -1e9),
        max: Math.min(s.maximum ?? 1_000, 1e9),
      });
    case 'number':
      return fc.double({
        min: s.minimum ?? s.exclusiveMinimum ?? -1_000,
        max: s.maximum ?? s.exclusiveMaximum ?? 1_000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(s.items ?? {}, ids, depth + 1, name), {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.max(Math.min(s.maxItems ?? 3, 3), Math.min(s.minItems ?? 0, 3)),
      });
    case 'object': {
      if (s.properties) {
        const keys = Object.keys(s.properties);
        const model = Object.fromEntries(
          keys.map((k) => [k, shaped(s.properties?.[k] ?? {}, ids, depth + 1, k)]),
        );
        return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
      }
      const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
      return fc.dictionary(fc.string({ maxLength: 12 }), shaped(values, ids, depth + 1), { maxKeys: 4 });
    }
    default:
      return depth > 4 ? fc.constant(null) : fc.jsonValue({ maxDepth: 3 });
  }
}

/** Every place in a value a mutation can go: the whole value, each property and each item. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [path];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      found.push(...places(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return found;
}

/** The value with the thing at `path` replaced (a copy). */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...value };
    copy[String(head)] = replaceAt(copy[String(head)], rest, replacement);
    return copy;
  }
  return replacement;
}

/** A value for a schema: well-formed, then usually one place in it made hostile, sometimes an extra field. */
function mutated(s: Schema, ids: Ids, example?: unknown): fc.Arbitrary<unknown> {
  const generated = shaped(s, ids, 0);
  // A known-good body gets past the content checks, so its mutations reach the handlers and the database.
  const base =
    example === undefined
      ? generated
      : fc.oneof({ arbitrary: fc.constant(example), weight: 3 }, { arbitrary: generated, weight: 1 });
  const oneHostile = fc.tuple(base, fc.nat(), hostile).map(([value, pick, bad]) => {
    const all = places(value);
    return replaceAt(value, all[pick % all.length] ?? [], bad);
  });
  const withExtra = fc
    .tuple(base, fc.constantFrom('extra', '__proto__', 'constructor', 'x\u0000'), hostile)
    .map(([b, key, v]) => (b && typeof b === 'object' && !Array.isArray(b) ? { ...b, [key]: v } : b));
  return fc.oneof(
    { arbitrary: base, weight: 2 },
    { arbitrary: oneHostile, weight: 6 },
    { arbitrary: withExtra, weight: 1 },
  );
}

/** JSON text, with the markers for what JSON.stringify cannot write (-0, a number that overflows to Infinity). */
function toJson(body: unknown): string {
  return JSON.stringify(body).replaceAll(`"${NEG_ZERO}"`, '-0').replaceAll(`"${OVERFLOW}"`, '1e999');
}

/** Percent-encodes a query value, lone surrogates included (as the raw UTF-8 bytes a client could send). */
function encodeQueryValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    // Code point by code point (Array.from), so an unpaired surrogate stands alone and is sent as its raw bytes.
    return Array.from(text, (c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join(
      '',
    );
  }
}

let server: TestServer;
let w: World;
let fuzzer: Client;
let operations: Operation[] = [];
const pathIds: Record<string, string> = {};
const ids: Ids = { uuids: [] };
let writeCountSql = '';
/** Known-good bodies, by route, filled in once the ids exist. */
const examples: Record<string, unknown> = {};

/** Rows a request could have written: every table but the bookkeeping ones (the audit log records reads too). */
async function writeCount(): Promise<number> {
  const [row] = await server.ctx.db.query<{ n: number }>(writeCountSql);
  return row?.n ?? 0;
}

// Tables a refused request may change: denials and failures are audited, sign-in attempts are counted.
const BOOKKEEPING = new Set([
  'audit_log',
  'audit_anchor_keys',
  'sessions',
  'login_attempts',
  'sign_in_lockouts',
  'idempotency_keys',
]);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const { ROLES } = await import('../src/domain/access/roles.ts');
  const me = await addStaff(w, 'fuzz@clinic.test', 'Fuzz Everyrole', [...ROLES], [w.serviceA]);
  fuzzer = me.client;
  await fuzzer.post(`/api/v1/users/${me.id}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  const patient = await fuzzer.post('/api/v1/patients', {
    ...SAMPLE_PATIENT,
    weight: { kg: 70, measuredOn: new Date().toISOString().slice(0, 10) },
  });
  if (patient.status !== 201) throw new Error(patient.text);
  const patientId = patient.body.id as string;

  const idOf = async (path: string, body: unknown): Promise<string | undefined> => {
    const r = await fuzzer.post(path, body);
    return r.status < 300 ? ((r.body?.id ?? r.body?.entry?.id) as string | undefined) : undefined;
  };
  const sessionId = await startIvSession(fuzzer, patientId, me.id).catch((e: unknown) => {
    console.warn(String(e));
    return undefined;
  });
  const appointmentId = await idOf(`/api/v1/patients/${patientId}/appointments`, {
    startsAt: '2027-01-10T10:00:00Z',
    durationMinutes: 30,
    contactType: 'phone',
  });
  const assessmentId = await idOf(`/api/v1/patients/${patientId}/harm-assessments`, {
    assessment: {
      use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [{ code: 'urinary-frequency' }],
      risks: [],
    },
  });
  const productId = await idOf('/api/v1/cd-register/products', {
    drug: 'Ketamine',
    form: 'solution for injection',
    strength: { mgPerMl: 10 },
    containerSize: 20,
    code: { system: 'other', value: 'K-10' },
  });
  const locationId = await idOf('/api/v1/cd-register/locations', { name: 'Main safe', premises: 'North' });
  const link = await fuzzer.post(`/api/v1/patients/${patientId}/self-report-links`, {
    instruments: ['gad-7'],
  });
  const token = typeof link.body?.path === 'string' ? String(link.body.path).split('/').pop() : undefined;

  const fallback = UNKNOWN_UUID;
  Object.assign(pathIds, {
    patients: patientId,
    users: w.bobId,
    services: w.serviceA,
    'treatment-sessions': sessionId ?? fallback,
    appointments: appointmentId ?? fallback,
    'harm-assessments': assessmentId ?? fallback,
    protocols: 'iv-racemic-psychiatric',
    instruments: 'phq-9',
    'self-report': token ?? 'x'.repeat(30),
  });
  ids.uuids = [
    patientId,
    me.id,
    w.aliceId,
    w.bobId,
    w.serviceA,
    w.serviceB,
    sessionId,
    appointmentId,
    assessmentId,
    productId,
    locationId,
  ].filter((x): x is string => typeof x === 'string');

  const now = new Date().toISOString();
  const assessment = {
    use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: true },
    symptoms: [{ code: 'urinary-frequency' }],
    risks: [],
  };
  Object.assign(examples, {
    'POST /api/v1/patients': SAMPLE_PATIENT,
    'POST /api/v1/harm/evaluate': { assessment },
    'POST /api/v1/patients/{id}/harm-assessments': { assessment, assessedAt: now },
    'POST /api/v1/calibration/vignettes': {
      title: 'Case A',
      narrative: 'A person using ketamine most days',
      assessment,
      referenceLevel: 2,
    },
    'POST /api/v1/patients/{id}/consents': {
      route: 'iv-racemic',
      documentId: 'consent-iv-racemic',
      documentVersion: '1.0.0',
      signature: { kind: 'typed', name: 'The patient' },
    },
    'POST /api/v1/cd-register/entries': {
      kind: 'receipt',
      productId,
      locationId,
      quantity: { containers: 2 },
      supplier: { name: 'Acme Wholesale', address: '1 Trade Park' },
      invoice: 'INV-1',
      lot: 'L1',
      expiry: '2028-06-30',
    },
    'POST /api/v1/patients/{id}/onward-referrals': {
      destination: 'urology',
      decidedOn: now.slice(0, 10),
      targetDays: 14,
    },
    'POST /api/v1/patients/{id}/treatment-sessions': {
      protocol: 'iv-racemic-psychiatric',
      setting: 'clinic',
      baseline: { takenAt: now, systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 },
      dose: { mgPerKg: 0.5, durationMin: 40 },
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: me.id,
    },
    'POST /api/v1/treatment-sessions/{id}/vitals': {
      takenAt: now,
      systolic: 125,
      diastolic: 82,
      heartRate: 72,
      spo2: 97,
    },
    'POST /api/v1/dose-calculations': { protocol: 'iv-racemic-psychiatric', weightKg: 70, mgPerKg: 0.5 },
  });

  const doc = (await fuzzer.get('/api/v1/openapi.json')).body as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content?: Record<string, { schema?: Schema }> };
          parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
        }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema, required: p.required }));
      if (body || query.length > 0) operations.push({ method: method.toUpperCase(), path, body, query });
    }
  }
  // Changing the organisation's sign-in settings could lock the fuzzing user out of what follows: last.
  operations = [
    ...operations.filter((o) => o.path !== '/api/v1/settings'),
    ...operations.filter((o) => o.path === '/api/v1/settings'),
  ];

  const tables = await server.ctx.db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const counts = tables
    .filter((t) => !BOOKKEEPING.has(t.name))
    .map((t) => `(SELECT count(*) FROM "${t.name}")`);
  writeCountSql = `SELECT (${counts.join(' + ')})::int AS n`;
}, 180_000);
afterAll(() => server.close());

/** The path with real ids for its parameters: the parameter's value is named by the segment before it. */
function concretePath(path: string): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith('{')) return part;
      if (part === '{serviceId}') return w.serviceA;
      return pathIds[parts[i - 1] ?? ''] ?? UNKNOWN_UUID;
    })
    .join('/');
}

// Routes whose refusals are rightly counted (sign-in attempts): their answers are checked, their writes are not.
const COUNTS_ATTEMPTS = /\/(auth\/|me\/password|me\/totp|setup$|self-report\/)/;

interface Finding {
  status: number;
  request: string;
  problem: string;
}

async function fuzzRoute(op: Operation): Promise<Finding[]> {
  const findings: Finding[] = [];
  const url = concretePath(op.path);
  let rows = await writeCount();
  const bodyArb = op.body
    ? mutated(op.body, ids, examples[`${op.method} ${op.path}`])
    : fc.constant(undefined);
  const querySchema: Schema = {
    type: 'object',
    properties: Object.fromEntries(op.query.map((q) => [q.name, q.schema])),
    required: op.query.filter((q) => q.required).map((q) => q.name),
  };
  const queryArb = (op.query.length > 0 ? mutated(querySchema, ids) : fc.constant({})).map((q) =>
    q && typeof q === 'object' && !Array.isArray(q) ? (q as Record<string, unknown>) : { q },
  );
  const samples = fc.sample(fc.tuple(bodyArb, queryArb), {
    seed: SEED,
    numRuns: op.body ? BODY_RUNS : QUERY_RUNS,
  });
  for (const [body, query] of samples) {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeQueryValue(v)}`)
      .join('&');
    const target = qs ? `${url}?${qs}` : url;
    const payload = op.body ? toJson(body) : undefined;
    const before = rows;
    const r = await fuzzer.request(
      op.method,
      target,
      payload,
      payload ? { 'content-type': 'application/json' } : {},
    );
    // One count per request: the count after this one is the count before the next.
    rows = await writeCount();
    const shown = `${op.method} ${target.slice(0, 300)} ${payload?.slice(0, 300) ?? ''}`;
    if (r.status >= 500) findings.push({ status: r.status, request: shown, problem: r.text.slice(0, 300) });
    else if (r.status >= 400 && !COUNTS_ATTEMPTS.test(op.path) && rows !== before)
      findings.push({
        status: r.status,
        request: shown,
        problem: `refused but wrote ${rows - before} row(s)`,
      });
  }
  return findings;
}

describe('fuzzing every route with a body or a query string', () => {
  it('finds the routes to fuzz in the OpenAPI document', () => {
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(50);
    expect(operations.filter((o) => o.query.length > 0).length).toBeGreaterThan(15);
  });

  it('no generated request gets a 5xx, and no refused request writes anything', async () => {
    const findings: Finding[] = [];
    for (const op of operations) findings.push(...(await fuzzRoute(op)));
    expect(findings).toEqual([]);
  }, 600_000);
});
