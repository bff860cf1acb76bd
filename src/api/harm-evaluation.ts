// Evaluating a harm assessment against a content pack at the edge: domain problems become 422 field errors.
import {
  evaluateHarm,
  implausibleLabs,
  parseAssessment,
  type HarmAssessment,
  type HarmEvaluation,
  type ValidContentPack,
} from '../domain/harm/index.ts';
import { fromDomainProblems, problem } from './problem.ts';

/**
 * Parses and evaluates, or throws a 422 naming each offending field (`body.assessment.symptoms.2.code`).
 * New input (`newInput`, the default) is also checked for implausible lab values such as creatinine in mg/dL;
 * a stored assessment being replayed is not, so history replays as it was recorded.
 */
export function evaluateOrRefuse(
  raw: unknown,
  pack: ValidContentPack,
  { newInput = true }: { newInput?: boolean } = {},
): { assessment: HarmAssessment; evaluation: HarmEvaluation } {
  const parsed = parseAssessment(raw);
  if (!parsed.ok) {
    throw problem('validation-failed', undefined, fromDomainProblems(parsed.problems));
  }
  const implausible = newInput ? implausibleLabs(parsed.value) : [];
  if (implausible.length > 0) {
    throw problem(
      'validation-failed',
      implausible.map((p) => p.text).join(' '),
      fromDomainProblems(implausible),
    );
  }
  const evaluated = evaluateHarm(parsed.value, pack);
  if (!evaluated.ok) {
    throw problem('validation-failed', undefined, fromDomainProblems(evaluated.problems));
  }
  return { assessment: parsed.value, evaluation: evaluated.value };
}
