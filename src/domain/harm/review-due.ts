// When a confirmed level of need is next reviewed: the level's review interval from the day of the decision.
import { addDays, type IsoDate } from '../core/calendar.ts';
import type { HarmEvaluation } from './evaluation.ts';
import type { LevelNumber, ValidContentPack } from './pack-types.ts';

/**
 * Days until review for the level the clinician confirmed: that level's interval in the pack the proposal was
 * made with (so an override takes the interval of the level chosen), else the proposal's own interval when that pack
 * is not available.
 */
export function reviewWithinDaysFor(
  confirmedLevel: LevelNumber,
  pack: ValidContentPack | undefined,
  evaluation: Pick<HarmEvaluation, 'reviewWithinDays'>,
): number {
  return (
    pack?.levels.find((l) => l.level === confirmedLevel)?.reviewWithinDays ?? evaluation.reviewWithinDays
  );
}

/**
 * The review date: `days` after the calendar day of the decision. The day is taken in UTC, as every stored
 * review date has been, so a decision at 23:30 UTC counts from that UTC day.
 */
export function reviewDueDate(decidedAt: Date, days: number): IsoDate {
  // toISOString always prints a real UTC calendar date, so the brand holds.
  return addDays(decidedAt.toISOString().slice(0, 10) as IsoDate, days);
}
