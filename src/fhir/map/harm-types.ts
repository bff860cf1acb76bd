// FHIR R4 shapes for the harm pathway (only the elements its mappers write): CarePlan, Goal, RiskAssessment,
// ClinicalImpression, Flag and Task.
import type { CodeableConcept, FhirResource, ObservationStatus, Period, Reference } from '../types.ts';

export interface Annotation {
  text: string;
  time?: string;
  authorReference?: Reference;
}

export interface BooleanExtension {
  url: string;
  valueBoolean: boolean;
}

export type CarePlanActivityStatus =
  | 'not-started'
  | 'scheduled'
  | 'in-progress'
  | 'on-hold'
  | 'completed'
  | 'cancelled'
  | 'stopped'
  | 'unknown'
  | 'entered-in-error';

export interface CarePlanActivity {
  detail: {
    code?: CodeableConcept;
    status: CarePlanActivityStatus;
    scheduledPeriod?: Period;
    performer?: Reference[];
    description?: string;
  };
}

export interface CarePlan extends FhirResource {
  resourceType: 'CarePlan';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'order' | 'option';
  title?: string;
  subject: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  contributor?: Reference[];
  supportingInfo?: Reference[];
  goal?: Reference[];
  activity?: CarePlanActivity[];
  note?: Annotation[];
}

export interface Goal extends FhirResource {
  resourceType: 'Goal';
  lifecycleStatus: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled';
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  expressedBy?: Reference;
}

/** RiskAssessment.status shares Observation's value set (http://hl7.org/fhir/observation-status). */
export type ObservationLikeStatus = ObservationStatus;

export interface RiskAssessment extends FhirResource {
  resourceType: 'RiskAssessment';
  status: ObservationLikeStatus;
  method?: CodeableConcept;
  code?: CodeableConcept;
  subject: Reference;
  occurrenceDateTime?: string;
  performer?: Reference;
  basis?: Reference[];
  prediction?: { outcome?: CodeableConcept; qualitativeRisk?: CodeableConcept }[];
  note?: Annotation[];
}

export interface ClinicalImpression extends FhirResource {
  resourceType: 'ClinicalImpression';
  extension?: BooleanExtension[];
  status: 'in-progress' | 'completed' | 'entered-in-error';
  code?: CodeableConcept;
  description?: string;
  subject: Reference;
  effectiveDateTime?: string;
  date?: string;
  assessor?: Reference;
  summary?: string;
  finding?: { itemCodeableConcept?: CodeableConcept; itemReference?: Reference; basis?: string }[];
  supportingInfo?: Reference[];
  note?: Annotation[];
}

export interface Flag extends FhirResource {
  resourceType: 'Flag';
  status: 'active' | 'inactive' | 'entered-in-error';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  period?: Period;
  encounter?: Reference;
  author?: Reference;
}

export type TaskStatus =
  | 'draft'
  | 'requested'
  | 'received'
  | 'accepted'
  | 'rejected'
  | 'ready'
  | 'cancelled'
  | 'in-progress'
  | 'on-hold'
  | 'failed'
  | 'completed'
  | 'entered-in-error';

export interface Task extends FhirResource {
  resourceType: 'Task';
  status: TaskStatus;
  intent: 'order';
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  code?: CodeableConcept;
  description?: string;
  focus?: Reference;
  for: Reference;
  authoredOn?: string;
  lastModified?: string;
  owner?: Reference;
  executionPeriod?: Period;
  note?: Annotation[];
}

export type AppointmentStatus =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export interface Appointment extends FhirResource {
  resourceType: 'Appointment';
  status: AppointmentStatus;
  cancelationReason?: CodeableConcept;
  serviceType?: CodeableConcept[];
  start?: string;
  end?: string;
  minutesDuration?: number;
  created?: string;
  comment?: string;
  participant: { actor?: Reference; required?: 'required'; status: 'accepted' }[];
}

export interface ServiceRequest extends FhirResource {
  resourceType: 'ServiceRequest';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'order';
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject: Reference;
  occurrencePeriod?: Period;
  authoredOn?: string;
  requester?: Reference;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  note?: Annotation[];
}
