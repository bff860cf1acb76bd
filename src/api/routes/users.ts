// Staff administration: create or invite users, set roles and services, disable, record credentials.
import { createUserSchema, credentialSchema, updateUserSchema } from '../../schemas/auth.ts';
import { idParams } from '../../schemas/common.ts';
import {
  credentialReply,
  credentialsReply,
  userCreatedReply,
  userReply,
  usersReply,
} from '../../schemas/replies/admin.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newToken, sha256 } from '../../security/tokens.ts';
import { listServices } from '../../store/services.ts';
import { endUserSessions } from '../../store/sessions.ts';
import {
  credentialView,
  findUserByEmail,
  findUserById,
  insertCredential,
  insertUser,
  listCredentials,
  listUsers,
  setUserServices,
  updateUser,
  userView,
} from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { todayInServices } from '../services-today.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';
import { refuseWeakPassword } from '../auth/password-rules.ts';

const INVITE_DAYS = 7;

export function userRoutes(api: ZodApp, ctx: AppContext): void {
  async function checkServices(ids: string[]): Promise<void> {
    const known = new Set((await listServices(ctx.db)).map((s) => s.id));
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw problem('validation-failed', undefined, [
        { path: `body.serviceIds.${unknown}`, message: 'Unknown service' },
      ]);
  }

  api.get('/users', route('user:manage', { 200: usersReply }), async () => ({
    users: (await listUsers(ctx.db)).map(userView),
  }));

  api.post(
    '/users',
    route('user:manage', { body: createUserSchema, 201: userCreatedReply }),
    async (req, reply) => {
      const body = req.body;
      // With one service, new staff work in it unless the request says otherwise (an explicit list is kept).
      const services = await listServices(ctx.db);
      const serviceIds = body.serviceIds ?? (services.length === 1 && services[0] ? [services[0].id] : []);
      await checkServices(serviceIds);
      if (await findUserByEmail(ctx.db, body.email)) throw problem('email-taken');
      if (body.password) refuseWeakPassword(body.password, body, 'body.password');
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      const inviteToken = body.password ? null : newToken();
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const userId = await insertUser(tx, {
          email: body.email,
          displayName: body.displayName,
          passwordHash,
          roles: body.roles,
          serviceIds,
          ...(inviteToken
            ? {
                inviteTokenHash: sha256(inviteToken),
                inviteExpiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
              }
            : {}),
        });
        await recordChange(req, tx, {
          action: 'user.create',
          resource: { type: 'User', id: userId },
          details: { roles: body.roles },
          now,
        });
        return userId;
      });
      const user = await findUserById(ctx.db, id);
      if (!user) throw new Error('user vanished');
      return reply.status(201).send({
        user: userView(user),
        ...(inviteToken ? { invitePath: `/invite/${inviteToken}`, inviteExpiresInDays: INVITE_DAYS } : {}),
      });
    },
  );

  api.patch(
    '/users/:id',
    route('user:manage', { params: idParams, body: updateUserSchema, 200: userReply }),
    async (req) => {
      const auth = authOf(req);
      const target = await findUserById(ctx.db, req.params.id);
      if (!target) throw problem('not-found');
      const body = req.body;
      if (target.id === auth.user.id && (body.disabled || (body.roles && !body.roles.includes('admin')))) {
        throw problem('conflict', 'You cannot disable yourself or remove your own administrator role.');
      }
      if (body.serviceIds) await checkServices(body.serviceIds);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await updateUser(tx, target.id, body);
        if (body.serviceIds) await setUserServices(tx, target.id, body.serviceIds);
        // Disabling an account or changing its privileges ends its live sessions (ASVS 7.4.2, 3.3 rotation).
        if (body.disabled || body.roles || body.serviceIds) await endUserSessions(tx, target.id, now);
        await recordChange(req, tx, {
          action: 'user.update',
          resource: { type: 'User', id: target.id },
          details: { fields: Object.keys(body) },
          now,
        });
      });
      const user = await findUserById(ctx.db, target.id);
      if (!user) throw new Error('user vanished');
      return { user: userView(user) };
    },
  );

  api.get(
    '/users/:id/credentials',
    route('user:manage', { params: idParams, 200: credentialsReply }),
    async (req) => {
      const staff = await findUserById(ctx.db, req.params.id);
      if (!staff) throw problem('not-found');
      // Valid or expired on the staff member's clinic's calendar, as session start checks it.
      const today = await todayInServices(ctx.db, staff.service_ids, ctx.now());
      return {
        credentials: (await listCredentials(ctx.db, req.params.id)).map((c) => credentialView(c, today)),
      };
    },
  );

  api.post(
    '/users/:id/credentials',
    route('user:manage', { params: idParams, body: credentialSchema, 201: credentialReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const staff = await findUserById(ctx.db, req.params.id);
      if (!staff) throw problem('not-found');
      const now = ctx.now();
      const row = await ctx.db.transaction(async (tx) => {
        const created = await insertCredential(tx, {
          ...req.body,
          userId: req.params.id,
          recordedBy: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'credential.create',
          resource: { type: 'StaffCredential', id: created.id },
          details: { kind: req.body.kind },
          now,
        });
        return created;
      });
      return reply
        .status(201)
        .send(credentialView(row, await todayInServices(ctx.db, staff.service_ids, now)));
    },
  );
}
