// Generated (not real) harm-pathway records for the FHIR mapper tests (test support only).
import { eligibilityFlags } from '../../domain/treatment/eligibility-flags.ts';
import type {
  AppointmentEventRow,
  AppointmentRow,
  InboundReferralRow,
  OnwardReferralRow,
} from '../../store/fhir-harm-contacts.ts';
import type {
  AlertRow,
  AssessmentVersionRow,
  CarePlanVersionRow,
  DecisionRow,
  EligibilityRow,
  FormulationVersionRow,
  TaskRow,
} from '../../store/fhir-harm.ts';
import { PATIENT_ID, SERVICE_ID, USER_ID } from './test-fixtures.ts';

export const PLAN_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
export const ASSESSMENT_ID = '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b';
export const CORRECTION_ID = '7f6e5d4c-3b2a-4f1e-8d9c-8b7a6f5e4d3c';
export const DECISION_ID = '8a7f6e5d-4c3b-4a2f-9e1d-9c8b7a6f5e4d';
export const ALERT_ID = '9b8a7f6e-5d4c-4b3a-8f2e-0d9c8b7a6f5e';
export const TASK_ID = 'ac9b8a7f-6e5d-4c4b-9a3f-1e0d9c8b7a6f';
export const KEY_WORKER_ID = 'bd0c9b8a-7f6e-4d5c-8b4a-2f1e0d9c8b7a';

export function carePlanVersion(over: Partial<CarePlanVersionRow> = {}): CarePlanVersionRow {
  return {
    plan_id: PLAN_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    version: 2,
    plan: {
      interventions: [
        {
          interventionId: 'urgent-medical-review',
          deliveryMode: 'one-to-one',
          ownerId: USER_ID,
          dueDate: '2026-06-01',
          note: 'Bladder scan booked',
        },
        { interventionId: 'harm-reduction-advice', deliveryMode: 'one-to-one' },
      ],
      goals: ['Cut down to weekends only', 'Attend the urology appointment'],
      keyWorkerId: KEY_WORKER_ID,
    },
    review_due: '2026-08-14',
    decision_id: DECISION_ID,
    reason: 'Level rose after re-assessment',
    started_at: new Date('2026-04-02T10:00:00.000Z'),
    recorded_at: new Date('2026-05-14T11:20:00.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    ...over,
  };
}

export function assessmentVersion(over: Partial<AssessmentVersionRow> = {}): AssessmentVersionRow {
  return {
    id: ASSESSMENT_ID,
    root_id: ASSESSMENT_ID,
    version: 1,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    corrects: null,
    correction_reason: null,
    level_label: 'Brief or extended intervention with physical health monitoring',
    proposed_level: 2,
    content_version: 'kaspr-harm-default@1.0.0',
    assessed_at: new Date('2026-05-14T09:00:00.000Z'),
    recorded_at: new Date('2026-05-14T09:05:00.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    ...over,
  };
}

export function decisionRow(over: Partial<DecisionRow> = {}): DecisionRow {
  return {
    id: DECISION_ID,
    assessment_root_id: ASSESSMENT_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    proposed_level: 2,
    confirmed_level: 3,
    overridden: true,
    reason: 'Escalating pattern reported by family',
    review_due: '2026-08-14',
    decided_at: new Date('2026-05-14T09:30:00.000Z'),
    decided_by: USER_ID,
    decided_by_name: 'Dr Sam Adeyemi',
    ...over,
  };
}

export function formulationVersion(over: Partial<FormulationVersionRow> = {}): FormulationVersionRow {
  return {
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    version: 3,
    content: {
      presentingHarms: 'Urinary frequency',
      drivers: 'Exam stress',
      protectiveFactors: 'Supportive sister',
      goals: 'Finish the degree',
    },
    recorded_at: new Date('2026-05-20T15:00:00.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    ...over,
  };
}

export function alertRow(over: Partial<AlertRow> = {}): AlertRow {
  return {
    id: ALERT_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    code: 'harm-level-rose',
    severity: 'high',
    text: 'Level of need rose from 2 to 4',
    source_type: 'HarmAssessment',
    source_id: ASSESSMENT_ID,
    created_at: new Date('2026-05-14T09:05:00.000Z'),
    acknowledged_at: null,
    acknowledged_by: null,
    ...over,
  };
}

export function taskRow(over: Partial<TaskRow> = {}): TaskRow {
  return {
    id: TASK_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    assigned_to: USER_ID,
    assigned_to_name: 'Dr Sam Adeyemi',
    title: 'Review rising level of need',
    detail: 'Call the patient this week',
    priority: 'high',
    source_type: 'Alert',
    source_id: ALERT_ID,
    created_at: new Date('2026-05-14T09:05:00.000Z'),
    completed_at: null,
    note: null,
    ...over,
  };
}

export const APPOINTMENT_ID = 'ce1d0c9b-8a7f-4e6d-9c5b-3a2f1e0d9c8b';

export function appointmentRow(over: Partial<AppointmentRow> = {}): AppointmentRow {
  return {
    id: APPOINTMENT_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    practitioner_id: USER_ID,
    practitioner_name: 'Dr Sam Adeyemi',
    contact_type: 'face-to-face',
    duration_minutes: 45,
    note: 'Bring the diary',
    booked_at: new Date('2026-05-10T08:00:00.000Z'),
    ...over,
  };
}

export function appointmentEvent(over: Partial<AppointmentEventRow> = {}): AppointmentEventRow {
  return {
    appointment_id: APPOINTMENT_ID,
    status: 'booked',
    starts_at: new Date('2026-05-20T10:00:00.000Z'),
    reason: null,
    recorded_at: new Date('2026-05-10T08:00:00.000Z'),
    ...over,
  };
}

export const REFERRAL_ID = 'df2e1d0c-9b8a-4f7e-8d6c-4b3a2f1e0d9c';

export function onwardReferralRow(over: Partial<OnwardReferralRow> = {}): OnwardReferralRow {
  return {
    id: REFERRAL_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    decision_id: DECISION_ID,
    destination: 'urology',
    confirmed_level: 3,
    decided_on: '2026-05-14',
    target_days: 28,
    reason: 'Persistent haematuria',
    recorded_at: new Date('2026-05-14T10:00:00.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    outcome: null,
    outcome_on: null,
    outcome_note: null,
    outcome_at: null,
    ...over,
  };
}

export function inboundReferralRow(over: Partial<InboundReferralRow> = {}): InboundReferralRow {
  return {
    id: REFERRAL_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    indication: 'treatment-resistant-depression',
    indication_other: null,
    referrer: 'Dr Priya Menon (GP)',
    received_on: '2026-04-01',
    recorded_at: new Date('2026-04-02T09:00:00.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    eligibility_at: null,
    ...over,
  };
}

export const ELIGIBILITY_ID = 'e03f2e1d-0c9b-4a8f-9e7d-5c4b3a2f1e0d';

export function eligibilityRow(over: Partial<EligibilityRow> = {}): EligibilityRow {
  return {
    id: ELIGIBILITY_ID,
    patient_id: PATIENT_ID,
    service_id: SERVICE_ID,
    route: 'iv-racemic',
    checklist: {
      contraindications: [
        {
          code: 'uncontrolled-hypertension',
          present: true,
          judgement: 'Controlled on amlodipine since March',
        },
        { code: 'active-psychosis', present: false, judgement: 'None on history' },
      ],
    },
    flags: eligibilityFlags(['Sertraline'], ['uncontrolled-hypertension'], 'iv-racemic', 'not-applicable'),
    decision: 'eligible',
    note: 'Recheck BP at each session',
    signed_at: new Date('2026-04-10T15:00:00.000Z'),
    signed_by: USER_ID,
    signed_by_name: 'Dr Sam Adeyemi',
    ...over,
  };
}
