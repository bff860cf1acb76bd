// Validates the parts of a content pack that rules refer to: interventions, levels, domains and settings.
import { symptomCodes, type SymptomCode } from './codes.ts';
import { checkKnownFields, readInteger, readNumber, readObject, readText } from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';
import type { HarmDomain, Intervention, LevelDefinition, PackSetting } from './pack-types.ts';
import { checkInterventionIds, readEach, readId, readLevel, readSourced } from './pack-readers.ts';
import { readCodeList } from './read-codes.ts';

const SETTING_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** The pack's interventions. */
export function readInterventions(p: ProblemList, value: unknown, path: string): Intervention[] {
  return readEach(p, value, path, 'id', (obj, at) => {
    checkKnownFields(p, obj, at, ['id', 'title', 'description', 'source', 'certainty']);
    return {
      id: readId(p, obj.id, `${at}.id`) ?? '',
      title: readText(p, obj.title, `${at}.title`) ?? '',
      description: readText(p, obj.description, `${at}.description`) ?? '',
      ...readSourced(p, obj, at),
    };
  });
}

/** The pack's levels, each with its matched interventions and review interval. */
export function readLevels(
  p: ProblemList,
  value: unknown,
  path: string,
  interventionIds: readonly string[],
): LevelDefinition[] {
  return readEach(p, value, path, 'level', (obj, at) => {
    checkKnownFields(p, obj, at, [
      'level',
      'label',
      'description',
      'reviewWithinDays',
      'interventions',
      'source',
      'certainty',
    ]);
    return {
      level: readLevel(p, obj.level, `${at}.level`) ?? 1,
      label: readText(p, obj.label, `${at}.label`) ?? '',
      description: readText(p, obj.description, `${at}.description`) ?? '',
      reviewWithinDays: readInteger(p, obj.reviewWithinDays, `${at}.reviewWithinDays`, 0, 366) ?? 0,
      interventions: checkInterventionIds(p, obj.interventions, `${at}.interventions`, interventionIds),
      ...readSourced(p, obj, at),
    };
  });
}

/** The pack's body and mind domains; a symptom may belong to one domain only. */
export function readDomains(p: ProblemList, value: unknown, path: string): HarmDomain[] {
  const claimed = new Set<SymptomCode>();
  return readEach(p, value, path, 'id', (obj, at) => {
    checkKnownFields(p, obj, at, ['id', 'label', 'symptoms', 'source', 'certainty']);
    const symptoms = readCodeList(p, obj.symptoms, `${at}.symptoms`, symptomCodes, { nonEmpty: true }) ?? [];
    symptoms.forEach((code, i) => {
      if (claimed.has(code))
        p.push({
          code: 'duplicate-code',
          path: `${at}.symptoms.${i}`,
          text: `Symptom "${code}" already belongs to another domain.`,
        });
      claimed.add(code);
    });
    return {
      id: readId(p, obj.id, `${at}.id`) ?? '',
      label: readText(p, obj.label, `${at}.label`) ?? '',
      symptoms,
      ...readSourced(p, obj, at),
    };
  });
}

/** The pack's named settings. */
export function readSettings(p: ProblemList, value: unknown, path: string): Record<string, PackSetting> {
  const obj = readObject(p, value, path) ?? {};
  return Object.fromEntries(
    Object.entries(obj).flatMap(([name, raw]) => {
      const at = `${path}.${name}`;
      if (!SETTING_NAME.test(name)) {
        p.push({
          code: 'invalid-format',
          path: at,
          text: `Setting name "${name}" must start with a letter and use only letters, digits and hyphens.`,
        });
        return [];
      }
      const setting = readObject(p, raw, at);
      if (setting === undefined) return [];
      checkKnownFields(p, setting, at, ['value', 'description', 'source', 'certainty']);
      return [
        [
          name,
          {
            value: readNumber(p, setting.value, `${at}.value`, Number.NEGATIVE_INFINITY) ?? 0,
            description: readText(p, setting.description, `${at}.description`) ?? '',
            ...readSourced(p, setting, at),
          },
        ],
      ];
    }),
  );
}
