// A harm assessment (one version of it: a correction is a later version) as a FHIR RiskAssessment (pure).
import type { AssessmentVersionRow } from '../../store/fhir-harm.ts';
import type { RiskAssessment } from './harm-types.ts';
import { assessmentKind, levelOfNeed } from './harm-codes.ts';
import { instant, meta, prune, ref, text } from './common.ts';

/**
 * One version of an assessment, under the id of the first record in its correction chain. The original is
 * `final`; a correction is `corrected` (observation-status: modified after final to correct an error) and carries
 * its reason as a note. The proposed level of need is the prediction's outcome.
 */
export function toFhirRiskAssessment(row: AssessmentVersionRow): RiskAssessment {
  const reason = text(row.correction_reason);
  return prune({
    resourceType: 'RiskAssessment' as const,
    id: row.root_id,
    meta: meta(row.version, row.recorded_at),
    status: row.corrects ? ('corrected' as const) : ('final' as const),
    method: { text: row.content_version },
    code: assessmentKind('harm-level-of-need'),
    subject: ref('Patient', row.patient_id),
    occurrenceDateTime: instant(row.assessed_at),
    performer: { ...ref('Practitioner', row.recorded_by), display: row.recorded_by_name },
    prediction: [{ outcome: levelOfNeed(row.proposed_level, row.level_label) }],
    note: row.corrects ? [{ text: reason ?? 'Correction', time: instant(row.recorded_at) }] : undefined,
  });
}
