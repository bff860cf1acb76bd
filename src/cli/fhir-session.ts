// The FHIR API in-process for the command line (`kaspr import`, `kaspr export`): the app is built on the configured
// database without opening a port, and the command acts as the system client "kaspr command line" for the services
// chosen. Its key pair is made fresh for each run (the public key replaces the last one; the private key never leaves
// memory), so every record it reads or writes is audited as that client, within those services, exactly as for a
// warehouse or EHR connecting over the network.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { buildApp } from '../api/app.ts';
import type { KasprApp } from '../api/context.ts';
import { appendAudit } from '../store/audit.ts';
import { listServices } from '../store/services.ts';
import { insertSystemClient, listSystemClients, replaceSystemClientKeys } from '../store/system-clients.ts';
import { openForCli } from './open.ts';

export const CLI_CLIENT_NAME = 'kaspr command line';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Tokens last five minutes; a new one is asked for after four. */
const TOKEN_REFRESH_MS = 4 * 60_000;

export interface FhirReply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface FhirSession {
  serviceNames: string[];
  request(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: string,
    headers?: Record<string, string>,
  ): Promise<FhirReply>;
  close(): Promise<void>;
}

/** The services named (by id or name), or every service when none is named. */
async function chooseServices(db: Parameters<typeof listServices>[0], wanted: readonly string[]) {
  const services = await listServices(db);
  if (services.length === 0)
    throw new Error('There is no service yet: set KASPR up first (npm start, then /setup).');
  if (wanted.length === 0) return services;
  return wanted.map((w) => {
    const found = services.find((s) => s.id === w || s.name.toLowerCase() === w.toLowerCase());
    if (!found) throw new Error(`No service "${w}". Services: ${services.map((s) => s.name).join(', ')}.`);
    return found;
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Registers (or re-keys) the command line's client for these services and scope; gives its id and private key. */
async function cliClient(app: KasprApp, serviceIds: string[], scope: string) {
  const db = app.kaspr.ctx.db;
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' }] };
  const now = new Date();
  const existing = (await listSystemClients(db)).find(
    (c) =>
      c.name === CLI_CLIENT_NAME && !c.disabled && c.scope === scope && sameSet(c.service_ids, serviceIds),
  );
  const clientId = await db.transaction(async (tx) => {
    const id =
      existing?.id ??
      (await insertSystemClient(
        tx,
        { name: CLI_CLIENT_NAME, jwks, scope, serviceIds, createdBy: null },
        now,
      ));
    if (existing) await replaceSystemClientKeys(tx, id, jwks, null, now);
    await appendAudit(
      tx,
      {
        actorId: null,
        action: existing ? 'system-client.keys-replace' : 'system-client.create',
        resourceType: 'SystemClient',
        resourceId: id,
        outcome: 'success',
        details: { via: 'command line', scope, serviceIds, keys: [kid] },
      },
      now,
    );
    return id;
  });
  return { clientId, privateKey, kid };
}

/** Opens the configured database and the FHIR API on it, signed in as the command line's client. */
export async function openFhirSession(options: {
  services: readonly string[];
  scope: string;
}): Promise<FhirSession> {
  const opened = await openForCli();
  let app: KasprApp | undefined;
  try {
    app = await buildApp({ db: opened.db, config: opened.config, now: () => new Date() });
    await app.ready();
    const services = await chooseServices(opened.db, options.services);
    const serviceIds = services.map((s) => s.id);
    const { clientId, privateKey, kid } = await cliClient(app, serviceIds, options.scope);
    const local = app;
    const discovery = await local.inject({ method: 'GET', url: '/fhir/R4/.well-known/smart-configuration' });
    const tokenEndpoint = (JSON.parse(discovery.body) as { token_endpoint: string }).token_endpoint;
    let token: { value: string; at: number } | undefined;
    const freshToken = async (key: CryptoKey): Promise<string> => {
      if (token && Date.now() - token.at < TOKEN_REFRESH_MS) return token.value;
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES384', kid, typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(tokenEndpoint)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + 240)
        .sign(key);
      const reply = await local.inject({
        method: 'POST',
        url: new URL(tokenEndpoint).pathname,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: JWT_BEARER,
          client_assertion: assertion,
        }).toString(),
      });
      if (reply.statusCode !== 200)
        throw new Error(`The token endpoint refused the command line: ${reply.body}`);
      token = { value: (JSON.parse(reply.body) as { access_token: string }).access_token, at: Date.now() };
      return token.value;
    };
    return {
      serviceNames: services.map((s) => s.name),
      request: async (method, url, body, headers = {}) => {
        const reply = await local.inject({
          method,
          url: url.startsWith('http') ? new URL(url).pathname + new URL(url).search : url,
          headers: {
            authorization: `Bearer ${await freshToken(privateKey)}`,
            ...(body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
            ...headers,
          },
          ...(body !== undefined ? { payload: body } : {}),
        });
        return { status: reply.statusCode, headers: reply.headers, body: reply.body };
      },
      close: async () => {
        await local.close();
        await opened.close();
      },
    };
  } catch (err) {
    await app?.close();
    await opened.close();
    throw err;
  }
}
