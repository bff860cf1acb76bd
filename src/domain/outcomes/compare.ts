// Pilot evaluation: two periods or two teams side by side, with intervals and the caveats of small numbers.
import { newcombeDifference, meanDifferenceInterval, wilsonInterval, type Interval } from './intervals.ts';
import type { Computed, Summary } from './results.ts';
import { summarise } from './statistics.ts';

/** Why a comparison should be read with care. */
export interface SmallNumberCaveat {
  readonly code: 'cell-under-5' | 'group-under-30';
  readonly text: string;
}

// Rules of thumb, not hard limits: a cell under 5 is where approximations for counts grow unreliable (the
// same 5 as the chi-squared expected-count rule), and under about 30 a z-based interval on a mean is too narrow.
const MIN_CELL = 5;
const MIN_GROUP = 30;

/** A count out of a total for one group (a period or a team). */
export interface GroupCount {
  readonly label: string;
  readonly count: number;
  readonly total: number;
}

/** One group's share with its Wilson interval. */
export interface GroupShare extends GroupCount {
  readonly share: number | null;
  readonly interval: Computed<Interval>;
}

/** Two groups' shares and the difference first − second. */
export interface ProportionComparison {
  readonly first: GroupShare;
  readonly second: GroupShare;
  readonly difference: ReturnType<typeof newcombeDifference>;
  readonly caveats: readonly SmallNumberCaveat[];
}

function caveatsFor(cells: readonly number[], sizes: readonly number[]): SmallNumberCaveat[] {
  const caveats: SmallNumberCaveat[] = [];
  if (cells.some((cell) => cell < MIN_CELL)) {
    caveats.push({ code: 'cell-under-5', text: `A count is under ${MIN_CELL}: the interval is rough.` });
  }
  if (sizes.some((size) => size < MIN_GROUP)) {
    caveats.push({
      code: 'group-under-30',
      text: `A group has fewer than ${MIN_GROUP}: a difference may be chance.`,
    });
  }
  return caveats;
}

function shareOf(group: GroupCount): GroupShare {
  return {
    ...group,
    share: group.total === 0 ? null : group.count / group.total,
    interval: wilsonInterval(group.count, group.total),
  };
}

/**
 * Compares a share between two groups: each with its Wilson interval, and the difference with Newcombe's
 * method 10. Caveats flag any cell (count or total − count, in either group) under 5 and any group under 30.
 */
export function compareProportions(first: GroupCount, second: GroupCount): ProportionComparison {
  const cells = [first, second].flatMap((g) => [g.count, g.total - g.count]);
  return {
    first: shareOf(first),
    second: shareOf(second),
    difference: newcombeDifference(first.count, first.total, second.count, second.total),
    caveats: caveatsFor(cells, [first.total, second.total]),
  };
}

/** Per-person values (days, score changes) for one group. */
export interface GroupValues {
  readonly label: string;
  readonly values: readonly number[];
}

/** Two groups' summaries and the difference of means first − second. */
export interface MeanComparison {
  readonly first: Summary & { readonly label: string };
  readonly second: Summary & { readonly label: string };
  readonly meanDifference: ReturnType<typeof meanDifferenceInterval>;
  readonly caveats: readonly SmallNumberCaveat[];
}

/**
 * Compares values between two groups: medians and means are shown for both, and the difference of means
 * gets a normal-approximation interval. Medians get no interval: a deterministic one for a difference of
 * medians needs assumptions the small pilot samples cannot support, and a bootstrap would not repeat.
 */
export function compareMeans(first: GroupValues, second: GroupValues): MeanComparison {
  return {
    first: { label: first.label, ...summarise(first.values, `values for ${first.label}`) },
    second: { label: second.label, ...summarise(second.values, `values for ${second.label}`) },
    meanDifference: meanDifferenceInterval(first.values, second.values),
    caveats: caveatsFor([], [first.values.length, second.values.length]),
  };
}
