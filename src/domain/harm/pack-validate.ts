// Validates an untrusted content pack (JSON) into a ValidContentPack, or refuses it with every problem found.
import { readDate, checkKnownFields, readObject, readText, type JsonObject } from '../core/json-read.ts';
import type { Outcome, ProblemList } from './problems.ts';
import { compact } from './compact.ts';
import { readCondition } from './condition-validate.ts';
import { readDomains, readInterventions, readLevels, readSettings } from './pack-parts-validate.ts';
import { checkInterventionIds, readEach, readId, readLevel, readSourced } from './pack-readers.ts';
import type {
  BaselineReason,
  ContentPack,
  HarmRule,
  LevelNumber,
  PackSetting,
  ValidContentPack,
} from './pack-types.ts';

const ROOT = 'pack';
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

interface Context {
  readonly levels: readonly LevelNumber[];
  readonly interventionIds: readonly string[];
  readonly settings: Readonly<Record<string, PackSetting>>;
}

/** A level that is in 1–4 and also defined in the pack's levels. */
function readDefinedLevel(
  p: ProblemList,
  value: unknown,
  path: string,
  ctx: Context,
): LevelNumber | undefined {
  const level = readLevel(p, value, path);
  if (level === undefined || ctx.levels.includes(level)) return level;
  p.push({
    code: 'undefined-level',
    path,
    text: `Level ${level} is used but not defined in the pack's levels.`,
  });
  return undefined;
}

function readRule(p: ProblemList, obj: JsonObject, at: string, ctx: Context): HarmRule {
  checkKnownFields(p, obj, at, [
    'id',
    'level',
    'when',
    'text',
    'source',
    'certainty',
    'interventions',
    'redFlag',
  ]);
  return compact({
    id: readId(p, obj.id, `${at}.id`) ?? '',
    level: readDefinedLevel(p, obj.level, `${at}.level`, ctx) ?? 1,
    when: readCondition(p, obj.when, `${at}.when`, ctx.settings) ?? { kind: 'any-of', conditions: [] },
    text: readText(p, obj.text, `${at}.text`) ?? '',
    ...readSourced(p, obj, at),
    interventions:
      obj.interventions === undefined
        ? undefined
        : checkInterventionIds(p, obj.interventions, `${at}.interventions`, ctx.interventionIds),
    redFlag: obj.redFlag === undefined ? undefined : readId(p, obj.redFlag, `${at}.redFlag`),
  });
}

function readBaseline(
  p: ProblemList,
  value: unknown,
  path: string,
  ctx: Context,
  ruleIds: readonly string[],
): BaselineReason {
  const obj = readObject(p, value, path) ?? {};
  checkKnownFields(p, obj, path, ['ruleId', 'level', 'text', 'source', 'certainty']);
  const ruleId = readId(p, obj.ruleId, `${path}.ruleId`) ?? '';
  if (ruleIds.includes(ruleId)) {
    p.push({
      code: 'duplicate-id',
      path: `${path}.ruleId`,
      text: `The baseline's id "${ruleId}" is also a rule id; reasons would be ambiguous.`,
    });
  }
  return {
    ruleId,
    level: readDefinedLevel(p, obj.level, `${path}.level`, ctx) ?? 1,
    text: readText(p, obj.text, `${path}.text`) ?? '',
    ...readSourced(p, obj, path),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates `json` as a content pack. Every problem is listed with its path (`pack.rules.3.when.kind`):
 * unknown fields, rule kinds or codes, duplicate ids, levels outside 1–4 or not defined, interventions or
 * settings referenced but not defined, missing sources. The returned pack is a frozen copy.
 */
export function validateContentPack(json: unknown): Outcome<ValidContentPack> {
  const p: ProblemList = [];
  const obj = readObject(p, json, ROOT);
  if (obj === undefined) return { ok: false, problems: p };
  checkKnownFields(p, obj, ROOT, [
    'id',
    'version',
    'title',
    'publishedAt',
    'basis',
    'levels',
    'domains',
    'interventions',
    'settings',
    'rules',
    'baseline',
  ]);
  const version = readText(p, obj.version, `${ROOT}.version`);
  if (version !== undefined && !VERSION_PATTERN.test(version)) {
    p.push({
      code: 'invalid-format',
      path: `${ROOT}.version`,
      text: `The version must look like 1.0.0; got "${version}".`,
    });
  }
  const interventions = readInterventions(p, obj.interventions, `${ROOT}.interventions`);
  const levels = readLevels(
    p,
    obj.levels,
    `${ROOT}.levels`,
    interventions.map((i) => i.id),
  );
  const ctx: Context = {
    levels: levels.map((l) => l.level),
    interventionIds: interventions.map((i) => i.id),
    settings: readSettings(p, obj.settings, `${ROOT}.settings`),
  };
  const rules = readEach(p, obj.rules, `${ROOT}.rules`, 'id', (rule, at) => readRule(p, rule, at, ctx));
  const pack: ContentPack = {
    id: readId(p, obj.id, `${ROOT}.id`) ?? '',
    version: version ?? '',
    title: readText(p, obj.title, `${ROOT}.title`) ?? '',
    publishedAt: readDate(p, obj.publishedAt, `${ROOT}.publishedAt`) ?? '',
    basis: readText(p, obj.basis, `${ROOT}.basis`) ?? '',
    levels: [...levels].sort((a, b) => a.level - b.level),
    domains: readDomains(p, obj.domains, `${ROOT}.domains`),
    interventions,
    settings: ctx.settings,
    rules,
    baseline: readBaseline(
      p,
      obj.baseline,
      `${ROOT}.baseline`,
      ctx,
      rules.map((r) => r.id),
    ),
  };
  if (p.length > 0) return { ok: false, problems: p };
  // The copy is built from validated fields only and frozen, so the brand cannot be invalidated later.
  return { ok: true, value: deepFreeze(pack) as ValidContentPack };
}
