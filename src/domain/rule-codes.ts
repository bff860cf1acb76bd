// Every code a clinical or regulatory rule may refuse with: one typed union built from each area's own codes, so an
// HTTP handler cannot invent a code the domain does not define.
import type { LedgerProblemCode } from './ledger/problems.ts';
import type { AllergyRuleCode } from './patient/allergy-status.ts';
import type { DischargeCode } from './treatment/discharge.ts';
import type { TreatmentProblemCode } from './treatment/problems.ts';
import type { GateCode } from './treatment/session-gates.ts';
import type { SessionStateCode } from './treatment/session-state.ts';

/** Rules about who may countersign a record (consent, controlled-drug entries). */
export type WitnessRuleCode = 'witness-required' | 'witness-must-differ' | 'witness-authentication-failed';

/** Rules about the controlled-drug register as a whole rather than one entry. */
export type RegisterRuleCode = 'register-changed' | 'cd-entry-refused';

/** A clinical or regulatory rule's own code, e.g. `consent-required` or `insufficient-stock`. */
export type RuleCode =
  | LedgerProblemCode
  | TreatmentProblemCode
  | GateCode
  | DischargeCode
  | SessionStateCode
  | WitnessRuleCode
  | RegisterRuleCode
  | AllergyRuleCode;
