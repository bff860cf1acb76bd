// The shapes of the outcome report tables: their ids, the published table, and what they are made from.
import type { CarePlanAlignment, ReferralTimeliness } from './alignment.ts';
import type { PractitionerAgreement } from './calibration.ts';
import type { ChangeFromBaseline } from './change.ts';
import type { LevelSpreadReport, OverrideRates } from './consistency.ts';
import type { MeasureId } from './definitions.ts';
import type { TimeInTreatment } from './engagement.ts';
import type { EscalationMonth, LevelChanges } from './escalation.ts';
import type { FirstLevelMonth } from './identification.ts';
import type { FleissKappa } from './kappa.ts';
import type { Computed, Proportion, Summary } from './results.ts';
import type { Funnel, SeriesMonth, TeamRow } from './series.ts';

/** Who a set of tables is for: `team` sees every number; `external` (a board, a commissioner) sees counts ≥ 5. */
export type Audience = 'team' | 'external';

/** The stable ids of the tables, in the order the dashboard and the PDF show them. */
export const reportTableIds = [
  'summary',
  'monthly-activity',
  'first-level-by-month',
  'identification-funnel',
  'override-rate-by-practitioner',
  'override-rate-by-team',
  'level-spread-by-proposed-level',
  'care-plan-alignment-by-level',
  'care-plan-missing-interventions',
  'referral-timeliness',
  'level-changes-at-review',
  'change-from-baseline',
  'phq9-response-remission',
  'teams',
  'calibration-vignettes',
  'calibration-practitioners',
] as const;
export type ReportTableId = (typeof reportTableIds)[number];

/** How a column's numbers read: a share is 0–1, a decimal is a mean, median, level or kappa. */
export type ColumnFormat = 'text' | 'count' | 'share' | 'decimal';
export type TableCell = string | number | null;

export interface TableColumn {
  readonly key: string;
  readonly heading: string;
  readonly format: ColumnFormat;
}

/** One published table: its rows line up with its columns; `suppressed` says whether any number was held back. */
export interface ReportTable {
  readonly id: ReportTableId;
  readonly title: string;
  readonly measureIds: readonly MeasureId[];
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly suppressed: boolean;
}

/** As the dashboard's SQL returns it (src/domain/outcomes/series.ts). */
export type SeriesMonthInput = SeriesMonth;

/** As the dashboard's SQL returns it (src/domain/outcomes/series.ts). */
export type FunnelInput = Funnel;

/** As the dashboard's SQL returns it (src/domain/outcomes/series.ts). */
export type TeamRowInput = TeamRow;

/** What the tables are made from: the service outcomes report's measures, series and practitioner names. */
export interface ReportTablesInput {
  readonly measures: readonly { readonly id: MeasureId; readonly value: unknown }[];
  readonly series: {
    readonly months: readonly SeriesMonthInput[];
    readonly funnel: FunnelInput;
    readonly practitioners: readonly { readonly practitionerId: string; readonly displayName: string }[];
    readonly teams: readonly TeamRowInput[];
  };
  readonly names?: {
    readonly practitioners: readonly { readonly id: string; readonly displayName: string }[];
  };
}

/** A calibration vignette as the report lists it. */
export interface SplitVignette {
  readonly vignetteId: string;
  readonly title: string;
  readonly agreement: number | null;
  readonly splitsTeam: boolean;
}

/** The value each measure carries in the report (the pairing is made where the report is built). */
export interface MeasureValues {
  'days-to-first-sentinel': Summary;
  'sentinel-at-first-assessment': Proportion;
  'first-level-by-month': readonly FirstLevelMonth[];
  'identification-funnel': FunnelInput;
  'override-rate': OverrideRates;
  'level-spread': LevelSpreadReport;
  'calibration-fleiss-kappa': Computed<FleissKappa>;
  'calibration-cohen-kappa': readonly PractitionerAgreement[];
  'calibration-split-vignettes': readonly SplitVignette[];
  'care-plan-matches-level': CarePlanAlignment;
  'referral-within-target': ReferralTimeliness;
  'attended-of-booked': Proportion;
  'did-not-attend-rate': Proportion;
  'time-in-treatment': TimeInTreatment;
  'reviews-on-time': Proportion;
  'contact-gap': Summary;
  'same-key-worker': Proportion;
  'level-rose-at-review': LevelChanges;
  'level-fell-at-review': LevelChanges;
  'level-4-per-month': readonly EscalationMonth[];
  'crisis-events-per-month': readonly EscalationMonth[];
  'change-days-used': ChangeFromBaseline;
  'change-sds': ChangeFromBaseline;
  'change-phq9': ChangeFromBaseline;
  'change-urinary-symptoms': ChangeFromBaseline;
  'phq9-response': Proportion;
  'phq9-remission': Proportion;
}
