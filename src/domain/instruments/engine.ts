// The scoring engine: applies any instrument definition to a set of answers and returns a score result.
import { answeredOutsideSkipLogic, answerProblems, missingItems } from './answers.ts';
import { evaluateFlags } from './flags.ts';
import { computeTotal, findBand, sentinelSymptoms, subscores, triageLevel } from './totals.ts';
import type { Answers, Flag, InstrumentDefinition, ScoreOutcome, ScoreResult } from './types.ts';

/**
 * Scores `answers` with `def`. Invalid answers give `{ ok: false, problems }`. Missing required items give
 * `completeness: 'incomplete'` with `total: null` and `band: null`: no instrument here has a prorating rule
 * in the domain notes (clinic.md §4, harm.md §4), so a partial total is never reported.
 */
export function scoreAnswers(def: InstrumentDefinition, answers: Answers): ScoreOutcome {
  const problems = answerProblems(def, answers);
  if (problems.length > 0) return { ok: false, problems };

  const missing = missingItems(def, answers);
  const complete = missing.length === 0;
  const total = complete ? computeTotal(def, answers) : null;
  const band = total === null ? null : findBand(def.bands, total);
  const triage = def.scoring.kind === 'triage' ? triageLevel(def.scoring.rules, answers) : null;

  const flags: Flag[] = evaluateFlags(def, { answers, total, triage });
  for (const item of answeredOutsideSkipLogic(def, answers)) {
    flags.push({
      code: 'answered-outside-skip-logic',
      severity: 'info',
      text: `Item ${item} was answered although the published skip logic does not ask it; the answer was still used.`,
      item,
    });
  }

  const sub = subscores(def, answers);
  const result: ScoreResult = {
    instrumentId: def.id,
    instrumentVersion: def.version,
    total,
    band: band === null ? null : { code: band.code, label: band.label },
    flags,
    completeness: complete ? 'complete' : 'incomplete',
    missingItems: missing,
    ...(sub === undefined ? {} : { subscores: sub }),
    ...(def.scoring.kind === 'checklist' ? { sentinelSymptoms: sentinelSymptoms(def, answers) } : {}),
    // A triage level is reported only when missing answers cannot have understated it:
    // on complete answers, or when the answered items already reach the highest level.
    ...(triage !== null && (complete || triage === 'high') ? { triage } : {}),
  };
  return { ok: true, value: result };
}
