// Turns a report's query (period, service, practitioner) into a scope the signed-in user may see.
import type { FastifyRequest } from 'fastify';
import { isoDate, type IsoDate } from '../domain/harm/index.ts';
import type { ReportScope } from '../reports/service-outcomes.ts';
import type { Queryable } from '../store/db.ts';
import { worksInAnyService } from '../store/users.ts';
import { authOf } from './context.ts';
import { problem } from './problem.ts';

export interface ScopeQuery {
  from: string;
  to: string;
  service?: string | undefined;
  practitioner?: string | undefined;
}

/** A period, checked: both real dates, `from` not after `to`. `at` names the query fields for the error. */
export function periodOf(
  from: string,
  to: string,
  at = { from: 'from', to: 'to' },
): { from: IsoDate; to: IsoDate } {
  const a = isoDate(from);
  const b = isoDate(to);
  if (!a)
    throw problem('validation-failed', undefined, [
      { path: `querystring.${at.from}`, message: 'Not a date' },
    ]);
  if (!b || a > b)
    throw problem('validation-failed', undefined, [
      { path: `querystring.${at.to}`, message: `Must not be before "${at.from}"` },
    ]);
  return { from: a, to: b };
}

/**
 * The scope of a report: one of the user's services (another service is 404, as if it did not exist) or all of
 * them (the organisation view), and optionally a practitioner who works in one of those services.
 */
export async function resolveScope(
  db: Queryable,
  req: FastifyRequest,
  query: ScopeQuery,
  at = { from: 'from', to: 'to', service: 'service' },
): Promise<ReportScope> {
  const auth = authOf(req);
  const period = periodOf(query.from, query.to, at);
  if (query.service && !auth.user.service_ids.includes(query.service)) throw problem('not-found');
  const serviceIds = query.service ? [query.service] : [...auth.user.service_ids];
  if (query.practitioner) {
    if (!(await worksInAnyService(db, query.practitioner, serviceIds)))
      throw problem('validation-failed', undefined, [
        { path: 'querystring.practitioner', message: 'Not a practitioner in the services reported on' },
      ]);
  }
  return { serviceIds, ...period, ...(query.practitioner ? { practitionerId: query.practitioner } : {}) };
}
