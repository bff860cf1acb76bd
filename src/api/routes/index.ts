// Every native API route, registered under /api/v1.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { alertTaskRoutes } from './alerts-tasks.ts';
import { appointmentRoutes } from './appointments.ts';
import { auditRoutes } from './audit.ts';
import { cdRegisterRoutes } from './cd-register.ts';
import { authRoutes } from './auth.ts';
import { breakGlassRoutes } from './break-glass.ts';
import { consentRoutes } from './consents.ts';
import { formulationRoutes } from './formulation.ts';
import { harmPlanRoutes } from './harm-plan.ts';
import { harmRoutes } from './harm.ts';
import { instrumentRoutes } from './instruments.ts';
import { meRoutes } from './me.ts';
import { patientRoutes } from './patients.ts';
import { protocolRoutes } from './protocols.ts';
import { responseRoutes } from './responses.ts';
import { selfReportRoutes } from './self-report.ts';
import { serviceRoutes } from './services.ts';
import { setupRoutes } from './setup.ts';
import { treatmentScreeningRoutes } from './treatment-screening.ts';
import { treatmentSessionRoutes } from './treatment-sessions.ts';
import { userRoutes } from './users.ts';

export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  setupRoutes(app, ctx);
  authRoutes(app, ctx);
  meRoutes(app, ctx);
  userRoutes(app, ctx);
  serviceRoutes(app, ctx);
  patientRoutes(app, ctx);
  breakGlassRoutes(app, ctx);
  auditRoutes(app, ctx);
  instrumentRoutes(app, ctx);
  responseRoutes(app, ctx);
  alertTaskRoutes(app, ctx);
  selfReportRoutes(app, ctx);
  harmRoutes(app, ctx);
  harmPlanRoutes(app, ctx);
  formulationRoutes(app, ctx);
  appointmentRoutes(app, ctx);
  cdRegisterRoutes(app, ctx);
  protocolRoutes(app, ctx);
  treatmentScreeningRoutes(app, ctx);
  consentRoutes(app, ctx);
  treatmentSessionRoutes(app, ctx);
}
