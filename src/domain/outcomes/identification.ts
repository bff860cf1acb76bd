// Earlier identification: how soon sentinel symptoms are recorded, and the level people are first seen at.
import type { LevelNumber } from '../harm/pack-types.ts';
import { byDate, daysBetween, monthOf, monthsFrom, type IsoDate } from '../core/calendar.ts';
import { proportionOf, proportionOverPeople, type Proportion, type Summary } from './results.ts';
import type { AssessmentRow, EpisodeRow } from './rows.ts';
import { mean, summarise } from './statistics.ts';

/** A person's assessments, earliest first. */
function assessmentsInOrder(episode: EpisodeRow): AssessmentRow[] {
  return byDate(episode.assessments, (a) => a.on);
}

/**
 * Measure `days-to-first-sentinel`: for each person with a sentinel symptom recorded, the days from first
 * contact to the first assessment recording one; summarised across those people.
 */
export function daysToFirstSentinel(episodes: readonly EpisodeRow[]): Summary {
  return summarise(daysToFirstSentinelValues(episodes), 'people with a sentinel symptom recorded');
}

/** The per-person days behind `daysToFirstSentinel`, for comparing two groups. */
export function daysToFirstSentinelValues(episodes: readonly EpisodeRow[]): number[] {
  return episodes.flatMap((episode) => {
    const first = assessmentsInOrder(episode).find((a) => a.sentinelSymptoms.length > 0);
    return first === undefined ? [] : [daysBetween(episode.firstContactOn, first.on)];
  });
}

/**
 * Measure `sentinel-at-first-assessment`: distinct person–symptom pairs already recorded at the person's
 * first assessment, over all distinct person–symptom pairs recorded.
 */
export function sentinelAtFirstAssessment(episodes: readonly EpisodeRow[]): Proportion {
  // Pairs, not people: the share carries the people behind it so one person's symptoms are never published
  // as a count outside the team.
  const parts = episodes.map((episode) => {
    const [first, ...later] = assessmentsInOrder(episode);
    const firstCodes = new Set(first?.sentinelSymptoms ?? []);
    const allCodes = new Set([...firstCodes, ...later.flatMap((a) => a.sentinelSymptoms)]);
    return { numerator: firstCodes.size, denominator: allCodes.size };
  });
  return proportionOverPeople(parts, 'sentinel symptoms recorded');
}

/** The confirmed levels of people first assessed in one month. */
export interface FirstLevelMonth {
  readonly month: string;
  readonly people: number;
  /** People at each level, levels 1 to 4. */
  readonly atLevel: Readonly<Record<LevelNumber, Proportion>>;
  readonly meanLevel: number | null;
}

/**
 * Measure `first-level-by-month`: for every month from `from` to `to`, the confirmed level at first
 * assessment of the people whose first assessment fell in that month. Months with nobody have null shares.
 */
export function firstLevelByMonth(
  episodes: readonly EpisodeRow[],
  from: IsoDate,
  to: IsoDate,
): FirstLevelMonth[] {
  const firsts = episodes.flatMap((episode) => assessmentsInOrder(episode).slice(0, 1));
  return monthsFrom(from, to).map((month) => {
    const levels = firsts.filter((a) => monthOf(a.on) === month).map((a) => a.confirmedLevel);
    const share = (level: LevelNumber): Proportion =>
      proportionOf(
        levels.filter((l) => l === level).length,
        levels.length,
        `people first assessed in ${month}`,
      );
    return {
      month,
      people: levels.length,
      atLevel: { 1: share(1), 2: share(2), 3: share(3), 4: share(4) },
      meanLevel: levels.length === 0 ? null : mean(levels),
    };
  });
}
