// Validates one rule condition (recursively for any-of / all-of) against the known kinds, codes and settings.
import {
  coUseSubstances,
  flagFields,
  isOneOf,
  labNames,
  measureNames,
  riskCodes,
  routes,
  symptomCodes,
} from './codes.ts';
import {
  checkKnownFields,
  isJsonObject,
  isMissing,
  readArray,
  readObject,
  readText,
  type JsonObject,
} from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';
import { conditionKinds, type Condition, type PackSetting, type Threshold } from './pack-types.ts';
import { readCodeList } from './read-codes.ts';

/** What a threshold must be for its kind of condition. */
interface ThresholdRule {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const DAYS: ThresholdRule = { min: 0, max: 28, integer: true };
const NON_NEGATIVE: ThresholdRule = { min: 0, max: Number.MAX_VALUE, integer: false };
const COUNT: ThresholdRule = { min: 1, max: Number.MAX_VALUE, integer: true };

type Settings = Readonly<Record<string, PackSetting>>;

/** The fields each kind of condition may have besides `kind`. */
const FIELDS: Readonly<Record<Condition['kind'], readonly string[]>> = {
  'symptom-present': ['codes'],
  'symptom-persists-weeks': ['codes', 'weeks'],
  'days-used-at-least': ['days'],
  flag: ['field'],
  'route-present': ['routes'],
  'co-use-present': ['substances'],
  'risk-present': ['codes'],
  'measure-at-least': ['measure', 'value'],
  'lab-below': ['lab', 'value'],
  'lab-above': ['lab', 'value'],
  'domains-at-least': ['count'],
  'any-of': ['conditions'],
  'all-of': ['conditions'],
};

function checkNumber(
  p: ProblemList,
  value: number,
  path: string,
  rule: ThresholdRule,
  usedBy?: string,
): boolean {
  const fits = value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value));
  if (!fits) {
    const what = rule.integer ? 'a whole number' : 'a number';
    const range = rule.max === Number.MAX_VALUE ? `${rule.min} up` : `${rule.min} to ${rule.max}`;
    const use = usedBy === undefined ? '' : ` where ${usedBy} uses it`;
    p.push({
      code: 'out-of-range',
      path,
      text: `${path} must be ${what} from ${range}${use}; got ${value}.`,
    });
  }
  return fits;
}

function readThreshold(
  p: ProblemList,
  value: unknown,
  path: string,
  rule: ThresholdRule,
  settings: Settings,
): Threshold | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (typeof value === 'number' && Number.isFinite(value))
    return checkNumber(p, value, path, rule) ? value : undefined;
  if (isJsonObject(value) && typeof value.setting === 'string') {
    checkKnownFields(p, value, path, ['setting']);
    const setting = Object.hasOwn(settings, value.setting) ? settings[value.setting] : undefined;
    if (setting === undefined) {
      p.push({
        code: 'undefined-setting',
        path: `${path}.setting`,
        text: `No setting "${value.setting}" is defined in the pack's settings.`,
      });
      return undefined;
    }
    return checkNumber(p, setting.value, `pack.settings.${value.setting}.value`, rule, path)
      ? { setting: value.setting }
      : undefined;
  }
  p.push({ code: 'wrong-type', path, text: `${path} must be a number or { "setting": name }.` });
  return undefined;
}

function readConditions(
  p: ProblemList,
  obj: JsonObject,
  path: string,
  settings: Settings,
): Condition[] | undefined {
  const list = readArray(p, obj.conditions, `${path}.conditions`);
  if (list === undefined) return undefined;
  if (list.length === 0) {
    p.push({
      code: 'empty',
      path: `${path}.conditions`,
      text: `${path}.conditions must list at least one condition.`,
    });
    return undefined;
  }
  const read = list.map((item, i) => readCondition(p, item, `${path}.conditions.${i}`, settings));
  return read.every((c) => c !== undefined) ? read : undefined;
}

/** The condition at `path`, or undefined after pushing every problem with it. */
export function readCondition(
  p: ProblemList,
  value: unknown,
  path: string,
  settings: Settings,
): Condition | undefined {
  const obj = readObject(p, value, path);
  if (obj === undefined) return undefined;
  const kind = obj.kind;
  if (!isOneOf(conditionKinds, kind)) {
    p.push({
      code: 'unknown-rule-kind',
      path: `${path}.kind`,
      text: `${JSON.stringify(kind)} is not a known condition kind (known: ${conditionKinds.join(', ')}).`,
    });
    return undefined;
  }
  const before = p.length;
  const at = (key: string): string => `${path}.${key}`;
  const codes = <T extends string>(key: string, allowed: readonly T[]): T[] | undefined =>
    readCodeList(p, obj[key], at(key), allowed, { nonEmpty: true });
  const threshold = (key: string, rule: ThresholdRule): Threshold | undefined =>
    readThreshold(p, obj[key], at(key), rule, settings);
  const one = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = readText(p, obj[key], at(key));
    if (v === undefined) return undefined;
    if (isOneOf(allowed, v)) return v;
    p.push({ code: 'unknown-code', path: at(key), text: `"${v}" is not one of ${allowed.join(', ')}.` });
    return undefined;
  };

  checkKnownFields(p, obj, path, ['kind', ...FIELDS[kind]]);
  const condition = ((): Condition => {
    switch (kind) {
      case 'symptom-present':
        return { kind, codes: codes('codes', symptomCodes) ?? [] };
      case 'symptom-persists-weeks':
        return {
          kind,
          codes: codes('codes', symptomCodes) ?? [],
          weeks: threshold('weeks', NON_NEGATIVE) ?? 0,
        };
      case 'days-used-at-least':
        return { kind, days: threshold('days', DAYS) ?? 0 };
      case 'flag':
        return { kind, field: one('field', flagFields) ?? 'bingeing' };
      case 'route-present':
        return { kind, routes: codes('routes', routes) ?? [] };
      case 'co-use-present':
        return { kind, substances: codes('substances', coUseSubstances) ?? [] };
      case 'risk-present':
        return { kind, codes: codes('codes', riskCodes) ?? [] };
      case 'measure-at-least':
        return {
          kind,
          measure: one('measure', measureNames) ?? 'sdsTotal',
          value: threshold('value', NON_NEGATIVE) ?? 0,
        };
      case 'lab-below':
      case 'lab-above':
        return { kind, lab: one('lab', labNames) ?? 'egfr', value: threshold('value', NON_NEGATIVE) ?? 0 };
      case 'domains-at-least':
        return { kind, count: threshold('count', COUNT) ?? 1 };
      case 'any-of':
      case 'all-of':
        return { kind, conditions: readConditions(p, obj, path, settings) ?? [] };
    }
  })();
  // The placeholders above only keep the shape; any problem refuses the condition.
  return p.length === before ? condition : undefined;
}
