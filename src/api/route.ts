// How a route declares itself in one line: who may call it, its request schemas and its replies by status.
//
//   api.post('/patients/:id/appointments', patientRoute('patient:write', { params, body, 201: createdReply }), …)
//
// The numeric keys are the replies (at least one 2xx, or the server refuses to start: see app.ts); the other keys
// are Fastify's request schemas (a patient route's params are always the patient's `:id`). The OpenAPI tag comes from the route file's line in routes/index.ts.
import type { FastifySchema } from 'fastify';
import { idParams } from '../schemas/common.ts';
import type { RouteAccess } from './context.ts';

/** Request schemas (Fastify's names) and replies keyed by HTTP status. */
export type RouteSpec = Pick<
  FastifySchema,
  'params' | 'querystring' | 'body' | 'headers' | 'description' | 'summary'
> & {
  [status: number]: unknown;
};

type Replies<S> = { [K in keyof S as K extends number ? K : never]: S[K] };
type RequestParts<S> = { [K in keyof S as K extends number ? never : K]: S[K] };

function schemaOf<S extends RouteSpec>(spec: S): RequestParts<S> & { response: Replies<S> } {
  const parts: Record<string, unknown> = {};
  const response: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) (/^\d{3}$/.test(key) ? response : parts)[key] = value;
  return { ...parts, response } as RequestParts<S> & { response: Replies<S> };
}

/** Options for a route any holder of `access` may call. */
export function route<const S extends RouteSpec>(access: RouteAccess, spec: S) {
  return { config: { access }, schema: schemaOf(spec) };
}

/**
 * Options for a route whose `:id` names a patient (its params are `idParams`): users of other services get 404
 * (see patient-access.ts).
 */
export function patientRoute<const S extends Omit<RouteSpec, 'params'>>(access: RouteAccess, spec: S) {
  return { config: { access, patientScoped: true }, schema: { params: idParams, ...schemaOf(spec) } };
}

/** A read of the chart a route's `:id` names: `patientRoute('patient:read', spec)`. */
export const chartRead = <const S extends Omit<RouteSpec, 'params'>>(spec: S) =>
  patientRoute('patient:read', spec);

/** A change to the chart a route's `:id` names: `patientRoute('patient:write', spec)`. */
export const chartWrite = <const S extends Omit<RouteSpec, 'params'>>(spec: S) =>
  patientRoute('patient:write', spec);
