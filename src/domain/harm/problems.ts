// Problems and outcomes of the harm pathway: what is wrong with an assessment or a content pack, and where.
import type { JsonReadCode } from '../core/json-read.ts';
import type { Outcome as CoreOutcome, Problem } from '../core/outcome.ts';

/**
 * What kind of problem was found; stable codes a caller may branch on. Every code of the shared JSON readers
 * (wrong-type, missing-field, unknown-field, not-integer, out-of-range, invalid-date, invalid-format, empty,
 * unknown-code, missing-source, unknown-certainty), and the pack's own.
 */
export type HarmProblemCode =
  | JsonReadCode
  /** A lab value no person could have in the asked unit, e.g. creatinine typed in mg/dL (lab-plausibility.ts). */
  | 'implausible-value'
  | 'duplicate-code'
  | 'duplicate-id'
  | 'unknown-rule-kind'
  | 'level-out-of-range'
  | 'undefined-level'
  | 'undefined-intervention'
  | 'undefined-setting';

/** One problem: a stable code, the dotted path of the offending field, and a sentence for a person. */
export type HarmProblem = Problem<HarmProblemCode>;

/** An expected result: the value, or every problem that stopped it. */
export type Outcome<T> = CoreOutcome<T, HarmProblemCode>;

/** How sure the evidence behind a piece of content is: the content subset of the one vocabulary (decision 014). */
export type { ContentCertainty as Certainty } from '../core/evidence.ts';
export { contentCertainties as certainties } from '../core/evidence.ts';

/** Problems found so far; readers push onto it and return undefined for a value they refused. */
export type ProblemList = HarmProblem[];
