// FHIR R4 shapes for the treatment pathway (only the elements the treatment mappers write): Encounter,
// MedicationRequest, MedicationAdministration, Medication, Consent, DocumentReference and Binary.
import type { CodeableConcept, FhirResource, Identifier, Period, Quantity, Reference } from '../types.ts';

export interface Coded {
  system: string;
  code: string;
  display?: string;
}

export interface Encounter extends FhirResource {
  resourceType: 'Encounter';
  status: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled';
  class: Coded;
  type?: CodeableConcept[];
  subject?: Reference;
  participant?: { individual?: Reference }[];
  period?: Period;
  length?: Quantity;
  hospitalization?: { dischargeDisposition?: CodeableConcept };
  serviceProvider?: Reference;
  partOf?: Reference;
}

export interface Ratio {
  numerator?: Quantity;
  denominator?: Quantity;
}

export interface Medication extends FhirResource {
  resourceType: 'Medication';
  identifier?: Identifier[];
  code?: CodeableConcept;
  status?: 'active' | 'inactive' | 'entered-in-error';
  form?: CodeableConcept;
  ingredient?: { itemCodeableConcept: CodeableConcept; isActive?: boolean; strength?: Ratio }[];
  batch?: { lotNumber?: string; expirationDate?: string };
}

export interface Dosage {
  text?: string;
  route?: CodeableConcept;
  doseAndRate?: { doseQuantity?: Quantity; rateQuantity?: Quantity }[];
}

export interface MedicationRequest extends FhirResource {
  resourceType: 'MedicationRequest';
  status:
    'active' | 'on-hold' | 'cancelled' | 'completed' | 'entered-in-error' | 'stopped' | 'draft' | 'unknown';
  intent: 'proposal' | 'plan' | 'order' | 'original-order';
  medicationReference: Reference;
  subject: Reference;
  encounter?: Reference;
  authoredOn?: string;
  requester?: Reference;
  note?: { text: string }[];
  dosageInstruction?: Dosage[];
}

export interface MedicationAdministration extends FhirResource {
  resourceType: 'MedicationAdministration';
  status: 'in-progress' | 'not-done' | 'on-hold' | 'completed' | 'entered-in-error' | 'stopped' | 'unknown';
  medicationReference: Reference;
  subject: Reference;
  context?: Reference;
  effectivePeriod: Period;
  performer?: { actor: Reference }[];
  request?: Reference;
  note?: { text: string }[];
  dosage?: {
    text?: string;
    route?: CodeableConcept;
    dose?: Quantity;
    rateQuantity?: Quantity;
  };
}

export interface Consent extends FhirResource {
  resourceType: 'Consent';
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime?: string;
  performer?: Reference[];
  organization?: Reference[];
  sourceReference?: Reference;
  policy?: { authority?: string; uri?: string }[];
  verification?: { verified: boolean; verifiedWith?: Reference; verificationDate?: string }[];
  provision?: { type?: 'deny' | 'permit'; period?: Period };
}

export interface Attachment {
  contentType?: string;
  url?: string;
  size?: number;
  hash?: string;
  title?: string;
  creation?: string;
}

export interface DocumentReference extends FhirResource {
  resourceType: 'DocumentReference';
  status: 'current' | 'superseded' | 'entered-in-error';
  type?: CodeableConcept;
  category?: CodeableConcept[];
  subject?: Reference;
  date?: string;
  author?: Reference[];
  custodian?: Reference;
  description?: string;
  content: { attachment: Attachment }[];
  context?: { related?: Reference[] };
}

export interface Binary extends FhirResource {
  resourceType: 'Binary';
  contentType: string;
  securityContext?: Reference;
  data?: string;
}
