// The FHIR types served for the treatment pathway: dosing sessions (Encounter), doses (MedicationRequest, MedicationAdministration, Medication), consents (Consent, DocumentReference, Binary).
import type { ResourceType } from '../resource-kit.ts';

export const TREATMENT_TYPES: readonly ResourceType[] = [];
