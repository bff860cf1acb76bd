// Seeded templates for the synthetic data set: harm assessments evaluated by the real engine, scored questionnaires.
import { seededRandom, type Random } from '../src/cli/demo/random.ts';
import { defaultPack, evaluateHarm, parseAssessment, symptomCodes } from '../src/domain/harm/index.ts';
import type { HarmAssessment, HarmEvaluation } from '../src/domain/harm/index.ts';
import { scoreInstrument } from '../src/domain/instruments/registry.ts';
import type { ScoreResult } from '../src/domain/instruments/types.ts';

export interface AssessmentTemplate {
  readonly level: number;
  /** Position among the templates of the same level. */
  readonly index: number;
  readonly assessment: HarmAssessment;
  readonly evaluation: HarmEvaluation;
}

export interface ResponseTemplate {
  readonly instrumentId: 'phq-9' | 'sds';
  readonly index: number;
  readonly answers: Record<string, number>;
  readonly result: ScoreResult;
}

/** Templates per level of need; the generator picks one per assessment by hashing. */
export const TEMPLATES_PER_LEVEL = 24;
export const RESPONSE_TEMPLATES = 32;

const ROUTES = ['nasal', 'oral', 'injected', 'smoked'] as const;
const RISKS = ['use-alone', 'driving', 'unsafe-setting', 'sexual-risk', 'co-use-depressants'] as const;
// Symptoms that are red flags make level 4 common when drawn freely; draw them rarely.
const RED_FLAGS = new Set([
  'visible-haematuria',
  'urinary-retention',
  'jaundice',
  'suicidal-ideation',
  'psychotic-symptoms',
]);
const COMMON_SYMPTOMS = symptomCodes.filter((c) => !RED_FLAGS.has(c));

function randomAssessment(random: Random): unknown {
  const symptoms = COMMON_SYMPTOMS.filter(() => random.chance(0.12)).map((code) => ({ code }));
  if (random.chance(0.08)) symptoms.push({ code: random.pick([...RED_FLAGS]) as never });
  const days = random.chance(0.3) ? random.int(0, 6) : random.int(7, 28);
  return {
    use: {
      daysUsedLast28: days,
      routes: [random.pick(ROUTES)],
      bingeing: random.chance(0.25),
      escalating: random.chance(0.2),
      typicalAmount: `${random.int(1, 30) / 10} g a day (synthetic)`,
    },
    symptoms,
    risks: RISKS.filter(() => random.chance(0.1)),
    measures: { sdsTotal: random.int(0, 15), phq9Total: random.int(0, 27) },
  };
}

/** `TEMPLATES_PER_LEVEL` evaluated assessments for each level 1..4, the same for the same seed. */
export function assessmentTemplates(seed: number): AssessmentTemplate[] {
  const random = seededRandom(seed);
  const byLevel = new Map<number, AssessmentTemplate[]>([1, 2, 3, 4].map((l) => [l, []]));
  for (let tries = 0; tries < 100_000; tries += 1) {
    const raw = randomAssessment(random);
    const parsed = parseAssessment(raw);
    const evaluated = evaluateHarm(raw, defaultPack);
    if (!parsed.ok || !evaluated.ok) continue;
    const list = byLevel.get(evaluated.value.level);
    if (!list || list.length >= TEMPLATES_PER_LEVEL) continue;
    list.push({
      level: evaluated.value.level,
      index: list.length,
      assessment: parsed.value,
      evaluation: evaluated.value,
    });
    if ([...byLevel.values()].every((l) => l.length >= TEMPLATES_PER_LEVEL))
      return [...byLevel.values()].flat();
  }
  throw new Error('could not draw assessment templates for every level');
}

/** `RESPONSE_TEMPLATES` scored PHQ-9 and SDS responses each. */
export function responseTemplates(seed: number): ResponseTemplate[] {
  const random = seededRandom(seed + 1);
  const out: ResponseTemplate[] = [];
  for (const [instrumentId, items, max] of [
    ['phq-9', 9, 3],
    ['sds', 5, 3],
  ] as const) {
    for (let index = 0; index < RESPONSE_TEMPLATES; index += 1) {
      const answers = Object.fromEntries(
        Array.from({ length: items }, (_, i) => [String(i + 1), random.int(0, max)]),
      );
      const scored = scoreInstrument(instrumentId, answers);
      if (!scored.ok) throw new Error(`template ${instrumentId} does not score`);
      out.push({ instrumentId, index, answers, result: scored.value });
    }
  }
  return out;
}
