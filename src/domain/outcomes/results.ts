// The shapes outcome measures return: a value with its counts, or no value and the plain reason why.

/** Why a measure or statistic has no value; stable codes a caller may branch on. */
export type NoValueCode =
  'empty-denominator' | 'too-few-values' | 'undefined-statistic' | 'invalid-counts' | 'unequal-raters';

/** The reason a value could not be given, for the screen beside the blank. */
export interface NoValue {
  readonly code: NoValueCode;
  readonly text: string;
}

/** A statistic, or the reason it could not be computed. */
export type Computed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: NoValue };

/** How many distinct people are behind each count of a share whose unit is not a person. */
export interface PeopleBehind {
  readonly numerator: number;
  readonly denominator: number;
}

/** A share: numerator over denominator, with null and a reason when the denominator is 0. */
export interface Proportion {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
  readonly reason: NoValue | null;
  /**
   * Present when the counts are not people (person–symptom pairs, appointments, reviews, assessments): the
   * distinct people behind them. Small-count suppression must look at these, since 6 of one person's
   * symptoms are still one person.
   */
  readonly people?: PeopleBehind;
}

/** Median and mean of a list of values, both null with a reason when the list is empty. */
export interface Summary {
  readonly n: number;
  readonly median: number | null;
  readonly mean: number | null;
  readonly reason: NoValue | null;
}

/** A result for one practitioner, team, level or month. */
export interface Grouped<T> {
  readonly key: string;
  readonly result: T;
}

/** A successful statistic. */
export function computed<T>(value: T): Computed<T> {
  return { ok: true, value };
}

/** A statistic that could not be computed. */
export function notComputed<T>(code: NoValueCode, text: string): Computed<T> {
  return { ok: false, reason: { code, text } };
}

/** `numerator / denominator`; `what` names the denominator for the reason ("assessments", "reviews due"). */
export function proportionOf(numerator: number, denominator: number, what: string): Proportion {
  if (denominator === 0) {
    return {
      numerator,
      denominator,
      value: null,
      reason: {
        code: 'empty-denominator',
        text: `No ${what} in the data, so there is nothing to divide by.`,
      },
    };
  }
  return { numerator, denominator, value: numerator / denominator, reason: null };
}

/** One person's part of a share counted in some other unit (symptoms, appointments, reviews). */
export interface PersonPart {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * A share pooled from each person's part, carrying the distinct people behind the numerator (parts with a
 * numerator above 0) and the denominator (parts with a denominator above 0).
 */
export function proportionOverPeople(parts: readonly PersonPart[], what: string): Proportion {
  const numerator = parts.reduce((sum, p) => sum + p.numerator, 0);
  const denominator = parts.reduce((sum, p) => sum + p.denominator, 0);
  return {
    ...proportionOf(numerator, denominator, what),
    people: {
      numerator: parts.filter((p) => p.numerator > 0).length,
      denominator: parts.filter((p) => p.denominator > 0).length,
    },
  };
}

/** Groups items by a key and applies `measure` to each group, keys in sorted order. */
export function groupBy<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  measure: (group: readonly T[]) => R,
): Grouped<R>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups.keys()].sort().map((key) => ({ key, result: measure(groups.get(key) ?? []) }));
}
