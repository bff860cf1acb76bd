// The local codes the harm-pathway resources carry (K = https://kaspr.example/fhir, ../shared/domain/fhir.md §1.2).
import type { CodeableConcept } from '../types.ts';
import { KASPR_BASE } from './common.ts';

export const LEVEL_OF_NEED_SYSTEM = `${KASPR_BASE}/CodeSystem/level-of-need`;
export const ASSESSMENT_SYSTEM = `${KASPR_BASE}/CodeSystem/assessment`;
export const INTERVENTION_SYSTEM = `${KASPR_BASE}/CodeSystem/intervention`;
export const ALERT_SYSTEM = `${KASPR_BASE}/CodeSystem/alert`;
/** Marks a decision whose confirmed level differs from the proposed one (a local extension). */
export const OVERRIDE_EXTENSION = `${KASPR_BASE}/StructureDefinition/level-of-need-overridden`;

/** A level of need 1–4, with its label as text when known. */
export function levelOfNeed(level: number, label?: string): CodeableConcept {
  return {
    coding: [{ system: LEVEL_OF_NEED_SYSTEM, code: String(level) }],
    text: label?.trim() ? label.trim() : `Level ${level}`,
  };
}

/** The kind of assessment: `harm-level-of-need` or `treatment-eligibility`. */
export function assessmentKind(code: 'harm-level-of-need' | 'treatment-eligibility'): CodeableConcept {
  return { coding: [{ system: ASSESSMENT_SYSTEM, code }] };
}
