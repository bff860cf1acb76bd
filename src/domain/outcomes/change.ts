// Outcomes: change from baseline in days used, SDS, PHQ-9 and urinary symptoms, and PHQ-9 response and remission.
import { phq9 } from '../instruments/phq-9.ts';
import { assessResponse } from '../instruments/response.ts';
import { byDate, type IsoDate } from '../core/calendar.ts';
import { proportionOf, type Proportion, type Summary } from './results.ts';
import type { AssessmentRow, EpisodeRow } from './rows.ts';
import { mean, summarise } from './statistics.ts';

/** An outcome recorded on assessments. */
export type OutcomeField = 'daysUsedLast28' | 'sdsTotal' | 'phq9Total' | 'urinarySymptomCount';

/** One person's first and latest recorded value of an outcome. */
export interface BaselineAndLatest {
  readonly patientId: string;
  readonly baseline: number;
  readonly latest: number;
}

/** Change from baseline across people; negative means improvement for every field here. */
export interface ChangeFromBaseline {
  readonly change: Summary;
  readonly baselineMean: number | null;
  readonly latestMean: number | null;
  /** People with a baseline but no later value, so left out of the change. */
  readonly withoutFollowUp: number;
}

/** The values of `field` a person has recorded, earliest first; blanks are skipped. */
function recordedValues(episode: EpisodeRow, field: OutcomeField): number[] {
  const dated: { on: IsoDate; value: number | null | undefined }[] = episode.assessments.map(
    (a: AssessmentRow) => ({ on: a.on, value: a[field] }),
  );
  // Urinary checklists are often filled in apart from an assessment; each one is a value of its own.
  if (field === 'urinarySymptomCount') {
    for (const c of episode.urinaryChecklists ?? []) dated.push({ on: c.on, value: c.presentCount });
  }
  return byDate(dated, (x) => x.on)
    .map((x) => x.value)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Each person's baseline (the earliest assessment recording `field`) and latest (the last later assessment
 * recording it); people with no later value are left out.
 */
export function baselineAndLatest(episodes: readonly EpisodeRow[], field: OutcomeField): BaselineAndLatest[] {
  return episodes.flatMap((episode) => {
    const values = recordedValues(episode, field);
    const baseline = values[0];
    const latest = values[values.length - 1];
    return values.length < 2 || baseline === undefined || latest === undefined
      ? []
      : [{ patientId: episode.patientId, baseline, latest }];
  });
}

/** Measures `change-days-used`, `change-sds`, `change-phq9` and `change-urinary-symptoms`: latest − baseline. */
export function changeFromBaseline(episodes: readonly EpisodeRow[], field: OutcomeField): ChangeFromBaseline {
  const withBaseline = episodes.filter((e) => recordedValues(e, field).length > 0).length;
  return changeOfPairs(baselineAndLatest(episodes, field), withBaseline);
}

/** A baseline and a later value (one person's), without who they belong to. */
export type ValuePair = Pick<BaselineAndLatest, 'baseline' | 'latest'>;

/**
 * `changeFromBaseline` from each person's baseline and latest value, and how many people have a baseline at all
 * (with or without a later value); for callers that worked the pairs out elsewhere (in SQL).
 */
export function changeOfPairs(pairs: readonly ValuePair[], withBaseline: number): ChangeFromBaseline {
  return {
    change: summarise(
      pairs.map((p) => p.latest - p.baseline),
      'people with a baseline and a later value',
    ),
    baselineMean: pairs.length === 0 ? null : mean(pairs.map((p) => p.baseline)),
    latestMean: pairs.length === 0 ? null : mean(pairs.map((p) => p.latest)),
    withoutFollowUp: withBaseline - pairs.length,
  };
}

/** PHQ-9 response and remission rates. */
export interface Phq9ResponseRemission {
  readonly response: Proportion;
  readonly remission: Proportion;
}

/**
 * Measures `phq9-response` and `phq9-remission`, using the PHQ-9 definition's own rules (clinic.md §4).
 * Remission counts only people not already in remission at baseline, so a person who never had depressive
 * symptoms cannot raise the rate.
 */
export function phq9ResponseAndRemission(episodes: readonly EpisodeRow[]): Phq9ResponseRemission {
  return phq9OfPairs(baselineAndLatest(episodes, 'phq9Total'));
}

/** `phq9ResponseAndRemission` from each person's baseline and latest PHQ-9 total. */
export function phq9OfPairs(pairs: readonly ValuePair[]): Phq9ResponseRemission {
  const assessed = pairs.map((p) => ({
    atBaseline: assessResponse(p.baseline, p.baseline, phq9),
    now: assessResponse(p.baseline, p.latest, phq9),
  }));
  const responders = assessed.filter((p) => p.now.response !== null);
  const notRemittedAtStart = assessed.filter((p) => p.atBaseline.remission === false);
  return {
    response: proportionOf(
      responders.filter((p) => p.now.response === true).length,
      responders.length,
      'people with a baseline PHQ-9 above 0 and a later PHQ-9',
    ),
    remission: proportionOf(
      notRemittedAtStart.filter((p) => p.now.remission === true).length,
      notRemittedAtStart.length,
      'people not in remission at baseline with a later PHQ-9',
    ),
  };
}
