// Pre-filling a new assessment from the chart (GET /patients/:id/harm-assessments/prefill), and the notes that say so.
import type { HarmPrefill, PrefillField, PrefillSource } from '../../../src/domain/harm/index.ts';
import { formatDate } from '../ui/format.ts';
import type { AssessmentDraft } from './assessment-draft.ts';

const INSTRUMENT_NAMES: Readonly<Record<PrefillSource['instrumentId'], string>> = {
  'phq-9': 'PHQ-9',
  sds: 'SDS',
};

/**
 * The draft with the chart's values put into fields that are still empty; what the clinician already entered
 * (or a saved draft) is never overwritten. Every value stays editable.
 */
export function applyPrefill(draft: AssessmentDraft, prefill: HarmPrefill): AssessmentDraft {
  const { phq9Total, sdsTotal } = prefill.measures;
  const suicidal = prefill.symptoms.includes('suicidal-ideation');
  return {
    ...draft,
    phq9Total: draft.phq9Total === '' && phq9Total !== undefined ? String(phq9Total) : draft.phq9Total,
    sdsTotal: draft.sdsTotal === '' && sdsTotal !== undefined ? String(sdsTotal) : draft.sdsTotal,
    symptoms:
      suicidal && draft.symptoms['suicidal-ideation'] === undefined
        ? { ...draft.symptoms, 'suicidal-ideation': { onset: '', weeks: '' } }
        : draft.symptoms,
  };
}

/**
 * "Pre-filled from PHQ-9 on 20 Nov 2026" while the field still holds the chart's value; null once it was
 * changed (or cleared), so the note never vouches for a value the clinician typed.
 */
export function prefillNote(
  field: PrefillField,
  draft: AssessmentDraft,
  prefill: HarmPrefill | null,
): string | null {
  const source = prefill?.sources.find((s) => s.field === field);
  if (!source) return null;
  const stillThere =
    field === 'measures.phq9Total'
      ? draft.phq9Total.trim() === String(source.value)
      : field === 'measures.sdsTotal'
        ? draft.sdsTotal.trim() === String(source.value)
        : draft.symptoms['suicidal-ideation'] !== undefined;
  if (!stillThere) return null;
  const what = field === 'symptoms.suicidal-ideation' ? ` (item 9 scored ${source.value})` : '';
  return `Pre-filled from ${INSTRUMENT_NAMES[source.instrumentId]} on ${formatDate(source.completedAt)}${what}`;
}
