// A patient record's history: every version, newest first, with who recorded it, when and why.
import { patientVersionsReply } from '../../schemas/replies/patients.ts';
import { listVersions } from '../../store/patients.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { chartRead } from '../route.ts';
import { patientRead } from '../patient-access.ts';

export function patientVersionRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/patients/:id/versions', chartRead({ 200: patientVersionsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'patient.history');
    const versions = await listVersions(ctx.db, access.patientId);
    return { versions };
  });
}
