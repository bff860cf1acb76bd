// Service outcome reports (C6): every measure beside its definition for a period, team and practitioner; the
// pilot comparison of two periods or teams; and the TOP-compatible export of 28-day use and health items.
import { measureDefinition, pilotComparison, topColumns, topRows } from '../../domain/outcomes/index.ts';
import { toCsv } from '../../documents/csv.ts';
import { pilotQuery, reportScopeQuery } from '../../schemas/outcomes.ts';
import {
  csvReply,
  outcomeSeriesReply,
  pilotComparisonReply,
  serviceOutcomesReply,
} from '../../schemas/replies/outcomes.ts';
import { packInForce } from '../../store/harm-packs.ts';
import { loadEpisodes } from '../../store/outcome-episodes.ts';
import { loadOutcomeSeries } from '../../store/outcome-series.ts';
import { scopeNames } from '../../store/scope-names.ts';
import { loadTopSources } from '../../store/top-export.ts';
import { scopeDetails, serviceOutcomes, type ReportScope } from '../../reports/service-outcomes.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditAccess } from '../record-change.ts';
import { resolveScope } from '../report-scope.ts';

/** What a report read is audited as. */
const REPORT = 'Report';

export function reportRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/reports/service-outcomes',
    route('reports:read', { querystring: reportScopeQuery, 200: serviceOutcomesReply }),
    async (req) => {
      const scope = await resolveScope(ctx.db, req, req.query);
      const report = await serviceOutcomes(ctx.db, scope);
      await auditAccess(ctx, req, 'report.service-outcomes', REPORT, {
        ...scopeDetails(scope),
        episodes: report.episodes,
      });
      return report;
    },
  );

  api.get(
    '/reports/service-outcomes/series',
    route('reports:read', { querystring: reportScopeQuery, 200: outcomeSeriesReply }),
    async (req) => {
      const scope = await resolveScope(ctx.db, req, req.query);
      const [series, names] = await Promise.all([
        loadOutcomeSeries(ctx.db, scope),
        scopeNames(ctx.db, scope.serviceIds),
      ]);
      await auditAccess(ctx, req, 'report.service-outcomes-series', REPORT, scopeDetails(scope));
      return {
        period: { from: scope.from, to: scope.to },
        serviceIds: [...scope.serviceIds],
        practitionerId: scope.practitionerId ?? null,
        names,
        funnel: { definition: measureDefinition('identification-funnel'), value: series.funnel },
        series,
      };
    },
  );

  api.get(
    '/reports/pilot-comparison',
    route('reports:read', { querystring: pilotQuery, 200: pilotComparisonReply }),
    async (req) => {
      const q = req.query;
      const first = await resolveScope(
        ctx.db,
        req,
        { from: q.firstFrom, to: q.firstTo, service: q.firstService, practitioner: q.practitioner },
        { from: 'firstFrom', to: 'firstTo', service: 'firstService' },
      );
      const second = await resolveScope(
        ctx.db,
        req,
        { from: q.secondFrom, to: q.secondTo, service: q.secondService, practitioner: q.practitioner },
        { from: 'secondFrom', to: 'secondTo', service: 'secondService' },
      );
      const names = await scopeNames(ctx.db, [...new Set([...first.serviceIds, ...second.serviceIds])]);
      const teamName = (s: ReportScope) =>
        s.serviceIds.length === 1 ? names.services.find((x) => x.id === s.serviceIds[0])?.name : 'All teams';
      const labelOf = (s: ReportScope, given: string | undefined) =>
        given ?? `${teamName(s) ?? 'Team'}, ${s.from} to ${s.to}`;
      const pack = await packInForce(ctx.db);
      const rows = pilotComparison(
        { label: labelOf(first, q.firstLabel), episodes: await loadEpisodes(ctx.db, first), asOf: first.to },
        {
          label: labelOf(second, q.secondLabel),
          episodes: await loadEpisodes(ctx.db, second),
          asOf: second.to,
        },
        pack.levels,
      );
      await auditAccess(ctx, req, 'report.pilot-comparison', REPORT, {
        first: scopeDetails(first),
        second: scopeDetails(second),
      });
      return {
        first: { ...first, serviceIds: [...first.serviceIds], label: labelOf(first, q.firstLabel) },
        second: { ...second, serviceIds: [...second.serviceIds], label: labelOf(second, q.secondLabel) },
        rows,
        note: 'Counts, intervals and caveats are shown for every measure, including small ones: a difference between small groups may be chance.',
      };
    },
  );

  api.get(
    '/reports/top-export.csv',
    route('reports:read', { querystring: reportScopeQuery, 200: csvReply }),
    async (req, reply) => {
      const scope = await resolveScope(ctx.db, req, req.query);
      const { sources, startedBefore } = await loadTopSources(ctx.db, scope);
      const rows = topRows(sources, startedBefore);
      await auditAccess(ctx, req, 'report.top-export', REPORT, { ...scopeDetails(scope), rows: rows.length });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="top-${scope.from}-to-${scope.to}.csv"`)
        .send(
          toCsv(
            topColumns.map((c) => c.heading),
            rows.map((r) => topColumns.map((c) => r[c.key])),
          ),
        );
    },
  );
}
