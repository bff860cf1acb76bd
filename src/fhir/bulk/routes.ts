// FHIR Bulk Data export (Bulk Data Access v2) under /fhir/R4: kick-off at system, Patient and Group level (a Group
// is a service the user works in) by GET or POST, status polling, the manifest, cancel, and the NDJSON files. Jobs
// are rows in the database, run in the background (job.ts); a user has one running at a time (429 otherwise). Only
// the user who kicked an export off may poll it or read its files; every kick-off, download and cancel is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authOf, zodApp, type AppContext } from '../../api/context.ts';
import { auditAccess, recordChange } from '../../api/record-change.ts';
import { route } from '../../api/route.ts';
import { domainValue, fileReply } from '../../schemas/replies/common.ts';
import {
  cancelBulkExport,
  findBulkExport,
  listBulkExportFiles,
  readBulkExportFile,
  type BulkExportLevel,
  type BulkExportRow,
} from '../../store/bulk-exports.ts';
import { operationOutcome } from '../outcome.ts';
import type { OperationOutcome } from '../types.ts';
import { baseOf, FHIR_JSON, kickOff, refuse, RETRY_AFTER_SECONDS } from './kick-off.ts';

export { resumeBulkExports, setBulkExportPartLimit } from './job.ts';

const outcomeReply = domainValue<OperationOutcome>('An OperationOutcome (application/fhir+json)');
const manifestReply = domainValue<Manifest>('The export manifest (application/json)');
const query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const groupParams = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a FHIR id') }).strict();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const jobParams = z.object({ id: z.string().regex(UUID) }).strict();
const fileParams = z
  .object({ id: z.string().regex(UUID), name: z.string().regex(/^[A-Za-z]{1,64}-\d{1,6}\.ndjson$/) })
  .strict();

interface ManifestItem {
  type: string;
  url: string;
  count: number;
}
/** The complete export's manifest (Bulk Data v2). */
export interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: true;
  output: ManifestItem[];
  error: ManifestItem[];
}

/** The caller's own job, unless it is unknown, expired, cancelled or another user's. */
async function ownJob(ctx: AppContext, req: FastifyRequest, id: string): Promise<BulkExportRow | undefined> {
  const job = await findBulkExport(ctx.db, id, ctx.now());
  return job && job.user_id === authOf(req).user.id && job.status !== 'cancelled' ? job : undefined;
}

async function manifest(app: FastifyInstance, ctx: AppContext, req: FastifyRequest, job: BulkExportRow) {
  const base = baseOf(app, req);
  const files = await listBulkExportFiles(ctx.db, job.id);
  const item = (f: (typeof files)[number]) => ({
    type: f.type,
    url: `${base}/$export-file/${job.id}/${f.name}`,
    count: f.count,
  });
  return {
    transactionTime: new Date(job.transaction_time).toISOString(),
    request: job.request_url,
    requiresAccessToken: true as const,
    output: files.filter((f) => f.kind === 'output').map(item),
    error: files.filter((f) => f.kind === 'error').map(item),
  } satisfies Manifest;
}

/** Registers the export routes (relative to the FHIR base) in a scope of their own that reads FHIR JSON bodies. */
export function registerBulkRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/fhir+json'))
      scope.addContentTypeParser(
        'application/fhir+json',
        { parseAs: 'string' },
        scope.getDefaultJsonParser('error', 'error'),
      );
    const api = zodApp(scope);
    const kickOffSpec = route('authenticated', { querystring: query, 202: outcomeReply });
    const levels: [string, BulkExportLevel][] = [
      ['/$export', 'system'],
      ['/Patient/$export', 'patient'],
    ];
    for (const [url, level] of levels)
      api.route({
        method: ['GET', 'POST'],
        url,
        ...kickOffSpec,
        handler: (req, reply) => kickOff(scope, ctx, req, reply, level),
      });
    api.route({
      method: ['GET', 'POST'],
      url: '/Group/:id/$export',
      ...route('authenticated', { params: groupParams, querystring: query, 202: outcomeReply }),
      handler: (req, reply) => kickOff(scope, ctx, req, reply, 'group', req.params.id),
    });

    api.get(
      '/$export-status/:id',
      {
        ...route('authenticated', { params: jobParams, 200: manifestReply, 202: outcomeReply }),
        // The manifest is plain JSON (the FHIR scope would otherwise label it application/fhir+json).
        onSend: async (_req, reply, payload) => {
          if (reply.statusCode === 200) void reply.type('application/json; charset=utf-8');
          return payload;
        },
      },
      async (req, reply) => {
        const job = await ownJob(ctx, req, req.params.id);
        if (!job)
          return refuse(reply, 404, 'not-found', 'No such export (it may have expired or been cancelled).');
        if (job.status === 'failed')
          return refuse(reply, 500, 'exception', job.error ?? 'The export failed.');
        if (job.status !== 'complete') {
          const progress = (job.progress ?? 'accepted').slice(0, 99);
          return reply
            .status(202)
            .type(FHIR_JSON)
            .header('x-progress', progress)
            .header('retry-after', String(RETRY_AFTER_SECONDS))
            .send(
              operationOutcome([{ severity: 'information', code: 'informational', diagnostics: progress }]),
            );
        }
        void reply.header('expires', new Date(job.expires_at).toUTCString());
        return reply.status(200).send(await manifest(scope, ctx, req, job));
      },
    );

    api.delete(
      '/$export-status/:id',
      route('authenticated', { params: jobParams, 202: outcomeReply }),
      async (req, reply) => {
        const job = await ownJob(ctx, req, req.params.id);
        if (!job)
          return refuse(reply, 404, 'not-found', 'No such export (it may have expired or been cancelled).');
        const now = ctx.now();
        await ctx.db.transaction(async (tx) => {
          await cancelBulkExport(tx, job.id, now);
          await recordChange(req, tx, {
            action: 'fhir.export-cancel',
            resource: { type: 'BulkExport', id: job.id },
            now,
          });
        });
        return reply
          .status(202)
          .type(FHIR_JSON)
          .send(
            operationOutcome([{ severity: 'information', code: 'informational', diagnostics: 'Cancelled.' }]),
          );
      },
    );

    api.get(
      '/$export-file/:id/:name',
      route('authenticated', { params: fileParams, 200: fileReply('application/fhir+ndjson') }),
      async (req, reply) => {
        const job = await ownJob(ctx, req, req.params.id);
        const file =
          job?.status === 'complete' && (await readBulkExportFile(ctx.db, job.id, req.params.name));
        if (!job || !file) return refuse(reply, 404, 'not-found', 'No such export file.');
        await auditAccess(
          ctx,
          req,
          'fhir.export-file',
          'BulkExport',
          { file: file.name, type: file.type, count: file.count },
          { id: job.id },
        );
        return reply
          .status(200)
          .type('application/fhir+ndjson')
          .header('expires', new Date(job.expires_at).toUTCString())
          .send(Buffer.from(file.body, 'utf8'));
      },
    );
  });
}
