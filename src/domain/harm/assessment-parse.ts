// Validates an untrusted harm assessment into a typed one, naming the path of every problem.
import type {
  AssessmentLabs,
  AssessmentMeasures,
  HarmAssessment,
  ReportedSymptom,
  UsePattern,
} from './assessment.ts';
import {
  readDate,
  isMissing,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readObject,
  readText,
} from '../core/json-read.ts';
import type { Outcome, ProblemList } from './problems.ts';
import { coUseSubstances, isOneOf, riskCodes, routes, symptomCodes, type SymptomCode } from './codes.ts';
import { compact } from './compact.ts';
import { readCodeList } from './read-codes.ts';

const ROOT = 'assessment';

function optional<T>(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  read: (value: unknown) => T | undefined,
): T | undefined {
  const value = obj[key];
  return value === undefined ? undefined : read(value);
}

function readUse(p: ProblemList, value: unknown, path: string): UsePattern | undefined {
  const obj = readObject(p, value, path, [
    'daysUsedLast28',
    'routes',
    'bingeing',
    'escalating',
    'lastUsed',
    'typicalAmount',
    'ageAtFirstUse',
    'coUse',
  ]);
  if (obj === undefined) return undefined;
  const at = (key: string): string => `${path}.${key}`;
  return compact({
    // The TOP counts days used in the past 28 days, 0–28 (harm.md §6).
    daysUsedLast28: readInteger(p, obj.daysUsedLast28, at('daysUsedLast28'), 0, 28) ?? 0,
    routes: readCodeList(p, obj.routes, at('routes'), routes) ?? [],
    bingeing: readBoolean(p, obj.bingeing, at('bingeing')) ?? false,
    escalating: readBoolean(p, obj.escalating, at('escalating')) ?? false,
    lastUsed: optional(obj, 'lastUsed', (v) => readDate(p, v, at('lastUsed'))),
    typicalAmount: optional(obj, 'typicalAmount', (v) => readText(p, v, at('typicalAmount'))),
    ageAtFirstUse: optional(obj, 'ageAtFirstUse', (v) => readInteger(p, v, at('ageAtFirstUse'), 0, 120)),
    coUse: optional(obj, 'coUse', (v) => readCodeList(p, v, at('coUse'), coUseSubstances)),
  });
}

function readSymptoms(p: ProblemList, value: unknown, path: string): ReportedSymptom[] {
  const list = readArray(p, value, path) ?? [];
  const seen: SymptomCode[] = [];
  const symptoms: ReportedSymptom[] = [];
  list.forEach((item, index) => {
    const itemPath = `${path}.${index}`;
    const obj = readObject(p, item, itemPath, ['code', 'onset', 'persistsAfterStoppingWeeks']);
    if (obj === undefined) return;
    const code = obj.code;
    const onset = optional(obj, 'onset', (v) => readDate(p, v, `${itemPath}.onset`));
    const weeks = optional(obj, 'persistsAfterStoppingWeeks', (v) =>
      readNumber(p, v, `${itemPath}.persistsAfterStoppingWeeks`, 0),
    );
    if (isMissing(p, code, `${itemPath}.code`)) return;
    if (!isOneOf(symptomCodes, code)) {
      p.push({
        code: 'unknown-code',
        path: `${itemPath}.code`,
        text: `${JSON.stringify(code)} is not a known symptom code.`,
      });
      return;
    }
    if (seen.includes(code)) {
      p.push({
        code: 'duplicate-code',
        path: `${itemPath}.code`,
        text: `Symptom "${code}" is reported more than once.`,
      });
      return;
    }
    seen.push(code);
    symptoms.push(compact({ code, onset, persistsAfterStoppingWeeks: weeks }));
  });
  return symptoms;
}

function readMeasures(p: ProblemList, value: unknown, path: string): AssessmentMeasures | undefined {
  const obj = readObject(p, value, path, [
    'sdsTotal',
    'phq9Total',
    'urinaryChecklistPositive',
    'topPsychologicalHealth',
    'topPhysicalHealth',
    'topQualityOfLife',
  ]);
  if (obj === undefined) return undefined;
  // TOP section 4 ratings run 0–20 (harm.md §6, the TOP form [V]).
  const topRating = (key: string): number | undefined =>
    optional(obj, key, (v) => readInteger(p, v, `${path}.${key}`, 0, 20));
  return compact({
    // Ranges: SDS 0–15 (harm.md §4, EMCDDA [V]); PHQ-9 0–27 (nine items scored 0–3).
    sdsTotal: optional(obj, 'sdsTotal', (v) => readInteger(p, v, `${path}.sdsTotal`, 0, 15)),
    phq9Total: optional(obj, 'phq9Total', (v) => readInteger(p, v, `${path}.phq9Total`, 0, 27)),
    urinaryChecklistPositive: optional(obj, 'urinaryChecklistPositive', (v) =>
      readBoolean(p, v, `${path}.urinaryChecklistPositive`),
    ),
    topPsychologicalHealth: topRating('topPsychologicalHealth'),
    topPhysicalHealth: topRating('topPhysicalHealth'),
    topQualityOfLife: topRating('topQualityOfLife'),
  });
}

function readLabs(p: ProblemList, value: unknown, path: string): AssessmentLabs | undefined {
  const obj = readObject(p, value, path, ['egfr', 'creatinineUmolL', 'alt', 'alp', 'urinalysis']);
  if (obj === undefined) return undefined;
  const lab = (key: string): number | undefined =>
    optional(obj, key, (v) => readNumber(p, v, `${path}.${key}`, 0));
  return compact({
    egfr: lab('egfr'),
    creatinineUmolL: lab('creatinineUmolL'),
    alt: lab('alt'),
    alp: lab('alp'),
    urinalysis: optional(obj, 'urinalysis', (v) => readText(p, v, `${path}.urinalysis`)),
  });
}

/**
 * Validates `json` as a harm assessment. Unknown fields are refused (a misspelt `sdsTotl` must not be
 * silently ignored by a safety rule); problems name the path, e.g. `assessment.symptoms.2.code`.
 */
export function parseAssessment(json: unknown): Outcome<HarmAssessment> {
  const p: ProblemList = [];
  const obj = readObject(p, json, ROOT, ['use', 'symptoms', 'risks', 'measures', 'labs']);
  if (obj === undefined) return { ok: false, problems: p };
  const assessment = compact({
    use: readUse(p, obj.use, `${ROOT}.use`),
    symptoms: readSymptoms(p, obj.symptoms, `${ROOT}.symptoms`),
    risks: readCodeList(p, obj.risks, `${ROOT}.risks`, riskCodes) ?? [],
    measures: optional(obj, 'measures', (v) => readMeasures(p, v, `${ROOT}.measures`)),
    labs: optional(obj, 'labs', (v) => readLabs(p, v, `${ROOT}.labs`)),
  });
  if (p.length > 0 || assessment.use === undefined) return { ok: false, problems: p };
  return { ok: true, value: { ...assessment, use: assessment.use } };
}
