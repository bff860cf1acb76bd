// The interventions a care plan starts from once a clinician has decided the level of need.
import type { HarmEvaluation } from './evaluation.ts';
import type { LevelNumber, ValidContentPack } from './pack-types.ts';

/**
 * Intervention ids to pre-fill the care plan with after a decision. Accepted as proposed: the proposal's own
 * interventions. Overridden: the CONFIRMED level's interventions (journey review 2026-12 defect 11: an override
 * from 3 to 2 must not offer level-3 structured treatment), plus what triggered rules at or below the confirmed
 * level bring in, plus what red-flag rules bring in whatever the level (the red flag is still recorded, so its
 * referral stays suggested; the clinician may remove it). `pack` is the pack the evaluation was made with.
 */
export function planInterventionsFor(
  evaluation: Pick<HarmEvaluation, 'level' | 'reasons' | 'interventions'>,
  confirmedLevel: LevelNumber,
  pack: Pick<ValidContentPack, 'levels' | 'rules' | 'interventions'>,
): string[] {
  if (confirmedLevel === evaluation.level) return evaluation.interventions.map((i) => i.id);
  const ids: string[] = [...(pack.levels.find((l) => l.level === confirmedLevel)?.interventions ?? [])];
  for (const reason of evaluation.reasons) {
    if (reason.level > confirmedLevel && reason.redFlag === undefined) continue;
    const rule = pack.rules.find((r) => r.id === reason.ruleId);
    for (const id of rule?.interventions ?? []) if (!ids.includes(id)) ids.push(id);
  }
  const known = new Set(pack.interventions.map((i) => i.id));
  return ids.filter((id) => known.has(id));
}
