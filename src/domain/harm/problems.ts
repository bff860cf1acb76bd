// Problems and outcomes of the harm pathway: what is wrong with an assessment or a content pack, and where.

/** What kind of problem was found; stable codes a caller may branch on. */
export type HarmProblemCode =
  | 'wrong-type'
  | 'missing-field'
  | 'unknown-field'
  | 'not-integer'
  | 'out-of-range'
  /** A lab value no person could have in the asked unit, e.g. creatinine typed in mg/dL (lab-plausibility.ts). */
  | 'implausible-value'
  | 'invalid-date'
  | 'invalid-format'
  | 'empty'
  | 'unknown-code'
  | 'duplicate-code'
  | 'duplicate-id'
  | 'unknown-rule-kind'
  | 'level-out-of-range'
  | 'undefined-level'
  | 'undefined-intervention'
  | 'undefined-setting'
  | 'missing-source'
  | 'unknown-certainty';

/** One problem: a stable code, the dotted path of the offending field, and a sentence for a person. */
export interface HarmProblem {
  readonly code: HarmProblemCode;
  readonly path: string;
  readonly text: string;
}

/** An expected result: the value, or every problem that stopped it. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly HarmProblem[] };

/**
 * How sure the evidence behind a piece of content is, mapped one-to-one from harm.md's markers:
 * [V] → 'verified', [S] → 'secondary', [U] → 'unverified', [SYN] → 'synthesis' (the product's own reasoning).
 */
export type Certainty = 'verified' | 'secondary' | 'unverified' | 'synthesis';

/** Every certainty, in decreasing strength. */
export const certainties: readonly Certainty[] = ['verified', 'secondary', 'unverified', 'synthesis'];
