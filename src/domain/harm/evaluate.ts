// Evaluates a harm assessment against a content pack: highest triggered level wins, every reason is listed.
import type { HarmAssessment } from './assessment.ts';
import { parseAssessment } from './assessment-parse.ts';
import type { InputValue } from './condition-result.ts';
import { testCondition } from './conditions.ts';
import type {
  HarmEvaluation,
  HarmReason,
  ProposedIntervention,
  SettingUsed,
  UndecidedRule,
} from './evaluation.ts';
import type { LevelDefinition, ValidContentPack } from './pack-types.ts';
import type { Outcome } from './problems.ts';
import { notRecordedSentence, provisionalOf } from './provisional.ts';

/** Placeholder a pack's baseline text may contain; replaced by the inputs that were not recorded. */
export const NOT_RECORDED_PLACEHOLDER = '{notRecorded}';

/** `<pack id>@<pack version>`, the content version stored with every evaluation. */
export function contentVersionOf(pack: Pick<ValidContentPack, 'id' | 'version'>): string {
  return `${pack.id}@${pack.version}`;
}

/** Every recorded value of the assessment, flattened to paths: what the baseline looked at. */
function everyInput(a: HarmAssessment): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {
    'use.daysUsedLast28': a.use.daysUsedLast28,
    'use.bingeing': a.use.bingeing,
    'use.escalating': a.use.escalating,
  };
  a.use.routes.forEach((route, i) => (inputs[`use.routes.${i}`] = route));
  a.use.coUse?.forEach((substance, i) => (inputs[`use.coUse.${i}`] = substance));
  a.symptoms.forEach((s, i) => (inputs[`symptoms.${i}.code`] = s.code));
  a.risks.forEach((risk, i) => (inputs[`risks.${i}`] = risk));
  for (const [group, values] of [
    ['measures', a.measures],
    ['labs', a.labs],
  ] as const) {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (typeof value === 'number' || typeof value === 'boolean') inputs[`${group}.${key}`] = value;
    }
  }
  return inputs;
}

function baselineReason(
  assessment: HarmAssessment,
  pack: ValidContentPack,
  undecided: readonly UndecidedRule[],
): HarmReason {
  const { ruleId, level, text, source, certainty } = pack.baseline;
  // A pack whose baseline names the unrecorded inputs (2.0.0 on) must not read as reassurance; older packs'
  // text has no placeholder and is returned unchanged, so their recommendations replay identically.
  const missing = [...new Set(undecided.flatMap((rule) => rule.missing))];
  // The baseline still explains itself: it shows every value that was checked and triggered nothing.
  return {
    ruleId,
    level,
    text: text.replace(NOT_RECORDED_PLACEHOLDER, notRecordedSentence(missing)),
    source,
    certainty,
    inputs: everyInput(assessment),
    settingsUsed: {},
    derived: {},
  };
}

function interventionsFor(
  level: LevelDefinition,
  reasons: readonly HarmReason[],
  pack: ValidContentPack,
): ProposedIntervention[] {
  const triggers = new Map<string, string[]>();
  const add = (id: string, by: string): void => {
    const list = triggers.get(id) ?? [];
    if (!list.includes(by)) list.push(by);
    triggers.set(id, list);
  };
  level.interventions.forEach((id) => add(id, `level-${level.level}`));
  for (const reason of reasons) {
    const rule = pack.rules.find((r) => r.id === reason.ruleId);
    rule?.interventions?.forEach((id) => add(id, rule.id));
  }
  return [...triggers].flatMap(([id, triggeredBy]) => {
    const found = pack.interventions.find((i) => i.id === id);
    return found === undefined
      ? []
      : [
          {
            id,
            title: found.title,
            description: found.description,
            source: found.source,
            certainty: found.certainty,
            triggeredBy,
          },
        ];
  });
}

/**
 * Validates `assessment` (problems name paths such as `assessment.symptoms.2.code`), tests every rule of
 * `pack`, and proposes the highest triggered level with its matched interventions and review interval.
 * Deterministic: no clock, no randomness, stable ordering.
 */
export function evaluateHarm(assessment: unknown, pack: ValidContentPack): Outcome<HarmEvaluation> {
  const parsed = parseAssessment(assessment);
  if (!parsed.ok) return parsed;
  const input = parsed.value;

  const triggered: HarmReason[] = [];
  const undecided: UndecidedRule[] = [];
  for (const rule of pack.rules) {
    const found = testCondition(rule.when, input, pack);
    if (!found.met) {
      if (found.missing.length > 0)
        undecided.push({ ruleId: rule.id, level: rule.level, missing: found.missing });
      continue;
    }
    const settingsUsed: Record<string, SettingUsed> = {};
    for (const name of found.settingsUsed) {
      const setting = pack.settings[name];
      if (setting !== undefined)
        settingsUsed[name] = { value: setting.value, source: setting.source, certainty: setting.certainty };
    }
    triggered.push({
      ruleId: rule.id,
      level: rule.level,
      text: rule.text,
      source: rule.source,
      certainty: rule.certainty,
      inputs: found.inputs,
      settingsUsed,
      derived: found.derived,
      ...(rule.redFlag === undefined ? {} : { redFlag: rule.redFlag }),
    });
  }
  // Array.prototype.sort is stable, so equal levels keep pack order.
  const reasons =
    triggered.length > 0
      ? [...triggered].sort((a, b) => b.level - a.level)
      : [baselineReason(input, pack, undecided)];
  const level = Math.max(...reasons.map((r) => r.level)) as HarmReason['level'];
  const definition = pack.levels.find((l) => l.level === level);
  // Validation guarantees every rule's level is defined; this guard keeps the type honest.
  if (definition === undefined) {
    return {
      ok: false,
      problems: [
        {
          code: 'undefined-level',
          path: 'pack.levels',
          text: `Level ${level} is not defined in ${contentVersionOf(pack)}.`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      level,
      levelLabel: definition.label,
      reasons,
      interventions: interventionsFor(definition, reasons, pack),
      reviewWithinDays: definition.reviewWithinDays,
      contentVersion: contentVersionOf(pack),
      redFlags: [...new Set(reasons.flatMap((r) => (r.redFlag === undefined ? [] : [r.redFlag])))],
      undecided,
      ...provisionalOf(level, undecided),
    },
  };
}
