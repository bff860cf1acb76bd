// When a confirmed level of need is next reviewed: the level's review interval from the day of the decision.
import { addDays, type IsoDate } from '../core/calendar.ts';
import { isoDateInZone } from '../core/zoned.ts';
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
 * The review date: `days` after the calendar day of the decision on the service's clock (`timeZone`, an IANA
 * name), the same calendar the worklist counts "today" on. A decision at 20:00 in New York (01:00 UTC the next
 * day) counts from New York's day, so its review is not due a day late.
 */
export function reviewDueDate(decidedAt: Date, days: number, timeZone: string): IsoDate {
  // A date the zone's clock showed, so the brand holds.
  return addDays(isoDateInZone(decidedAt, timeZone) as IsoDate, days);
}
