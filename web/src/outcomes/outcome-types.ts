// Service outcome report shapes, taken from the server's measure functions so a changed value type fails the build.
import type {
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
  MeasureDefinition,
  MeasureFamily,
  overrideRates,
  phq9ResponseAndRemission,
  reviewsOnTime,
  sameKeyWorker,
  sentinelAtFirstAssessment,
  timeInTreatment,
} from '../../../src/domain/outcomes/index.ts';

export type {
  EscalationMonth,
  FirstLevelMonth,
  Interval,
  MeasureDefinition,
  MeasureFamily,
  Proportion,
  Summary,
} from '../../../src/domain/outcomes/index.ts';

/** The value each measure on GET /reports/service-outcomes carries, by measure id (as the route builds them). */
export interface MeasureValues {
  'days-to-first-sentinel': ReturnType<typeof daysToFirstSentinel>;
  'sentinel-at-first-assessment': ReturnType<typeof sentinelAtFirstAssessment>;
  'first-level-by-month': ReturnType<typeof firstLevelByMonth>;
  'override-rate': ReturnType<typeof overrideRates>;
  'level-spread': ReturnType<typeof levelSpread>;
  'care-plan-matches-level': ReturnType<typeof carePlanAlignment>;
  'attended-of-booked': ReturnType<typeof attendedOfBooked>;
  'did-not-attend-rate': ReturnType<typeof didNotAttendRate>;
  'time-in-treatment': ReturnType<typeof timeInTreatment>;
  'reviews-on-time': ReturnType<typeof reviewsOnTime>;
  'contact-gap': ReturnType<typeof contactGaps>;
  'same-key-worker': ReturnType<typeof sameKeyWorker>;
  'level-rose-at-review': ReturnType<typeof levelChangesAtReview>;
  'level-4-per-month': ReturnType<typeof escalationByMonth>;
  'change-days-used': ReturnType<typeof changeFromBaseline>;
  'change-sds': ReturnType<typeof changeFromBaseline>;
  'change-phq9': ReturnType<typeof changeFromBaseline>;
  'phq9-response': ReturnType<typeof phq9ResponseAndRemission>;
}

/** One measure of the report: its id, written definition and value. */
export type OutcomeMeasure = {
  [K in keyof MeasureValues]: { id: K; definition: MeasureDefinition; value: MeasureValues[K] };
}[keyof MeasureValues];

/** The reply to GET /reports/service-outcomes. */
export interface ServiceOutcomes {
  period: { from: string; to: string };
  serviceIds: string[];
  episodes: number;
  notYetRecorded: string[];
  measures: OutcomeMeasure[];
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
