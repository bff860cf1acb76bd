// Every table of the service outcomes dashboard as plain rows for CSV, PDF and screen, with small counts
// suppressed when the tables leave the team.
import type { MeasureId } from './definitions.ts';
import { carePlanTables, levelChangesTable, referralTable } from './report-tables-alignment.ts';
import { calibrationTables } from './report-tables-calibration.ts';
import type { Context, Draft } from './report-tables-cells.ts';
import { changeTable, phq9Table } from './report-tables-change.ts';
import { levelSpreadTable, overrideTables } from './report-tables-consistency.ts';
import type { Audience, MeasureValues, ReportTable, ReportTablesInput } from './report-tables-model.ts';
import { isMarker, Publisher, SUPPRESSED } from './report-tables-publisher.ts';
import { firstLevelTable, funnelTable, monthlyActivityTable, teamsTable } from './report-tables-series.ts';
import { summaryTable } from './report-tables-summary.ts';

export { reportTableIds } from './report-tables-model.ts';
export type {
  Audience,
  ColumnFormat,
  FunnelInput,
  ReportTable,
  ReportTableId,
  ReportTablesInput,
  SeriesMonthInput,
  SplitVignette,
  TableCell,
  TableColumn,
  TeamRowInput,
} from './report-tables-model.ts';
export { isMarker, SUPPRESSED } from './report-tables-publisher.ts';

/** What the markers mean and who the tables are for, to print beside them. */
export function suppressionNote(audience: Audience): string {
  return audience === 'external'
    ? 'For readers outside the team. A count from 1 to 4 is shown as <5, and a count shown as * is hidden so ' +
        'that a <5 cannot be worked out from a total. A share, mean, median or kappa resting on a count from 1 to ' +
        `4 is shown as "${SUPPRESSED}". Zero is shown as 0. Practitioners are shown by number, not name. Each ` +
        'table is protected on its own; figures repeated across tables are not audited against each other.'
    : 'For the team only: every count is shown, including counts from 1 to 4 that could identify people. ' +
        'Do not share these figures outside the team; export for an external audience instead.';
}

/**
 * Every table the dashboard shows, for one audience. Outside the team small counts are suppressed (see
 * `suppressionNote`); practitioners are numbered in the order of their ids, so the labels do not follow names.
 */
export function reportTables(report: ReportTablesInput, audience: Audience): ReportTable[] {
  const external = audience === 'external';
  const value = <K extends MeasureId>(id: K) =>
    report.measures.find((m) => m.id === id)?.value as MeasureValues[K] | undefined;
  const names = new Map<string, string>([
    ...(report.names?.practitioners ?? []).map((p) => [p.id, p.displayName] as const),
    ...report.series.practitioners.map((p) => [p.practitionerId, p.displayName] as const),
  ]);
  const numbered = [
    ...new Set([
      ...(value('override-rate')?.byPractitioner ?? []).map((g) => g.key),
      ...(value('calibration-cohen-kappa') ?? []).map((p) => p.practitionerId),
    ]),
  ].sort();
  const ctx: Context = {
    input: report,
    publish: new Publisher(external),
    practitioner: (id) => (external ? `Practitioner ${numbered.indexOf(id) + 1}` : (names.get(id) ?? id)),
    value,
  };
  const drafts: Draft[] = [
    summaryTable(ctx),
    monthlyActivityTable(ctx),
    firstLevelTable(ctx),
    funnelTable(ctx),
    ...overrideTables(ctx),
    levelSpreadTable(ctx),
    ...carePlanTables(ctx),
    referralTable(ctx),
    levelChangesTable(ctx),
    changeTable(ctx),
    phq9Table(ctx),
    teamsTable(ctx),
    ...calibrationTables(ctx),
  ];
  return drafts.map((d) => ({ ...d, suppressed: d.rows.some((row) => row.some(isMarker)) }));
}
