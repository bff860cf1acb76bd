// The service outcome measures' public API (capability C6): definitions, measures, agreement, intervals, export.
export { carePlanAlignment, carePlanAlignmentOf, referralsWithinTarget } from './alignment.ts';
export type { CarePlanAlignment, LevelInterventions, ReferralTimeliness } from './alignment.ts';
export { calibrationAgreement, SPLIT_BELOW } from './calibration.ts';
export {
  cohenWarnings,
  fleissWarnings,
  kappaWarnings,
  MIN_RATERS_FOR_TEAM_KAPPA,
  MIN_VIGNETTES_FOR_KAPPA,
} from './kappa-interpretability.ts';
export type { KappaBasis, KappaWarning, KappaWarningCode } from './kappa-interpretability.ts';
export type {
  CalibrationReport,
  PractitionerAgreement,
  Vignette,
  VignetteAgreement,
  VignetteRating,
} from './calibration.ts';
export {
  baselineAndLatest,
  changeFromBaseline,
  changeOfPairs,
  phq9OfPairs,
  phq9ResponseAndRemission,
} from './change.ts';
export type {
  BaselineAndLatest,
  ChangeFromBaseline,
  OutcomeField,
  Phq9ResponseRemission,
  ValuePair,
} from './change.ts';
export { compareMeans, compareProportions } from './compare.ts';
export type {
  GroupCount,
  GroupShare,
  GroupValues,
  MeanComparison,
  ProportionComparison,
  SmallNumberCaveat,
} from './compare.ts';
export { levelSpread, overrideRates } from './consistency.ts';
export type { LevelSpread, LevelSpreadReport, OverrideRates } from './consistency.ts';
export { contactGaps, reviewsOnTime, sameKeyWorker } from './continuity.ts';
export { measureDefinition, measureDefinitions, measureIds } from './definitions.ts';
export type { MeasureDefinition, MeasureFamily, MeasureId } from './definitions.ts';
export { attendedOfBooked, didNotAttendRate, timeInTreatment } from './engagement.ts';
export type { TimeInTreatment } from './engagement.ts';
export { escalationByMonth, levelChangesAtReview } from './escalation.ts';
export type { EscalationMonth, LevelChanges } from './escalation.ts';
export {
  daysToFirstSentinel,
  daysToFirstSentinelValues,
  firstLevelByMonth,
  sentinelAtFirstAssessment,
} from './identification.ts';
export type { FirstLevelMonth } from './identification.ts';
export { meanDifferenceInterval, newcombeDifference, wilsonInterval, Z_95 } from './intervals.ts';
export type { DifferenceInterval, Interval } from './intervals.ts';
export { cohenKappa, cohenKappaFromTable, fleissKappa, subjectAgreement } from './kappa.ts';
export type { CohenKappa, FleissKappa } from './kappa.ts';
export type { Computed, Grouped, NoValue, NoValueCode, Proportion, Summary } from './results.ts';
export type {
  AppointmentRow,
  AssessmentRow,
  CarePlanRow,
  CrisisEventRow,
  EpisodeRow,
  ReferralRow,
  ReviewRow,
  UrinaryChecklistRow,
} from './rows.ts';
export { suppressCounts, suppressTable } from './suppression.ts';
export type { PublishedCount, PublishedTable } from './suppression.ts';
export { crisisKindIds, crisisKinds, referralDestinationIds, referralDestinations } from './event-kinds.ts';
export type { CrisisKind, ReferralDestination } from './event-kinds.ts';
export { topColumns, topRows } from './top-export.ts';
export type { TopRow, TopSource, TopStage } from './top-export.ts';
export { pilotComparison } from './pilot.ts';
export type { PilotGroup, PilotRow } from './pilot.ts';
export { isMarker, reportTableIds, reportTables, SUPPRESSED, suppressionNote } from './report-tables.ts';
export type {
  Audience,
  ColumnFormat,
  ReportTable,
  ReportTableId,
  ReportTablesInput,
  TableCell,
  TableColumn,
} from './report-tables.ts';
export type { Funnel, OutcomeSeries, PractitionerRow, SeriesMonth, TeamRow } from './series.ts';
