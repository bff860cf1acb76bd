// Builders shared by the harm tests (test support only; not used by the engine).
import type { HarmEvaluation } from './evaluation.ts';
import type { HarmProblem, Outcome } from './problems.ts';

/** JSON for an assessment's use block. */
export interface UseJson {
  daysUsedLast28: number;
  routes: string[];
  bingeing: boolean;
  escalating: boolean;
  [key: string]: unknown;
}

/** JSON for an assessment, loosely typed so tests can also build invalid ones. */
export interface AssessmentJson {
  use: UseJson;
  symptoms: Record<string, unknown>[];
  risks: string[];
  measures?: Record<string, unknown>;
  labs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A minimal valid assessment (no use, no symptoms, no risks) with `changes` applied; `use` is merged. */
export function assessmentJson(
  changes: Partial<Omit<AssessmentJson, 'use'>> & { use?: Partial<UseJson> } = {},
): AssessmentJson {
  const { use, ...rest } = changes;
  return {
    use: { daysUsedLast28: 0, routes: [], bingeing: false, escalating: false, ...use },
    symptoms: [],
    risks: [],
    ...rest,
  };
}

/** An assessment reporting the given symptoms (codes only). */
export function withSymptoms(...codes: string[]): AssessmentJson {
  return assessmentJson({ symptoms: codes.map((code) => ({ code })) });
}

/** The value of a successful outcome; fails the test with the problems otherwise. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got problems: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** The problems of a refused outcome; fails the test if it succeeded. */
export function problemsOf<T>(outcome: Outcome<T>): readonly HarmProblem[] {
  if (outcome.ok) throw new Error('expected problems, got a value');
  return outcome.problems;
}

/** Rule ids of every reason, in order. */
export function reasonIds(evaluation: HarmEvaluation): string[] {
  return evaluation.reasons.map((reason) => reason.ruleId);
}

/** Intervention ids, in order. */
export function interventionIds(evaluation: HarmEvaluation): string[] {
  return evaluation.interventions.map((intervention) => intervention.id);
}
