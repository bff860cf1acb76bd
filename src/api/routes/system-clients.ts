// System clients (SMART Backend Services): an administrator registers a machine client with its public keys, the
// services it reads and its scopes; replaces its keys (the old set stays on record and stops working) or
// disables it. The client then gets short-lived tokens at /fhir/R4/auth/token (see fhir/smart.ts).
import { importJWK } from 'jose';
import { idParams } from '../../schemas/common.ts';
import {
  systemClientChangedReply,
  systemClientCreatedReply,
  systemClientsReply,
  type SystemClientView,
} from '../../schemas/replies/system-clients.ts';
import { createSystemClientSchema, replaceKeysSchema } from '../../schemas/system-clients.ts';
import { findService } from '../../store/services.ts';
import {
  disableSystemClient,
  findSystemClient,
  insertSystemClient,
  listSystemClients,
  replaceSystemClientKeys,
  type Jwks,
  type SystemClientRow,
} from '../../store/system-clients.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { route } from '../route.ts';

function clientView(c: SystemClientRow): SystemClientView {
  return {
    id: c.id,
    userId: c.user_id,
    name: c.name,
    scope: c.scope,
    serviceIds: c.service_ids,
    disabled: c.disabled,
    keyVersion: c.key_version,
    keys: c.jwks.keys.map((k) => ({
      kty: String(k.kty),
      ...(typeof k.kid === 'string' ? { kid: k.kid } : {}),
      ...(typeof k.alg === 'string' ? { alg: k.alg } : {}),
    })),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}

/** Refuses a key set any key of which the JOSE library cannot import as a public key for its algorithm. */
async function checkKeysImport(jwks: Jwks): Promise<void> {
  for (const [i, key] of jwks.keys.entries()) {
    const alg = key.kty === 'RSA' ? 'RS384' : 'ES384';
    try {
      await importJWK(key, alg);
    } catch {
      throw problem('validation-failed', undefined, [
        { path: `jwks.keys.${i}`, message: `Not a usable ${alg} public key` },
      ]);
    }
  }
}

async function existingClient(ctx: AppContext, id: string): Promise<SystemClientRow> {
  const client = await findSystemClient(ctx.db, id);
  if (!client) throw problem('not-found');
  return client;
}

/** The key ids of a set, for the audit entry (public, never key material). */
const keyIds = (jwks: Jwks) => jwks.keys.map((k) => (typeof k.kid === 'string' ? k.kid : String(k.kty)));

export function systemClientRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/system-clients', route('user:manage', { 200: systemClientsReply }), async () => ({
    systemClients: (await listSystemClients(ctx.db)).map(clientView),
  }));

  api.post(
    '/system-clients',
    route('user:manage', { body: createSystemClientSchema, 201: systemClientCreatedReply }),
    async (req, reply) => {
      await checkKeysImport(req.body.jwks);
      const serviceIds = [...new Set(req.body.serviceIds)];
      for (const [i, id] of serviceIds.entries())
        if (!(await findService(ctx.db, id)))
          throw problem('validation-failed', undefined, [
            { path: `serviceIds.${i}`, message: 'No such service' },
          ]);
      const now = ctx.now();
      const scope = req.body.scope.split(/\s+/).join(' ');
      const id = await ctx.db.transaction(async (tx) => {
        const created = await insertSystemClient(
          tx,
          { name: req.body.name, jwks: req.body.jwks, scope, serviceIds, createdBy: authOf(req).user.id },
          now,
        );
        await recordChange(req, tx, {
          action: 'system-client.create',
          resource: { type: 'SystemClient', id: created },
          details: { scope, serviceIds, keys: keyIds(req.body.jwks) },
          now,
        });
        return created;
      });
      return reply.status(201).send({ clientId: id, client: clientView(await existingClient(ctx, id)) });
    },
  );

  api.post(
    '/system-clients/:id/keys',
    route('user:manage', { params: idParams, body: replaceKeysSchema, 200: systemClientChangedReply }),
    async (req) => {
      await existingClient(ctx, req.params.id);
      await checkKeysImport(req.body.jwks);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const version = await replaceSystemClientKeys(
          tx,
          req.params.id,
          req.body.jwks,
          authOf(req).user.id,
          now,
        );
        if (version === undefined) throw problem('not-found');
        await recordChange(req, tx, {
          action: 'system-client.keys-replace',
          resource: { type: 'SystemClient', id: req.params.id },
          details: { keyVersion: version, keys: keyIds(req.body.jwks) },
          now,
        });
      });
      return { client: clientView(await existingClient(ctx, req.params.id)) };
    },
  );

  api.post(
    '/system-clients/:id/disable',
    route('user:manage', { params: idParams, 200: systemClientChangedReply }),
    async (req) => {
      const before = await existingClient(ctx, req.params.id);
      if (!before.disabled) {
        const now = ctx.now();
        await ctx.db.transaction(async (tx) => {
          await disableSystemClient(tx, req.params.id, now);
          await recordChange(req, tx, {
            action: 'system-client.disable',
            resource: { type: 'SystemClient', id: req.params.id },
            now,
          });
        });
      }
      return { client: clientView(await existingClient(ctx, req.params.id)) };
    },
  );
}
