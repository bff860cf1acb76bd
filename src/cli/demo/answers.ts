// Questionnaire answers for a synthetic person: items that add up to a chosen total, as the product's
// instruments define them (PHQ-9, GAD-7, SDS, the ketamine urinary checklist).
import type { SymptomCode } from '../../domain/harm/index.ts';
import type { Random } from './random.ts';

export type DemoInstrument = 'phq-9' | 'gad-7' | 'sds' | 'ketamine-urinary-checklist';

/** Items each scored 0..`max`, `count` of them, adding up to `total` (clamped to what the items can hold). */
export function itemsSummingTo(random: Random, count: number, max: number, total: number): number[] {
  const items = Array.from({ length: count }, () => 0);
  let left = Math.max(0, Math.min(count * max, Math.round(total)));
  while (left > 0) {
    const i = random.int(0, count - 1);
    if ((items[i] ?? max) < max) {
      items[i] = (items[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return items;
}

const keyed = (items: readonly number[]): Record<string, number> =>
  Object.fromEntries(items.map((v, i) => [String(i + 1), v]));

/**
 * PHQ-9 answers with the given total (0–27); item 9 (thoughts of self-harm) is 0 unless `item9` gives it (so
 * without it the total is at most 24), and item 10 (difficulty, not scored) follows the total.
 */
export function phq9Answers(random: Random, total: number, item9 = 0): Record<string, number> {
  const rest = itemsSummingTo(random, 8, 3, total - item9);
  const difficulty = Math.min(3, Math.floor(total / 7));
  return { ...keyed([...rest, item9]), '10': difficulty };
}

export const gad7Answers = (random: Random, total: number): Record<string, number> =>
  keyed(itemsSummingTo(random, 7, 3, total));

export const sdsAnswers = (random: Random, total: number): Record<string, number> =>
  keyed(itemsSummingTo(random, 5, 3, total));

/** The checklist's items in order (ketamine-urinary-checklist.ts): present (1) for each symptom given. */
const CHECKLIST: readonly SymptomCode[] = [
  'urinary-frequency',
  'urinary-urgency',
  'dysuria',
  'suprapubic-pain',
  'visible-haematuria',
  'incontinence',
  'loin-pain',
];

export function urinaryChecklistAnswers(present: readonly SymptomCode[]): Record<string, number> {
  return keyed(CHECKLIST.map((code) => (present.includes(code) ? 1 : 0)));
}
