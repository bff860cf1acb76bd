// Sign-in, sign-out and accepting an invitation; every attempt is throttled and audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  IP_ATTEMPTS_PER_WINDOW,
  IP_WINDOW_MINUTES,
  lockoutSeconds,
} from '../../domain/auth/session-policy.ts';
import { acceptInviteSchema, loginSchema } from '../../schemas/auth.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../security/passwords.ts';
import { sha256 } from '../../security/tokens.ts';
import { matchTotp } from '../../security/totp.ts';
import { endSession, failedAttemptsFromIp, recordLoginAttempt } from '../../store/sessions.ts';
import {
  findUserByEmail,
  findUserById,
  findUserByInvite,
  recordLoginFailure,
  recordLoginSuccess,
  setPassword,
} from '../../store/users.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { problem } from '../problem.ts';
import { sessionView, startSession } from '../auth/sessions.ts';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: loginSchema } },
    async (req, reply) => {
      const now = ctx.now();
      const emailKey = sha256(req.body.email);
      const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
      if ((await failedAttemptsFromIp(ctx.db, req.ip, since)) >= IP_ATTEMPTS_PER_WINDOW) {
        await ctx.db.transaction((tx) =>
          auditFrom(
            req,
            tx,
            {
              action: 'auth.login',
              resourceType: 'Session',
              outcome: 'denied',
              details: { reason: 'ip-throttled' },
            },
            now,
          ),
        );
        throw problem(
          'login-throttled',
          `Too many failed sign-ins from this address. Try again in ${IP_WINDOW_MINUTES} minutes.`,
          undefined,
          {
            retryAfterSeconds: IP_WINDOW_MINUTES * 60,
          },
        );
      }
      const user = await findUserByEmail(ctx.db, req.body.email);
      const fail = async (reason: string, countAgainstAccount: boolean) => {
        await ctx.db.transaction(async (tx) => {
          await recordLoginAttempt(tx, { at: now, emailKey, ip: req.ip, success: false });
          if (user && countAgainstAccount) {
            const seconds = lockoutSeconds(user.failed_logins + 1);
            await recordLoginFailure(
              tx,
              user.id,
              seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
            );
          }
          await auditFrom(
            req,
            tx,
            {
              actorId: user?.id ?? null,
              action: 'auth.login',
              resourceType: 'Session',
              outcome: 'denied',
              details: { reason },
            },
            now,
          );
        });
      };
      if (user?.locked_until && user.locked_until > now) {
        await fail('account-locked', false);
        const retry = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
        throw problem(
          'login-throttled',
          `Too many failed sign-ins for this account. Try again in ${Math.ceil(retry / 60)} minute(s).`,
          undefined,
          { retryAfterSeconds: retry },
        );
      }
      const passwordOk = await verifyPassword(user?.password_hash ?? null, req.body.password);
      if (!user || !passwordOk || user.disabled) {
        await fail(!user ? 'unknown-account' : user.disabled ? 'disabled' : 'bad-password', Boolean(user));
        throw problem('login-failed');
      }
      let totpStep: number | undefined;
      if (user.totp_enabled && user.totp_secret) {
        if (!req.body.totp) {
          throw problem('totp-required');
        }
        const step = matchTotp(user.totp_secret, req.body.totp, now, user.totp_last_step);
        if (step === null) {
          await fail('bad-totp', true);
          throw problem('totp-invalid');
        }
        totpStep = step;
      }
      const rehash = needsRehash(user.password_hash ?? '') ? await hashPassword(req.body.password) : null;
      const csrfToken = await ctx.db.transaction(async (tx) => {
        await recordLoginAttempt(tx, { at: now, emailKey, ip: req.ip, success: true });
        await recordLoginSuccess(tx, user.id, totpStep);
        if (rehash) await setPassword(tx, user.id, rehash);
        // A fresh session id at every sign-in; any session id the browser held before is not reused.
        const oldCookie = req.auth?.sessionHash;
        if (oldCookie) await endSession(tx, oldCookie, now);
        const token = await startSession(ctx, tx, reply, user.id, req.ip);
        await auditFrom(
          req,
          tx,
          { actorId: user.id, action: 'auth.login', resourceType: 'Session', outcome: 'success' },
          now,
        );
        return token;
      });
      const fresh = await findUserById(ctx.db, user.id);
      return sessionView(ctx, ctx.db, fresh ?? user, csrfToken);
    },
  );

  api.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await endSession(tx, auth.sessionHash, now);
        await auditFrom(req, tx, { action: 'auth.logout', resourceType: 'Session', outcome: 'success' }, now);
      });
      reply.clearCookie(ctx.config.KASPR_SECURE_COOKIES ? '__Host-kaspr_session' : 'kaspr_session', {
        path: '/',
      });
      return reply.status(204).send();
    },
  );

  api.post(
    '/auth/accept-invite',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: acceptInviteSchema } },
    async (req, reply) => {
      const now = ctx.now();
      const user = await findUserByInvite(ctx.db, sha256(req.body.token));
      if (!user || !user.invite_expires_at || user.invite_expires_at < now || user.disabled) {
        throw problem(
          'not-found',
          'This invitation link is not valid or has expired. Ask an administrator for a new one.',
        );
      }
      const passwordHash = await hashPassword(req.body.password);
      const csrfToken = await ctx.db.transaction(async (tx) => {
        await setPassword(tx, user.id, passwordHash);
        const token = await startSession(ctx, tx, reply, user.id, req.ip);
        await auditFrom(
          req,
          tx,
          {
            actorId: user.id,
            action: 'auth.accept-invite',
            resourceType: 'User',
            resourceId: user.id,
            outcome: 'success',
          },
          now,
        );
        return token;
      });
      const fresh = await findUserById(ctx.db, user.id);
      return sessionView(ctx, ctx.db, fresh ?? user, csrfToken);
    },
  );

  api.get(
    '/auth/invite/:token',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], params: z.object({ token: z.string().max(200) }) },
    },
    async (req) => {
      const user = await findUserByInvite(ctx.db, sha256(req.params.token));
      if (!user || !user.invite_expires_at || user.invite_expires_at < ctx.now()) throw problem('not-found');
      return { email: user.email, displayName: user.display_name };
    },
  );
}
