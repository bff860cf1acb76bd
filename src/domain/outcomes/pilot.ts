// Pilot evaluation: the same measures for two groups (two periods, or two teams) side by side, each share with
// its Wilson interval, the difference with Newcombe's interval, and the caveats of small numbers shown.
import type { IsoDate } from '../core/calendar.ts';
import { carePlanAlignment, referralsWithinTarget, type LevelInterventions } from './alignment.ts';
import { baselineAndLatest, phq9ResponseAndRemission, type OutcomeField } from './change.ts';
import {
  compareMeans,
  compareProportions,
  type MeanComparison,
  type ProportionComparison,
} from './compare.ts';
import { overrideRates } from './consistency.ts';
import { reviewsOnTime, sameKeyWorker } from './continuity.ts';
import { measureDefinition, type MeasureDefinition, type MeasureId } from './definitions.ts';
import { attendedOfBooked, didNotAttendRate } from './engagement.ts';
import { levelChangesAtReview } from './escalation.ts';
import { daysToFirstSentinelValues, sentinelAtFirstAssessment } from './identification.ts';
import type { Proportion } from './results.ts';
import type { EpisodeRow } from './rows.ts';

/** One group of a pilot comparison: its label, its episodes and the date its measures are taken at. */
export interface PilotGroup {
  readonly label: string;
  readonly episodes: readonly EpisodeRow[];
  readonly asOf: IsoDate;
}

export type PilotRow =
  | {
      readonly kind: 'share';
      readonly id: MeasureId;
      readonly definition: MeasureDefinition;
      readonly comparison: ProportionComparison;
    }
  | {
      readonly kind: 'mean';
      readonly id: MeasureId;
      readonly definition: MeasureDefinition;
      readonly comparison: MeanComparison;
    };

const shares: readonly (readonly [
  MeasureId,
  (g: PilotGroup, levels: readonly LevelInterventions[]) => Proportion,
])[] = [
  ['sentinel-at-first-assessment', (g) => sentinelAtFirstAssessment(g.episodes)],
  ['override-rate', (g) => overrideRates(g.episodes).overall],
  ['care-plan-matches-level', (g, levels) => carePlanAlignment(g.episodes, levels).overall],
  ['referral-within-target', (g) => referralsWithinTarget(g.episodes, g.asOf).withinTarget],
  ['attended-of-booked', (g) => attendedOfBooked(g.episodes, g.asOf)],
  ['did-not-attend-rate', (g) => didNotAttendRate(g.episodes, g.asOf)],
  ['reviews-on-time', (g) => reviewsOnTime(g.episodes, g.asOf)],
  ['same-key-worker', (g) => sameKeyWorker(g.episodes)],
  ['level-rose-at-review', (g) => levelChangesAtReview(g.episodes).rose],
  ['level-fell-at-review', (g) => levelChangesAtReview(g.episodes).fell],
  ['phq9-response', (g) => phq9ResponseAndRemission(g.episodes).response],
  ['phq9-remission', (g) => phq9ResponseAndRemission(g.episodes).remission],
];

const changeOf = (episodes: readonly EpisodeRow[], field: OutcomeField): number[] =>
  baselineAndLatest(episodes, field).map((p) => p.latest - p.baseline);

const means: readonly (readonly [MeasureId, (g: PilotGroup) => readonly number[]])[] = [
  ['days-to-first-sentinel', (g) => daysToFirstSentinelValues(g.episodes)],
  ['change-days-used', (g) => changeOf(g.episodes, 'daysUsedLast28')],
  ['change-sds', (g) => changeOf(g.episodes, 'sdsTotal')],
  ['change-phq9', (g) => changeOf(g.episodes, 'phq9Total')],
  ['change-urinary-symptoms', (g) => changeOf(g.episodes, 'urinarySymptomCount')],
];

/**
 * Compares two groups on every measure that is a share or a per-person value. Nothing is hidden: a comparison
 * with small numbers is shown with its caveats, and a measure with no data in a group says so.
 */
export function pilotComparison(
  first: PilotGroup,
  second: PilotGroup,
  levels: readonly LevelInterventions[],
): PilotRow[] {
  const shareRows: PilotRow[] = shares.map(([id, of]) => {
    const a = of(first, levels);
    const b = of(second, levels);
    return {
      kind: 'share',
      id,
      definition: measureDefinition(id),
      comparison: compareProportions(
        { label: first.label, count: a.numerator, total: a.denominator },
        { label: second.label, count: b.numerator, total: b.denominator },
      ),
    };
  });
  const meanRows: PilotRow[] = means.map(([id, of]) => ({
    kind: 'mean',
    id,
    definition: measureDefinition(id),
    comparison: compareMeans(
      { label: first.label, values: of(first) },
      { label: second.label, values: of(second) },
    ),
  }));
  return [...shareRows, ...meanRows];
}
