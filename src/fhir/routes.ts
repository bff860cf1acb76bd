// The FHIR R4 REST API under /fhir/R4: the CapabilityStatement, and read, vread, history and search of each
// resource type in resources.ts. Access is the native API's: a signed-in user sees the services they work in (and a
// patient under an active break-glass grant); every read and search is audited; every refusal is an
// OperationOutcome. Records are never deleted: DELETE, PUT and PATCH answer 405.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditRead, patientAccess } from '../api/patient-access.ts';
import { problem, ProblemError } from '../api/problem.ts';
import { auditAccess, recordChange } from '../api/record-change.ts';
import { toProblem } from '../api/to-problem.ts';
import { authOf, zodApp, type AppContext } from '../api/context.ts';
import { route } from '../api/route.ts';
import { domainValue } from '../schemas/replies/common.ts';
import { hasActiveBreakGlassGrant } from '../store/break-glass.ts';
import { findPatientService, findPatientVersion, listVersions } from '../store/patients.ts';
import type { Scope } from '../store/fhir-sources.ts';
import { capabilityStatement } from './capability.ts';
import { toFhirPatient } from './map/patient.ts';
import {
  createObservation,
  createPatient,
  createQuestionnaireResponse,
  type CreateDeps,
  type Created,
} from './create/handlers.ts';
import { isObject, type Json } from './create/read.ts';
import { FhirRefusal, invalid } from './create/refusal.ts';
import { operationOutcome, outcomeOfProblem } from './outcome.ts';
import { RESOURCE_TYPES, type ResourceType } from './resources.ts';
import { matches, parseSearch, sortKeys, sortResources, type Condition } from './search/params.ts';
import type { Bundle, BundleEntry, FhirResource } from './types.ts';

export const FHIR_BASE_PATH = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const DEFAULT_COUNT = 50;
const MAX_COUNT = 200;

const resourceReply = domainValue<FhirResource>('A FHIR R4 resource (application/fhir+json)');
const capabilityReply = domainValue<ReturnType<typeof capabilityStatement>>('The CapabilityStatement');
const bundleReply = domainValue<Bundle>('A FHIR R4 Bundle (application/fhir+json)');
const query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a FHIR id') }).strict();
const versionParams = z
  .object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/), vid: z.string().regex(/^\d{1,9}$/) })
  .strict();

/** The absolute base the links and full URLs of a reply start with. */
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${FHIR_BASE_PATH}`;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.at(-1) : v);

function wholeNumber(
  raw: string | string[] | undefined,
  name: string,
  fallback: number,
  max: number,
): number {
  const v = one(raw);
  if (v === undefined) return fallback;
  if (!/^\d{1,9}$/.test(v)) throw invalid(`${name} must be a whole number`, name);
  return Math.min(Number(v), max);
}

/** The patient ids a search names (`patient=`, `subject=` or, for Patient, `_id=`), or undefined when none. */
function namedPatients(type: string, conditions: readonly Condition[]): string[] | undefined {
  const params = type === 'Patient' ? ['_id'] : ['patient', 'subject'];
  const named = conditions.filter((c) => params.includes(c.param));
  if (named.length === 0) return undefined;
  // And-ed conditions: a patient must be named by each.
  const sets = named.map((c) => new Set(c.values.map((v) => v.replace(/^(.*\/)?Patient\//, ''))));
  return [...(sets[0] ?? [])].filter((id) => sets.every((s) => s.has(id)));
}

/** What a search may see: the user's services, or the patients it names that the user may see (break-glass too). */
async function searchScope(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  conditions: readonly Condition[],
): Promise<{ scope: Scope; breakGlass: string[] }> {
  const user = authOf(req).user;
  const named = type.patientData ? namedPatients(type.type, conditions) : undefined;
  if (named === undefined) return { scope: { serviceIds: user.service_ids }, breakGlass: [] };
  const serviceIds = new Set(user.service_ids);
  const patientIds: string[] = [];
  const breakGlass: string[] = [];
  const now = ctx.now();
  for (const id of named.filter((n) => /^[0-9a-f-]{36}$/.test(n))) {
    const serviceId = await findPatientService(ctx.db, id);
    if (!serviceId) continue;
    if (user.service_ids.includes(serviceId)) patientIds.push(id);
    else if (await hasActiveBreakGlassGrant(ctx.db, user.id, id, now)) {
      patientIds.push(id);
      breakGlass.push(id);
      serviceIds.add(serviceId);
    }
  }
  return { scope: { serviceIds: [...serviceIds], patientIds }, breakGlass };
}

/** The patient a resource is about, from its subject or (for a Patient) its id. */
const patientOf = (r: FhirResource): string | undefined => {
  if (r.resourceType === 'Patient') return r.id;
  const subject = (r as { subject?: { reference?: string } }).subject?.reference;
  return subject?.startsWith('Patient/') ? subject.slice('Patient/'.length) : undefined;
};

function typeOr404(name: string): ResourceType {
  const type = RESOURCE_TYPES.get(name);
  if (!type) throw problem('not-found', `This server does not serve ${name} resources.`);
  return type;
}

async function search(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  q: Record<string, string | string[]>,
) {
  const strict = /(^|[;,\s])handling=strict\b/.test([req.headers.prefer ?? ''].flat().join(','));
  const parsed = parseSearch(q, type.params);
  if (parsed.invalid.length > 0)
    throw invalid(parsed.invalid.map((i) => i.why).join('; '), parsed.invalid[0]?.param);
  const sort = sortKeys(q._sort, type.params);
  const include = [q._include ?? []].flat();
  const revinclude = [q._revinclude ?? []].flat();
  const revTypes = revinclude.map((r) => RESOURCE_TYPES.get(r.split(':')[0] ?? ''));
  const unknown = [
    ...parsed.unknown.map((u) => u.why),
    ...sort.unknown.map((k) => `Cannot sort by "${k}"`),
    ...include.filter((i) => !type.includes.includes(i)).map((i) => `_include=${i} is not supported`),
    ...revinclude
      .filter((r, n) => type.type !== 'Patient' || !revTypes[n]?.includes.includes(r))
      .map((r) => `_revinclude=${r} is not supported`),
  ];
  const summary = one(q._summary);
  if (summary !== undefined && summary !== 'count' && summary !== 'false')
    unknown.push(`_summary=${summary} is not supported`);
  if (strict && unknown.length > 0)
    throw new FhirRefusal(
      400,
      operationOutcome(
        unknown.map((u) => ({ severity: 'error' as const, code: 'not-supported', diagnostics: u })),
      ),
    );
  const count = wholeNumber(q._count, '_count', DEFAULT_COUNT, MAX_COUNT);
  const offset = wholeNumber(q._offset, '_offset', 0, Number.MAX_SAFE_INTEGER);

  const { scope, breakGlass } = await searchScope(ctx, req, type, parsed.conditions);
  const found = sortResources(
    (await type.inScope(ctx.db, scope)).filter((r) => matches(r, parsed.conditions, type.params)),
    sort.keys,
  );
  const page = summary === 'count' ? [] : found.slice(offset, offset + count);
  const base = baseOf(req);
  const entries: BundleEntry[] = page.map((r) => ({
    fullUrl: `${base}/${r.resourceType}/${r.id}`,
    resource: r,
    search: { mode: 'match' },
  }));
  const pagePatients = [...new Set(page.flatMap((r) => patientOf(r) ?? []))];
  if (include.some((i) => type.includes.includes(i)) && pagePatients.length > 0) {
    const patients = await typeOr404('Patient').inScope(ctx.db, { ...scope, patientIds: pagePatients });
    for (const p of patients)
      entries.push({ fullUrl: `${base}/Patient/${p.id}`, resource: p, search: { mode: 'include' } });
  }
  if (type.type === 'Patient')
    for (const [n, rev] of revinclude.entries()) {
      const revType = revTypes[n];
      if (!revType?.includes.includes(rev) || pagePatients.length === 0) continue;
      for (const r of await revType.inScope(ctx.db, { ...scope, patientIds: pagePatients }))
        entries.push({
          fullUrl: `${base}/${r.resourceType}/${r.id}`,
          resource: r,
          search: { mode: 'include' },
        });
    }
  if (unknown.length > 0)
    entries.push({
      resource: operationOutcome(
        unknown.map((u) => ({ severity: 'warning' as const, code: 'not-supported', diagnostics: u })),
      ),
      search: { mode: 'outcome' },
    });

  const linkTo = (at: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q))
      if (k !== '_offset') for (const x of [v].flat()) params.append(k, x);
    if (at > 0) params.set('_offset', String(at));
    const qs = params.toString();
    return `${base}/${type.type}${qs ? `?${qs}` : ''}`;
  };
  const link = [{ relation: 'self', url: linkTo(offset) }];
  if (summary !== 'count' && offset + count < found.length)
    link.push({ relation: 'next', url: linkTo(offset + count) });
  if (summary !== 'count' && offset > 0)
    link.push({ relation: 'previous', url: linkTo(Math.max(0, offset - count)) });

  // The audit names the parameters searched by (not their values, which may be names) and the patients returned.
  const details = { params: Object.keys(q).sort(), total: found.length, patients: pagePatients };
  if (breakGlass.length > 0)
    await ctx.db.transaction((tx) =>
      recordChange(req, tx, {
        action: 'fhir.search',
        resource: { type: type.type },
        patientId: breakGlass[0] ?? null,
        flagged: true,
        details: { ...details, breakGlass },
        now: ctx.now(),
      }),
    );
  else await auditAccess(ctx, req, 'fhir.search', type.type, details);

  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', total: found.length, link };
  return entries.length > 0 ? { ...bundle, entry: entries } : bundle;
}

/** A resource the user may see with the access that shows it (a patient's, or a shared service); 404 otherwise. */
async function visible(ctx: AppContext, req: FastifyRequest, type: ResourceType, id: string, action: string) {
  const found = await type.byId(ctx.db, id);
  if (!found) throw problem('not-found', `${type.type}/${id} is not known.`);
  if (found.owner.patientId)
    return { resource: found.resource, access: await patientAccess(ctx, req, found.owner.patientId, action) };
  if (!found.owner.serviceIds.some((s) => authOf(req).user.service_ids.includes(s)))
    throw problem('not-found', `${type.type}/${id} is not known.`);
  return { resource: found.resource, access: undefined };
}

/** Reads one resource the user may see, auditing the read (or the refusal); 404 otherwise. */
async function read(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  id: string,
): Promise<FhirResource> {
  const { resource, access } = await visible(ctx, req, type, id, 'fhir.read');
  if (access) await auditRead(ctx, req, access, 'fhir.read', type.type, id);
  else await auditAccess(ctx, req, 'fhir.read', type.type, undefined, { id });
  return resource;
}

/** A Patient's versions, newest first (the record is corrected by new versions, never overwritten). */
async function patientVersions(ctx: AppContext, id: string): Promise<FhirResource[]> {
  const versions = await listVersions(ctx.db, id);
  const records = await Promise.all(versions.map((v) => findPatientVersion(ctx.db, id, v.version)));
  return records.flatMap((r) => (r ? [toFhirPatient(r)] : []));
}

/** The resources of a type in the user's scope a search matches (conditional create); 400 for a bad search. */
async function matching(
  ctx: AppContext,
  req: FastifyRequest,
  type: ResourceType,
  q: Record<string, string[]>,
) {
  const parsed = parseSearch(q, type.params);
  const bad = [...parsed.invalid, ...parsed.unknown].map((i) => i.why);
  if (bad.length > 0 || parsed.conditions.length === 0)
    throw invalid(bad.join('; ') || 'If-None-Exist names no search parameter', 'If-None-Exist');
  const { scope } = await searchScope(ctx, req, type, parsed.conditions);
  return (await type.inScope(ctx.db, scope)).filter((r) => matches(r, parsed.conditions, type.params));
}

/** The types FHIR create takes, each through the native code path (src/fhir/create). */
const CREATE: Record<
  string,
  (ctx: AppContext, req: FastifyRequest, body: Json, deps: CreateDeps) => Promise<Created>
> = {
  Patient: createPatient,
  Observation: (ctx, req, body) => createObservation(ctx, req, body),
  QuestionnaireResponse: createQuestionnaireResponse,
};
export const CREATABLE_TYPES = Object.keys(CREATE);

/** A FHIR resource body: any JSON object naming its type (KASPR's rules are applied by the type's create). */
const resourceBody = z
  .looseObject({ resourceType: z.string().max(64) })
  .describe('A FHIR R4 resource (application/fhir+json); the server assigns its id');

function notAllowed(what: string): ProblemError {
  return problem(
    'method-not-allowed',
    `${what}: KASPR records are corrected by new versions, never deleted or replaced.`,
  );
}

/** Registers the FHIR API in its own scope: OperationOutcome errors and application/fhir+json replies. */
export function registerFhirRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);
  if (!app.hasContentTypeParser('application/fhir+json'))
    app.addContentTypeParser(
      'application/fhir+json',
      { parseAs: 'string', bodyLimit: 1_048_576 },
      app.getDefaultJsonParser('error', 'error'),
    );
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof FhirRefusal) return reply.status(err.status).type(FHIR_JSON).send(err.outcome);
    const native = toProblem(err as FastifyError);
    // A request FHIR cannot read (a malformed id, parameter or body) is a 400 here, not the native API's 422; a
    // refusal by KASPR's rules (thrown by a handler) keeps its status.
    const p =
      native.code === 'validation-failed' && !(err instanceof ProblemError)
        ? new ProblemError('bad-request', native.detail, native.errors)
        : native;
    if (p.status >= 500) req.log.error({ err, requestId: req.id }, 'FHIR request failed');
    if (p.status === 405) void reply.header('allow', 'GET');
    return reply.status(p.status).type(FHIR_JSON).send(outcomeOfProblem(p));
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .type(FHIR_JSON)
      .send(
        outcomeOfProblem(
          problem('not-found', `Nothing is served at ${req.method} ${req.url.split('?')[0] ?? ''}.`),
        ),
      ),
  );
  app.addHook('onRoute', (options) => {
    options.schema = { ...options.schema, tags: ['fhir'] };
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json'))
      void reply.type(FHIR_JSON);
    return payload;
  });

  api.get('/metadata', route('public', { 200: capabilityReply }), (req) =>
    capabilityStatement(baseOf(req), [...RESOURCE_TYPES.values()], CREATABLE_TYPES, ['Patient']),
  );

  const deps: CreateDeps = {
    matching: (req, type, q) => matching(ctx, req, typeOr404(type), q),
    read: (req, type, id) => read(ctx, req, typeOr404(type), id),
  };
  for (const [name, create] of Object.entries(CREATE))
    api.post(
      `/${name}`,
      route('patient:write', { body: resourceBody, 200: resourceReply, 201: resourceReply }),
      async (req, reply) => {
        const body: unknown = req.body;
        if (!isObject(body) || body.resourceType !== name)
          throw invalid(`The body must be a ${name} resource`, 'resourceType');
        const { status, resource } = await create(ctx, req, body, deps);
        const version = resource.meta?.versionId ?? '1';
        if (status === 201)
          void reply.header('location', `${baseOf(req)}/${name}/${resource.id}/_history/${version}`);
        if (resource.meta?.lastUpdated)
          void reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString());
        return reply.status(status).header('etag', `W/"${version}"`).send(resource);
      },
    );

  for (const type of RESOURCE_TYPES.values()) {
    const name = type.type;
    api.get(`/${name}`, route('authenticated', { querystring: query, 200: bundleReply }), (req) =>
      search(ctx, req, type, req.query),
    );
    api.get(`/${name}/:id`, route('authenticated', { params: idParam, 200: resourceReply }), (req) =>
      read(ctx, req, type, req.params.id),
    );
    api.get(
      `/${name}/:id/_history`,
      route('authenticated', { params: idParam, 200: bundleReply }),
      async (req) => {
        if (name !== 'Patient') {
          await visible(ctx, req, type, req.params.id, 'fhir.history');
          throw problem('method-not-allowed', `History is served for Patient only.`);
        }
        const current = await read(ctx, req, type, req.params.id);
        const base = baseOf(req);
        const entry = (await patientVersions(ctx, req.params.id)).map((r) => ({
          fullUrl: `${base}/Patient/${current.id}`,
          resource: r,
          request: { method: 'PUT' as const, url: `Patient/${current.id}` },
          response: { status: '200', lastModified: r.meta?.lastUpdated },
        }));
        return { resourceType: 'Bundle', type: 'history', total: entry.length, entry } satisfies Bundle;
      },
    );
    api.get(
      `/${name}/:id/_history/:vid`,
      route('authenticated', { params: versionParams, 200: resourceReply }),
      async (req) => {
        const current = await read(ctx, req, type, req.params.id);
        if (current.meta?.versionId === req.params.vid) return current;
        const old =
          name === 'Patient'
            ? await findPatientVersion(ctx.db, req.params.id, Number(req.params.vid))
            : undefined;
        if (!old) throw problem('not-found', `${name}/${req.params.id} has no version ${req.params.vid}.`);
        return toFhirPatient(old);
      },
    );
    for (const method of ['DELETE', 'PUT', 'PATCH'] as const)
      api.route({
        method,
        url: `/${name}/:id`,
        ...route('authenticated', {
          params: idParam,
          204: z.never().describe('Never: records are not removed'),
        }),
        // Another service's record is 404 as for one that does not exist; a visible one is 405.
        handler: async (req) => {
          await visible(ctx, req, type, req.params.id, `fhir.${method.toLowerCase()}`);
          throw notAllowed(`${method} ${name}`);
        },
      });
  }
}

export { typeOr404 };
