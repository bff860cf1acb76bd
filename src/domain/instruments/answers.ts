// Checks answers against a definition: unknown items, invalid values, skip logic and missing items.
import type { Answers, InstrumentDefinition, InstrumentItem, Problem } from './types.ts';

/**
 * Every problem with the answers (unknown item, non-integer or out-of-range value); empty when all are valid.
 * Takes `unknown` because answers may come from untyped JavaScript callers.
 */
export function answerProblems(def: InstrumentDefinition, answers: unknown): Problem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [
      { code: 'invalid-answers', path: 'answers', text: 'Answers must be an object keyed by item number.' },
    ];
  }
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(answers as Readonly<Record<string, unknown>>)) {
    const path = `answers.${key}`;
    const item = def.items.find((candidate) => candidate.number === key);
    if (item === undefined) {
      problems.push({ code: 'unknown-item', path, text: `${def.shortTitle} has no item "${key}".` });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({
        code: 'answer-not-integer',
        path,
        text: `Item ${key}: the answer must be a whole-number score.`,
      });
      continue;
    }
    const allowed = item.options.map((option) => option.score);
    if (!allowed.includes(value)) {
      problems.push({
        code: 'answer-out-of-range',
        path,
        text: `Item ${key}: ${String(value)} is not one of the allowed scores (${allowed.join(', ')}).`,
      });
    }
  }
  return problems;
}

/** The answered score of an item, or undefined when it was not answered. Call after answerProblems is empty. */
export function answerOf(answers: Answers, item: string): number | undefined {
  const value = answers[item];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether the published skip logic asks this item: true, false, or 'unknown' when the gating item is unanswered.
 * 'unknown' is treated as asked, so a missing gate never turns skipped items into a "complete" result.
 */
export function isAsked(item: InstrumentItem, answers: Answers): boolean | 'unknown' {
  if (item.askedWhen === undefined) return true;
  const gate = answerOf(answers, item.askedWhen.item);
  if (gate === undefined) return 'unknown';
  return item.askedWhen.scoreIn.includes(gate);
}

/**
 * True when another item of the item's one-of group is answered, so this one may be left blank
 * (QIDS-SR16: "either item 6 or 7", "either item 8 or 9").
 */
export function coveredByOneOfGroup(def: InstrumentDefinition, item: string, answers: Answers): boolean {
  return (def.oneOfGroups ?? []).some(
    (group) =>
      group.items.includes(item) && group.items.some((member) => answerOf(answers, member) !== undefined),
  );
}

/**
 * Scored items that were asked (or may have been) but have no answer, in published order. An item of a
 * one-of group is missing only when no item of its group is answered; then every item of the group is listed.
 */
export function missingItems(def: InstrumentDefinition, answers: Answers): string[] {
  return def.items
    .filter(
      (item) =>
        item.scored &&
        isAsked(item, answers) !== false &&
        answerOf(answers, item.number) === undefined &&
        !coveredByOneOfGroup(def, item.number, answers),
    )
    .map((item) => item.number);
}

/** Items answered although the skip logic says they were not asked (the answers are still used). */
export function answeredOutsideSkipLogic(def: InstrumentDefinition, answers: Answers): string[] {
  return def.items
    .filter((item) => isAsked(item, answers) === false && answerOf(answers, item.number) !== undefined)
    .map((item) => item.number);
}
