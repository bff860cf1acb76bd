// Service outcome report shapes, taken from the server's measure functions and SQL series so a changed type fails the build.
import type {
  attendedOfBooked,
  CalibrationReport,
  carePlanAlignment,
  changeFromBaseline,
  contactGaps,
  daysToFirstSentinel,
  didNotAttendRate,
  escalationByMonth,
  firstLevelByMonth,
  levelChangesAtReview,
  levelSpread,
  MeasureDefinition,
  MeasureFamily,
  overrideRates,
  PilotRow,
  Proportion,
  referralsWithinTarget,
  reviewsOnTime,
  sameKeyWorker,
  sentinelAtFirstAssessment,
  timeInTreatment,
  VignetteAgreement,
} from '../../../src/domain/outcomes/index.ts';
import type { Funnel, OutcomeSeries } from '../../../src/store/outcome-series.ts';

export type {
  ChangeFromBaseline,
  CohenKappa,
  Computed,
  EscalationMonth,
  FirstLevelMonth,
  FleissKappa,
  Interval,
  MeanComparison,
  MeasureDefinition,
  MeasureFamily,
  MeasureId,
  PilotRow,
  Proportion,
  ProportionComparison,
  Summary,
} from '../../../src/domain/outcomes/index.ts';
export type {
  Funnel,
  OutcomeSeries,
  PractitionerRow,
  SeriesMonth,
  TeamRow,
} from '../../../src/store/outcome-series.ts';

/** One vignette's agreement as the report lists it: the share of rater pairs agreeing, with its title. */
export type SplitVignette = Pick<VignetteAgreement, 'vignetteId' | 'agreement' | 'splitsTeam'> & {
  title: string;
};

/** The value each measure on GET /reports/service-outcomes carries, by measure id (as the route builds them). */
export interface MeasureValues {
  'days-to-first-sentinel': ReturnType<typeof daysToFirstSentinel>;
  'sentinel-at-first-assessment': ReturnType<typeof sentinelAtFirstAssessment>;
  'first-level-by-month': ReturnType<typeof firstLevelByMonth>;
  'identification-funnel': Funnel;
  'override-rate': ReturnType<typeof overrideRates>;
  'level-spread': ReturnType<typeof levelSpread>;
  'calibration-fleiss-kappa': CalibrationReport['team'];
  'calibration-cohen-kappa': CalibrationReport['practitioners'];
  'calibration-split-vignettes': SplitVignette[];
  'care-plan-matches-level': ReturnType<typeof carePlanAlignment>;
  'referral-within-target': ReturnType<typeof referralsWithinTarget>;
  'attended-of-booked': ReturnType<typeof attendedOfBooked>;
  'did-not-attend-rate': ReturnType<typeof didNotAttendRate>;
  'time-in-treatment': ReturnType<typeof timeInTreatment>;
  'reviews-on-time': ReturnType<typeof reviewsOnTime>;
  'contact-gap': ReturnType<typeof contactGaps>;
  'same-key-worker': ReturnType<typeof sameKeyWorker>;
  'level-rose-at-review': ReturnType<typeof levelChangesAtReview>;
  'level-fell-at-review': ReturnType<typeof levelChangesAtReview>;
  'level-4-per-month': ReturnType<typeof escalationByMonth>;
  'crisis-events-per-month': ReturnType<typeof escalationByMonth>;
  'change-days-used': ReturnType<typeof changeFromBaseline>;
  'change-sds': ReturnType<typeof changeFromBaseline>;
  'change-phq9': ReturnType<typeof changeFromBaseline>;
  'change-urinary-symptoms': ReturnType<typeof changeFromBaseline>;
  'phq9-response': Proportion;
  'phq9-remission': Proportion;
}

/** One measure of the report: its id, written definition and value. */
export type OutcomeMeasure = {
  [K in keyof MeasureValues]: { id: K; definition: MeasureDefinition; value: MeasureValues[K] };
}[keyof MeasureValues];

/** Display names of the teams and staff in the report's scope. */
export interface ScopeNames {
  services: { id: string; name: string }[];
  practitioners: { id: string; displayName: string }[];
}

/** The reply to GET /reports/service-outcomes. */
export interface ServiceOutcomes {
  period: { from: string; to: string };
  serviceIds: string[];
  practitionerId: string | null;
  episodes: number;
  names: ScopeNames;
  measures: OutcomeMeasure[];
  series: OutcomeSeries;
}

/** The reply to GET /reports/service-outcomes/series: the charts' figures, fast at national scale. */
export interface OutcomeSeriesReport {
  period: { from: string; to: string };
  serviceIds: string[];
  practitionerId: string | null;
  names: ScopeNames;
  funnel: { definition: MeasureDefinition; value: Funnel };
  series: OutcomeSeries;
}

/** One group of a pilot comparison as the reply describes it. */
export interface PilotGroupView {
  label: string;
  from: string;
  to: string;
  serviceIds: string[];
}

/** The reply to GET /reports/pilot-comparison. */
export interface PilotComparison {
  first: PilotGroupView;
  second: PilotGroupView;
  rows: PilotRow[];
  note: string;
}

/** The families in the order the page shows them, with their headings. */
export const FAMILIES: readonly { family: MeasureFamily; heading: string }[] = [
  { family: 'earlier-identification', heading: 'Earlier identification' },
  { family: 'consistency', heading: 'Consistency' },
  { family: 'alignment', heading: 'Alignment' },
  { family: 'engagement', heading: 'Engagement' },
  { family: 'continuity', heading: 'Continuity' },
  { family: 'escalation', heading: 'Escalation' },
  { family: 'outcomes', heading: 'Outcomes' },
];
