// Sources, certainty, problems and outcomes shared by the treatment pathway's rules.

/**
 * How sure the evidence behind a number or rule is, mapped from clinic.md's tags:
 * [V] → 'verified', [S] → 'secondary', [U] → 'unverified', and 'synthesis' for KASPR's own choice.
 */
export type Certainty = 'verified' | 'secondary' | 'unverified' | 'synthesis';

/** Every certainty, in decreasing strength. */
export const certainties: readonly Certainty[] = ['verified', 'secondary', 'unverified', 'synthesis'];

/**
 * 'fact' is read directly from a source (the label's 56/84 mg); 'setting' is a default a clinic may
 * change, shown with its source (a 30-day weight limit, a 140/90 pre-dose threshold).
 */
export type Basis = 'fact' | 'setting';

/** Every basis. */
export const bases: readonly Basis[] = ['fact', 'setting'];

/** Where a piece of clinical content came from and how sure that source is. */
export interface Sourced {
  readonly source: string;
  readonly certainty: Certainty;
}

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
  | 'invalid-date'
  // protocol validation
  | 'wrong-type'
  | 'missing-field'
  | 'unknown-field'
  | 'empty'
  | 'invalid-format'
  | 'out-of-range'
  | 'inconsistent-range'
  | 'route-mismatch'
  | 'unknown-code'
  | 'missing-source'
  | 'unknown-certainty'
  // per-service settings
  | 'not-a-setting';

/** One problem: a stable code, the dotted path of the offending field, and a sentence for a person. */
export interface TreatmentProblem {
  readonly code: TreatmentProblemCode;
  readonly path: string;
  readonly text: string;
}

/** An expected result: the value, or every problem that stopped it. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly TreatmentProblem[] };

/** A successful outcome. */
export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A refused outcome. */
export function failure<T>(problems: readonly TreatmentProblem[]): Outcome<T> {
  return { ok: false, problems };
}
