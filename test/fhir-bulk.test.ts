// FHIR Bulk Data export (v2) over real HTTP, on both engines: the checklist in ../shared/domain/fhir.md §3 (B2–B8,
// B10–B15) and what users of other servers ask for (§5): kick-off at system, Patient and Group level by GET and
// POST, status polling with X-Progress and Retry-After, the manifest, NDJSON files that validate, `_type`, `_since`,
// `_outputFormat`, `patient`, lenient handling, cancel, expiry, one running export per user (429), files split by
// size, a service's records never in another's export, jobs resumed after a restart, and the audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, resumeBulkExports, setBulkExportPartLimit } from '../src/fhir/bulk/routes.ts';
import { runBulkExport, setBulkExportPatientChunk } from '../src/fhir/bulk/job.ts';
import { createBulkExport, findBulkExport, startBulkExport } from '../src/store/bulk-exports.ts';
import { expectValidFhir } from './support/fhir-validate.ts';
import {
  addStaff,
  buildWorld,
  type Client,
  type Reply,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { startIvSession } from './support/treatment.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let prescriberId: string;
let mejia: string;
let hoeger: string;
let south: string;

const FHIR = '/fhir/R4';
const TODAY = new Date().toISOString().slice(0, 10);
const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PROFILE: Record<string, string> = {
  '29463-7': 'http://hl7.org/fhir/StructureDefinition/bodyweight',
  '8302-2': 'http://hl7.org/fhir/StructureDefinition/bodyheight',
  '8867-4': 'http://hl7.org/fhir/StructureDefinition/heartrate',
  '9279-1': 'http://hl7.org/fhir/StructureDefinition/resprate',
  '2708-6': 'http://hl7.org/fhir/StructureDefinition/oxygensat',
};

interface Resource {
  resourceType: string;
  id: string;
  meta?: { lastUpdated?: string };
  code?: { coding?: { code?: string }[] };
  subject?: { reference?: string };
}
interface Export {
  manifest: Manifest;
  /** The manifest's Expires header, as a time. */
  expires: number;
  statusUrl: string;
  /** Resources by type, from every file of that type. */
  byType: Map<string, Resource[]>;
}

/** The path of an absolute URL on the test server. */
const pathOf = (url: string) => {
  expect(url.startsWith(`${server.baseUrl}/`), url).toBe(true);
  return url.slice(server.baseUrl.length);
};

async function kickOff(
  client: Client,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers = { ...ASYNC, ...init.headers };
  return init.body === undefined
    ? client.get(`${FHIR}/${path}`, headers)
    : client.post(`${FHIR}/${path}`, init.body, { 'content-type': 'application/fhir+json', ...headers });
}

/** Polls a status URL (honouring a short Retry-After) until it is no longer 202, within a deadline. */
async function settle(client: Client, statusUrl: string): Promise<Reply> {
  const deadline = Date.now() + 30_000;
  for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
    const r = await client.get(pathOf(statusUrl));
    if (r.status !== 202) return r;
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((r.headers.get('x-progress') ?? '').length).toBeLessThan(100);
    if (Date.now() > deadline) throw new Error(`export still running: ${r.headers.get('x-progress')}`);
    await new Promise((done) => setTimeout(done, wait));
  }
}

/** Reads every file of a manifest, checking each is NDJSON of one type whose line count is the item's count. */
async function download(client: Client, manifest: Manifest): Promise<Map<string, Resource[]>> {
  const byType = new Map<string, Resource[]>();
  for (const item of [...manifest.output, ...manifest.error]) {
    expect(item.url).toMatch(/^https?:\/\/[^/]+\/fhir\/R4\/\$export-file\//);
    const r = await client.get(pathOf(item.url));
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/fhir+ndjson');
    const lines = r.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(item.count);
    const resources = lines.map((l) => JSON.parse(l) as Resource);
    for (const resource of resources) expect(resource.resourceType).toBe(item.type);
    byType.set(item.type, [...(byType.get(item.type) ?? []), ...resources]);
  }
  return byType;
}

/** Kicks off, waits for the manifest (200, application/json, Expires) and downloads the files. */
async function exportOf(
  client: Client,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Export> {
  const k = await kickOff(client, path, init);
  expect(k.status, k.text).toBe(202);
  const statusUrl = k.headers.get('content-location') ?? '';
  expect(statusUrl).toMatch(/^https?:\/\/[^/]+\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);
  const done = await settle(client, statusUrl);
  expect(done.status, done.text).toBe(200);
  expect(done.headers.get('content-type')).toMatch(/^application\/json/);
  const expires = Date.parse(done.headers.get('expires') ?? '');
  expect(expires).toBeGreaterThan(Date.now());
  const manifest = done.body as Manifest;
  return { manifest, expires, statusUrl, byType: await download(client, manifest) };
}

const ids = (e: Export, type: string) => (e.byType.get(type) ?? []).map((r) => r.id).sort();
const typesOf = (e: Export) => e.manifest.output.map((o) => o.type);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const rx = await addStaff(w, 'rx@clinic.test', 'Rex Prescriber', ['prescriber'], [w.serviceA]);
  prescriber = rx.client;
  prescriberId = rx.id;
  await w.admin.post(`/api/v1/users/${rx.id}/credentials`, {
    kind: 'ACLS',
    identifier: 'ACLS-778',
    expiresOn: '2099-01-01',
  });
  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/v1/patients', body);
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  mejia = await create(prescriber, {
    givenName: 'Gustavo',
    familyName: 'Mejía',
    birthDate: '1980-03-12',
    sex: 'male',
    identifiers: [{ system: 'nhs', value: '943 476 5919' }],
    weight: { kg: 72.5, measuredOn: TODAY },
    height: { cm: 178, measuredOn: '2026-11-01' },
  });
  hoeger = await create(prescriber, { givenName: 'Buster', familyName: 'Hoeger', birthDate: '1975-01-02' });
  south = await create(w.bob, {
    givenName: 'Sally',
    familyName: 'Southern',
    birthDate: '1990-06-06',
    weight: { kg: 60, measuredOn: TODAY },
  });
  const phq = await prescriber.post(`/api/v1/patients/${mejia}/responses`, {
    instrument: 'phq-9',
    answers: { 1: 2, 2: 2, 3: 1, 4: 1, 5: 0, 6: 1, 7: 1, 8: 0, 9: 0 },
  });
  if (phq.status !== 201) throw new Error(phq.text);
  const session = await startIvSession(prescriber, mejia, rx.id);
  const vitals = await prescriber.post(`/api/v1/treatment-sessions/${session}/vitals`, {
    takenAt: new Date().toISOString(),
    systolic: 131,
    diastolic: 84,
    heartRate: 77,
    spo2: 97,
    respiratoryRate: 14,
  });
  if (vitals.status !== 201) throw new Error(vitals.text);
}, 180_000);
afterAll(() => server.close());

describe('system-level export', () => {
  let full: Export;
  beforeAll(async () => {
    full = await exportOf(prescriber, '$export');
  });

  it('kicks off (202, absolute Content-Location) and completes with a manifest that has every field (B2, B4–B6)', () => {
    const m = full.manifest;
    expect(m.transactionTime).toMatch(INSTANT);
    expect(m.request).toBe(`${server.baseUrl}${FHIR}/$export`);
    expect(m.requiresAccessToken).toBe(true);
    expect(Array.isArray(m.output)).toBe(true);
    expect(m.error).toEqual([]);
    for (const o of m.output)
      expect(o).toEqual({ type: o.type, url: expect.any(String), count: expect.any(Number) });
    // The types that have records in this world, and never the audit log or inline attachments (Binary).
    expect(typesOf(full)).toEqual(
      expect.arrayContaining([
        'Patient',
        'Observation',
        'QuestionnaireResponse',
        'Organization',
        'Practitioner',
        'PractitionerRole',
        'Provenance',
      ]),
    );
    expect(typesOf(full)).not.toContain('AuditEvent');
    expect(typesOf(full)).not.toContain('Binary');
  });

  it("holds the user's services only, each resource once at its latest version, none after transactionTime (B7, B8)", () => {
    expect(ids(full, 'Patient')).toEqual([mejia, hoeger].sort());
    expect(ids(full, 'Organization')).toEqual([w.serviceA]);
    const all = [...full.byType.values()].flat();
    const keys = all.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(all)).not.toContain(south);
    expect(JSON.stringify(all)).not.toContain('Southern');
    const observations = full.byType.get('Observation') ?? [];
    expect(observations.map((o) => o.subject?.reference)).not.toContain(`Patient/${south}`);
    const codes = observations.map((o) => o.code?.coding?.[0]?.code);
    for (const code of ['29463-7', '8302-2', '85354-9', '8867-4', '44261-6']) expect(codes).toContain(code);
    expect(ids(full, 'QuestionnaireResponse')).toHaveLength(1);
    const transaction = Date.parse(full.manifest.transactionTime);
    for (const r of all)
      if (r.meta?.lastUpdated) expect(Date.parse(r.meta.lastUpdated)).toBeLessThanOrEqual(transaction);
  });

  it('exports only resources that validate (Medplum + strict checks)', () => {
    for (const r of [...full.byType.values()].flat()) {
      const code = r.code?.coding?.[0]?.code;
      expectValidFhir(r, code && PROFILE[code] ? { profile: PROFILE[code] } : {});
    }
  });

  it("never puts one service's records in another's export", async () => {
    const b = await exportOf(w.bob, '$export');
    expect(ids(b, 'Patient')).toEqual([south]);
    expect(ids(b, 'Organization')).toEqual([w.serviceB]);
    const text = JSON.stringify([...b.byType.values()]);
    for (const other of [mejia, hoeger, w.serviceA, 'Mejía', 'Hoeger']) expect(text).not.toContain(other);
    for (const o of b.byType.get('Observation') ?? []) expect(o.subject?.reference).toBe(`Patient/${south}`);
  });

  it('serves the files and the status to their owner only, and audits kick-off and downloads', async () => {
    const jobId = full.statusUrl.split('/').at(-1) ?? '';
    expect((await w.alice.get(pathOf(full.statusUrl))).status).toBe(404);
    const file = await w.alice.get(pathOf(full.manifest.output[0]?.url ?? ''));
    expect(file.status).toBe(404);
    expect(file.body.resourceType).toBe('OperationOutcome');
    const audit = await w.admin.get('/api/v1/audit');
    const entries = (audit.body.entries as { action: string; resourceId: string | null }[]).filter(
      (e) => e.resourceId === jobId,
    );
    expect(entries.map((e) => e.action)).toContain('fhir.export');
    expect(entries.filter((e) => e.action === 'fhir.export-file')).toHaveLength(full.manifest.output.length);
    expect(JSON.stringify(audit.body)).not.toContain('Mejía');
  });

  it('splits a file at the size limit, keeping every resource exactly once', async () => {
    const previous = setBulkExportPartLimit(600);
    try {
      const split = await exportOf(prescriber, '$export');
      const observationFiles = split.manifest.output.filter((o) => o.type === 'Observation');
      expect(observationFiles.length).toBeGreaterThan(1);
      expect(new Set(split.manifest.output.map((o) => o.url)).size).toBe(split.manifest.output.length);
      for (const type of full.byType.keys()) expect(ids(split, type)).toEqual(ids(full, type));
      const count = (e: Export) => e.manifest.output.reduce((n, o) => n + o.count, 0);
      expect(count(split)).toBe(count(full));
    } finally {
      setBulkExportPartLimit(previous);
    }
  });

  it('gives the same NDJSON, file for file and line for line, whether it reads one patient at a time or all at once', async () => {
    /** Every file's name, type and count, and the sorted lines of each type (a chunk changes only their order). */
    const contentOf = (e: Export) => ({
      files: e.manifest.output.map((o) => [o.url.split('/').at(-1), o.type, o.count]),
      lines: [...e.byType].map(([type, rs]) => [type, rs.map((r) => JSON.stringify(r)).sort()]),
    });
    for (const path of ['$export', 'Patient/$export', `Group/${w.serviceA}/$export`]) {
      const previous = setBulkExportPatientChunk(1);
      let oneByOne: Export;
      try {
        oneByOne = await exportOf(prescriber, path);
      } finally {
        setBulkExportPatientChunk(previous);
      }
      const allAtOnce = await exportOf(prescriber, path);
      expect(contentOf(oneByOne).files.length, path).toBeGreaterThan(3);
      expect(contentOf(oneByOne), path).toEqual(contentOf(allAtOnce));
      expect(ids(oneByOne, 'Patient'), path).toEqual([mejia, hoeger].sort());
    }
  });

  it("writes a DocumentReference's attachment URL absolute, against the FHIR base it was asked at, and it resolves", async () => {
    for (const e of [full, await exportOf(prescriber, `Patient/$export?_type=DocumentReference`)]) {
      const docs = (e.byType.get('DocumentReference') ?? []) as (Resource & {
        content?: { attachment?: { url?: string } }[];
      })[];
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) {
        const url = d.content?.[0]?.attachment?.url ?? '';
        expect(url).toMatch(new RegExp(`^${server.baseUrl}${FHIR}/Binary/[0-9a-f-]{36}-pdf$`));
        const binary = await prescriber.get(pathOf(url));
        expect(binary.status, binary.text).toBe(200);
        expect(binary.body.resourceType).toBe('Binary');
        expect(binary.body.contentType).toBe('application/pdf');
      }
    }
  });
});

describe('kick-off parameters', () => {
  it('gives only the types asked for, as a comma list or repeated (B10)', async () => {
    for (const q of ['_type=Patient,Observation', '_type=Patient&_type=Observation']) {
      const e = await exportOf(prescriber, `$export?${q}`);
      expect(typesOf(e).sort()).toEqual(['Observation', 'Patient']);
    }
  });

  it('accepts every _outputFormat spelling and refuses others (B11, B13)', async () => {
    for (const f of ['application/fhir+ndjson', 'application/ndjson', 'ndjson']) {
      const e = await exportOf(
        prescriber,
        `$export?_type=Organization&_outputFormat=${encodeURIComponent(f)}`,
      );
      expect(typesOf(e)).toEqual(['Organization']);
    }
    const r = await kickOff(prescriber, '$export?_outputFormat=text%2Fcsv');
    expect(r.status).toBe(400);
    expect(r.body.resourceType).toBe('OperationOutcome');
  });

  it('refuses an invalid _since, an unknown _type and a kick-off without Prefer: respond-async (B13)', async () => {
    for (const q of ['_since=2026-13-01T00:00:00Z', '_since=yesterday', '_since=2026-01-01', '_type=Claim']) {
      const r = await kickOff(prescriber, `$export?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/fhir+json');
      expect(r.body.resourceType).toBe('OperationOutcome');
      expectValidFhir(r.body);
    }
    const sync = await prescriber.get(`${FHIR}/$export`, { accept: 'application/fhir+json' });
    expect(sync.status).toBe(400);
    expect(sync.body.resourceType).toBe('OperationOutcome');
  });

  it('with Prefer: handling=lenient ignores an unknown type or format, with a warning in error[] (B13)', async () => {
    const e = await exportOf(prescriber, '$export?_type=Patient,Claim&_outputFormat=text%2Fcsv', {
      headers: { prefer: 'respond-async, handling=lenient' },
    });
    expect(typesOf(e)).toEqual(['Patient']);
    expect(e.manifest.error.map((x) => x.type)).toEqual(['OperationOutcome']);
    const [outcome] = e.byType.get('OperationOutcome') ?? [];
    expectValidFhir(outcome);
    expect(JSON.stringify(outcome)).toContain('Claim');
    expect(JSON.stringify(outcome)).toContain('text/csv');
  });

  it('with _since gives only what changed after it, including a record created after it (B12)', async () => {
    const before = await exportOf(prescriber, '$export?_type=Patient,Observation');
    const since = new Date(Date.parse(before.manifest.transactionTime) + 1).toISOString();
    await new Promise((done) => setTimeout(done, 5));
    const created = await prescriber.post('/api/v1/patients', {
      givenName: 'Nova',
      familyName: 'Later',
      birthDate: '2000-02-02',
      weight: { kg: 55, measuredOn: TODAY },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const after = await exportOf(prescriber, `$export?_type=Patient,Observation&_since=${since}`);
    expect(ids(after, 'Patient')).toEqual([id]);
    expect((after.byType.get('Observation') ?? []).map((o) => o.subject?.reference)).toEqual([
      `Patient/${id}`,
    ]);
    expect(ids(before, 'Patient')).not.toContain(id);
  });
});

describe('Patient- and Group-level export', () => {
  it('holds the compartment and the Organization and Practitioners it references', async () => {
    const e = await exportOf(prescriber, 'Patient/$export');
    expect(ids(e, 'Patient')).toContain(mejia);
    expect(ids(e, 'Organization')).toEqual([w.serviceA]);
    expect(typesOf(e)).toEqual(expect.arrayContaining(['Patient', 'Observation', 'QuestionnaireResponse']));
    expect(typesOf(e)).not.toContain('AuditEvent');
    expect(typesOf(e)).not.toContain('Binary');
    // Records outside the compartment are there only because the compartment references them.
    const refs = JSON.stringify([...e.byType.values()]);
    for (const type of ['Organization', 'Practitioner', 'Medication'])
      for (const r of e.byType.get(type) ?? []) expect(refs).toContain(`${type}/${r.id}`);
  });

  it('takes a POST Parameters body with _type and patient, limited to those patients (B15)', async () => {
    const body = {
      resourceType: 'Parameters',
      parameter: [
        { name: '_type', valueString: 'Patient,Observation,QuestionnaireResponse' },
        { name: 'patient', valueReference: { reference: `Patient/${mejia}` } },
        { name: '_outputFormat', valueString: 'application/fhir+ndjson' },
      ],
    };
    const e = await exportOf(prescriber, 'Patient/$export', { body });
    expect(e.manifest.request).toBe(`${server.baseUrl}${FHIR}/Patient/$export`);
    expect(ids(e, 'Patient')).toEqual([mejia]);
    for (const o of e.byType.get('Observation') ?? []) expect(o.subject?.reference).toBe(`Patient/${mejia}`);
    expect(ids(e, 'QuestionnaireResponse')).toHaveLength(1);
  });

  it('refuses a patient the user may not see, and a body that is not Parameters', async () => {
    const unseen = {
      resourceType: 'Parameters',
      parameter: [{ name: 'patient', valueReference: { reference: `Patient/${south}` } }],
    };
    const r = await kickOff(prescriber, 'Patient/$export', { body: unseen });
    expect(r.status).toBe(404);
    expect(r.body.resourceType).toBe('OperationOutcome');
    const bad = await kickOff(prescriber, '$export', { body: { resourceType: 'Patient' } });
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe('OperationOutcome');
  });

  it("exports a Group (a service the user works in), and 404 for another service's", async () => {
    const e = await exportOf(prescriber, `Group/${w.serviceA}/$export?_type=Patient`);
    expect(ids(e, 'Patient')).toContain(mejia);
    expect(ids(e, 'Patient')).not.toContain(south);
    const other = await kickOff(prescriber, `Group/${w.serviceB}/$export`);
    expect(other.status).toBe(404);
    expect(other.body.resourceType).toBe('OperationOutcome');
  });
});

describe('the job lifecycle', () => {
  /** Records a system-level Patient export for the prescriber, as a kick-off would, without running it. */
  async function recordJob(): Promise<string> {
    const now = new Date();
    const id = await createBulkExport(server.ctx.db, {
      userId: prescriberId,
      level: 'system',
      requestUrl: `${server.baseUrl}${FHIR}/$export`,
      serviceIds: [w.serviceA],
      patientIds: undefined,
      types: ['Patient'],
      since: undefined,
      warnings: [],
      transactionTime: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    if (!id) throw new Error('the prescriber already has an export running');
    return id;
  }

  it('cancels with DELETE (202); the status and files then give 404 (B14)', async () => {
    const e = await exportOf(prescriber, '$export?_type=Patient');
    const del = await prescriber.request('DELETE', pathOf(e.statusUrl));
    expect(del.status).toBe(202);
    expect((await prescriber.get(pathOf(e.statusUrl))).status).toBe(404);
    expect((await prescriber.get(pathOf(e.manifest.output[0]?.url ?? ''))).status).toBe(404);
    expect((await prescriber.request('DELETE', pathOf(e.statusUrl))).status).toBe(404);
    const audit = await w.admin.get('/api/v1/audit');
    const jobId = e.statusUrl.split('/').at(-1);
    const actions = (audit.body.entries as { action: string; resourceId: string | null }[])
      .filter((x) => x.resourceId === jobId)
      .map((x) => x.action);
    expect(actions).toContain('fhir.export-cancel');
  });

  it('cancels a running job: it stops, is not resumed, and a new kick-off is accepted', async () => {
    const id = await recordJob();
    expect(await startBulkExport(server.ctx.db, id)).toBe(true);
    const statusPath = `${FHIR}/$export-status/${id}`;
    expect((await w.bob.request('DELETE', statusPath)).status).toBe(404);
    expect((await prescriber.request('DELETE', statusPath)).status).toBe(202);
    expect((await prescriber.get(statusPath)).status).toBe(404);
    expect(await resumeBulkExports(server.ctx)).toBe(0);
    const next = await kickOff(prescriber, '$export?_type=Organization');
    expect(next.status).toBe(202);
    expect((await settle(prescriber, next.headers.get('content-location') ?? '')).status).toBe(200);
  });

  it('polls a running job with 202, X-Progress and Retry-After; refuses a second kick-off (429); resumes after a restart (B3)', async () => {
    const id = await recordJob();
    // The server stopped while the job was running: it is in progress, and nothing runs it.
    expect(await startBulkExport(server.ctx.db, id)).toBe(true);
    const statusPath = `${FHIR}/$export-status/${id}`;
    const running = await prescriber.get(statusPath);
    expect(running.status).toBe(202);
    expect(running.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(running.headers.get('x-progress')?.length).toBeLessThan(100);
    const second = await kickOff(prescriber, '$export');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(second.body.resourceType).toBe('OperationOutcome');

    expect(await resumeBulkExports(server.ctx)).toBe(1);
    const done = await settle(prescriber, `${server.baseUrl}${statusPath}`);
    expect(done.status, done.text).toBe(200);
    const byType = await download(prescriber, done.body as Manifest);
    expect((byType.get('Patient') ?? []).map((p) => p.id)).toContain(mejia);
    // Finished, it no longer blocks a new kick-off.
    const next = await kickOff(prescriber, '$export?_type=Organization');
    expect(next.status).toBe(202);
    expect((await settle(prescriber, next.headers.get('content-location') ?? '')).status).toBe(200);
  });

  it('expires a job and its files after 24 hours', async () => {
    const e = await exportOf(prescriber, '$export?_type=Organization');
    const day = 24 * 3_600_000;
    // Expires is an HTTP date (whole seconds): a day after the kick-off.
    expect(Math.abs(e.expires - Date.parse(e.manifest.transactionTime) - day)).toBeLessThanOrEqual(1_000);
    const jobId = e.statusUrl.split('/').at(-1);
    // A day has passed: the job's expiry is now behind.
    await server.ctx.db.query(
      "UPDATE bulk_exports SET expires_at = now() - interval '1 second' WHERE id = $1",
      [jobId],
    );
    expect((await prescriber.get(pathOf(e.statusUrl))).status).toBe(404);
    expect((await prescriber.get(pathOf(e.manifest.output[0]?.url ?? ''))).status).toBe(404);
  });

  it('marks a job that fails as failed: its status is a 500 OperationOutcome', async () => {
    const id = await recordJob();
    const row = await findBulkExport(server.ctx.db, id, new Date());
    if (!row) throw new Error('job not recorded');
    // The database fails while the patients are read.
    const db = server.ctx.db;
    const failing = {
      ...db,
      query: <T>(sql: string, params?: readonly unknown[]) =>
        /FROM patients/i.test(sql) ? Promise.reject(new Error('lost connection')) : db.query<T>(sql, params),
    };
    await runBulkExport({ ...server.ctx, db: failing }, row);
    const r = await prescriber.get(`${FHIR}/$export-status/${id}`);
    expect(r.status).toBe(500);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expectValidFhir(r.body);
    expect(r.text).not.toContain('lost connection');
    // A failed job no longer blocks a new kick-off.
    const next = await kickOff(prescriber, '$export?_type=Organization');
    expect(next.status).toBe(202);
    expect((await settle(prescriber, next.headers.get('content-location') ?? '')).status).toBe(200);
  });

  it('keeps no file of a job that failed while a part was on its way to be stored', async () => {
    const id = await recordJob();
    const row = await findBulkExport(server.ctx.db, id, new Date());
    if (!row) throw new Error('job not recorded');
    const db = server.ctx.db;
    // Parts reach the database slowly; once one is on its way, the next progress update fails (the job fails
    // mid-part). Whether the part lands before the failure is recorded (it is removed with the job's files) or after
    // (the job is no longer in progress, so it is refused), nothing of the job is kept.
    let storeSent = false;
    const failing = {
      ...db,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        if (/INSERT INTO bulk_export_files/.test(sql)) {
          storeSent = true;
          await new Promise((r) => setTimeout(r, 300));
        } else if (storeSent && /SET progress/.test(sql)) throw new Error('lost connection');
        return db.query<T>(sql, params);
      },
    };
    const previous = setBulkExportPartLimit(600);
    try {
      await runBulkExport({ ...server.ctx, db: failing }, row);
    } finally {
      setBulkExportPartLimit(previous);
    }
    expect(storeSent).toBe(true);
    expect((await prescriber.get(`${FHIR}/$export-status/${id}`)).status).toBe(500);
    // Wait past any store that could still land, then count what is kept.
    await new Promise((r) => setTimeout(r, 400));
    const kept = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM bulk_export_files WHERE export_id = $1',
      [id],
    );
    expect(kept[0]?.n).toBe(0);
  });
});
