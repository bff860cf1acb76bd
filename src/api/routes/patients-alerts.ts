// A patient's alerts (raised by rules such as questionnaire safety flags): open ones first.
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../schemas/common.ts';
import { patientAlertsReply } from '../../schemas/replies/tasks.ts';
import { listAlerts } from '../../store/alerts.ts';
import { zodApp, type AppContext } from '../context.ts';
import { patientRoute } from '../route.ts';
import { patientRead } from '../patient-access.ts';

export function patientAlertRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/patients/:id/alerts',
    patientRoute('patient:read', { params: idParams, 200: patientAlertsReply }),
    async (req) => {
      const access = await patientRead(ctx, req, req.params.id, 'alert.list', 'Alert');
      const alerts = await listAlerts(ctx.db, access.patientId);
      return { alerts };
    },
  );
}
