// CSV of every service outcomes table and a PDF report for a board or commissioner, with small counts suppressed
// for audiences outside the team.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  reportTableIds,
  reportTables,
  suppressionNote,
  type Audience,
  type ReportTable,
} from '../../domain/outcomes/index.ts';
import { toCsv } from '../../documents/csv.ts';
import { renderOutcomesReport } from '../../documents/outcomes-report.ts';
import { scopeDetails, serviceOutcomes, type ReportScope } from '../../reports/service-outcomes.ts';
import { audience, reportScopeQuery } from '../../schemas/outcomes.ts';
import { csvReply, pdfReply, reportTablesReply } from '../../schemas/replies/outcomes.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { problem } from '../problem.ts';
import { auditAccess } from '../record-change.ts';
import { resolveScope } from '../report-scope.ts';

const [firstTable, ...otherTables] = reportTableIds;

const exportQuery = reportScopeQuery.extend({ audience });
const csvQuery = exportQuery.extend({
  table: z.enum([firstTable, ...otherTables]).describe(`One of: ${reportTableIds.join(', ')}`),
});

/** What a report read is audited as. */
const REPORT = 'Report';

export function reportExportRoutes(api: ZodApp, ctx: AppContext): void {
  /** The report over the checked scope, and its tables for the audience. */
  async function tablesFor(req: FastifyRequest, query: z.infer<typeof reportScopeQuery>, who: Audience) {
    const scope = await resolveScope(ctx.db, req, query);
    const report = await serviceOutcomes(ctx.db, scope);
    return { scope, report, tables: reportTables(report, who) };
  }

  const details = (scope: ReportScope, who: Audience, tables: readonly ReportTable[]) => ({
    ...scopeDetails(scope),
    audience: who,
    suppressed: tables.some((t) => t.suppressed),
  });

  api.get(
    '/reports/service-outcomes/tables',
    route('reports:read', { querystring: exportQuery, 200: reportTablesReply }),
    async (req) => {
      const { scope, tables } = await tablesFor(req, req.query, req.query.audience);
      await auditAccess(ctx, req, 'report.tables', REPORT, details(scope, req.query.audience, tables));
      return {
        audience: req.query.audience,
        note: suppressionNote(req.query.audience),
        period: { from: scope.from, to: scope.to },
        tables,
      };
    },
  );

  api.get(
    '/reports/service-outcomes/export.csv',
    route('reports:read', { querystring: csvQuery, 200: csvReply }),
    async (req, reply) => {
      const { table: id, audience: who } = req.query;
      const { scope, tables } = await tablesFor(req, req.query, who);
      const table = tables.find((t) => t.id === id);
      if (table === undefined)
        throw problem('validation-failed', undefined, [
          { path: 'querystring.table', message: 'No such table' },
        ]);
      await auditAccess(ctx, req, 'report.export-csv', REPORT, {
        ...details(scope, who, [table]),
        table: id,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="service-outcomes-${id}-${scope.from}-to-${scope.to}-${who}.csv"`,
        )
        .send(
          toCsv(
            table.columns.map((c) => c.heading),
            table.rows,
          ),
        );
    },
  );

  api.get(
    '/reports/service-outcomes/report.pdf',
    route('reports:read', { querystring: exportQuery, 200: pdfReply }),
    async (req, reply) => {
      const who = req.query.audience;
      const { scope, report, tables } = await tablesFor(req, req.query, who);
      const practitioner =
        scope.practitionerId === undefined
          ? null
          : who === 'external'
            ? 'one practitioner (named in the team copy only)'
            : (report.names.practitioners.find((p) => p.id === scope.practitionerId)?.displayName ??
              'unknown');
      const pdf = await renderOutcomesReport({
        period: { from: scope.from, to: scope.to },
        teams: report.names.services.map((s) => s.name),
        practitioner,
        audience: who,
        generatedAt: ctx.now().toISOString(),
        note: suppressionNote(who),
        measures: report.measures,
        tables,
      });
      await auditAccess(ctx, req, 'report.export-pdf', REPORT, details(scope, who, tables));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="service-outcomes-${scope.from}-to-${scope.to}-${who}.pdf"`,
        )
        .send(pdf);
    },
  );
}
