// Turns valid answers into a total, band, subscores, triage level and sentinel symptoms, per the definition's rule.
import { answerOf } from './answers.ts';
import type { Answers, Band, InstrumentDefinition, TriageLevel, TriageRule } from './types.ts';

function itemScore(answers: Answers, item: string): number {
  return answerOf(answers, item) ?? 0;
}

/** The total for a complete set of answers, or null when the rule has no total (triage, checklist). */
export function computeTotal(def: InstrumentDefinition, answers: Answers): number | null {
  const rule = def.scoring;
  switch (rule.kind) {
    case 'sum':
      return def.items
        .filter((item) => item.scored)
        .reduce((sum, item) => sum + itemScore(answers, item.number), 0);
    case 'domain-sum':
      return rule.domains.reduce((sum, domain) => {
        const scores = domain.items.map((item) => itemScore(answers, item));
        return sum + (domain.combine === 'max' ? Math.max(...scores) : scores.reduce((a, b) => a + b, 0));
      }, 0);
    case 'triage':
    case 'checklist':
      return null;
  }
}

/** The band whose inclusive range holds the total, or null when none does. */
export function findBand(bands: readonly Band[], total: number): Band | null {
  return bands.find((band) => total >= band.min && total <= band.max) ?? null;
}

const TRIAGE_ORDER: readonly TriageLevel[] = ['none', 'low', 'moderate', 'high'];

/** The highest triage level any answered item reaches; a lower bound when answers are missing. */
export function triageLevel(rules: readonly TriageRule[], answers: Answers): TriageLevel {
  let level: TriageLevel = 'none';
  for (const rule of rules) {
    const reached = rule.anyOf.some(
      (condition) => (answerOf(answers, condition.item) ?? -1) >= condition.atLeast,
    );
    if (reached && TRIAGE_ORDER.indexOf(rule.level) > TRIAGE_ORDER.indexOf(level)) level = rule.level;
  }
  return level;
}

function clusters(def: InstrumentDefinition): Map<string, string[]> {
  const byCluster = new Map<string, string[]>();
  for (const item of def.items) {
    if (item.cluster === undefined) continue;
    byCluster.set(item.cluster, [...(byCluster.get(item.cluster) ?? []), item.number]);
  }
  return byCluster;
}

function allAnswered(answers: Answers, items: readonly string[]): boolean {
  return items.every((item) => answerOf(answers, item) !== undefined);
}

/**
 * True when the answered items already satisfy the cluster rule. Endorsements only grow as answers are
 * added, so a rule met on partial answers stays met; "not met" is only final when all items are answered.
 */
export function clusterRuleMet(def: InstrumentDefinition, answers: Answers): boolean {
  const rule = def.clusterRule;
  if (rule === undefined) return false;
  const byCluster = clusters(def);
  return Object.entries(rule.minimumEndorsed).every(([cluster, minimum]) => {
    const endorsed = (byCluster.get(cluster) ?? []).filter(
      (item) => itemScore(answers, item) >= rule.endorsedAtLeast,
    );
    return endorsed.length >= minimum;
  });
}

/**
 * Domain and cluster subscores. A subscore is reported only when every item it needs is answered,
 * so a partial answer set never yields a silently low subscore.
 */
export function subscores(def: InstrumentDefinition, answers: Answers): Record<string, number> | undefined {
  const result: Record<string, number> = {};
  if (def.scoring.kind === 'domain-sum') {
    for (const domain of def.scoring.domains) {
      if (!allAnswered(answers, domain.items)) continue;
      const scores = domain.items.map((item) => itemScore(answers, item));
      result[domain.code] =
        domain.combine === 'max' ? Math.max(...scores) : scores.reduce((a, b) => a + b, 0);
    }
  }
  const rule = def.clusterRule;
  for (const [cluster, items] of clusters(def)) {
    if (!allAnswered(answers, items)) continue;
    result[`cluster-${cluster}-severity`] = items.reduce((sum, item) => sum + itemScore(answers, item), 0);
    if (rule !== undefined) {
      result[`cluster-${cluster}-endorsed`] = items.filter(
        (item) => itemScore(answers, item) >= rule.endorsedAtLeast,
      ).length;
    }
  }
  if (rule !== undefined) {
    const met = clusterRuleMet(def, answers);
    const everyItem = [...clusters(def).values()].flat();
    if (met || allAnswered(answers, everyItem)) result['cluster-rule-met'] = met ? 1 : 0;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Sentinel symptom codes of checklist items answered as present (score above 0), in published order. */
export function sentinelSymptoms(def: InstrumentDefinition, answers: Answers): string[] {
  return def.items.flatMap((item) =>
    item.sentinelCode !== undefined && itemScore(answers, item.number) > 0 ? [item.sentinelCode] : [],
  );
}
