// Administered questionnaires on a patient's chart: save (scored, with safety alerts) and list with trend.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assessResponse } from '../../domain/instruments/registry.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { saveResponseSchema } from '../../schemas/instruments.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import { listResponses } from '../../store/responses.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordResponse, scoreOrRefuse } from '../record-response.ts';
import { instrumentOr404 } from './instruments.ts';
import { storableString } from '../../schemas/common.ts';

export function responseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/patients/:id/responses',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['responses'], params: patientIdParams, body: saveResponseSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'response.create');
      const def = await instrumentOr404(ctx, req.body.instrument);
      const result = scoreOrRefuse(def, req.body.answers);
      const now = ctx.now();
      const completedAt = req.body.completedAt ? new Date(req.body.completedAt) : now;
      if (completedAt.getTime() > now.getTime() + 5 * 60_000) {
        throw problem('validation-failed', undefined, [
          { path: 'body.completedAt', message: 'Cannot be in the future' },
        ]);
      }
      const saved = await ctx.db.transaction((tx) =>
        recordResponse(tx, req, {
          def,
          result,
          answers: req.body.answers,
          patientId: access.patientId,
          serviceId: access.serviceId,
          completedAt,
          now,
          source: 'clinician',
          recordedBy: auth.user.id,
          flagged: access.breakGlass,
        }),
      );
      return reply
        .status(201)
        .send({ id: saved.id, result: saved.result, alertIds: saved.alertIds, taskIds: saved.taskIds });
    },
  );

  api.get(
    '/patients/:id/responses',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: {
        tags: ['responses'],
        params: patientIdParams,
        querystring: z.object({ instrument: storableString().max(64).optional() }).strict(),
      },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'response.list');
      const rows = await listResponses(ctx.db, access.patientId, req.query.instrument);
      const defs = new Map((await definitionsInForce(ctx.db)).map((d) => [d.id, d]));
      // Baseline: the patient's first complete response to each instrument.
      const baseline = new Map<string, { id: string; total: number | null }>();
      for (const r of rows)
        if (r.completeness === 'complete' && !baseline.has(r.instrument_id))
          baseline.set(r.instrument_id, { id: r.id, total: r.total });
      await auditRead(ctx, req, access, 'response.list', 'QuestionnaireResponse');
      return {
        responses: rows.map((r) => {
          const def = defs.get(r.instrument_id);
          const base = baseline.get(r.instrument_id);
          const isBaseline = base?.id === r.id;
          return {
            id: r.id,
            instrument: r.instrument_id,
            instrumentVersion: r.instrument_version,
            completedAt: r.completed_at.toISOString(),
            source: r.source,
            recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: r.recorded_by_name } : null,
            answers: r.answers,
            result: r.result,
            baselineId: base?.id ?? null,
            isBaseline,
            againstBaseline:
              def && base && !isBaseline && r.completeness === 'complete'
                ? {
                    baselineTotal: base.total,
                    ...assessResponse(base.total, r.total, def),
                    responseRule: def.response,
                    remissionRule: def.remission,
                  }
                : null,
          };
        }),
      };
    },
  );
}
