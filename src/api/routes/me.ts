// The signed-in user: who they are, their password and their second factor (TOTP).
import type { FastifyRequest } from 'fastify';
import { changePasswordSchema, totpCodeSchema } from '../../schemas/auth.ts';
import { noContent } from '../../schemas/replies/common.ts';
import { sessionReply, totpEnrolmentReply, type SessionView } from '../../schemas/replies/auth.ts';
import { hashPassword } from '../../security/passwords.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../security/totp.ts';
import { endUserSessions } from '../../store/sessions.ts';
import { findUserById, setPassword, setTotp, type UserRow } from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';
import { refuseWeakPassword } from '../auth/password-rules.ts';
import { reauthenticate } from '../auth/reauthenticate.ts';
import { loginRefusal } from '../auth/refusals.ts';
import { freshSessionView, sessionView } from '../auth/sessions.ts';

export function meRoutes(api: ZodApp, ctx: AppContext): void {
  /** Turns the second factor on (keeping its secret) or off, once a current code from it matches. */
  async function switchSecondFactor(
    req: FastifyRequest,
    user: UserRow,
    secret: string,
    code: string,
    enable: boolean,
  ): Promise<SessionView> {
    const now = ctx.now();
    const step = matchTotp(secret, code, now, user.totp_last_step);
    if (step === null) throw problem('totp-invalid');
    await ctx.db.transaction(async (tx) => {
      await setTotp(tx, user.id, enable ? secret : null, enable, step);
      await recordChange(req, tx, {
        action: enable ? 'user.totp-enable' : 'user.totp-disable',
        resource: { type: 'User', id: user.id },
        now,
      });
    });
    return freshSessionView(ctx, user, authOf(req).csrfToken);
  }

  api.get('/me', route('authenticated', { 200: sessionReply }), async (req) => {
    const auth = authOf(req);
    return sessionView(ctx, ctx.db, auth.user, auth.csrfToken);
  });

  api.post(
    '/me/password',
    route('authenticated', { body: changePasswordSchema, 204: noContent }),
    async (req, reply) => {
      const auth = authOf(req);
      // The current password goes through the sign-in's limits, lockout and audit like any re-authentication.
      const check = await reauthenticate(ctx, req, {
        purpose: 'password-change',
        email: auth.user.email,
        factor: { password: req.body.currentPassword },
        eligible: (user) => user.id === auth.user.id,
      });
      if (!check.ok && check.failure !== 'failed') throw loginRefusal(check.failure, check.retryAfterSeconds);
      if (!check.ok) {
        throw problem('validation-failed', undefined, [
          { path: 'body.currentPassword', message: 'Current password is not right' },
        ]);
      }
      refuseWeakPassword(
        req.body.newPassword,
        { email: auth.user.email, displayName: auth.user.display_name },
        'body.newPassword',
      );
      const passwordHash = await hashPassword(req.body.newPassword);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await setPassword(tx, auth.user.id, passwordHash);
        // A password change ends every other session of this user (ASVS 7.4.3).
        await endUserSessions(tx, auth.user.id, now, auth.sessionHash);
        await recordChange(req, tx, {
          action: 'user.password-change',
          resource: { type: 'User', id: auth.user.id },
          now,
        });
      });
      return reply.status(204).send(null);
    },
  );

  api.post('/me/totp/setup', route('authenticated', { 200: totpEnrolmentReply }), async (req) => {
    const auth = authOf(req);
    if (auth.user.totp_enabled)
      throw problem('conflict', 'A second factor is already set up. Turn it off first to replace it.');
    const secret = newTotpSecret();
    await ctx.db.transaction(async (tx) => {
      await setTotp(tx, auth.user.id, secret, false);
      await recordChange(req, tx, {
        action: 'user.totp-setup',
        resource: { type: 'User', id: auth.user.id },
        now: ctx.now(),
      });
    });
    return { secret, otpauthUrl: otpauthUrl(secret, auth.user.email) };
  });

  api.post(
    '/me/totp/enable',
    route('authenticated', { body: totpCodeSchema, 200: sessionReply }),
    async (req) => {
      const auth = authOf(req);
      const user = await findUserById(ctx.db, auth.user.id);
      if (!user?.totp_secret || user.totp_enabled) throw problem('conflict', 'Start the set-up first.');
      return switchSecondFactor(req, user, user.totp_secret, req.body.code, true);
    },
  );

  api.post(
    '/me/totp/disable',
    route('authenticated', { body: totpCodeSchema, 200: sessionReply }),
    async (req) => {
      const auth = authOf(req);
      const user = auth.user;
      if (!user.totp_secret || !user.totp_enabled) throw problem('conflict', 'No second factor is set up.');
      return switchSecondFactor(req, user, user.totp_secret, req.body.code, false);
    },
  );
}
