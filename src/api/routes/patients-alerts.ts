// A patient's alerts (raised by rules such as questionnaire safety flags): open ones first.
import { patientAlertsReply } from '../../schemas/replies/tasks.ts';
import { listAlerts } from '../../store/alerts.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { chartRead } from '../route.ts';
import { patientRead } from '../patient-access.ts';

export function patientAlertRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/patients/:id/alerts', chartRead({ 200: patientAlertsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'alert.list', 'Alert');
    const alerts = await listAlerts(ctx.db, access.patientId);
    return { alerts };
  });
}
