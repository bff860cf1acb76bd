// Evaluates a definition's flag rules against answers, total and triage level.
import { answerOf } from './answers.ts';
import { clusterRuleMet } from './totals.ts';
import type { Answers, Flag, InstrumentDefinition, TriageLevel } from './types.ts';

export interface FlagInputs {
  readonly answers: Answers;
  /** Null when the answers are incomplete or the instrument has no total. */
  readonly total: number | null;
  /** Highest level reached by the answered items (a lower bound when answers are missing). */
  readonly triage: TriageLevel | null;
}

/**
 * Flags raised by the definition's rules. Item, triage and cluster flags fire on whatever was answered,
 * so a positive safety answer is never hidden by a missing one; a skipped safety item raises its own
 * flag; total flags need a total (complete, or prorated under a published rule).
 */
export function evaluateFlags(def: InstrumentDefinition, inputs: FlagInputs): Flag[] {
  const flags: Flag[] = [];
  for (const rule of def.flagRules) {
    const base = { code: rule.code, severity: rule.severity, text: rule.text };
    switch (rule.kind) {
      case 'item-at-least': {
        const answer = answerOf(inputs.answers, rule.item);
        if (answer !== undefined && answer >= rule.atLeast && answer <= (rule.atMost ?? Infinity))
          flags.push({ ...base, item: rule.item });
        break;
      }
      case 'item-unanswered':
        if (answerOf(inputs.answers, rule.item) === undefined) flags.push({ ...base, item: rule.item });
        break;
      case 'total-at-least':
        if (inputs.total !== null && inputs.total >= rule.atLeast) flags.push(base);
        break;
      case 'triage-level':
        if (inputs.triage === rule.level) flags.push(base);
        break;
      case 'cluster-rule-met':
        if (clusterRuleMet(def, inputs.answers)) flags.push(base);
        break;
    }
  }
  return flags;
}
