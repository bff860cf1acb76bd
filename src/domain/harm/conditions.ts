// The rule interpreter: tests one declarative condition against an assessment and reports the exact inputs it used.
import type { HarmAssessment } from './assessment.ts';
import {
  allOf,
  anyOf,
  missingInput,
  NOT_MET,
  result,
  type ConditionResult,
  type InputValue,
} from './condition-result.ts';
import type { Condition, ContentPack, Threshold } from './pack-types.ts';

/** Indexed paths of the list items that `pick` accepts, with their values. */
function picked<T extends InputValue>(
  list: readonly T[],
  path: string,
  pick: (item: T) => boolean,
): Record<string, InputValue> {
  return Object.fromEntries(list.flatMap((item, i) => (pick(item) ? [[`${path}.${i}`, item]] : [])));
}

const atLeast = (value: number, limit: number): boolean => value >= limit;
const below = (value: number, limit: number): boolean => value < limit;
const above = (value: number, limit: number): boolean => value > limit;

function compare(
  value: number | undefined,
  path: string,
  threshold: Threshold,
  pack: ContentPack,
  holds: (value: number, limit: number) => boolean,
): ConditionResult {
  if (value === undefined) return missingInput(path);
  const setting = typeof threshold === 'number' ? undefined : threshold.setting;
  // Validation guarantees the setting exists; a missing one would make the condition fail, never pass.
  const limit = setting === undefined ? (threshold as number) : pack.settings[setting]?.value;
  if (limit === undefined) return NOT_MET;
  return result(holds(value, limit), { [path]: value }, setting === undefined ? [] : [setting]);
}

/** Tests `condition` against `assessment`, reading domains and settings from `pack`. */
export function testCondition(
  condition: Condition,
  assessment: HarmAssessment,
  pack: ContentPack,
): ConditionResult {
  const { use, symptoms, risks } = assessment;
  switch (condition.kind) {
    case 'symptom-present': {
      const inputs = picked(
        symptoms.map((s) => s.code),
        'symptoms',
        (code) => condition.codes.includes(code),
      );
      return result(
        Object.keys(inputs).length > 0,
        Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`${k}.code`, v])),
      );
    }
    case 'symptom-persists-weeks': {
      const results = symptoms.map((s, i) => {
        if (!condition.codes.includes(s.code)) return NOT_MET;
        const found = compare(
          s.persistsAfterStoppingWeeks,
          `symptoms.${i}.persistsAfterStoppingWeeks`,
          condition.weeks,
          pack,
          atLeast,
        );
        // No persistence recorded means use has not stopped: the condition is decided, not missing.
        return found.met
          ? { ...found, inputs: { [`symptoms.${i}.code`]: s.code, ...found.inputs } }
          : NOT_MET;
      });
      return anyOf(results);
    }
    case 'days-used-at-least':
      return compare(use.daysUsedLast28, 'use.daysUsedLast28', condition.days, pack, atLeast);
    case 'flag': {
      const path =
        condition.field === 'urinaryChecklistPositive'
          ? 'measures.urinaryChecklistPositive'
          : `use.${condition.field}`;
      const value =
        condition.field === 'urinaryChecklistPositive'
          ? assessment.measures?.urinaryChecklistPositive
          : use[condition.field];
      return value === undefined ? missingInput(path) : result(value, { [path]: value });
    }
    case 'route-present': {
      const inputs = picked(use.routes, 'use.routes', (r) => condition.routes.includes(r));
      return result(Object.keys(inputs).length > 0, inputs);
    }
    case 'co-use-present': {
      if (use.coUse === undefined) return missingInput('use.coUse');
      const inputs = picked(use.coUse, 'use.coUse', (s) => condition.substances.includes(s));
      return result(Object.keys(inputs).length > 0, inputs);
    }
    case 'risk-present': {
      const inputs = picked(risks, 'risks', (r) => condition.codes.includes(r));
      return result(Object.keys(inputs).length > 0, inputs);
    }
    case 'measure-at-least': {
      const { measure } = condition;
      return compare(assessment.measures?.[measure], `measures.${measure}`, condition.value, pack, atLeast);
    }
    case 'lab-below':
    case 'lab-above': {
      const holds = condition.kind === 'lab-below' ? below : above;
      return compare(assessment.labs?.[condition.lab], `labs.${condition.lab}`, condition.value, pack, holds);
    }
    case 'domains-at-least':
      return domainsAtLeast(condition.count, assessment, pack);
    case 'any-of': {
      const results = condition.conditions.map((c) => testCondition(c, assessment, pack));
      return anyOf(results);
    }
    case 'all-of': {
      const results = condition.conditions.map((c) => testCondition(c, assessment, pack));
      return allOf(results);
    }
  }
}

function domainsAtLeast(count: Threshold, assessment: HarmAssessment, pack: ContentPack): ConditionResult {
  const inputs: Record<string, InputValue> = {};
  const domains: string[] = [];
  assessment.symptoms.forEach((s, i) => {
    const domain = pack.domains.find((d) => d.symptoms.includes(s.code));
    if (domain === undefined) return;
    inputs[`symptoms.${i}.code`] = s.code;
    if (!domains.includes(domain.id)) domains.push(domain.id);
  });
  const found = compare(domains.length, 'derived.domainCount', count, pack, atLeast);
  return found.met ? { ...found, inputs, derived: { domains } } : NOT_MET;
}
