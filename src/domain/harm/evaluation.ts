// What an evaluation returns: the proposed level of need, every reason with its inputs, and matched interventions.
import type { InputValue } from './condition-result.ts';
import type { LevelNumber } from './pack-types.ts';
import type { Certainty } from './problems.ts';

/** A pack setting as it was used by a rule, so its (possibly weak) certainty travels with the reason. */
export interface SettingUsed {
  readonly value: number;
  readonly source: string;
  readonly certainty: Certainty;
}

/** One triggered rule (or the baseline when none triggered), with the exact inputs it used. */
export interface HarmReason {
  readonly ruleId: string;
  readonly level: LevelNumber;
  readonly text: string;
  readonly source: string;
  readonly certainty: Certainty;
  /** Assessment values keyed by path, e.g. `{ "use.daysUsedLast28": 20 }`. */
  readonly inputs: Readonly<Record<string, InputValue>>;
  readonly settingsUsed: Readonly<Record<string, SettingUsed>>;
  /** Values worked out from the inputs (e.g. `domains`). */
  readonly derived: Readonly<Record<string, readonly string[]>>;
  readonly redFlag?: string;
}

/** A proposed intervention and what brought it in (`level-N` or rule ids). */
export interface ProposedIntervention {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
  readonly certainty: Certainty;
  readonly triggeredBy: readonly string[];
}

/** A rule that could not be decided because optional inputs were not recorded (e.g. no eGFR result). */
export interface UndecidedRule {
  readonly ruleId: string;
  readonly level: LevelNumber;
  readonly missing: readonly string[];
}

/** The engine's proposal; a clinician decides. Same assessment + same pack version → same evaluation. */
export interface HarmEvaluation {
  readonly level: LevelNumber;
  readonly levelLabel: string;
  /** Every triggered rule, highest level first, then in pack order. */
  readonly reasons: readonly HarmReason[];
  readonly interventions: readonly ProposedIntervention[];
  readonly reviewWithinDays: number;
  /** `<pack id>@<pack version>`: with the stored inputs, enough to replay the evaluation. */
  readonly contentVersion: string;
  /** Red-flag codes of the triggered rules, in reason order. */
  readonly redFlags: readonly string[];
  /** Rules left undecided by missing optional inputs, so absence is not read as reassurance. */
  readonly undecided: readonly UndecidedRule[];
  /** True when an undecided rule could propose a higher level than this one (see provisional.ts). */
  readonly provisional: boolean;
  /** Inputs those higher undecided rules need (paths such as `labs.egfr`); empty when not provisional. */
  readonly missingInputs: readonly string[];
  /** The highest level the missing inputs could raise the proposal to; null when not provisional. */
  readonly couldRaiseTo: LevelNumber | null;
}
