// Organisation settings, such as requiring a second factor for administrators.
import type { FastifyInstance } from 'fastify';
import { settingsSchema } from '../../schemas/auth.ts';
import { settingsReply } from '../../schemas/replies/admin.ts';
import { readSettings, writeSettings } from '../../store/services.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get('/settings', route('settings:manage', { 200: settingsReply }), async () => readSettings(ctx.db));

  api.patch(
    '/settings',
    route('settings:manage', { body: settingsSchema, 200: settingsReply }),
    async (req) => {
      const auth = authOf(req);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await writeSettings(tx, req.body, auth.user.id);
        await recordChange(req, tx, {
          action: 'settings.update',
          resource: { type: 'Settings' },
          details: { ...req.body },
          now,
        });
      });
      return readSettings(ctx.db);
    },
  );
}
