// First run: with no user yet, the setup page creates the first service and its administrator.
import { setupSchema } from '../../schemas/auth.ts';
import { sessionReply, setupNeededReply } from '../../schemas/replies/auth.ts';
import { hashPassword } from '../../security/passwords.ts';
import { createFirstAdministrator } from '../../store/setup.ts';
import { countUsers, findUserById } from '../../store/users.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';
import { refuseWeakPassword } from '../auth/password-rules.ts';
import { sessionView, startSession } from '../auth/sessions.ts';

const setupComplete = () => problem('setup-complete', 'An administrator already exists. Sign in instead.');

export function setupRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/setup', route('public', { 200: setupNeededReply }), async () => ({
    needed: (await countUsers(ctx.db)) === 0,
  }));

  api.post('/setup', route('public', { body: setupSchema, 201: sessionReply }), async (req, reply) => {
    const body = req.body;
    // Once set up, refuse before any hashing: an anonymous caller must not be able to make the server hash.
    if ((await countUsers(ctx.db)) > 0) throw setupComplete();
    refuseWeakPassword(body.password, body, 'body.password');
    const passwordHash = await hashPassword(body.password);
    const now = ctx.now();
    const result = await ctx.db.transaction(async (tx) => {
      const created = await createFirstAdministrator(tx, {
        serviceName: body.serviceName,
        email: body.email,
        displayName: body.displayName,
        passwordHash,
        roles: body.clinicalRole ? ['admin', body.clinicalRole] : ['admin'],
      });
      if (!created) return null;
      const { userId } = created;
      const csrfToken = await startSession(ctx, tx, reply, userId, req.ip);
      await recordChange(req, tx, {
        actorId: userId,
        action: 'setup.first-admin',
        resource: { type: 'User', id: userId },
        now,
      });
      return { userId, csrfToken };
    });
    if (!result) throw setupComplete();
    const user = await findUserById(ctx.db, result.userId);
    if (!user) throw new Error('setup user vanished');
    return reply.status(201).send(await sessionView(ctx, ctx.db, user, result.csrfToken));
  });
}
