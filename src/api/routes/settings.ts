// Organisation settings, such as requiring a second factor for administrators.
import { settingsSchema } from '../../schemas/auth.ts';
import { settingsReply } from '../../schemas/replies/admin.ts';
import { readSettings, writeSettings } from '../../store/services.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';

export function settingsRoutes(api: ZodApp, ctx: AppContext): void {
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
