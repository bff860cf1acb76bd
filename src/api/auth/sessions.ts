// Starting and describing sessions: a fresh random id at every sign-in, stored only as its hash.
import type { FastifyReply } from 'fastify';
import { hasPermission, PERMISSIONS } from '../../domain/access/roles.ts';
import type { SessionView } from '../../schemas/auth.ts';
import { newToken, sha256 } from '../../security/tokens.ts';
import type { Queryable } from '../../store/db.ts';
import { listServices, readSettings } from '../../store/services.ts';
import { insertSession } from '../../store/sessions.ts';
import { findUserById, userView, type UserRow } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { sessionCookieName } from './session-hook.ts';

/** Creates a session for the user and sets its cookie; returns the CSRF token for the client. */
export async function startSession(
  ctx: AppContext,
  tx: Queryable,
  reply: FastifyReply,
  userId: string,
  ip: string,
): Promise<string> {
  const token = newToken();
  const csrfToken = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.KASPR_SESSION_ABSOLUTE_HOURS * 3_600_000);
  await insertSession(tx, { idHash: sha256(token), userId, csrfToken, now, expiresAt, ip });
  reply.setCookie(sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.KASPR_SECURE_COOKIES,
  });
  return csrfToken;
}

/** What the web client needs to know about the signed-in user. */
export async function sessionView(
  ctx: AppContext,
  db: Queryable,
  user: UserRow,
  csrfToken: string,
): Promise<SessionView> {
  const services = (await listServices(db)).filter((s) => user.service_ids.includes(s.id));
  const settings = await readSettings(db);
  return {
    user: {
      ...userView(user),
      permissions: PERMISSIONS.filter((p) => hasPermission(user.roles, p)),
      services: services.map((s) => ({ id: s.id, name: s.name, timeZone: s.time_zone })),
      totpEnrolmentRequired:
        user.roles.includes('admin') && !user.totp_enabled && settings.requireTotpForAdmins,
    },
    csrfToken,
    sessionIdleMinutes: ctx.config.KASPR_SESSION_IDLE_MINUTES,
  };
}

/** The session view after a change this request made to the user: the account as stored now, else as given. */
export async function freshSessionView(
  ctx: AppContext,
  user: UserRow,
  csrfToken: string,
): Promise<SessionView> {
  const fresh = await findUserById(ctx.db, user.id);
  return sessionView(ctx, ctx.db, fresh ?? user, csrfToken);
}
