// The FHIR R4 REST API under /fhir/R4: the CapabilityStatement, and read, vread, history and search of each
// resource type in resources.ts. Access is the native API's: a signed-in user sees the services they work in (and a
// patient under an active break-glass grant); every read and search is audited; every refusal is an
// OperationOutcome. Records are never deleted: DELETE, PUT and PATCH answer 405.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problem, ProblemError } from '../api/problem.ts';
import { toProblem } from '../api/to-problem.ts';
import { zodApp, type AppContext } from '../api/context.ts';
import { route } from '../api/route.ts';
import { domainValue } from '../schemas/replies/common.ts';
import { capabilityStatement } from './capability.ts';
import {
  createObservation,
  createPatient,
  createDocumentReference,
  createQuestionnaireResponse,
  type CreateDeps,
  type Created,
} from './create/handlers.ts';
import { isObject, type Json } from './create/read.ts';
import { FhirRefusal, invalid } from './create/refusal.ts';
import { outcomeOfProblem } from './outcome.ts';
import { RESOURCE_TYPES } from './resources.ts';
import { baseOf } from './base.ts';
import { registerBulkRoutes } from './bulk/routes.ts';
import { importBundle } from './import/run.ts';
import { read, typeOr404, visible } from './read.ts';
import { matching, search } from './search/run.ts';
import type { Bundle, FhirResource } from './types.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const resourceReply = domainValue<FhirResource>('A FHIR R4 resource (application/fhir+json)');
const capabilityReply = domainValue<ReturnType<typeof capabilityStatement>>('The CapabilityStatement');
const bundleReply = domainValue<Bundle>('A FHIR R4 Bundle (application/fhir+json)');
const query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a FHIR id') }).strict();
const versionParams = z
  .object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/), vid: z.string().regex(/^\d{1,9}$/) })
  .strict();

/** The types FHIR create takes, each through the native code path (src/fhir/create). */
const CREATE: Record<
  string,
  (ctx: AppContext, req: FastifyRequest, body: Json, deps: CreateDeps) => Promise<Created>
> = {
  Patient: createPatient,
  Observation: (ctx, req, body) => createObservation(ctx, req, body),
  QuestionnaireResponse: createQuestionnaireResponse,
  DocumentReference: (ctx, req, body) => createDocumentReference(ctx, req, body),
};
/** A document's content arrives inline (base64, at most 10 MB decoded). */
const CREATE_BODY_LIMIT: Record<string, number> = { DocumentReference: 16 * 1024 * 1024 };
export const CREATABLE_TYPES = Object.keys(CREATE);

/** A FHIR resource body: any JSON object naming its type (KASPR's rules are applied by the type's create). */
const resourceBody = z
  .looseObject({ resourceType: z.string().max(64) })
  .describe('A FHIR R4 resource (application/fhir+json); the server assigns its id');

/** A Bundle to import (application/fhir+json): its entries are checked by the import, not here. */
const bundleBody = z
  .looseObject({ resourceType: z.literal('Bundle'), type: z.string().max(64) })
  .describe('A FHIR R4 Bundle of type transaction or batch');
/** The largest Bundle accepted in one request (a larger set is sent in parts, or with `kaspr import DIR`). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

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
      {
        ...route('patient:write', { body: resourceBody, 200: resourceReply, 201: resourceReply }),
        bodyLimit: CREATE_BODY_LIMIT[name] ?? 1_048_576,
      },
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

  // Bundle import: a transaction (all or nothing) or a batch (each entry alone); see src/fhir/import.
  api.post(
    '/',
    {
      ...route('patient:write', { body: bundleBody, 200: bundleReply }),
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req) => {
      const { type, responses } = await importBundle(ctx, req, req.body);
      return {
        resourceType: 'Bundle',
        type,
        entry: responses.map((response) => ({ response })),
      } satisfies Bundle;
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
        const versions = type.versions?.bind(type);
        if (!versions) {
          await visible(ctx, req, type, req.params.id, 'fhir.history');
          throw problem('method-not-allowed', `${name} keeps no versions, so it has no history.`);
        }
        const current = await read(ctx, req, type, req.params.id);
        const base = baseOf(req);
        const all = await versions(ctx.db, req.params.id);
        const entry = all.map((r, i) => ({
          fullUrl: `${base}/${name}/${current.id}`,
          resource: r,
          request: {
            method: i === all.length - 1 ? ('POST' as const) : ('PUT' as const),
            url: i === all.length - 1 ? name : `${name}/${current.id}`,
          },
          response: { status: i === all.length - 1 ? '201' : '200', lastModified: r.meta?.lastUpdated },
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
        const old = (await type.versions?.(ctx.db, req.params.id))?.find(
          (r) => r.meta?.versionId === req.params.vid,
        );
        if (!old) throw problem('not-found', `${name}/${req.params.id} has no version ${req.params.vid}.`);
        return old;
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
  registerBulkRoutes(app, ctx);
}

export { typeOr404 };
