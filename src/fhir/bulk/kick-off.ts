// The $export kick-off (Bulk Data Access v2) at system, Patient and Group level: `Prefer: respond-async`, the
// parameters (params.ts), the Group (a service the user works in) and the patients named, then the job recorded and
// audited in one transaction and started in the background; 202 with the status URL in Content-Location, or 429
// while one of the user's exports is running. Refusals are OperationOutcomes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authOf, type AppContext } from '../../api/context.ts';
import { recordChange } from '../../api/record-change.ts';
import {
  createBulkExport,
  findBulkExport,
  removeExpiredBulkExports,
  type BulkExportLevel,
  type NewBulkExport,
} from '../../store/bulk-exports.ts';
import { findPatientService } from '../../store/patients.ts';
import { operationOutcome } from '../outcome.ts';
import { BULK_EXPORT_TTL_MS, startInBackground, typesFor } from './job.ts';
import {
  bodyParams,
  exportRequest,
  KickOffError,
  preferences,
  queryParams,
  type RawParams,
} from './params.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** Seconds a client is asked to wait before polling again, or before a new kick-off. */
export const RETRY_AFTER_SECONDS = 1;

/** Answers with an OperationOutcome of one error issue. */
export function refuse(reply: FastifyReply, status: number, code: string, diagnostics: string) {
  return reply
    .status(status)
    .type(FHIR_JSON)
    .send(operationOutcome([{ severity: 'error', code, diagnostics }]));
}

/** The absolute FHIR base of a request (the scope's prefix), which status and file URLs start with. */
export const baseOf = (app: FastifyInstance, req: FastifyRequest) =>
  `${req.protocol}://${req.host}${app.prefix}`;

/** Patient ids that are not patients of these services (each named in the refusal). */
async function unknownPatients(ctx: AppContext, ids: readonly string[], serviceIds: readonly string[]) {
  const unknown: string[] = [];
  for (const id of ids) {
    const service = /^[0-9a-f-]{36}$/.test(id) ? await findPatientService(ctx.db, id) : undefined;
    if (!service || !serviceIds.includes(service)) unknown.push(id);
  }
  return unknown;
}

function kickOffParams(req: FastifyRequest, query: Record<string, string | string[]>): RawParams {
  const params = queryParams(query);
  if (req.method === 'POST')
    for (const [k, v] of bodyParams(req.body)) params.set(k, [...(params.get(k) ?? []), ...v]);
  return params;
}

/** Records a new job and audits its kick-off, in one transaction; undefined when one of the user's is running. */
async function recordKickOff(
  ctx: AppContext,
  req: FastifyRequest,
  asked: Omit<NewBulkExport, 'transactionTime' | 'expiresAt'>,
): Promise<string | undefined> {
  const now = ctx.now();
  await removeExpiredBulkExports(ctx.db, now);
  const job = { ...asked, transactionTime: now, expiresAt: new Date(now.getTime() + BULK_EXPORT_TTL_MS) };
  return ctx.db.transaction(async (tx) => {
    const id = await createBulkExport(tx, job);
    if (id) {
      // What was asked, never values that could name anyone: the types, whether `_since` was given, the patient ids.
      const details = {
        level: job.level,
        types: [...job.types],
        since: job.since !== undefined,
        patients: [...(job.patientIds ?? [])],
      };
      await recordChange(req, tx, {
        action: 'fhir.export',
        resource: { type: 'BulkExport', id },
        details,
        now,
      });
    }
    return id;
  });
}

/** A kick-off at one level (a Group's id given at Group level). */
export async function kickOff(
  app: FastifyInstance,
  ctx: AppContext,
  req: FastifyRequest & { query: Record<string, string | string[]> },
  reply: FastifyReply,
  level: BulkExportLevel,
  groupId?: string,
) {
  const user = authOf(req).user;
  // Another service's Group is 404 before anything else, as for a Group that does not exist.
  if (groupId !== undefined && !user.service_ids.includes(groupId))
    return refuse(reply, 404, 'not-found', `Group/${groupId} is not known.`);
  const prefer = preferences(req.headers.prefer);
  if (!prefer.has('respond-async'))
    return refuse(reply, 400, 'invalid', 'A bulk export needs the header Prefer: respond-async.');
  let asked;
  try {
    asked = exportRequest(kickOffParams(req, req.query), prefer.has('handling=lenient'));
  } catch (err) {
    if (err instanceof KickOffError) return refuse(reply, 400, 'invalid', err.message);
    throw err;
  }
  const serviceIds = groupId === undefined ? user.service_ids : [groupId];
  const unknown = await unknownPatients(ctx, asked.patientIds ?? [], serviceIds);
  if (unknown.length > 0)
    return refuse(reply, 404, 'not-found', unknown.map((id) => `Patient/${id} is not known.`).join(' '));

  const job = {
    userId: user.id,
    level,
    requestUrl: `${req.protocol}://${req.host}${req.url}`,
    serviceIds,
    patientIds: asked.patientIds,
    types: typesFor(level, asked.types, user.roles),
    since: asked.since,
    warnings: asked.warnings,
  };
  const id = await recordKickOff(ctx, req, job);
  if (!id) {
    void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return refuse(
      reply,
      429,
      'throttled',
      'An export of yours is running: wait for it to finish, or cancel it.',
    );
  }
  const row = await findBulkExport(ctx.db, id, ctx.now());
  if (row) startInBackground(ctx, row);
  return reply
    .status(202)
    .type(FHIR_JSON)
    .header('content-location', `${baseOf(app, req)}/$export-status/${id}`)
    .send(
      operationOutcome([{ severity: 'information', code: 'informational', diagnostics: 'Export accepted.' }]),
    );
}
