// Every native API route file, with the OpenAPI tag its routes are listed under, registered under /api/v1.
import type { FastifyInstance } from 'fastify';
import { zodApp, type AppContext, type ZodApp } from '../context.ts';
import { alertRoutes } from './alerts.ts';
import { appointmentRoutes } from './appointments.ts';
import { auditRoutes } from './audit.ts';
import { cdRegisterBalanceRoutes } from './cd-register-balances.ts';
import { cdRegisterDiscrepancyRoutes } from './cd-register-discrepancies.ts';
import { cdRegisterEntryRoutes } from './cd-register-entries.ts';
import { cdRegisterLocationRoutes } from './cd-register-locations.ts';
import { cdRegisterProductRoutes } from './cd-register-products.ts';
import { cdRegisterReportRoutes } from './cd-register-reports.ts';
import { cdRegisterSettingsRoutes } from './cd-register-settings.ts';
import { cdRegisterVerifyRoutes } from './cd-register-verify.ts';
import { authRoutes } from './auth.ts';
import { breakGlassRoutes } from './break-glass.ts';
import { consentDocumentRoutes } from './consent-documents.ts';
import { consentRoutes } from './consents.ts';
import { doseCalculationRoutes } from './dose-calculations.ts';
import { calibrationRoutes } from './calibration.ts';
import { calibrationStarterRoutes } from './calibration-starter.ts';
import { harmAssessmentRoutes } from './harm-assessments.ts';
import { harmRoutes } from './harm.ts';
import { instrumentRoutes } from './instruments.ts';
import { meRoutes } from './me.ts';
import { crisisEventRoutes } from './crisis-events.ts';
import { onwardReferralRoutes } from './onward-referrals.ts';
import { outcomeEventKindRoutes } from './outcome-event-kinds.ts';
import { patientAlertRoutes } from './patients-alerts.ts';
import { patientAppointmentRoutes } from './patients-appointments.ts';
import { patientCrisisEventRoutes } from './patients-crisis-events.ts';
import { patientOnwardReferralRoutes } from './patients-onward-referrals.ts';
import { patientTimelineRoutes } from './patients-timeline.ts';
import { patientVersionRoutes } from './patients-versions.ts';
import { patientVitalsRoutes } from './patients-vitals.ts';
import { patientRoutes } from './patients.ts';
import { patientCareMessageRoutes } from './patients-care-messages.ts';
import { patientConsentRoutes } from './patients-consents.ts';
import { patientEligibilityRoutes } from './patients-eligibility.ts';
import { patientReferralRoutes } from './patients-referrals.ts';
import { patientSharedCareRoutes } from './patients-shared-care.ts';
import { patientTaskRoutes } from './patients-tasks.ts';
import { patientTherapySessionRoutes } from './patients-therapy-sessions.ts';
import { patientTreatmentSessionRoutes } from './patients-treatment-sessions.ts';
import { protocolRoutes } from './protocols.ts';
import { remsRoutes } from './rems.ts';
import { reportExportRoutes } from './reports-exports.ts';
import { reportRoutes } from './reports.ts';
import { patientCarePlanRoutes } from './patients-care-plan.ts';
import { patientFormulationRoutes } from './patients-formulation.ts';
import { patientHarmAssessmentRoutes } from './patients-harm-assessments.ts';
import { patientResponseRoutes } from './patients-responses.ts';
import { patientSelfReportLinkRoutes } from './patients-self-report-links.ts';
import { selfReportRoutes } from './self-report.ts';
import { supervisionRoutes } from './supervision.ts';
import { systemClientRoutes } from './system-clients.ts';
import { serviceRoutes } from './services.ts';
import { settingsRoutes } from './settings.ts';
import { setupRoutes } from './setup.ts';
import { setupChecklistRoutes } from './setup-checklist.ts';
import { serviceProtocolRoutes } from './services-protocols.ts';
import { taskRoutes } from './tasks.ts';
import { treatmentSessionAdministrationRoutes } from './treatment-sessions-administration.ts';
import { treatmentSessionDischargeRoutes } from './treatment-sessions-discharge.ts';
import { treatmentSessionObservationRoutes } from './treatment-sessions-observations.ts';
import { treatmentSessionRemsRoutes } from './treatment-sessions-rems.ts';
import { treatmentSessionVitalsRoutes } from './treatment-sessions-vitals.ts';
import { treatmentSessionRoutes } from './treatment-sessions.ts';
import { userRoutes } from './users.ts';

type RouteFile = (api: ZodApp, ctx: AppContext) => void;

/** The route files in registration order, each with its OpenAPI tag. */
const ROUTE_FILES: readonly (readonly [RouteFile, string])[] = [
  [setupRoutes, 'setup'],
  [setupChecklistRoutes, 'setup'],
  [authRoutes, 'auth'],
  [meRoutes, 'me'],
  [userRoutes, 'staff'],
  [serviceRoutes, 'services'],
  [settingsRoutes, 'settings'],
  [patientRoutes, 'patients'],
  [patientVersionRoutes, 'patients'],
  [patientVitalsRoutes, 'patients'],
  [patientTimelineRoutes, 'patients'],
  [breakGlassRoutes, 'break-glass'],
  [auditRoutes, 'audit'],
  [instrumentRoutes, 'instruments'],
  [patientResponseRoutes, 'responses'],
  [patientAlertRoutes, 'alerts'],
  [alertRoutes, 'alerts'],
  [taskRoutes, 'tasks'],
  [selfReportRoutes, 'self-report'],
  [patientSelfReportLinkRoutes, 'self-report'],
  [harmRoutes, 'harm'],
  [harmAssessmentRoutes, 'harm'],
  [patientHarmAssessmentRoutes, 'harm'],
  [patientCarePlanRoutes, 'harm'],
  [patientFormulationRoutes, 'harm'],
  [supervisionRoutes, 'supervision'],
  [patientAppointmentRoutes, 'appointments'],
  [appointmentRoutes, 'appointments'],
  [cdRegisterProductRoutes, 'cd-register'],
  [cdRegisterLocationRoutes, 'cd-register'],
  [cdRegisterSettingsRoutes, 'cd-register'],
  [cdRegisterEntryRoutes, 'cd-register'],
  [cdRegisterBalanceRoutes, 'cd-register'],
  [cdRegisterDiscrepancyRoutes, 'cd-register'],
  [cdRegisterVerifyRoutes, 'cd-register'],
  [cdRegisterReportRoutes, 'cd-register'],
  [protocolRoutes, 'treatment'],
  [serviceProtocolRoutes, 'treatment'],
  [doseCalculationRoutes, 'treatment'],
  [patientReferralRoutes, 'treatment'],
  [patientEligibilityRoutes, 'treatment'],
  [consentDocumentRoutes, 'consent'],
  [patientConsentRoutes, 'consent'],
  [consentRoutes, 'consent'],
  [patientTreatmentSessionRoutes, 'treatment'],
  [treatmentSessionRoutes, 'treatment'],
  [treatmentSessionVitalsRoutes, 'treatment'],
  [treatmentSessionAdministrationRoutes, 'treatment'],
  [treatmentSessionObservationRoutes, 'treatment'],
  [treatmentSessionDischargeRoutes, 'treatment'],
  [treatmentSessionRemsRoutes, 'treatment'],
  [remsRoutes, 'treatment'],
  [patientTherapySessionRoutes, 'shared-care'],
  [patientSharedCareRoutes, 'shared-care'],
  [patientCareMessageRoutes, 'shared-care'],
  [patientTaskRoutes, 'shared-care'],
  [reportRoutes, 'reports'],
  [reportExportRoutes, 'reports'],
  [outcomeEventKindRoutes, 'outcomes'],
  [patientOnwardReferralRoutes, 'outcomes'],
  [onwardReferralRoutes, 'outcomes'],
  [patientCrisisEventRoutes, 'outcomes'],
  [crisisEventRoutes, 'outcomes'],
  [calibrationRoutes, 'calibration'],
  [calibrationStarterRoutes, 'calibration'],
  [systemClientRoutes, 'system-clients'],
];

/** Registers each route file in its own scope, whose routes carry the file's tag. */
export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [register, tag] of ROUTE_FILES) {
    void app.register(async (scope) => {
      scope.addHook('onRoute', (options) => {
        options.schema = { ...options.schema, tags: [tag] };
      });
      register(zodApp(scope), ctx);
    });
  }
}
