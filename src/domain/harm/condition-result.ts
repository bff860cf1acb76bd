// What testing a rule condition yields, and how results combine under any-of and all-of.

/** A single input value, keyed in `inputs` by its path in the assessment (e.g. `use.daysUsedLast28`). */
export type InputValue = string | number | boolean;

/** Whether a condition holds, and what it read. */
export interface ConditionResult {
  readonly met: boolean;
  /** The assessment values that made the condition hold (empty when it did not). */
  readonly inputs: Readonly<Record<string, InputValue>>;
  /** Paths of absent optional inputs that left the condition undecided (e.g. `labs.egfr` not recorded). */
  readonly missing: readonly string[];
  /** Pack settings whose values were used as thresholds. */
  readonly settingsUsed: readonly string[];
  /** Values worked out from the inputs, e.g. the body/mind domains with harm. */
  readonly derived: Readonly<Record<string, readonly string[]>>;
}

/** The result of a condition that does not hold. */
export const NOT_MET: ConditionResult = {
  met: false,
  inputs: {},
  missing: [],
  settingsUsed: [],
  derived: {},
};

/** A decided result: holds with `inputs`, or does not hold. */
export function result(
  met: boolean,
  inputs: Record<string, InputValue>,
  settingsUsed: readonly string[] = [],
): ConditionResult {
  return met ? { met, inputs, missing: [], settingsUsed, derived: {} } : NOT_MET;
}

/** Undecided because the optional input at `path` was not recorded. */
export function missingInput(path: string): ConditionResult {
  return { ...NOT_MET, missing: [path] };
}

function merged(results: readonly ConditionResult[]): ConditionResult {
  return {
    met: true,
    inputs: Object.assign({}, ...results.map((r) => r.inputs)) as Record<string, InputValue>,
    missing: [],
    settingsUsed: [...new Set(results.flatMap((r) => r.settingsUsed))],
    derived: Object.assign({}, ...results.map((r) => r.derived)) as Record<string, readonly string[]>,
  };
}

function undecided(results: readonly ConditionResult[]): ConditionResult {
  const missing = [...new Set(results.flatMap((r) => r.missing))];
  return missing.length === 0 ? NOT_MET : { ...NOT_MET, missing };
}

/** Any one holding is enough; when none holds, whatever was missing might have changed that. */
export function anyOf(results: readonly ConditionResult[]): ConditionResult {
  const met = results.filter((r) => r.met);
  return met.length > 0 ? merged(met) : undecided(results);
}

/** All must hold; one that definitely fails decides the answer, whatever is missing elsewhere. */
export function allOf(results: readonly ConditionResult[]): ConditionResult {
  if (results.every((r) => r.met)) return merged(results);
  return results.some((r) => !r.met && r.missing.length === 0) ? NOT_MET : undecided(results);
}
