// Calibration vignettes (C6): a supervisor writes anonymised cases, practitioners rate them independently, and
// the report shows team agreement (Fleiss), each practitioner against reference and engine (Cohen), and splits.
import type { LevelNumber } from '../../domain/harm/index.ts';
import { createVignetteSchema, rateVignetteSchema, vignetteIdParams } from '../../schemas/vignettes.ts';
import { packInForce } from '../../store/harm-packs.ts';
import {
  findVignette,
  insertRating,
  insertVignette,
  listRatings,
  listVignettes,
  ratingsBy,
} from '../../store/vignettes.ts';
import { calibrationReport } from '../../reports/calibration-report.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { evaluateOrRefuse } from '../harm-evaluation.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';
import {
  calibrationReportReply,
  ratingReply,
  vignetteCreatedReply,
  vignetteListReply,
} from '../../schemas/replies/calibration.ts';

/**
 * The service vignettes go to: the one named (which must be one of the user's), else the user's only service;
 * otherwise a validation problem at `body.serviceId` saying `choose`.
 */
export function vignetteService(
  userServiceIds: readonly string[],
  requested: string | undefined,
  choose: string,
): string {
  const serviceId = requested ?? (userServiceIds.length === 1 ? userServiceIds[0] : undefined);
  if (!serviceId)
    throw problem('validation-failed', undefined, [{ path: 'body.serviceId', message: choose }]);
  if (!userServiceIds.includes(serviceId))
    throw problem('validation-failed', undefined, [
      { path: 'body.serviceId', message: 'You do not work in that service' },
    ]);
  return serviceId;
}

export function calibrationRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/calibration/vignettes',
    route('supervision', { body: createVignetteSchema, 201: vignetteCreatedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const { serviceId: requested, title, narrative, assessment, referenceLevel } = req.body;
      const serviceId = vignetteService(
        auth.user.service_ids,
        requested,
        'Choose the service this vignette is for',
      );
      // Refusals name `body.assessment.…`; the engine's level is stored beside the supervisor's reference level.
      const { assessment: parsed, evaluation } = evaluateOrRefuse(assessment, await packInForce(ctx.db));
      const now = ctx.now();
      const row = await ctx.db.transaction(async (tx) => {
        const v = await insertVignette(tx, {
          serviceId,
          title,
          narrative,
          assessment: parsed,
          referenceLevel,
          engineLevel: evaluation.level,
          contentVersion: evaluation.contentVersion,
          by: auth.user.id,
          at: now,
        });
        await recordChange(req, tx, {
          action: 'calibration-vignette.create',
          resource: { type: 'CalibrationVignette', id: v.id },
          now,
        });
        return v;
      });
      return reply.status(201).send({
        id: row.id,
        serviceId: row.service_id,
        title: row.title,
        narrative: row.narrative,
        assessment: row.assessment,
        referenceLevel: row.reference_level,
        engineLevel: row.engine_level,
        contentVersion: row.content_version,
        createdAt: row.created_at.toISOString(),
      });
    },
  );

  api.get('/calibration/vignettes', route('patient:read', { 200: vignetteListReply }), async (req) => {
    const auth = authOf(req);
    const rows = await listVignettes(ctx.db, auth.user.service_ids);
    const mine = new Map(
      (
        await ratingsBy(
          ctx.db,
          auth.user.id,
          rows.map((r) => r.id),
        )
      ).map((r) => [r.vignette_id, r]),
    );
    await auditAccess(ctx, req, 'calibration-vignettes.read', 'CalibrationVignette', { count: rows.length });
    // Ratings are independent: no reference level, no engine level, nobody else's rating, not who wrote it.
    return {
      vignettes: rows.map((r) => {
        const own = mine.get(r.id);
        return {
          id: r.id,
          serviceId: r.service_id,
          title: r.title,
          narrative: r.narrative,
          assessment: r.assessment,
          createdAt: r.created_at.toISOString(),
          // The author set the reference level and is refused a rating, so the page shows no form.
          writtenByMe: r.created_by === auth.user.id,
          myRating: own
            ? { level: own.level, rationale: own.rationale, ratedAt: own.rated_at.toISOString() }
            : null,
        };
      }),
    };
  });

  api.post(
    '/calibration/vignettes/:id/ratings',
    route('patient:read', { params: vignetteIdParams, body: rateVignetteSchema, 201: ratingReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const vignette = await findVignette(ctx.db, req.params.id, auth.user.service_ids);
      if (!vignette) throw problem('not-found');
      if (vignette.created_by === auth.user.id)
        throw problem(
          'conflict',
          'You wrote this vignette and set its reference level, so you do not rate it.',
        );
      const now = ctx.now();
      const rationale = req.body.rationale ? req.body.rationale : null;
      const stored = await ctx.db.transaction(async (tx) => {
        if (
          !(await insertRating(tx, {
            vignetteId: vignette.id,
            raterId: auth.user.id,
            level: req.body.level,
            rationale,
            at: now,
          }))
        )
          return false;
        await recordChange(req, tx, {
          action: 'calibration-rating.create',
          resource: { type: 'CalibrationRating', id: vignette.id },
          details: { level: req.body.level },
          now,
        });
        return true;
      });
      if (!stored)
        throw problem('conflict', 'You have already rated this vignette; ratings are not changed.');
      return reply.status(201).send({
        vignetteId: vignette.id,
        level: req.body.level as LevelNumber,
        rationale,
        ratedAt: now.toISOString(),
      });
    },
  );

  api.get('/calibration/report', route('supervision', { 200: calibrationReportReply }), async (req) => {
    const auth = authOf(req);
    const rows = await listVignettes(ctx.db, auth.user.service_ids);
    const ratings = await listRatings(
      ctx.db,
      rows.map((r) => r.id),
    );
    await auditAccess(ctx, req, 'calibration-report.read', 'CalibrationReport', {
      vignettes: rows.length,
      ratings: ratings.length,
    });
    return calibrationReport(rows, ratings);
  });
}
