// Alignment of response to need: care plans that carry their level's interventions, and timely referrals.
import type { LevelDefinition } from '../harm/pack-types.ts';
import { dayNumber, daysBetween, type IsoDate } from '../core/calendar.ts';
import { groupBy, proportionOf, type Grouped, type Proportion } from './results.ts';
import type { CarePlanRow, EpisodeRow } from './rows.ts';

/** The part of a content pack's level the alignment measure reads. */
export type LevelInterventions = Pick<LevelDefinition, 'level' | 'interventions'>;

/** Care-plan alignment overall and per level, with plans left out because the pack has no such level. */
export interface CarePlanAlignment {
  readonly overall: Proportion;
  readonly byLevel: readonly Grouped<Proportion>[];
  readonly plansWithUndefinedLevel: number;
  /** For plans that fell short: how often each listed intervention was missing, most often first. */
  readonly missing: readonly { readonly intervention: string; readonly plans: number }[];
}

/**
 * Measure `care-plan-matches-level`: a plan matches when it includes every intervention the content pack
 * lists for the plan's confirmed level; extra interventions do not count against it.
 */
export function carePlanAlignment(
  episodes: readonly EpisodeRow[],
  levels: readonly LevelInterventions[],
): CarePlanAlignment {
  return carePlanAlignmentOf(
    episodes.flatMap((e) => e.carePlans),
    levels,
  );
}

/** `carePlanAlignment` over the care plans themselves (for callers that read the plans without episodes). */
export function carePlanAlignmentOf(
  plans: readonly CarePlanRow[],
  levels: readonly LevelInterventions[],
): CarePlanAlignment {
  const listed = (plan: CarePlanRow): readonly string[] | undefined =>
    levels.find((l) => l.level === plan.confirmedLevel)?.interventions;
  const known = plans.filter((plan) => listed(plan) !== undefined);
  const missingFrom = (plan: CarePlanRow): string[] =>
    (listed(plan) ?? []).filter((id) => !plan.interventions.includes(id));
  const share = (group: readonly CarePlanRow[]): Proportion =>
    proportionOf(group.filter((p) => missingFrom(p).length === 0).length, group.length, 'care plans');
  const tally = new Map<string, number>();
  for (const id of known.flatMap(missingFrom)) tally.set(id, (tally.get(id) ?? 0) + 1);
  return {
    overall: share(known),
    byLevel: groupBy(known, (p) => String(p.confirmedLevel), share),
    plansWithUndefinedLevel: plans.length - known.length,
    missing: [...tally]
      .map(([intervention, count]) => ({ intervention, plans: count }))
      .sort((a, b) => b.plans - a.plans || a.intervention.localeCompare(b.intervention)),
  };
}

/** Level 3–4 referrals within target, with those still inside their target time counted apart. */
export interface ReferralTimeliness {
  readonly withinTarget: Proportion;
  /** Not yet made, and the target date has not passed by the report date. */
  readonly pending: number;
}

/**
 * Measure `referral-within-target`: referrals decided at level 3 or 4, made within `targetDays` of the
 * decision. One not made counts as late once the report date is past its target date.
 */
export function referralsWithinTarget(episodes: readonly EpisodeRow[], asOf: IsoDate): ReferralTimeliness {
  const referrals = episodes.flatMap((e) => e.referrals).filter((r) => r.confirmedLevel >= 3);
  let made = 0;
  let onTime = 0;
  let overdue = 0;
  for (const referral of referrals) {
    if (referral.madeOn != null) {
      made += 1;
      if (daysBetween(referral.decidedOn, referral.madeOn) <= referral.targetDays) onTime += 1;
    } else if (dayNumber(asOf) > dayNumber(referral.decidedOn) + referral.targetDays) {
      overdue += 1;
    }
  }
  return {
    withinTarget: proportionOf(onTime, made + overdue, 'level 3–4 referrals made or overdue'),
    pending: referrals.length - made - overdue,
  };
}
