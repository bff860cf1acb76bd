// Synthetic harm assessments: a person's ketamine use, symptoms and risks at a given severity (0 none, 1 worst),
// parsed and evaluated by the harm domain with the pack in force, and a clinician's occasional override.
import {
  evaluateHarm,
  parseAssessment,
  type HarmAssessment,
  type HarmEvaluation,
  type LevelNumber,
  type SymptomCode,
  type ValidContentPack,
} from '../../domain/harm/index.ts';
import type { Random } from './random.ts';

/** What the person reports at one assessment, before the engine reads it. */
export interface DemoAssessmentInput {
  readonly assessment: Record<string, unknown>;
  /** PHQ-9 and SDS totals recorded the same day (the measures of the assessment). */
  readonly phq9Total: number;
  readonly sdsTotal: number;
  readonly urinary: readonly SymptomCode[];
}

/** A person's standing traits, so their assessments over time read as one person's. */
export interface DemoUser {
  readonly route: 'nasal' | 'oral';
  readonly alcohol: boolean;
  readonly stimulants: boolean;
  readonly usesAlone: boolean;
  readonly moodBase: number;
  /** How readily each symptom shows (0 at once, 1 never): a person's symptoms come and go with severity only. */
  readonly threshold: Readonly<Record<string, number>>;
}

export function demoUser(random: Random): DemoUser {
  return {
    route: random.chance(0.85) ? 'nasal' : 'oral',
    alcohol: random.chance(0.45),
    stimulants: random.chance(0.2),
    usesAlone: random.chance(0.4),
    moodBase: random.int(4, 14),
    threshold: Object.fromEntries(SYMPTOMS.map((code) => [code, random.next()])),
  };
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(v)));
const URINARY: readonly SymptomCode[] = [
  'urinary-frequency',
  'urinary-urgency',
  'dysuria',
  'suprapubic-pain',
];
const SYMPTOMS: readonly SymptomCode[] = [
  ...URINARY,
  'abdominal-pain',
  'low-mood',
  'anxiety',
  'memory-problems',
];

/** The assessment as a clinician would enter it, for a person at `severity` (0–1). */
export function assessmentInput(
  random: Random,
  user: DemoUser,
  severity: number,
  opts: { redFlag?: 'suicidal-ideation' | 'visible-haematuria' } = {},
): DemoAssessmentInput {
  const s = Math.max(0, Math.min(1, severity));
  const days = s < 0.08 ? 0 : clamp(s * 28 + random.int(-3, 3), 1, 28);
  // A symptom shows when the severity, weighted for how common it is, passes the person's threshold for it.
  const shows = (code: SymptomCode, weight: number, floor = 0) =>
    floor + s * weight > (user.threshold[code] ?? 1);
  const urinary = URINARY.filter((code) => shows(code, 0.9));
  // Red flags (level 4) are given, never drawn: the demo places them where it wants an urgent case.
  if (opts.redFlag === 'visible-haematuria') urinary.push('visible-haematuria');
  const symptoms: SymptomCode[] = [...urinary];
  if (shows('abdominal-pain', 0.6)) symptoms.push('abdominal-pain');
  if (shows('low-mood', 0.5, 0.3)) symptoms.push('low-mood');
  if (shows('anxiety', 0.4, 0.25)) symptoms.push('anxiety');
  if (shows('memory-problems', 0.35)) symptoms.push('memory-problems');
  const suicidal = opts.redFlag === 'suicidal-ideation';
  if (suicidal) symptoms.push('suicidal-ideation');
  const risks: string[] = [];
  if (user.usesAlone && days > 0) risks.push('use-alone');
  if (user.alcohol && s > 0.5 && days > 0) risks.push('co-use-depressants');
  if (days > 0 && random.chance(0.08)) risks.push('driving');
  const coUse = [...(user.alcohol ? ['alcohol'] : []), ...(user.stimulants ? ['stimulants'] : [])];
  const phq9Total = clamp(user.moodBase + s * 10 + random.int(-2, 2) + (suicidal ? 4 : 0), 0, 27);
  const sdsTotal = days === 0 ? clamp(random.int(0, 2), 0, 15) : clamp(s * 10 + random.int(-2, 2), 0, 15);
  const grams = Math.max(0.1, Math.round(s * 30) / 10);
  const assessment: Record<string, unknown> = {
    use: {
      daysUsedLast28: days,
      routes: days === 0 ? [] : [user.route],
      bingeing: days > 0 && s > 0.6 && random.chance(0.6),
      escalating: days > 0 && s > 0.7 && random.chance(0.5),
      ...(days > 0 ? { typicalAmount: `about ${grams.toFixed(1)} g a day` } : {}),
      ...(coUse.length > 0 ? { coUse } : {}),
    },
    symptoms: symptoms.map((code) => ({ code })),
    risks,
    measures: { sdsTotal, phq9Total, urinaryChecklistPositive: urinary.length > 0 },
  };
  return { assessment, phq9Total, sdsTotal, urinary };
}

/** Parses and evaluates with the pack in force; a refusal is a fault in the demo, so it throws. */
export function evaluateDemo(
  raw: Record<string, unknown>,
  pack: ValidContentPack,
): { assessment: HarmAssessment; evaluation: HarmEvaluation } {
  const parsed = parseAssessment(raw);
  if (!parsed.ok) throw new Error(`demo assessment invalid: ${JSON.stringify(parsed.problems)}`);
  const evaluated = evaluateHarm(parsed.value, pack);
  if (!evaluated.ok) throw new Error(`demo assessment refused: ${JSON.stringify(evaluated.problems)}`);
  return { assessment: parsed.value, evaluation: evaluated.value };
}

const OVERRIDE_DOWN = [
  'Use has fallen sharply since the questionnaire; engaged and motivated, seen weekly already.',
  'Symptoms predate use and are being followed by the GP; structured treatment not wanted now.',
  'Person declines the higher level today; safety plan agreed and review brought forward.',
];
const OVERRIDE_UP = [
  'Recent overdose of a co-used depressant not captured by the form; stepping up.',
  'Family report heavier use than disclosed; clinical judgement is a higher level.',
  'Housing lost this week and using alone; stepping up until stable.',
];

/** The level a clinician confirms: usually the proposal, sometimes one level off with a reason. */
export function clinicianDecision(
  random: Random,
  proposed: LevelNumber,
  overrideRate: number,
): { confirmed: LevelNumber; reason: string | null } {
  if (proposed === 4 || !random.chance(overrideRate)) return { confirmed: proposed, reason: null };
  const down = proposed > 1 && (proposed === 3 || random.chance(0.6));
  const confirmed = (down ? proposed - 1 : proposed + 1) as LevelNumber;
  return { confirmed, reason: random.pick(down ? OVERRIDE_DOWN : OVERRIDE_UP) };
}
