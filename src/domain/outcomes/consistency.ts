// Consistency of decisions: override rates per practitioner and team, and spread of levels for comparable cases.
import type { LevelNumber } from '../harm/pack-types.ts';
import { groupBy, proportionOf, proportionOverPeople, type Grouped, type Proportion } from './results.ts';
import { allAssessments, type AssessmentInEpisode, type EpisodeRow } from './rows.ts';

/** Override rates overall, per practitioner (who confirmed) and per team. */
export interface OverrideRates {
  readonly overall: Proportion;
  readonly byPractitioner: readonly Grouped<Proportion>[];
  readonly byTeam: readonly Grouped<Proportion>[];
}

function overrideShare(rows: readonly AssessmentInEpisode[]): Proportion {
  const byPerson = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) {
    const part = byPerson.get(row.episode.patientId) ?? { numerator: 0, denominator: 0 };
    part.denominator += 1;
    if (row.assessment.overridden) part.numerator += 1;
    byPerson.set(row.episode.patientId, part);
  }
  return proportionOverPeople([...byPerson.values()], 'confirmed assessments');
}

/** Measure `override-rate`: assessments with a recorded override over assessments confirmed. */
export function overrideRates(episodes: readonly EpisodeRow[]): OverrideRates {
  const rows = allAssessments(episodes);
  return {
    overall: overrideShare(rows),
    byPractitioner: groupBy(rows, (row) => row.assessment.practitionerId, overrideShare),
    byTeam: groupBy(rows, (row) => row.episode.team, overrideShare),
  };
}

/** How confirmed levels spread for one proposed level (or pooled over all). */
export interface LevelSpread {
  readonly assessments: number;
  /** Assessments confirmed at each level, levels 1 to 4. */
  readonly confirmed: Readonly<Record<LevelNumber, number>>;
  readonly differingFromProposal: Proportion;
  /** Pairs of decisions by different practitioners that confirmed different levels. */
  readonly pairsDisagreeing: Proportion;
}

/** The spread for each proposed level, and pooled. */
export interface LevelSpreadReport {
  readonly byProposedLevel: Readonly<Record<LevelNumber, LevelSpread>>;
  readonly pooled: LevelSpread;
}

const choose2 = (n: number): number => (n * (n - 1)) / 2;

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): number[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts.values()];
}

// Pairs of the same practitioner are left out: the measure is about variation *between* practitioners.
function pairCounts(rows: readonly AssessmentInEpisode[]): { pairs: number; agreeing: number } {
  const sumPairs = (counts: number[]): number => counts.reduce((sum, n) => sum + choose2(n), 0);
  const byPractitioner = (row: AssessmentInEpisode): string => row.assessment.practitionerId;
  const byBoth = (row: AssessmentInEpisode): string =>
    `${row.assessment.confirmedLevel}\u0000${row.assessment.practitionerId}`;
  const pairs = choose2(rows.length) - sumPairs(countBy(rows, byPractitioner));
  const sameLevel = sumPairs(countBy(rows, (row) => String(row.assessment.confirmedLevel)));
  return { pairs, agreeing: sameLevel - sumPairs(countBy(rows, byBoth)) };
}

function spreadOf(
  rows: readonly AssessmentInEpisode[],
  groups: readonly (readonly AssessmentInEpisode[])[],
): LevelSpread {
  const at = (level: LevelNumber): number => rows.filter((r) => r.assessment.confirmedLevel === level).length;
  const differing = rows.filter((r) => r.assessment.confirmedLevel !== r.assessment.proposedLevel).length;
  const counts = groups.map(pairCounts);
  const pairs = counts.reduce((sum, c) => sum + c.pairs, 0);
  const agreeing = counts.reduce((sum, c) => sum + c.agreeing, 0);
  return {
    assessments: rows.length,
    confirmed: { 1: at(1), 2: at(2), 3: at(3), 4: at(4) },
    differingFromProposal: proportionOf(differing, rows.length, 'assessments with this proposal'),
    pairsDisagreeing: proportionOf(pairs - agreeing, pairs, 'pairs of decisions by different practitioners'),
  };
}

/**
 * Measure `level-spread`: presentations are comparable when the rules engine proposed the same level. Pooled
 * pairs are only ever formed within one proposed level, so the pooled index still compares like with like.
 */
export function levelSpread(episodes: readonly EpisodeRow[]): LevelSpreadReport {
  const rows = allAssessments(episodes);
  const proposed = (level: LevelNumber): AssessmentInEpisode[] =>
    rows.filter((r) => r.assessment.proposedLevel === level);
  const groups = [proposed(1), proposed(2), proposed(3), proposed(4)] as const;
  return {
    byProposedLevel: {
      1: spreadOf(groups[0], [groups[0]]),
      2: spreadOf(groups[1], [groups[1]]),
      3: spreadOf(groups[2], [groups[2]]),
      4: spreadOf(groups[3], [groups[3]]),
    },
    pooled: spreadOf(rows, groups),
  };
}
