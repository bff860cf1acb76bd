// Treatment protocols (versioned data) and the weight-based dose calculator.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defaultProtocols, protocolRef } from '../../domain/treatment/index.ts';
import { doseCalculationSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { auditFrom, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { doseOrRefuse, protocolOr404 } from '../treatment-dose.ts';

export function protocolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/protocols',
    { config: { access: 'authenticated' }, schema: { tags: ['treatment'] } },
    async () => ({
      protocols: Object.values(defaultProtocols).map((p) => ({
        id: p.id,
        version: p.version,
        ref: protocolRef(p),
        title: p.title,
        route: p.route,
        summary: p.summary,
      })),
    }),
  );

  api.get(
    '/protocols/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['treatment'], params: z.object({ id: z.string().max(80) }).strict() },
    },
    async (req) => protocolOr404(req.params.id),
  );

  api.post(
    '/dose-calculations',
    { config: { access: 'patient:read' }, schema: { tags: ['treatment'], body: doseCalculationSchema } },
    async (req) => {
      const protocol = protocolOr404(req.body.protocol);
      const today = ctx.now().toISOString().slice(0, 10);
      let weight: { kg: number; measuredOn: string } | null = null;
      if (req.body.weightKg !== undefined) weight = { kg: req.body.weightKg, measuredOn: today };
      else if (req.body.patientId) {
        const access = await patientAccess(ctx, req, req.body.patientId, 'dose-calculation');
        const patient = await findPatient(ctx.db, access.patientId);
        if (!patient) throw problem('not-found');
        weight = patient.weight ? { kg: patient.weight.kg, measuredOn: patient.weight.measuredOn } : null;
        await auditRead(ctx, req, access, 'dose-calculation', 'DoseCalculation');
      } else {
        await ctx.db.transaction((tx) =>
          auditFrom(
            req,
            tx,
            { action: 'dose-calculation', resourceType: 'DoseCalculation', outcome: 'success' },
            ctx.now(),
          ),
        );
      }
      return doseOrRefuse(protocol, weight, today, req.body);
    },
  );
}
