// The harm pathway's versioned content pack: levels, domains, interventions, settings and rules, all as data.
import type {
  CoUseSubstance,
  FlagField,
  LabName,
  MeasureName,
  RiskCode,
  Route,
  SymptomCode,
} from './codes.ts';
import type { Sourced as CoreSourced } from '../core/evidence.ts';
import type { Certainty } from './problems.ts';

/** Where a piece of content came from and how sure the evidence is. */
export type Sourced = CoreSourced<Certainty>;

/** A threshold written in the rule, or read from a named pack setting (for values whose certainty is weak). */
export type Threshold = number | { readonly setting: string };

/** What a rule tests, as data a small interpreter evaluates (see conditions.ts). */
export type Condition =
  | { readonly kind: 'symptom-present'; readonly codes: readonly SymptomCode[] }
  | {
      readonly kind: 'symptom-persists-weeks';
      readonly codes: readonly SymptomCode[];
      readonly weeks: Threshold;
    }
  | { readonly kind: 'days-used-at-least'; readonly days: Threshold }
  | { readonly kind: 'flag'; readonly field: FlagField }
  | { readonly kind: 'route-present'; readonly routes: readonly Route[] }
  | { readonly kind: 'co-use-present'; readonly substances: readonly CoUseSubstance[] }
  | { readonly kind: 'risk-present'; readonly codes: readonly RiskCode[] }
  | { readonly kind: 'measure-at-least'; readonly measure: MeasureName; readonly value: Threshold }
  | { readonly kind: 'lab-below'; readonly lab: LabName; readonly value: Threshold }
  | { readonly kind: 'lab-above'; readonly lab: LabName; readonly value: Threshold }
  | { readonly kind: 'domains-at-least'; readonly count: Threshold }
  | { readonly kind: 'any-of'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'all-of'; readonly conditions: readonly Condition[] };

/** Every condition kind the interpreter knows. */
export const conditionKinds: readonly Condition['kind'][] = [
  'symptom-present',
  'symptom-persists-weeks',
  'days-used-at-least',
  'flag',
  'route-present',
  'co-use-present',
  'risk-present',
  'measure-at-least',
  'lab-below',
  'lab-above',
  'domains-at-least',
  'any-of',
  'all-of',
];

/** A level of need, 1 (least) to 4 (most). */
export type LevelNumber = 1 | 2 | 3 | 4;

/** One rule: when its condition holds it proposes `level`, and adds its own interventions. */
export interface HarmRule extends Sourced {
  readonly id: string;
  readonly level: LevelNumber;
  readonly when: Condition;
  /** Explanation shown to the clinician when the rule triggers. */
  readonly text: string;
  /** Interventions this rule brings in whatever level wins (e.g. urology referral for urinary rules). */
  readonly interventions?: readonly string[];
  /** Red-flag code reported in the evaluation when the rule triggers. */
  readonly redFlag?: string;
}

/** What a level means, how soon to review, and the interventions matched to it. */
export interface LevelDefinition extends Sourced {
  readonly level: LevelNumber;
  readonly label: string;
  readonly description: string;
  readonly reviewWithinDays: number;
  readonly interventions: readonly string[];
}

/** A body or mind domain of harm and the symptoms that show harm in it. */
export interface HarmDomain extends Sourced {
  readonly id: string;
  readonly label: string;
  readonly symptoms: readonly SymptomCode[];
}

/** An intervention a level or rule may propose. */
export interface Intervention extends Sourced {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** A named value rules may use as a threshold, with its own source and certainty visible. */
export interface PackSetting extends Sourced {
  readonly value: number;
  readonly description: string;
}

/** The explanation given when no rule triggers, and the level it proposes. */
export interface BaselineReason extends Sourced {
  readonly ruleId: string;
  readonly level: LevelNumber;
  readonly text: string;
}

/** A complete, versioned content pack. Load untrusted packs through `validateContentPack`. */
export interface ContentPack {
  /** Lower-case letters, digits and hyphens. */
  readonly id: string;
  /** Semantic version, e.g. "1.0.0"; bump it whenever any content changes. */
  readonly version: string;
  readonly title: string;
  /** 'YYYY-MM-DD'. */
  readonly publishedAt: string;
  /** What the pack is built on and what it is not (e.g. "not the KASPR owner's framework"). */
  readonly basis: string;
  readonly levels: readonly LevelDefinition[];
  readonly domains: readonly HarmDomain[];
  readonly interventions: readonly Intervention[];
  readonly settings: Readonly<Record<string, PackSetting>>;
  readonly rules: readonly HarmRule[];
  readonly baseline: BaselineReason;
}

declare const validatedBrand: unique symbol;

/** A content pack that passed `validateContentPack`; the only kind `evaluateHarm` accepts. */
export type ValidContentPack = ContentPack & { readonly [validatedBrand]: true };
