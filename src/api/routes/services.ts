// Services (teams or sites) and organisation settings such as requiring a second factor for admins.
import type { FastifyInstance } from 'fastify';
import { serviceSchema, settingsSchema } from '../../schemas/auth.ts';
import {
  findServiceByName,
  insertService,
  listServices,
  readSettings,
  writeSettings,
} from '../../store/services.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { problem } from '../problem.ts';

export function serviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get('/services', { config: { access: 'authenticated' }, schema: { tags: ['services'] } }, async () => ({
    services: (await listServices(ctx.db)).map((s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.created_at.toISOString(),
    })),
  }));

  api.post(
    '/services',
    { config: { access: 'service:manage' }, schema: { tags: ['services'], body: serviceSchema } },
    async (req, reply) => {
      if (await findServiceByName(ctx.db, req.body.name))
        throw problem('conflict', 'A service with that name exists.');
      const now = ctx.now();
      const service = await ctx.db.transaction(async (tx) => {
        const created = await insertService(tx, req.body.name);
        await auditFrom(
          req,
          tx,
          { action: 'service.create', resourceType: 'Service', resourceId: created.id, outcome: 'success' },
          now,
        );
        return created;
      });
      return reply
        .status(201)
        .send({ id: service.id, name: service.name, createdAt: service.created_at.toISOString() });
    },
  );

  api.get('/settings', { config: { access: 'settings:manage' }, schema: { tags: ['settings'] } }, async () =>
    readSettings(ctx.db),
  );

  api.patch(
    '/settings',
    { config: { access: 'settings:manage' }, schema: { tags: ['settings'], body: settingsSchema } },
    async (req) => {
      const auth = authOf(req);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await writeSettings(tx, req.body, auth.user.id);
        await auditFrom(
          req,
          tx,
          {
            action: 'settings.update',
            resourceType: 'Settings',
            outcome: 'success',
            details: { ...req.body },
          },
          now,
        );
      });
      return readSettings(ctx.db);
    },
  );
}
