// Treatment protocols (versioned data) and the weight-based dose calculator.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defaultProtocols, protocolRef } from '../../domain/treatment/index.ts';
import { protocolQuerySchema } from '../../schemas/protocol-settings.ts';
import { doseCalculationSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { doseOrRefuse, serviceProtocolOr404, serviceProtocolWithSettings } from '../treatment-dose.ts';
import { protocolSettingsRoutes } from './protocol-settings.ts';
import { storableString } from '../../schemas/common.ts';

export function protocolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);
  protocolSettingsRoutes(app, ctx);

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
      schema: {
        tags: ['treatment'],
        params: z.object({ id: storableString().max(80) }).strict(),
        querystring: protocolQuerySchema,
      },
    },
    async (req) => {
      // With ?service=, the protocol as that service uses it (its settings applied); fields added, none renamed.
      const { protocol, settings } = await serviceProtocolWithSettings(
        ctx.db,
        req.params.id,
        req.query.service,
      );
      return req.query.service ? { ...protocol, serviceSettings: settings } : protocol;
    },
  );

  api.post(
    '/dose-calculations',
    { config: { access: 'patient:read' }, schema: { tags: ['treatment'], body: doseCalculationSchema } },
    async (req) => {
      const today = ctx.now().toISOString().slice(0, 10);
      let weight: { kg: number; measuredOn: string } | null = null;
      let serviceId = req.body.serviceId;
      if (req.body.weightKg !== undefined) weight = { kg: req.body.weightKg, measuredOn: today };
      else if (req.body.patientId) {
        const access = await patientAccess(ctx, req, req.body.patientId, 'dose-calculation');
        serviceId ??= access.serviceId;
        const patient = await findPatient(ctx.db, access.patientId);
        if (!patient) throw problem('not-found');
        weight = patient.weight ? { kg: patient.weight.kg, measuredOn: patient.weight.measuredOn } : null;
        await auditRead(ctx, req, access, 'dose-calculation', 'DoseCalculation');
      } else {
        await ctx.db.transaction((tx) =>
          recordChange(req, tx, {
            action: 'dose-calculation',
            resource: { type: 'DoseCalculation' },
            now: ctx.now(),
          }),
        );
      }
      const protocol = await serviceProtocolOr404(ctx.db, req.body.protocol, serviceId);
      return doseOrRefuse(protocol, weight, today, req.body);
    },
  );
}
