// /protocols: the treatment protocols (versioned data), and one protocol as a service uses it.
import { protocolListReply, protocolReply } from '../../schemas/replies/treatment.ts';
import { z } from 'zod';
import { defaultProtocols, protocolRef } from '../../domain/treatment/index.ts';
import { storableString } from '../../schemas/common.ts';
import { protocolQuerySchema } from '../../schemas/protocol-settings.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { serviceProtocolWithSettings } from '../treatment/treatment-dose.ts';

export function protocolRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/protocols', route('authenticated', { 200: protocolListReply }), async () => ({
    protocols: Object.values(defaultProtocols).map((p) => ({
      id: p.id,
      version: p.version,
      ref: protocolRef(p),
      title: p.title,
      route: p.route,
      summary: p.summary,
    })),
  }));

  api.get(
    '/protocols/:id',
    route('authenticated', {
      params: z.object({ id: storableString().max(80) }).strict(),
      querystring: protocolQuerySchema,
      200: protocolReply,
    }),
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
}
