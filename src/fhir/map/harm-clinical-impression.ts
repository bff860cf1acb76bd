// A clinician's decision on a harm assessment, and a version of the shared formulation, as FHIR
// ClinicalImpressions (pure).
import type { DecisionRow, FormulationVersionRow } from '../../store/fhir-harm.ts';
import type { ClinicalImpression } from './harm-types.ts';
import { assessmentKind, levelOfNeed, OVERRIDE_EXTENSION } from './harm-codes.ts';
import { instant, meta, prune, ref, text } from './common.ts';

/** The id of a patient's formulation (one logical resource per patient, versioned). */
export const formulationId = (patientId: string): string => `${patientId}-formulation`;

/**
 * A decision: the confirmed level of need is the finding, the assessment it decided is the supporting
 * information, the reason is the summary, and whether the proposal was overridden is a local extension.
 */
export function decisionImpression(row: DecisionRow): ClinicalImpression {
  return prune({
    resourceType: 'ClinicalImpression' as const,
    id: row.id,
    meta: meta(1, row.decided_at),
    extension: [{ url: OVERRIDE_EXTENSION, valueBoolean: row.overridden }],
    status: 'completed' as const,
    code: assessmentKind('harm-level-of-need'),
    description: `Confirmed level of need ${row.confirmed_level} (proposed ${row.proposed_level}); review due ${row.review_due}`,
    subject: ref('Patient', row.patient_id),
    date: instant(row.decided_at),
    assessor: { ...ref('Practitioner', row.decided_by), display: row.decided_by_name },
    summary: text(row.reason),
    finding: [{ itemCodeableConcept: levelOfNeed(row.confirmed_level) }],
    supportingInfo: [ref('RiskAssessment', row.assessment_root_id)],
  });
}

const FORMULATION_PARTS = [
  ['presentingHarms', 'Presenting harms'],
  ['drivers', 'Drivers'],
  ['protectiveFactors', 'Protective factors'],
  ['goals', 'Goals'],
] as const;

/** One version of the shared formulation: its four texts, each a labelled note, and together the summary. */
export function formulationImpression(row: FormulationVersionRow): ClinicalImpression {
  const parts = FORMULATION_PARTS.flatMap(([key, label]) => {
    const value = text(row.content[key]);
    return value ? [`${label}: ${value}`] : [];
  });
  return prune({
    resourceType: 'ClinicalImpression' as const,
    id: formulationId(row.patient_id),
    meta: meta(row.version, row.recorded_at),
    status: 'completed' as const,
    description: 'Shared formulation',
    subject: ref('Patient', row.patient_id),
    date: instant(row.recorded_at),
    assessor: { ...ref('Practitioner', row.recorded_by), display: row.recorded_by_name },
    summary: parts.join('\n\n'),
    note: parts.map((t) => ({ text: t })),
  });
}
