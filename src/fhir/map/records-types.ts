// FHIR R4 shapes for the patient record's lists and history: AllergyIntolerance, MedicationStatement,
// PractitionerRole, Provenance and AuditEvent (only the elements KASPR writes).
import type { CodeableConcept, Coding, FhirResource, Identifier, Reference } from '../types.ts';

export interface AllergyIntoleranceReaction {
  manifestation: CodeableConcept[];
  severity?: 'mild' | 'moderate' | 'severe';
}

export interface AllergyIntolerance extends FhirResource {
  resourceType: 'AllergyIntolerance';
  clinicalStatus?: CodeableConcept;
  code?: CodeableConcept;
  patient: Reference;
  recordedDate?: string;
  recorder?: Reference;
  reaction?: AllergyIntoleranceReaction[];
}

export interface Dosage {
  text?: string;
  route?: CodeableConcept;
}

export interface MedicationStatement extends FhirResource {
  resourceType: 'MedicationStatement';
  status:
    | 'active'
    | 'completed'
    | 'entered-in-error'
    | 'intended'
    | 'stopped'
    | 'on-hold'
    | 'unknown'
    | 'not-taken';
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  dateAsserted?: string;
  informationSource?: Reference;
  dosage?: Dosage[];
}

export interface PractitionerRole extends FhirResource {
  resourceType: 'PractitionerRole';
  identifier?: Identifier[];
  active?: boolean;
  practitioner?: Reference;
  organization?: Reference;
  code?: CodeableConcept[];
}

export interface ProvenanceAgent {
  type?: CodeableConcept;
  who: Reference;
}

export interface Provenance extends FhirResource {
  resourceType: 'Provenance';
  target: Reference[];
  recorded: string;
  activity?: CodeableConcept;
  reason?: CodeableConcept[];
  agent: ProvenanceAgent[];
}

export interface AuditEventAgent {
  who?: Reference;
  requestor: boolean;
  network?: { address: string; type: '1' | '2' | '3' | '4' | '5' };
}

export interface AuditEventEntity {
  what?: Reference;
  name?: string;
}

export interface AuditEvent extends FhirResource {
  resourceType: 'AuditEvent';
  type: Coding;
  subtype?: Coding[];
  action?: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  outcome?: '0' | '4' | '8' | '12';
  outcomeDesc?: string;
  purposeOfEvent?: CodeableConcept[];
  agent: AuditEventAgent[];
  source: { site?: string; observer: Reference };
  entity?: AuditEventEntity[];
}
