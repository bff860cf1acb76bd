// Item-level suicide flags for QIDS-SR16 item 12 and MADRS item 10: cut-offs as labelled settings, and their rules.
import type { FlagRule } from './types.ts';

/** A cut-off on an item score that is a local judgement (a setting), with its source and certainty. */
export interface ItemCutoffSetting {
  readonly value: number;
  readonly basis: 'setting';
  readonly source: string;
  readonly certainty: 'convention';
}

export interface SuicideItemCutoffs {
  /** QIDS-SR16 item 12 (thoughts of death or suicide, 0–3): a warning from this score. */
  readonly qidsItem12Warning: ItemCutoffSetting;
  /** QIDS-SR16 item 12: urgent from this score (must be above the warning cut-off). */
  readonly qidsItem12Urgent: ItemCutoffSetting;
  /** MADRS item 10 (suicidal thoughts, 0–6): urgent from this score. */
  readonly madrsItem10Urgent: ItemCutoffSetting;
}

// No published cut-off exists for these items (clinic.md §4 gives none); the values are KASPR's convention,
// taken from the clinical-safety review 2026-12 §6 item 6. Item meanings are the published items' subjects
// (QIDS-SR16 item 12 "thoughts of death or suicide"; MADRS item 10 "suicidal thoughts"), whose anchor text
// is licensed and not shipped (clinic.md §4 licence column).
const REVIEW =
  'KASPR convention (clinical-safety review 2026-12 §6 item 6; no published cut-off in clinic.md §4)';

const setting = (value: number, why: string): ItemCutoffSetting => ({
  value,
  basis: 'setting',
  source: `${REVIEW}: ${why}`,
  certainty: 'convention',
});

/** The shipped cut-offs: QIDS item 12 ≥1 warning, ≥2 urgent; MADRS item 10 ≥4 urgent. */
export const DEFAULT_SUICIDE_ITEM_CUTOFFS: SuicideItemCutoffs = {
  qidsItem12Warning: setting(1, 'any answer above the lowest anchor (no thoughts of death or suicide)'),
  qidsItem12Urgent: setting(
    2,
    'the anchors from 2 describe recurrent thoughts of suicide, plans or an attempt',
  ),
  madrsItem10Urgent: setting(4, 'the anchors from 4 describe suicide considered as a solution, or plans'),
};

/** QIDS-SR16 item 12 flags: a warning between the two cut-offs, urgent from the urgent cut-off. */
export function qidsItem12FlagRules(cutoffs: SuicideItemCutoffs = DEFAULT_SUICIDE_ITEM_CUTOFFS): FlagRule[] {
  const { qidsItem12Warning: warning, qidsItem12Urgent: urgent } = cutoffs;
  return [
    {
      kind: 'item-at-least',
      item: '12',
      atLeast: warning.value,
      atMost: urgent.value - 1,
      code: 'qids-item12-positive',
      severity: 'warning',
      text: `QIDS-SR16 item 12 (thoughts of death or suicide) scored ${String(warning.value)} or more: ask about suicidal thoughts and review safety.`,
      basis: warning.basis,
      source: warning.source,
      certainty: warning.certainty,
    },
    {
      kind: 'item-at-least',
      item: '12',
      atLeast: urgent.value,
      code: 'qids-item12-urgent',
      severity: 'urgent',
      text: `QIDS-SR16 item 12 (thoughts of death or suicide) scored ${String(urgent.value)} or more: review safety the same day, before the next step of care.`,
      basis: urgent.basis,
      source: urgent.source,
      certainty: urgent.certainty,
    },
  ];
}

/** MADRS item 10 flag: urgent from the cut-off. */
export function madrsItem10FlagRules(cutoffs: SuicideItemCutoffs = DEFAULT_SUICIDE_ITEM_CUTOFFS): FlagRule[] {
  const urgent = cutoffs.madrsItem10Urgent;
  return [
    {
      kind: 'item-at-least',
      item: '10',
      atLeast: urgent.value,
      code: 'madrs-item10-positive',
      severity: 'urgent',
      text: `MADRS item 10 (suicidal thoughts) rated ${String(urgent.value)} or more: review safety the same day, before the next step of care.`,
      basis: urgent.basis,
      source: urgent.source,
      certainty: urgent.certainty,
    },
  ];
}
