// When a proposal is provisional: rules above the proposed level could not be decided for want of inputs.
import type { UndecidedRule } from './evaluation.ts';
import type { LevelNumber } from './pack-types.ts';

/** Whether a proposal is provisional, which inputs are missing, and the highest level they could raise it to. */
export interface Provisional {
  readonly provisional: boolean;
  /** Input paths (e.g. `labs.egfr`) that undecided rules above the proposed level need, in rule order. */
  readonly missingInputs: readonly string[];
  /** The highest level an undecided rule could propose; null when the proposal is not provisional. */
  readonly couldRaiseTo: LevelNumber | null;
}

/**
 * A proposal is provisional when any rule of a HIGHER level was left undecided by missing inputs (review
 * clinical-safety-2026-12 §6 item 22): a level-1 proposal made without an eGFR must not read as reassurance.
 */
export function provisionalOf(level: LevelNumber, undecided: readonly UndecidedRule[]): Provisional {
  const higher = undecided.filter((rule) => rule.level > level);
  if (higher.length === 0) return { provisional: false, missingInputs: [], couldRaiseTo: null };
  const missingInputs = [...new Set(higher.flatMap((rule) => rule.missing))];
  const couldRaiseTo = Math.max(...higher.map((rule) => rule.level)) as LevelNumber;
  return { provisional: true, missingInputs, couldRaiseTo };
}

// Plain names for the inputs rules read, so a sentence can say what was not recorded.
const INPUT_NAMES: Readonly<Record<string, string>> = {
  'labs.egfr': 'eGFR',
  'labs.creatinineUmolL': 'serum creatinine',
  'labs.alt': 'ALT',
  'labs.alp': 'ALP',
  'measures.sdsTotal': 'SDS total',
  'measures.phq9Total': 'PHQ-9 total',
  'measures.urinaryChecklistPositive': 'urinary checklist',
  'use.coUse': 'substances used alongside ketamine',
};

/** A plain name for an input path, e.g. `labs.egfr` → "eGFR"; unknown paths are returned as they are. */
export function inputName(path: string): string {
  return INPUT_NAMES[path] ?? path;
}

/** One sentence naming the inputs rules needed but the assessment did not record. */
export function notRecordedSentence(missing: readonly string[]): string {
  if (missing.length === 0) return 'Every input the rules read was recorded.';
  return `Not recorded: ${missing.map(inputName).join(', ')}; the rules that need ${
    missing.length === 1 ? 'it' : 'them'
  } could not be decided, so this is not reassurance about ${missing.length === 1 ? 'it' : 'them'}.`;
}
