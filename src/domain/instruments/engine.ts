// The scoring engine: applies any instrument definition to a set of answers and returns a score result.
import { answeredOutsideSkipLogic, answerProblems, missingItems } from './answers.ts';
import { evaluateFlags } from './flags.ts';
import { computeTotal, findBand, proratedTotal, sentinelSymptoms, subscores, triageLevel } from './totals.ts';
import type { Answers, Flag, InstrumentDefinition, ScoreOutcome, ScoreResult } from './types.ts';

/**
 * Scores `answers` with `def`. Invalid answers give `{ ok: false, problems }`. Missing required items give
 * `completeness: 'incomplete'` with `total: null` and `band: null`, unless the definition carries a published
 * prorating rule that covers that many missing items (PHQ-9: one or two); then the total is prorated, marked
 * with `prorated`, and the missing items are still listed. Item-level safety flags fire on whatever was
 * answered (and on a skipped safety item), so prorating never hides them.
 */
export function scoreAnswers(def: InstrumentDefinition, answers: Answers): ScoreOutcome {
  const problems = answerProblems(def, answers);
  if (problems.length > 0) return { ok: false, problems };

  const missing = missingItems(def, answers);
  const prorated = proratedTotal(def, answers, missing);
  const complete = missing.length === 0 || prorated !== null;
  const total = prorated !== null ? prorated.total : complete ? computeTotal(def, answers) : null;
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
    ...(prorated === null ? {} : { prorated: prorated.prorated }),
    ...(sub === undefined ? {} : { subscores: sub }),
    ...(def.scoring.kind === 'checklist' ? { sentinelSymptoms: sentinelSymptoms(def, answers) } : {}),
    // A triage level is reported only when missing answers cannot have understated it:
    // on complete answers, or when the answered items already reach the highest level.
    ...(triage !== null && (complete || triage === 'high') ? { triage } : {}),
  };
  return { ok: true, value: result };
}
