// Turns valid answers into a total, band, subscores, triage level and sentinel symptoms, per the definition's rule.
import { answerOf, coveredByOneOfGroup } from './answers.ts';
import type { Answers, Band, InstrumentDefinition, ProratedTotal, TriageLevel, TriageRule } from './types.ts';

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

/**
 * The prorated total when the definition has a prorating rule, its scoring is a plain sum, at least one and
 * at most `maxMissing` scored items are missing: each missing item takes the mean of the answered ones
 * (NHS Data Dictionary rule for PHQ-9), and the exact total is rounded half up. Otherwise null.
 */
export function proratedTotal(
  def: InstrumentDefinition,
  answers: Answers,
  missing: readonly string[],
): { total: number; prorated: ProratedTotal } | null {
  const rule = def.prorating;
  if (rule === undefined || def.scoring.kind !== 'sum') return null;
  if (missing.length === 0 || missing.length > rule.maxMissing) return null;
  const answered = def.items.filter((item) => item.scored && answerOf(answers, item.number) !== undefined);
  if (answered.length === 0) return null;
  const answeredSum = answered.reduce((sum, item) => sum + itemScore(answers, item.number), 0);
  const scoredCount = answered.length + missing.length;
  // sum × n / answered, rather than sum + k × mean, so that an exact half (e.g. 4 × 9 / 8 = 4.5) stays exact.
  const exactTotal = (answeredSum * scoredCount) / answered.length;
  return {
    // Half up: a half point never lowers the band (KASPR convention; the NHS rule states no rounding).
    total: Math.floor(exactTotal + 0.5),
    prorated: {
      missingItems: [...missing],
      answeredSum,
      substitutedMean: answeredSum / answered.length,
      exactTotal,
      rounding: rule.rounding,
      source: rule.source,
    },
  };
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

/** Every item answered, or left blank as the other choice of a one-of group that is answered. */
function domainAnswered(def: InstrumentDefinition, answers: Answers, items: readonly string[]): boolean {
  return items.every(
    (item) => answerOf(answers, item) !== undefined || coveredByOneOfGroup(def, item, answers),
  );
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
      if (!domainAnswered(def, answers, domain.items)) continue;
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
