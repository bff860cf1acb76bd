// Sources, certainty, problems and outcomes shared by the treatment pathway's rules.
import type { ContentCertainty, Sourced as CoreSourced } from '../core/evidence.ts';
import type { JsonReadCode } from '../core/json-read.ts';
import {
  failure as coreFailure,
  success as coreSuccess,
  type Outcome as CoreOutcome,
  type Problem,
} from '../core/outcome.ts';

/**
 * How sure the evidence behind a number or rule is, mapped from clinic.md's tags: the content subset of the
 * one vocabulary (decision 014): [V] 'verified', [S] 'secondary', [U] 'unverified', [SYN] 'synthesis'.
 */
export type Certainty = ContentCertainty;
export { contentCertainties as certainties } from '../core/evidence.ts';

/**
 * 'fact' is read directly from a source (the label's 56/84 mg); 'setting' is a default a clinic may
 * change, shown with its source (a 30-day weight limit, a 140/90 pre-dose threshold).
 */
export type Basis = 'fact' | 'setting';

/** Every basis. */
export const bases: readonly Basis[] = ['fact', 'setting'];

/** Where a piece of clinical content came from and how sure that source is. */
export type Sourced = CoreSourced<Certainty>;

/** What kind of problem stopped a calculation or a protocol; stable codes a caller may branch on. */
export type TreatmentProblemCode =
  // dose calculation
  | 'weight-missing'
  | 'weight-stale'
  | 'weight-implausible'
  | 'dose-missing'
  | 'dose-above-protocol-maximum'
  | 'dose-below-protocol-minimum'
  | 'escalation-needs-reason'
  | 'rate-above-protocol-maximum'
  | 'rate-needs-reason'
  | 'dose-not-allowed'
  | 'dose-inputs-disagree'
  | 'duration-missing'
  | 'duration-out-of-range'
  | 'bag-too-small'
  | 'concentration-needs-dilution'
  | 'not-applicable'
  | 'unit-mismatch'
  | 'invalid-number'
  // protocol validation and dates: the shared JSON readers' codes (all but not-integer), and the protocol's own
  | Exclude<JsonReadCode, 'not-integer'>
  | 'inconsistent-range'
  | 'route-mismatch'
  // per-service settings
  | 'not-a-setting'
  // eligibility: the contraindications answered
  | 'contraindication-judgement-required'
  | 'contraindication-status-disagrees';

/** One problem: a stable code, the dotted path of the offending field, and a sentence for a person. */
export type TreatmentProblem = Problem<TreatmentProblemCode>;

/** An expected result: the value, or every problem that stopped it. */
export type Outcome<T> = CoreOutcome<T, TreatmentProblemCode>;

/** Problems found so far; readers push onto it and return undefined for a value they refused. */
export type ProblemList = TreatmentProblem[];

/** A successful outcome. */
export const success: <T>(value: T) => Outcome<T> = coreSuccess;

/** A refused outcome. */
export const failure: <T>(problems: readonly TreatmentProblem[]) => Outcome<T> = coreFailure;
