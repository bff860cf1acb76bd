// Types for questionnaire definitions (declarative data) and the score results the engine returns.
import type { FactCertainty, Sourced as CoreSourced } from '../core/evidence.ts';
import type { Outcome as CoreOutcome, Problem as CoreProblem } from '../core/outcome.ts';

/** Instrument ids shipped with KASPR. Imported FHIR Questionnaires may carry other ids. */
export type InstrumentId =
  | 'phq-9'
  | 'gad-7'
  | 'pcl-5'
  | 'sds'
  | 'qids-sr16'
  | 'madrs'
  | 'cadss'
  | 'cssrs-screener'
  | 'ketamine-urinary-checklist';

/**
 * How sure the domain notes are of a fact, mapped from their tags: the fact subset of the one vocabulary
 * (decision 014): [V] 'verified', [S] 'secondary', "[U convention]" 'convention', [U] 'unverified', and
 * 'local' for KASPR's own content that makes no published claim.
 */
export type Certainty = FactCertainty;

/** A fact with where it came from and how sure we are of it. */
export type Sourced = CoreSourced<Certainty>;

export interface AnswerOption {
  readonly score: number;
  readonly label?: string;
}

/** The item is asked only when an earlier item has one of the given scores (published skip logic). */
export interface AskedWhen extends Sourced {
  readonly item: string;
  readonly scoreIn: readonly number[];
}

export interface InstrumentItem {
  /** "1".."N" in published order; answers are keyed by this. */
  readonly number: string;
  readonly code: string;
  /** Short neutral label ("Item 1"), safe to show when the licensed text is not loaded. */
  readonly label: string;
  /** Published wording; present only when we may ship it (or a service loaded it under its own licence). */
  readonly text?: string;
  readonly loinc?: { readonly code: string } & Sourced;
  readonly options: readonly AnswerOption[];
  /** False for items that never count towards the result (PHQ-9's difficulty item). */
  readonly scored: boolean;
  readonly cluster?: string;
  readonly askedWhen?: AskedWhen;
  /** Checklist items: the sentinel symptom code reported when the item is present (score > 0). */
  readonly sentinelCode?: string;
}

export interface Domain {
  readonly code: string;
  readonly combine: 'max' | 'sum';
  readonly items: readonly string[];
}

export type TriageLevel = 'none' | 'low' | 'moderate' | 'high';

/** One triage level reached when any listed item scores at least `atLeast`. */
export interface TriageRule extends Sourced {
  readonly level: Exclude<TriageLevel, 'none'>;
  readonly anyOf: readonly { readonly item: string; readonly atLeast: number }[];
}

/** How the items turn into a result, as data that a UI or a reviewer can read. */
export type ScoringRule =
  | { readonly kind: 'sum'; readonly description: string }
  | { readonly kind: 'domain-sum'; readonly domains: readonly Domain[]; readonly description: string }
  | { readonly kind: 'triage'; readonly rules: readonly TriageRule[]; readonly description: string }
  | { readonly kind: 'checklist'; readonly description: string };

export interface Band {
  readonly code: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export type FlagSeverity = 'info' | 'warning' | 'urgent';

interface FlagBase extends Sourced {
  readonly code: string;
  readonly severity: FlagSeverity;
  readonly text: string;
  /** 'setting' marks a cut-off that is a local judgement a deployment may change, not a published value. */
  readonly basis?: 'published' | 'setting';
}

export type FlagRule =
  | (FlagBase & {
      readonly kind: 'item-at-least';
      readonly item: string;
      readonly atLeast: number;
      /** Upper bound (inclusive), so graded flags on one item do not both fire. */
      readonly atMost?: number;
    })
  /** Fires when the item has no answer (e.g. a skipped suicide item must be asked directly). */
  | (FlagBase & { readonly kind: 'item-unanswered'; readonly item: string })
  | (FlagBase & { readonly kind: 'total-at-least'; readonly atLeast: number })
  | (FlagBase & { readonly kind: 'triage-level'; readonly level: Exclude<TriageLevel, 'none'> })
  | (FlagBase & { readonly kind: 'cluster-rule-met' });

/** DSM-5-style cluster rule: an item scoring ≥ endorsedAtLeast is endorsed; each cluster needs its minimum. */
export interface ClusterRule extends Sourced {
  readonly endorsedAtLeast: number;
  readonly minimumEndorsed: Readonly<Record<string, number>>;
}

export interface ResponseRule extends Sourced {
  readonly minDropFraction: number;
}

export interface RemissionRule extends Sourced {
  readonly cutoff: number;
  readonly comparator: '<' | '<=';
  readonly note?: string;
}

export interface Cutoff extends Sourced {
  readonly value: number;
  readonly comparator: '>=' | '>';
  readonly note?: string;
}

/**
 * Items of which the published form asks the respondent to answer only one (QIDS-SR16 "either item 6 or 7").
 * The group counts as answered when any of its items is answered.
 */
export interface OneOfGroup extends Sourced {
  readonly items: readonly string[];
}

/**
 * Prorating of a few missing items: each missing item takes the mean of the answered scored items, and
 * the exact total is rounded to a whole number. More than `maxMissing` missing items give no total.
 */
export interface ProratingRule extends Sourced {
  readonly maxMissing: number;
  readonly rounding: 'half-up';
  readonly roundingSource: Sourced;
}

/** How a prorated total was made, so a reader can see it is not a full set of answers. */
export interface ProratedTotal {
  readonly missingItems: readonly string[];
  /** Sum of the answered scored items. */
  readonly answeredSum: number;
  /** Mean of the answered scored items, substituted for each missing one. */
  readonly substitutedMean: number;
  /** Total before rounding. */
  readonly exactTotal: number;
  readonly rounding: 'half-up';
  readonly source: string;
}

export interface InstrumentDefinition {
  readonly id: string;
  /** Version of this encoding; bump it whenever scoring, bands or flags change. */
  readonly version: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly recallPeriod: string;
  readonly items: readonly InstrumentItem[];
  readonly scoring: ScoringRule;
  /** Lowest and highest possible total, or null when the instrument has no total. */
  readonly totalRange: ({ readonly min: number; readonly max: number } & Sourced) | null;
  readonly bands: readonly Band[];
  readonly bandsSource: Sourced | null;
  readonly flagRules: readonly FlagRule[];
  readonly clusterRule?: ClusterRule;
  /** Items answered as alternatives (only one of each group is required). */
  readonly oneOfGroups?: readonly OneOfGroup[];
  /** A published rule for reporting a total when a few items are missing; absent means never prorate. */
  readonly prorating?: ProratingRule;
  readonly provisionalCutoff?: Cutoff;
  /** Published cut-offs that are recorded for reference but NOT applied as flags or bands. */
  readonly referenceCutoffs?: readonly (Cutoff & { readonly population: string })[];
  readonly response: ResponseRule | null;
  readonly remission: RemissionRule | null;
  readonly citation: string;
  readonly licence: {
    readonly textShipped: boolean;
    readonly textLicensed: boolean;
    readonly holder: string;
    readonly note: string;
    /** The copyright statement of the Questionnaire a service loaded its text from, when it gave one. */
    readonly serviceCopyright?: string;
    /** The service's Questionnaire (url or id) the item text was loaded from. */
    readonly loadedFrom?: string;
  } & Sourced;
  readonly loinc: { readonly panel?: string; readonly total?: string } & Sourced;
  readonly validated: boolean;
}

/** Answers keyed by item number ("1".."N"); null or absent means not answered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export type ProblemCode =
  | 'invalid-answers'
  | 'unknown-item'
  | 'answer-out-of-range'
  | 'answer-not-integer'
  | 'unknown-instrument'
  | 'invalid-questionnaire'
  | 'unsupported-item'
  | 'item-mismatch';

export type Problem = CoreProblem<ProblemCode>;

export interface Flag {
  readonly code: string;
  readonly severity: FlagSeverity;
  readonly text: string;
  readonly item?: string;
}

export interface ScoreResult {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly total: number | null;
  readonly band: { readonly code: string; readonly label: string } | null;
  readonly flags: readonly Flag[];
  /**
   * 'complete' when a total (or result) may be reported under the instrument's rules: every required item
   * answered, or few enough missing for its published prorating rule (then `prorated` says so).
   */
  readonly completeness: 'complete' | 'incomplete';
  /** Required items (or one-of groups) with no answer, in published order; also listed when prorated. */
  readonly missingItems: readonly string[];
  /** Present when the total substitutes the mean for missing items; the total is then not a raw sum. */
  readonly prorated?: ProratedTotal;
  readonly subscores?: Readonly<Record<string, number>>;
  readonly sentinelSymptoms?: readonly string[];
  readonly triage?: TriageLevel;
}

export type Outcome<T> = CoreOutcome<T, ProblemCode>;

export type ScoreOutcome = Outcome<ScoreResult>;
