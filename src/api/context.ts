// What every route handler is given: the database, the configuration, the clock, and the route table.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/env.ts';
import type { Permission } from '../domain/access/roles.ts';
import { appendAudit, type AuditEvent } from '../store/audit.ts';
import type { Database, Queryable } from '../store/db.ts';
import type { UserRow } from '../store/users.ts';

export interface AppContext {
  db: Database;
  config: Config;
  now: () => Date;
}

/**
 * Who may call a route: anyone (`public`), any signed-in user (`authenticated`), or holders of a permission.
 * Every route declares one; the authorisation test walks the route table and checks each.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  /** True when the route's `:id` names a patient, so users of other services must get 404. */
  patientScoped: boolean;
}

export interface RequestAuth {
  user: UserRow;
  sessionHash: string;
  csrfToken: string;
  /** Signed in, but must enrol a second factor before anything else (admins, when the service requires it). */
  totpEnrolmentRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    patientScoped?: boolean;
  }
}

export type KasprApp = FastifyInstance & { kaspr: { ctx: AppContext; routes: RouteInfo[] } };
export type ZodApp = ReturnType<typeof zodApp>;
export const zodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The signed-in user of a request that passed its access check. */
export function authOf(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw new Error('route reached without authentication');
  return req.auth;
}

/** Appends an audit entry carrying the request's actor, address and id. */
export function auditFrom(
  req: FastifyRequest,
  tx: Queryable,
  event: Omit<AuditEvent, 'actorId' | 'ip' | 'requestId'> & { actorId?: string | null },
  now: Date,
): Promise<number> {
  return appendAudit(
    tx,
    { ...event, actorId: event.actorId ?? req.auth?.user.id ?? null, ip: req.ip, requestId: req.id },
    now,
  );
}
