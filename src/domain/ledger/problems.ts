// Problems and outcomes of the controlled-drug register: why an entry was refused, and which field to fix.
import {
  outcome as coreOutcome,
  problem as coreProblem,
  type Outcome as CoreOutcome,
  type Problem,
} from '../core/outcome.ts';

/** Every problem code; stable, so a caller (the API mapping to 409/422 problem+json) may branch on them. */
export const LEDGER_PROBLEM_CODES = [
  'insufficient-stock',
  'witness-required',
  'two-witnesses-required',
  'witness-must-differ',
  'witness-not-reauthenticated',
  'late-entry-needs-reason',
  'future-entry',
  'out-of-sequence',
  'invalid-time',
  'discrepancy-needs-explanation',
  'correction-needs-target',
  'correction-needs-reason',
  'quantity-invalid',
  'wrong-kind-fields',
  'administration-needs-patient-and-session',
  'transfer-needs-destination',
  'transfer-to-same-location',
  'invalid-product',
] as const;
export type LedgerProblemCode = (typeof LEDGER_PROBLEM_CODES)[number];

/** One problem: a stable code, the path of the offending field, and a sentence for a person. */
export type LedgerProblem = Problem<LedgerProblemCode>;

/** An expected result: the value, or every problem that stopped it. */
export type Outcome<T> = CoreOutcome<T, LedgerProblemCode>;

/** Shorthand used by the checks: a problem value. */
export const problem: (code: LedgerProblemCode, path: string, text: string) => LedgerProblem = coreProblem;

/** A failed outcome when `problems` is not empty, otherwise the value. */
export const outcome: <T>(problems: readonly LedgerProblem[], value: () => T) => Outcome<T> = coreOutcome;
