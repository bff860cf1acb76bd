// Escalation and crisis: levels rising or falling at review, and level-4 and crisis events month by month.
import { byDate, monthOf, monthsFrom, type IsoDate } from '../core/calendar.ts';
import { proportionOverPeople, type Proportion } from './results.ts';
import type { EpisodeRow } from './rows.ts';

/** How confirmed levels moved at review. */
export interface LevelChanges {
  /** Assessments that follow an earlier assessment of the same person. */
  readonly reviews: number;
  readonly rose: Proportion;
  readonly fell: Proportion;
  readonly unchanged: Proportion;
}

/**
 * Measures `level-rose-at-review` and `level-fell-at-review`: each assessment after a person's first is a
 * review, compared with the confirmed level of the one immediately before it.
 */
export function levelChangesAtReview(episodes: readonly EpisodeRow[]): LevelChanges {
  const parts = episodes.map((episode) => {
    const levels = byDate(episode.assessments, (a) => a.on).map((a) => a.confirmedLevel);
    let rose = 0;
    let fell = 0;
    levels.slice(1).forEach((level, i) => {
      const before = levels[i] ?? level;
      if (level > before) rose += 1;
      if (level < before) fell += 1;
    });
    return { reviews: Math.max(0, levels.length - 1), rose, fell };
  });
  const share = (of: (p: (typeof parts)[number]) => number) =>
    proportionOverPeople(
      parts.map((p) => ({ numerator: of(p), denominator: p.reviews })),
      'reviews',
    );
  return {
    reviews: parts.reduce((sum, p) => sum + p.reviews, 0),
    rose: share((p) => p.rose),
    fell: share((p) => p.fell),
    unchanged: share((p) => p.reviews - p.rose - p.fell),
  };
}

/** Level-4 confirmations and crisis events in one calendar month. */
export interface EscalationMonth {
  readonly month: string;
  readonly level4Assessments: number;
  readonly crisisEvents: number;
}

/**
 * Measures `level-4-per-month` and `crisis-events-per-month`: counts for every month from `from` to `to`,
 * zero months included so a chart shows them. Events outside those months are not counted.
 */
export function escalationByMonth(
  episodes: readonly EpisodeRow[],
  from: IsoDate,
  to: IsoDate,
): EscalationMonth[] {
  const level4Months = episodes.flatMap((e) =>
    e.assessments.filter((a) => a.confirmedLevel === 4).map((a) => monthOf(a.on)),
  );
  const crisisMonths = episodes.flatMap((e) => e.crisisEvents.map((c) => monthOf(c.on)));
  return monthsFrom(from, to).map((month) => ({
    month,
    level4Assessments: level4Months.filter((m) => m === month).length,
    crisisEvents: crisisMonths.filter((m) => m === month).length,
  }));
}
