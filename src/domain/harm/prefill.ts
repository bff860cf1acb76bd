// What the chart already knows that a new harm assessment should start from: the latest PHQ-9 and SDS results.
import type { SymptomCode } from './codes.ts';

/** One saved questionnaire response, as much of it as the pre-fill reads. */
export interface ChartResponse {
  readonly responseId: string;
  readonly instrumentId: string;
  /** 'YYYY-MM-DD' (or a full ISO date-time) when it was completed. */
  readonly completedAt: string;
  readonly total: number | null;
  /** Answers keyed by item number as a string ("1" … "N"), null when skipped. */
  readonly answers: Readonly<Record<string, number | null>>;
}

/** Which assessment field a pre-filled value went into. */
export type PrefillField = 'measures.phq9Total' | 'measures.sdsTotal' | 'symptoms.suicidal-ideation';

/** Where a pre-filled value came from, so the form can say "from PHQ-9 on <date>". */
export interface PrefillSource {
  readonly field: PrefillField;
  readonly instrumentId: 'phq-9' | 'sds';
  readonly responseId: string;
  readonly completedAt: string;
  /** The value carried over (a total, or the item-9 answer for suicidal thoughts). */
  readonly value: number;
}

/** Values to start a new assessment from; every one is editable and carries its source. */
export interface HarmPrefill {
  readonly measures: { readonly phq9Total?: number; readonly sdsTotal?: number };
  readonly symptoms: readonly SymptomCode[];
  readonly sources: readonly PrefillSource[];
}

const PHQ9 = 'phq-9';
const SDS = 'sds';
// PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting yourself"): any answer above 0 is
// flagged for safety review (clinic.md §4 [U convention]); here it pre-ticks "suicidal thoughts", which the
// default pack reads as a level-4 red flag (harm.md §2.6).
const PHQ9_SUICIDE_ITEM = '9';

function newestFirst(responses: readonly ChartResponse[], instrumentId: string): ChartResponse[] {
  return responses
    .filter((r) => r.instrumentId === instrumentId)
    .sort((a, b) => (a.completedAt < b.completedAt ? 1 : a.completedAt > b.completedAt ? -1 : 0));
}

/**
 * The pre-fill from a patient's questionnaire responses: the latest PHQ-9 total, the latest SDS total, and
 * "suicidal thoughts" when the latest PHQ-9 that answered item 9 scored it above 0. Pure: the caller loads
 * the responses; nothing is decided here, the clinician sees each value's source and may change it.
 */
export function harmPrefill(responses: readonly ChartResponse[]): HarmPrefill {
  const sources: PrefillSource[] = [];
  const measures: { phq9Total?: number; sdsTotal?: number } = {};
  const symptoms: SymptomCode[] = [];
  const phq9 = newestFirst(responses, PHQ9);
  const phq9Total = phq9.find((r) => r.total !== null);
  if (phq9Total?.total != null) {
    measures.phq9Total = phq9Total.total;
    sources.push(source('measures.phq9Total', PHQ9, phq9Total, phq9Total.total));
  }
  const item9 = phq9.find((r) => typeof r.answers[PHQ9_SUICIDE_ITEM] === 'number');
  const item9Score = item9?.answers[PHQ9_SUICIDE_ITEM];
  if (item9 !== undefined && typeof item9Score === 'number' && item9Score > 0) {
    symptoms.push('suicidal-ideation');
    sources.push(source('symptoms.suicidal-ideation', PHQ9, item9, item9Score));
  }
  const sds = newestFirst(responses, SDS).find((r) => r.total !== null);
  if (sds?.total != null) {
    measures.sdsTotal = sds.total;
    sources.push(source('measures.sdsTotal', SDS, sds, sds.total));
  }
  return { measures, symptoms, sources };
}

function source(
  field: PrefillField,
  instrumentId: 'phq-9' | 'sds',
  r: ChartResponse,
  value: number,
): PrefillSource {
  return { field, instrumentId, responseId: r.responseId, completedAt: r.completedAt, value };
}
