// A clinician's decision on a harm assessment, a version of the shared formulation and a signed treatment
// eligibility, as FHIR ClinicalImpressions (pure).
import type { DecisionRow, EligibilityRow, FormulationVersionRow } from '../../store/fhir-harm.ts';
import type { ClinicalImpression } from './harm-types.ts';
import { assessmentKind, levelOfNeed, OVERRIDE_EXTENSION } from './harm-codes.ts';
import { instant, KASPR_BASE, meta, prune, ref, text } from './common.ts';
import { statusOf } from '../../domain/treatment/eligibility-answers.ts';

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

export const CONTRAINDICATION_SYSTEM = `${KASPR_BASE}/CodeSystem/contraindication`;

/**
 * A signed eligibility decision: each contraindication flag raised is a finding, its basis the prescriber's
 * judgement on it (or, when none was recorded, the flag's source), and so is each medication interaction flagged; every contraindication assessed is a note, so
 * the absent ones are on record too; the decision (and its note) is the summary.
 */
export function eligibilityImpression(row: EligibilityRow): ClinicalImpression {
  const assessed = row.checklist.contraindications ?? [];
  const judgement = (code: string) => text(assessed.find((c) => c.code === code)?.judgement);
  return prune({
    resourceType: 'ClinicalImpression' as const,
    id: row.id,
    meta: meta(1, row.signed_at),
    status: 'completed' as const,
    code: assessmentKind('treatment-eligibility'),
    description: `Treatment eligibility for ${row.route}`,
    subject: ref('Patient', row.patient_id),
    date: instant(row.signed_at),
    assessor: { ...ref('Practitioner', row.signed_by), display: row.signed_by_name },
    summary: [row.decision, text(row.note)].filter(Boolean).join(': '),
    finding: [
      ...row.flags.contraindications.flags.map((f) =>
        prune({
          itemCodeableConcept: prune({
            coding: [{ system: CONTRAINDICATION_SYSTEM, code: f.code }],
            text: text(f.label),
          }),
          basis: judgement(f.code) ?? text(f.source),
        }),
      ),
      ...row.flags.interactions.map((i) =>
        prune({
          itemCodeableConcept: { text: `Interaction: ${i.medication} (${i.classLabel})` },
          basis: text(i.text),
        }),
      ),
    ],
    note: assessed.map((c) => ({
      text: `${c.code}: ${statusOf(c)}${judgement(c.code) ? ` (${judgement(c.code) ?? ''})` : ''}`,
    })),
  });
}
