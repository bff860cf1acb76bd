// The FHIR types served for the harm pathway: assessments (RiskAssessment), decisions, formulations and treatment
// eligibility (ClinicalImpression), care plans (CarePlan, Goal), alerts (Flag), tasks (Task), appointments
// (Appointment) and referrals (ServiceRequest).
import { appointmentType, serviceRequestType } from './harm-contacts.ts';
import {
  findNoDriving,
  noDrivingInScope,
  eligibilityInScope,
  findEligibility,
  alertsInScope,
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
import { carePlanGoals, toFhirCarePlan } from '../map/harm-care-plan.ts';
import {
  decisionImpression,
  eligibilityImpression,
  formulationImpression,
} from '../map/harm-clinical-impression.ts';
import { alertFlag, noDrivingFlag } from '../map/harm-flag.ts';
import { toFhirRiskAssessment } from '../map/harm-risk-assessment.ts';
import { toFhirTask } from '../map/harm-task.ts';
import type { CarePlan, ClinicalImpression, Flag, Goal, RiskAssessment, Task } from '../map/harm-types.ts';
import {
  commonParams,
  dates,
  foundAs,
  patientParam,
  subjectParams,
  refs,
  tokensOf,
  type ResourceType,
} from '../resource-kit.ts';

const carePlanType: ResourceType<CarePlan> = {
  type: 'CarePlan',
  patientData: true,
  includes: ['CarePlan:patient', 'CarePlan:subject', 'CarePlan:goal'],
  params: [
    ...commonParams(),
    ...subjectParams<CarePlan>((c) => c.subject),
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
    return current && foundAs(toFhirCarePlan(current), current);
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
    ...subjectParams<Goal>((g) => g.subject),
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
    return current && goal && foundAs(goal, current);
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
    ...subjectParams<RiskAssessment>((r) => r.subject),
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
    return current && foundAs(toFhirRiskAssessment(current), current);
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
    ...subjectParams<ClinicalImpression>((c) => c.subject),
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
      return current && foundAs(formulationImpression(current), current);
    }
    const decision = await findDecision(db, id);
    if (decision) return foundAs(decisionImpression(decision), decision);
    const eligibility = await findEligibility(db, id);
    return eligibility && foundAs(eligibilityImpression(eligibility), eligibility);
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
    ...subjectParams<Flag>((f) => f.subject),
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
      return discharge && foundAs(noDrivingFlag(discharge), discharge);
    }
    const row = await findAlert(db, id);
    return row && foundAs(alertFlag(row), row);
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
    return row && foundAs(toFhirTask(row), row);
  },
  versions: async (db, id) => {
    const row = await findTaskRecord(db, id);
    return row ? taskVersions(row) : [];
  },
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
