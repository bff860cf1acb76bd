// Service outcome measures for a period and service, each beside its written definition (capability C6).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoDate, type IsoDate } from '../../domain/harm/index.ts';
import {
  attendedOfBooked,
  carePlanAlignment,
  changeFromBaseline,
  contactGaps,
  daysToFirstSentinel,
  didNotAttendRate,
  escalationByMonth,
  firstLevelByMonth,
  levelChangesAtReview,
  levelSpread,
  measureDefinition,
  overrideRates,
  phq9ResponseAndRemission,
  reviewsOnTime,
  sameKeyWorker,
  sentinelAtFirstAssessment,
  timeInTreatment,
  type MeasureId,
} from '../../domain/outcomes/index.ts';
import { isoDate as dateField, uuid } from '../../schemas/common.ts';
import { packInForce } from '../../store/harm-packs.ts';
import { loadEpisodes } from '../../store/outcome-episodes.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { problem } from '../problem.ts';

const query = z.object({ from: dateField, to: dateField, service: uuid.optional() }).strict();

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/reports/service-outcomes',
    { config: { access: 'reports:read' }, schema: { tags: ['reports'], querystring: query } },
    async (req) => {
      const auth = authOf(req);
      const from = isoDate(req.query.from);
      const to = isoDate(req.query.to);
      if (!from || !to || from > to)
        throw problem('validation-failed', undefined, [
          { path: 'querystring.to', message: 'Must not be before "from"' },
        ]);
      if (req.query.service && !auth.user.service_ids.includes(req.query.service)) throw problem('not-found');
      const services = req.query.service ? [req.query.service] : auth.user.service_ids;
      const episodes = await loadEpisodes(ctx.db, services, from, to);
      const pack = await packInForce(ctx.db);
      const asOf: IsoDate = to;
      const measure = <T>(id: MeasureId, value: T) => ({ id, definition: measureDefinition(id), value });
      const measures = [
        measure('days-to-first-sentinel', daysToFirstSentinel(episodes)),
        measure('sentinel-at-first-assessment', sentinelAtFirstAssessment(episodes)),
        measure('first-level-by-month', firstLevelByMonth(episodes, from, to)),
        measure('override-rate', overrideRates(episodes)),
        measure('level-spread', levelSpread(episodes)),
        measure('care-plan-matches-level', carePlanAlignment(episodes, pack.levels)),
        measure('attended-of-booked', attendedOfBooked(episodes, asOf)),
        measure('did-not-attend-rate', didNotAttendRate(episodes, asOf)),
        measure('time-in-treatment', timeInTreatment(episodes, asOf)),
        measure('reviews-on-time', reviewsOnTime(episodes, asOf)),
        measure('contact-gap', contactGaps(episodes)),
        measure('same-key-worker', sameKeyWorker(episodes)),
        measure('level-rose-at-review', levelChangesAtReview(episodes)),
        measure('level-4-per-month', escalationByMonth(episodes, from, to)),
        measure('change-days-used', changeFromBaseline(episodes, 'daysUsedLast28')),
        measure('change-sds', changeFromBaseline(episodes, 'sdsTotal')),
        measure('change-phq9', changeFromBaseline(episodes, 'phq9Total')),
        measure('phq9-response', phq9ResponseAndRemission(episodes)),
      ];
      await ctx.db.transaction((tx) =>
        auditFrom(
          req,
          tx,
          {
            action: 'report.service-outcomes',
            resourceType: 'Report',
            outcome: 'success',
            details: { from, to, episodes: episodes.length },
          },
          ctx.now(),
        ),
      );
      return {
        period: { from, to },
        serviceIds: services,
        episodes: episodes.length,
        notYetRecorded: [
          'Onward referrals with target times and crisis events are not recorded yet, so referral-within-target and crisis-events-per-month are not reported.',
        ],
        measures,
      };
    },
  );
}
