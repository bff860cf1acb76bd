// Published skip logic in the form: which items are not asked given earlier answers, and what is then sent.
import type { DraftAnswers, InstrumentDefinition, InstrumentItem } from './questionnaire-types.ts';

/** Why `item` is not asked (its gating item is answered outside `scoreIn`), or undefined when it is asked. */
export function notAskedReason(
  def: InstrumentDefinition,
  item: InstrumentItem,
  answers: DraftAnswers,
): string | undefined {
  const rule = item.askedWhen;
  if (!rule) return undefined;
  const gate = answers[rule.item];
  if (gate === undefined || rule.scoreIn.includes(gate)) return undefined;
  const gateItem = def.items.find((i) => i.number === rule.item);
  const wanted = rule.scoreIn
    .map((score) => gateItem?.options.find((o) => o.score === score)?.label ?? String(score))
    .join(' or ');
  return `Not asked: item ${rule.item} was not answered ${wanted}.`;
}

/** The answers to send: skipped items are left out, so an earlier answer to them does not count. */
export function answersToSend(def: InstrumentDefinition, answers: DraftAnswers): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of def.items) {
    const value = answers[item.number];
    if (value !== undefined && notAskedReason(def, item, answers) === undefined) out[item.number] = value;
  }
  return out;
}

/** True when another item of the item's "one of" group is answered (QIDS-SR16: either item 6 or 7). */
function coveredByGroup(def: InstrumentDefinition, item: string, answers: DraftAnswers): boolean {
  return (def.oneOfGroups ?? []).some(
    (group) => group.items.includes(item) && group.items.some((member) => answers[member] !== undefined),
  );
}

/** Scored items that are asked and not yet answered (nor covered by their "one of" group), in published order. */
export function unansweredItems(def: InstrumentDefinition, answers: DraftAnswers): string[] {
  return def.items
    .filter(
      (i) =>
        i.scored &&
        answers[i.number] === undefined &&
        notAskedReason(def, i, answers) === undefined &&
        !coveredByGroup(def, i.number, answers),
    )
    .map((i) => i.number);
}
