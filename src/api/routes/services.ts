// Services (teams or sites) with the time zone, phone and address their documents show.
import { idParams } from '../../schemas/common.ts';
import { serviceReply, servicesReply } from '../../schemas/replies/admin.ts';
import { createServiceSchema, updateServiceSchema } from '../../schemas/service.ts';
import {
  findService,
  findServiceByName,
  insertService,
  listServices,
  updateService,
  type ServiceRow,
} from '../../store/services.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';

function serviceView(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    createdAt: s.created_at.toISOString(),
    timeZone: s.time_zone,
    phone: s.phone,
    address: s.address,
  };
}

export function serviceRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/services', route('authenticated', { 200: servicesReply }), async () => ({
    services: (await listServices(ctx.db)).map(serviceView),
  }));

  api.post(
    '/services',
    route('service:manage', { body: createServiceSchema, 201: serviceReply }),
    async (req, reply) => {
      if (await findServiceByName(ctx.db, req.body.name))
        throw problem('conflict', 'A service with that name exists.');
      const now = ctx.now();
      const service = await ctx.db.transaction(async (tx) => {
        const { name, ...details } = req.body;
        const created = await insertService(tx, name, details);
        await recordChange(req, tx, {
          action: 'service.create',
          resource: { type: 'Service', id: created.id },
          details: { timeZone: created.time_zone },
          now,
        });
        return created;
      });
      return reply.status(201).send(serviceView(service));
    },
  );

  api.patch(
    '/services/:id',
    route('service:manage', { params: idParams, body: updateServiceSchema, 200: serviceReply }),
    async (req) => {
      const before = await findService(ctx.db, req.params.id);
      if (!before) throw problem('not-found');
      if (req.body.name !== undefined && req.body.name.toLowerCase() !== before.name.toLowerCase()) {
        if (await findServiceByName(ctx.db, req.body.name))
          throw problem('conflict', 'A service with that name exists.');
      }
      const now = ctx.now();
      const updated = await ctx.db.transaction(async (tx) => {
        const row = await updateService(tx, before.id, req.body);
        if (!row) throw problem('not-found');
        await recordChange(req, tx, {
          action: 'service.update',
          resource: { type: 'Service', id: row.id },
          // Which fields changed, and the zone (not personal data); phone and address stay out of the log.
          details: { fields: Object.keys(req.body), timeZone: row.time_zone },
          now,
        });
        return row;
      });
      return serviceView(updated);
    },
  );
}
