// Sign-in, sign-out and accepting an invitation; every attempt is throttled and audited.
import { z } from 'zod';
import { acceptInviteSchema, loginSchema } from '../../schemas/auth.ts';
import { hashPassword, needsRehash } from '../../security/passwords.ts';
import { sha256 } from '../../security/tokens.ts';
import { endSession } from '../../store/sessions.ts';
import { findUserByInvite, setPassword } from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';
import { refuseWeakPassword } from '../auth/password-rules.ts';
import { loginRefusal } from '../auth/refusals.ts';
import { reauthenticate } from '../auth/reauthenticate.ts';
import { freshSessionView, startSession } from '../auth/sessions.ts';
import { storableString } from '../../schemas/common.ts';
import { noContent } from '../../schemas/replies/common.ts';
import { invitationReply, sessionReply } from '../../schemas/replies/auth.ts';

export function authRoutes(api: ZodApp, ctx: AppContext): void {
  api.post('/auth/login', route('public', { body: loginSchema, 200: sessionReply }), async (req, reply) => {
    const result = await reauthenticate(ctx, req, {
      purpose: 'login',
      email: req.body.email,
      factor: { password: req.body.password, totp: req.body.totp },
      secondFactor: true,
    });
    if (!result.ok) throw loginRefusal(result.failure, result.retryAfterSeconds);
    const user = result.user;
    const now = ctx.now();
    const rehash = needsRehash(user.password_hash ?? '') ? await hashPassword(req.body.password) : null;
    const csrfToken = await ctx.db.transaction(async (tx) => {
      if (rehash) await setPassword(tx, user.id, rehash);
      // A fresh session id at every sign-in; any session id the browser held before is not reused.
      const oldCookie = req.auth?.sessionHash;
      if (oldCookie) await endSession(tx, oldCookie, now);
      return startSession(ctx, tx, reply, user.id, req.ip);
    });
    return freshSessionView(ctx, user, csrfToken);
  });

  api.post('/auth/logout', route('authenticated', { 204: noContent }), async (req, reply) => {
    const auth = authOf(req);
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await endSession(tx, auth.sessionHash, now);
      await recordChange(req, tx, { action: 'auth.logout', resource: { type: 'Session' }, now });
    });
    reply.clearCookie(ctx.config.KASPR_SECURE_COOKIES ? '__Host-kaspr_session' : 'kaspr_session', {
      path: '/',
    });
    return reply.status(204).send(null);
  });

  api.post(
    '/auth/accept-invite',
    route('public', { body: acceptInviteSchema, 200: sessionReply }),
    async (req, reply) => {
      const now = ctx.now();
      const user = await findUserByInvite(ctx.db, sha256(req.body.token));
      if (!user || !user.invite_expires_at || user.invite_expires_at < now || user.disabled) {
        throw problem(
          'not-found',
          'This invitation link is not valid or has expired. Ask an administrator for a new one.',
        );
      }
      refuseWeakPassword(
        req.body.password,
        { email: user.email, displayName: user.display_name },
        'body.password',
      );
      const passwordHash = await hashPassword(req.body.password);
      const csrfToken = await ctx.db.transaction(async (tx) => {
        await setPassword(tx, user.id, passwordHash);
        const token = await startSession(ctx, tx, reply, user.id, req.ip);
        await recordChange(req, tx, {
          actorId: user.id,
          action: 'auth.accept-invite',
          resource: { type: 'User', id: user.id },
          now,
        });
        return token;
      });
      return freshSessionView(ctx, user, csrfToken);
    },
  );

  api.get(
    '/auth/invite/:token',
    route('public', { params: z.object({ token: storableString().max(200) }), 200: invitationReply }),
    async (req) => {
      const user = await findUserByInvite(ctx.db, sha256(req.params.token));
      if (!user || !user.invite_expires_at || user.invite_expires_at < ctx.now()) throw problem('not-found');
      return { email: user.email, displayName: user.display_name };
    },
  );
}
