// Small builders shared by the instrument definitions: answer scales and label-only items.
import type { AnswerOption, InstrumentDefinition, InstrumentItem } from './types.ts';

/** Options scored 0..n-1 with the given published labels, in order. */
export function labelledScale(labels: readonly string[]): AnswerOption[] {
  return labels.map((label, score) => ({ score, label }));
}

/** Options scored min..max with no labels (for instruments whose answer wording is licensed). */
export function unlabelledScale(min: number, max: number): AnswerOption[] {
  return Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i }));
}

/** Items "1".."count" with neutral labels ("Item 1") and codes `<prefix>-<n>`, for text-not-shipped instruments. */
export function neutralItems(
  prefix: string,
  count: number,
  options: readonly AnswerOption[],
): InstrumentItem[] {
  return Array.from({ length: count }, (_, i) => ({
    number: String(i + 1),
    code: `${prefix}-${String(i + 1)}`,
    label: `Item ${String(i + 1)}`,
    options,
    scored: true,
  }));
}

/** The items and scoring of a sum scale whose wording is not shipped: neutral items scored 0..itemMax, summed. */
export function neutralSumScale(
  prefix: string,
  count: number,
  itemMax: number,
  description: string,
): Pick<InstrumentDefinition, 'items' | 'scoring'> {
  return {
    items: neutralItems(prefix, count, unlabelledScale(0, itemMax)),
    scoring: { kind: 'sum', description },
  };
}
