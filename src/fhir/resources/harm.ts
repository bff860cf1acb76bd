// The FHIR types served for the harm pathway: assessments (RiskAssessment), decisions, formulations and treatment
// eligibility (ClinicalImpression), care plans (CarePlan, Goal), alerts (Flag), tasks (Task), appointments
// (Appointment) and referrals (ServiceRequest).
import type { Queryable } from '../../store/db.ts';
import {
  findNoDriving,
  noDrivingInScope,
  eligibilityInScope,
  findEligibility,
  findInboundReferral,
  findOnwardReferral,
  inboundReferralsInScope,
  onwardReferralsInScope,
  alertsInScope,
  appointmentsInScope,
  findAppointmentRecord,
  assessmentsInScope,
  assessmentVersions,
  carePlansInScope,
  carePlanVersions,
  decisionsInScope,
  findAlert,
  findDecision,
  findTaskRecord,
  formulationsInScope,
  formulationVersions,
  tasksInScope,
  type AlertRow,
  type TaskRow,
} from '../../store/fhir-harm.ts';
import { appointmentVersions } from '../map/harm-appointment.ts';
import { inboundReferralVersions, onwardReferralVersions } from '../map/harm-service-request.ts';
import { carePlanGoals, toFhirCarePlan } from '../map/harm-care-plan.ts';
import {
  decisionImpression,
  eligibilityImpression,
  formulationImpression,
} from '../map/harm-clinical-impression.ts';
import { alertFlag, noDrivingFlag } from '../map/harm-flag.ts';
import { toFhirRiskAssessment } from '../map/harm-risk-assessment.ts';
import { toFhirTask } from '../map/harm-task.ts';
import type {
  Appointment,
  CarePlan,
  ClinicalImpression,
  Flag,
  Goal,
  RiskAssessment,
  ServiceRequest,
  Task,
} from '../map/harm-types.ts';
import { commonParams, dates, refs, tokensOf, type Found, type ResourceType } from '../resource-kit.ts';
import type { SearchParam } from '../search/params.ts';
import type { Reference } from '../types.ts';

type Owned = { patient_id: string; service_id: string };
const owner = (row: Owned) => ({ patientId: row.patient_id, serviceIds: [row.service_id] });
const found = <R>(resource: R, row: Owned): Found<R> => ({ resource, owner: owner(row) });

function patientParam<R>(subject: (r: R) => Reference | undefined): SearchParam<R> {
  return {
    name: 'patient',
    type: 'reference',
    description: 'The patient (`Patient/id` or a bare id)',
    values: (r) => refs(subject(r)),
  };
}

const carePlanType: ResourceType<CarePlan> = {
  type: 'CarePlan',
  patientData: true,
  includes: ['CarePlan:patient', 'CarePlan:subject', 'CarePlan:goal'],
  params: [
    ...commonParams(),
    patientParam((c) => c.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (c) => refs(c.subject) },
    { name: 'status', type: 'token', description: 'The status', values: (c) => [{ code: c.status }] },
    {
      name: 'intent',
      type: 'token',
      description: 'The intent (`plan`)',
      values: (c) => [{ code: c.intent }],
    },
    {
      name: 'date',
      type: 'date',
      description: 'When the plan started',
      values: (c) => dates(c.period?.start, c.period?.end),
    },
    {
      name: 'activity-date',
      type: 'date',
      description: 'When an activity is due (an intervention due date, or the review date)',
      values: (c) =>
        dates(
          ...(c.activity ?? []).flatMap((a) => [
            a.detail.scheduledPeriod?.start,
            a.detail.scheduledPeriod?.end,
          ]),
        ),
    },
    {
      name: 'activity-code',
      type: 'token',
      description: 'A planned intervention (`https://kaspr.example/fhir/CodeSystem/intervention|…`)',
      values: (c) => (c.activity ?? []).flatMap((a) => tokensOf(a.detail.code)),
    },
    { name: 'goal', type: 'reference', description: 'A goal of the plan', values: (c) => refs(c.goal) },
  ],
  inScope: async (db, scope) => (await carePlansInScope(db, scope)).map(toFhirCarePlan),
  byId: async (db, id) => {
    const current = (await carePlanVersions(db, id))[0];
    return current && found(toFhirCarePlan(current), current);
  },
  versions: async (db, id) => (await carePlanVersions(db, id)).map(toFhirCarePlan),
};

const GOAL_ID = /^([0-9a-f-]{36})-goal-\d{1,2}$/;

const goalType: ResourceType<Goal> = {
  type: 'Goal',
  patientData: true,
  includes: ['Goal:patient', 'Goal:subject'],
  params: [
    ...commonParams(),
    patientParam((g) => g.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (g) => refs(g.subject) },
    {
      name: 'lifecycle-status',
      type: 'token',
      description: 'The lifecycle status',
      values: (g) => [{ code: g.lifecycleStatus }],
    },
    {
      name: 'start-date',
      type: 'date',
      description: 'When the goal was set',
      values: (g) => dates(g.startDate),
    },
  ],
  // Goals are those of each plan's current version.
  inScope: async (db, scope) => (await carePlansInScope(db, scope)).flatMap(carePlanGoals),
  byId: async (db, id) => {
    const planId = GOAL_ID.exec(id)?.[1];
    const current = planId ? (await carePlanVersions(db, planId))[0] : undefined;
    const goal = current && carePlanGoals(current).find((g) => g.id === id);
    return current && goal && found(goal, current);
  },
  // A goal's versions are those of the plan versions that held it (the plan's version numbers).
  versions: async (db, id) => {
    const planId = GOAL_ID.exec(id)?.[1];
    const versions = planId ? await carePlanVersions(db, planId) : [];
    return versions.flatMap((v) => carePlanGoals(v).filter((g) => g.id === id));
  },
};

const riskAssessmentType: ResourceType<RiskAssessment> = {
  type: 'RiskAssessment',
  patientData: true,
  includes: ['RiskAssessment:patient', 'RiskAssessment:subject', 'RiskAssessment:performer'],
  params: [
    ...commonParams(),
    patientParam((r) => r.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (r) => refs(r.subject) },
    {
      name: 'date',
      type: 'date',
      description: 'When it was assessed',
      values: (r) => dates(r.occurrenceDateTime),
    },
    {
      name: 'method',
      type: 'token',
      description: 'The content pack that evaluated it (`<pack id>@<version>`)',
      values: (r) => (r.method?.text ? [{ code: r.method.text }] : []),
    },
    { name: 'performer', type: 'reference', description: 'Who assessed', values: (r) => refs(r.performer) },
    {
      name: 'risk',
      type: 'token',
      description: 'The proposed level of need (`https://kaspr.example/fhir/CodeSystem/level-of-need|1`–`4`)',
      values: (r) => (r.prediction ?? []).flatMap((p) => tokensOf(p.outcome)),
    },
  ],
  inScope: async (db, scope) => (await assessmentsInScope(db, scope)).map(toFhirRiskAssessment),
  byId: async (db, id) => {
    const current = (await assessmentVersions(db, id))[0];
    return current && found(toFhirRiskAssessment(current), current);
  },
  versions: async (db, id) => (await assessmentVersions(db, id)).map(toFhirRiskAssessment),
};

// Decisions and eligibility decisions keep their own table's uuid as id (both drawn by gen_random_uuid(), so one id
// never names two records; a read looks in both tables); a formulation is `<patientId>-formulation`.
const FORMULATION_ID = /^([0-9a-f-]{36})-formulation$/;

const clinicalImpressionType: ResourceType<ClinicalImpression> = {
  type: 'ClinicalImpression',
  patientData: true,
  includes: [
    'ClinicalImpression:patient',
    'ClinicalImpression:subject',
    'ClinicalImpression:assessor',
    'ClinicalImpression:supporting-info',
  ],
  params: [
    ...commonParams(),
    patientParam((c) => c.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (c) => refs(c.subject) },
    { name: 'date', type: 'date', description: 'When it was made', values: (c) => dates(c.date) },
    { name: 'assessor', type: 'reference', description: 'Who made it', values: (c) => refs(c.assessor) },
    { name: 'status', type: 'token', description: 'The status', values: (c) => [{ code: c.status }] },
    {
      name: 'code',
      type: 'token',
      description:
        'The kind of assessment (`https://kaspr.example/fhir/CodeSystem/assessment|harm-level-of-need`)',
      values: (c) => tokensOf(c.code),
    },
    {
      name: 'finding-code',
      type: 'token',
      description: 'The confirmed level of need (`https://kaspr.example/fhir/CodeSystem/level-of-need|…`)',
      values: (c) => (c.finding ?? []).flatMap((f) => tokensOf(f.itemCodeableConcept)),
    },
    {
      name: 'supporting-info',
      type: 'reference',
      description: 'The risk assessment a harm decision was made on',
      values: (c) => refs(c.supportingInfo),
    },
  ],
  inScope: async (db, scope) => [
    ...(await decisionsInScope(db, scope)).map(decisionImpression),
    ...(await formulationsInScope(db, scope)).map(formulationImpression),
    ...(await eligibilityInScope(db, scope)).map(eligibilityImpression),
  ],
  byId: async (db, id) => {
    const patientId = FORMULATION_ID.exec(id)?.[1];
    if (patientId) {
      const current = (await formulationVersions(db, patientId))[0];
      return current && found(formulationImpression(current), current);
    }
    const decision = await findDecision(db, id);
    if (decision) return found(decisionImpression(decision), decision);
    const eligibility = await findEligibility(db, id);
    return eligibility && found(eligibilityImpression(eligibility), eligibility);
  },
  versions: async (db, id) => {
    const patientId = FORMULATION_ID.exec(id)?.[1];
    if (patientId) return (await formulationVersions(db, patientId)).map(formulationImpression);
    const decision = await findDecision(db, id);
    if (decision) return [decisionImpression(decision)];
    const eligibility = await findEligibility(db, id);
    return eligibility ? [eligibilityImpression(eligibility)] : [];
  },
};

// Alerts keep their uuid; a discharge's no-driving flag is `<sessionId>-no-driving`.
const NO_DRIVING_ID = /^([0-9a-f-]{36})-no-driving$/;

/** An alert's versions, newest first: acknowledged (when it was), then as raised. */
const flagVersions = (row: AlertRow): Flag[] =>
  row.acknowledged_at ? [alertFlag(row), alertFlag({ ...row, acknowledged_at: null })] : [alertFlag(row)];

const flagType: ResourceType<Flag> = {
  type: 'Flag',
  patientData: true,
  includes: ['Flag:patient', 'Flag:subject'],
  params: [
    ...commonParams(),
    patientParam((f) => f.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (f) => refs(f.subject) },
    {
      name: 'date',
      type: 'date',
      description: 'When the flag was raised (and closed)',
      values: (f) => dates(f.period?.start, f.period?.end),
    },
    {
      name: 'status',
      type: 'token',
      description: '`active` or `inactive`',
      values: (f) => [{ code: f.status }],
    },
    {
      name: 'category',
      type: 'token',
      description: '`safety` (an alert) or `clinical`',
      values: (f) => (f.category ?? []).flatMap(tokensOf),
    },
    { name: 'code', type: 'token', description: 'The alert code', values: (f) => tokensOf(f.code) },
  ],
  inScope: async (db, scope) => [
    ...(await alertsInScope(db, scope)).map(alertFlag),
    ...(await noDrivingInScope(db, scope)).map(noDrivingFlag),
  ],
  byId: async (db, id) => {
    const sessionId = NO_DRIVING_ID.exec(id)?.[1];
    if (sessionId) {
      const discharge = await findNoDriving(db, sessionId);
      return discharge && found(noDrivingFlag(discharge), discharge);
    }
    const row = await findAlert(db, id);
    return row && found(alertFlag(row), row);
  },
  versions: async (db, id) => {
    const sessionId = NO_DRIVING_ID.exec(id)?.[1];
    if (sessionId) {
      const discharge = await findNoDriving(db, sessionId);
      return discharge ? [noDrivingFlag(discharge)] : [];
    }
    const row = await findAlert(db, id);
    return row ? flagVersions(row) : [];
  },
};

/** A task's versions, newest first: completed (when it was), then as requested. */
const taskVersions = (row: TaskRow): Task[] =>
  row.completed_at
    ? [toFhirTask(row), toFhirTask({ ...row, completed_at: null, note: null })]
    : [toFhirTask(row)];

const taskType: ResourceType<Task> = {
  type: 'Task',
  patientData: true,
  includes: ['Task:patient', 'Task:owner', 'Task:focus'],
  params: [
    ...commonParams(),
    patientParam((t) => t.for),
    {
      name: 'owner',
      type: 'reference',
      description: 'Who the task is assigned to',
      values: (t) => refs(t.owner),
    },
    {
      name: 'status',
      type: 'token',
      description: '`requested` or `completed`',
      values: (t) => [{ code: t.status }],
    },
    {
      name: 'priority',
      type: 'token',
      description: '`routine`, `urgent` or `asap`',
      values: (t) => (t.priority ? [{ code: t.priority }] : []),
    },
    {
      name: 'authored-on',
      type: 'date',
      description: 'When it was raised',
      values: (t) => dates(t.authoredOn),
    },
    {
      name: 'focus',
      type: 'reference',
      description: 'What raised it: a Flag (alert) or a QuestionnaireResponse',
      values: (t) => refs(t.focus),
    },
  ],
  inScope: async (db, scope) => (await tasksInScope(db, scope)).map(toFhirTask),
  byId: async (db, id) => {
    const row = await findTaskRecord(db, id);
    return row && found(toFhirTask(row), row);
  },
  versions: async (db, id) => {
    const row = await findTaskRecord(db, id);
    return row ? taskVersions(row) : [];
  },
};

const appointmentType: ResourceType<Appointment> = {
  type: 'Appointment',
  patientData: true,
  includes: ['Appointment:patient', 'Appointment:practitioner', 'Appointment:actor'],
  params: [
    ...commonParams(),
    {
      name: 'patient',
      type: 'reference',
      description: 'The patient (`Patient/id` or a bare id)',
      values: (a) => refs(...a.participant.map((p) => p.actor)).filter((r) => r.startsWith('Patient/')),
    },
    {
      name: 'practitioner',
      type: 'reference',
      description: 'The clinician seeing the patient',
      values: (a) => refs(...a.participant.map((p) => p.actor)).filter((r) => r.startsWith('Practitioner/')),
    },
    {
      name: 'actor',
      type: 'reference',
      description: 'Any participant: the patient or the clinician',
      values: (a) => refs(...a.participant.map((p) => p.actor)),
    },
    { name: 'date', type: 'date', description: 'When it starts', values: (a) => dates(a.start) },
    {
      name: 'status',
      type: 'token',
      description: '`booked`, `cancelled`, `fulfilled` or `noshow`',
      values: (a) => [{ code: a.status }],
    },
    {
      name: 'service-type',
      type: 'token',
      description: 'The contact type (`https://kaspr.example/fhir/CodeSystem/contact-type|…`)',
      values: (a) => (a.serviceType ?? []).flatMap(tokensOf),
    },
  ],
  inScope: async (db, scope) =>
    (await appointmentsInScope(db, scope)).flatMap((r) =>
      appointmentVersions(r.appointment, r.events).slice(0, 1),
    ),
  byId: async (db, id) => {
    const record = await findAppointmentRecord(db, id);
    const current = record && appointmentVersions(record.appointment, record.events)[0];
    return record && current && found(current, record.appointment);
  },
  versions: async (db, id) => {
    const record = await findAppointmentRecord(db, id);
    return record ? appointmentVersions(record.appointment, record.events) : [];
  },
};

/**
 * Onward referrals and inbound treatment referrals both keep their own table's uuid as id: both are drawn by
 * gen_random_uuid(), so one id never names two referrals, and a read looks in both tables.
 */
async function referralVersions(db: Queryable, id: string) {
  const onward = await findOnwardReferral(db, id);
  if (onward) return { row: onward, versions: onwardReferralVersions(onward) };
  const inbound = await findInboundReferral(db, id);
  return inbound && { row: inbound, versions: inboundReferralVersions(inbound) };
}

const serviceRequestType: ResourceType<ServiceRequest> = {
  type: 'ServiceRequest',
  patientData: true,
  includes: ['ServiceRequest:patient', 'ServiceRequest:subject', 'ServiceRequest:requester'],
  params: [
    ...commonParams(),
    patientParam((r) => r.subject),
    { name: 'subject', type: 'reference', description: 'The patient', values: (r) => refs(r.subject) },
    {
      name: 'status',
      type: 'token',
      description: '`draft` (decided), `active`, `revoked` or `completed`',
      values: (r) => [{ code: r.status }],
    },
    {
      name: 'authored',
      type: 'date',
      description: 'When it was decided or received',
      values: (r) => dates(r.authoredOn),
    },
    {
      name: 'occurrence',
      type: 'date',
      description: 'From the decision to the target date for making the referral',
      values: (r) => dates(r.occurrencePeriod?.start, r.occurrencePeriod?.end),
    },
    {
      name: 'category',
      type: 'token',
      description: '`http://snomed.info/sct|3457005` (patient referral)',
      values: (r) => (r.category ?? []).flatMap(tokensOf),
    },
    {
      name: 'code',
      type: 'token',
      description:
        'The destination of an onward referral (`https://kaspr.example/fhir/CodeSystem/referral-destination|…`)',
      values: (r) => tokensOf(r.code),
    },
    { name: 'requester', type: 'reference', description: 'Who decided it', values: (r) => refs(r.requester) },
  ],
  inScope: async (db, scope) => [
    ...(await onwardReferralsInScope(db, scope)).flatMap((r) => onwardReferralVersions(r).slice(0, 1)),
    ...(await inboundReferralsInScope(db, scope)).flatMap((r) => inboundReferralVersions(r).slice(0, 1)),
  ],
  byId: async (db, id) => {
    const referral = await referralVersions(db, id);
    const current = referral?.versions[0];
    return referral && current && found(current, referral.row);
  },
  versions: async (db, id) => (await referralVersions(db, id))?.versions ?? [],
};

export const HARM_TYPES: readonly ResourceType[] = [
  carePlanType,
  goalType,
  riskAssessmentType,
  clinicalImpressionType,
  flagType,
  taskType,
  appointmentType,
  serviceRequestType,
].map((t) => t as unknown as ResourceType);
