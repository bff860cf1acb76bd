// /dose-calculations: the protocol's dose from a weight measured today or the patient's dated chart weight.
import { doseReply } from '../../schemas/replies/treatment.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/core/zoned.ts';
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import { doseCalculationSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { auditAccess } from '../record-change.ts';
import { doseOrRefuse, serviceProtocolOr404 } from '../treatment/treatment-dose.ts';

export function doseCalculationRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/dose-calculations',
    route('patient:read', { body: doseCalculationSchema, 200: doseReply }),
    async (req) => {
      const body = req.body;
      let serviceId = body.serviceId;
      let chartWeight: { kg: number; measuredOn: string } | null = null;
      if (body.weightKg === undefined && body.patientId) {
        const access = await patientAccess(ctx, req, body.patientId, 'dose-calculation');
        serviceId ??= access.serviceId;
        const patient = await findPatient(ctx.db, access.patientId);
        if (!patient) throw problem('not-found');
        chartWeight = patient.weight
          ? { kg: patient.weight.kg, measuredOn: patient.weight.measuredOn }
          : null;
        await auditRead(ctx, req, access, 'dose-calculation', 'DoseCalculation');
      } else if (body.weightKg === undefined) {
        await auditAccess(ctx, req, 'dose-calculation', 'DoseCalculation');
      }
      // The weight's age counts in the clinic's days (the service's zone), as at session start.
      const zone = serviceId ? (await serviceForDocuments(ctx.db, serviceId)).timeZone : DEFAULT_TIME_ZONE;
      const today = clinicToday(ctx.now(), zone);
      const weight = body.weightKg !== undefined ? { kg: body.weightKg, measuredOn: today } : chartWeight;
      const protocol = await serviceProtocolOr404(ctx.db, body.protocol, serviceId);
      return doseOrRefuse(protocol, weight, today, body);
    },
  );
}
