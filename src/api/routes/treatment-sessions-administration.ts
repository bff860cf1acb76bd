// /treatment-sessions/:id/administration: start, rate changes and stop of the administration record.
import { administrationReply } from '../../schemas/replies/treatment.ts';
import { idParams } from '../../schemas/common.ts';
import { administrationSchema } from '../../schemas/treatment.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { writableSession } from '../session-access.ts';
import { recordAdministration } from '../treatment/session-administration.ts';

export function treatmentSessionAdministrationRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/treatment-sessions/:id/administration',
    route('patient:write', { params: idParams, body: administrationSchema, 201: administrationReply }),
    async (req, reply) => {
      const { session, access } = await writableSession(ctx, req, 'treatment-session.administration');
      return reply.status(201).send(await recordAdministration(ctx, req, session, access, req.body));
    },
  );
}
