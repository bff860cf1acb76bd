// How a route declares itself in one line: who may call it and its request and reply schemas, as Fastify options.
import type { FastifySchema } from 'fastify';
import type { RouteAccess } from './context.ts';

/** A route's schema: request parts, the success reply (required) and OpenAPI tags. */
export type RouteSchema = FastifySchema & { response: Record<number, unknown>; tags: readonly string[] };

/** Options for a route any holder of `access` may call. */
export function route<const S extends RouteSchema>(access: RouteAccess, schema: S) {
  return { config: { access }, schema };
}

/** Options for a route whose `:id` names a patient: users of other services get 404 (see patient-access.ts). */
export function patientRoute<const S extends RouteSchema>(access: RouteAccess, schema: S) {
  return { config: { access, patientScoped: true }, schema };
}
