// System clients (SMART Backend Services) over real HTTP, on both engines: an admin registers a client with its
// public keys; the client signs an assertion (RS384 or ES384), gets a five-minute bearer token and reads FHIR in its
// services only; replayed, misaddressed, expired and foreign-key assertions are refused; disabling and key
// replacement take effect at once; expired tokens and writes without a write scope are refused; reads are audited
// under the client's own user.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let north: string;
let south: string;
let tokenUrl: string;

const FHIR = '/fhir/R4';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface KeyPair {
  alg: 'RS384' | 'ES384';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function keyPair(alg: 'RS384' | 'ES384', kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

interface Claims {
  aud?: string;
  jti?: string;
  /** Seconds from now. */
  exp?: number;
  iss?: string;
}

function assertion(clientId: string, key: KeyPair, c: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.publicJwk.kid, typ: 'JWT' })
    .setIssuer(c.iss ?? clientId)
    .setSubject(clientId)
    .setAudience(c.aud ?? tokenUrl)
    .setJti(c.jti ?? randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + (c.exp ?? 240))
    .sign(key.privateKey);
}

async function tokenRequest(form: Record<string, string>) {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const requestToken = async (clientId: string, key: KeyPair, claims: Claims = {}, scope?: string) =>
  tokenRequest({
    grant_type: 'client_credentials',
    client_assertion_type: JWT_BEARER,
    client_assertion: await assertion(clientId, key, claims),
    ...(scope ? { scope } : {}),
  });

async function tokenFor(clientId: string, key: KeyPair, scope?: string): Promise<string> {
  const r = await requestToken(clientId, key, {}, scope);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.access_token as string;
}

function fhir(method: string, path: string, token: string) {
  return new Client(server.baseUrl).request(method, `${FHIR}/${path}`, undefined, {
    authorization: `Bearer ${token}`,
  });
}

async function register(name: string, keys: KeyPair[], scope = 'system/*.read', serviceIds = [w.serviceA]) {
  const r = await w.admin.post('/api/v1/system-clients', {
    name,
    jwks: { keys: keys.map((k) => k.publicJwk) },
    scope,
    serviceIds,
  });
  expect(r.status, r.text).toBe(201);
  return { clientId: r.body.clientId as string, userId: r.body.client.userId as string };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const create = async (c: Client, familyName: string) => {
    const r = await c.post('/api/v1/patients', { ...SAMPLE_PATIENT, familyName });
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  north = await create(w.alice, 'Northerly');
  south = await create(w.bob, 'Southerly');
  const config = await new Client(server.baseUrl).get(`${FHIR}/.well-known/smart-configuration`);
  tokenUrl = config.body.token_endpoint as string;
}, 120_000);
afterAll(() => server.close());

describe('discovery', () => {
  it('advertises the token endpoint, private_key_jwt with RS384 and ES384, and client credentials', async () => {
    const r = await new Client(server.baseUrl).get(`${FHIR}/.well-known/smart-configuration`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      token_endpoint: `${server.baseUrl}${FHIR}/auth/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      grant_types_supported: ['client_credentials'],
      capabilities: ['client-confidential-asymmetric'],
    });
    expect(r.body.scopes_supported).toContain('system/*.read');
  });
});

describe('registration', () => {
  it('takes public keys only, and needs user:manage', async () => {
    const key = await keyPair('ES384', 'k1');
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'secret' };
    const refused = await w.admin.post('/api/v1/system-clients', {
      name: 'Leaky',
      jwks: { keys: [privateJwk] },
      scope: 'system/*.read',
      serviceIds: [w.serviceA],
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('private');
    const badScope = await w.admin.post('/api/v1/system-clients', {
      name: 'Odd',
      jwks: { keys: [key.publicJwk] },
      scope: 'user/*.read',
      serviceIds: [w.serviceA],
    });
    expect(badScope.status).toBe(422);
    const byClinician = await w.alice.post('/api/v1/system-clients', {
      name: 'Mine',
      jwks: { keys: [key.publicJwk] },
      scope: 'system/*.read',
      serviceIds: [w.serviceA],
    });
    expect(byClinician.status).toBe(403);
    const { clientId } = await register('Listed', [key]);
    const list = await w.admin.get('/api/v1/system-clients');
    expect(list.status).toBe(200);
    const listed = (list.body.systemClients as { id: string; keys: unknown[]; serviceIds: string[] }[]).find(
      (c) => c.id === clientId,
    );
    expect(listed?.serviceIds).toEqual([w.serviceA]);
    expect(JSON.stringify(list.body)).not.toContain(key.publicJwk.x as string);
  });
});

describe('tokens and reads', () => {
  for (const alg of ['RS384', 'ES384'] as const) {
    it(`${alg}: gets a token and reads its own service only`, async () => {
      const key = await keyPair(alg, `${alg}-1`);
      const { clientId } = await register(`Warehouse ${alg}`, [key]);
      const r = await requestToken(clientId, key);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/*.read' });
      const token = r.body.access_token as string;
      const search = await fhir('GET', 'Patient', token);
      expect(search.status, search.text).toBe(200);
      const ids = (search.body.entry as { resource: { id: string } }[]).map((e) => e.resource.id);
      expect(ids).toContain(north);
      expect(ids).not.toContain(south);
      expect((await fhir('GET', `Patient/${north}`, token)).status).toBe(200);
      expect((await fhir('GET', `Patient/${south}`, token)).status).toBe(404);
    });
  }

  it('audits the reads under the client’s own user', async () => {
    const key = await keyPair('ES384', 'audit');
    const { clientId, userId } = await register('Audited', [key]);
    const token = await tokenFor(clientId, key);
    expect((await fhir('GET', `Patient/${north}`, token)).status).toBe(200);
    const audit = await w.admin.get(`/api/v1/audit?patientId=${north}&actorId=${userId}`);
    expect(audit.status, audit.text).toBe(200);
    const entries = audit.body.entries as { action: string; actor: { id: string } | null }[];
    expect(entries.some((e) => e.action === 'fhir.read' && e.actor?.id === userId)).toBe(true);
  });

  it('is not staff: its own account is never listed or read as a Practitioner', async () => {
    const key = await keyPair('ES384', 'not-staff');
    const { clientId, userId } = await register('Not staff', [key]);
    const token = await tokenFor(clientId, key);
    const bySession = await w.alice.get(`${FHIR}/Practitioner`);
    expect(bySession.status).toBe(200);
    expect(bySession.text).not.toContain(userId);
    expect((await w.alice.get(`${FHIR}/Practitioner/${userId}`)).status).toBe(404);
    expect((await fhir('GET', 'Practitioner', token)).text).not.toContain(userId);
  });

  it('limits a token to its scopes: a Patient-only token cannot read Observation; asking beyond is refused', async () => {
    const key = await keyPair('RS384', 'scoped');
    const { clientId } = await register('Scoped', [key], 'system/Patient.read');
    const token = await tokenFor(clientId, key);
    expect((await fhir('GET', 'Patient', token)).status).toBe(200);
    expect((await fhir('GET', 'Observation', token)).status).toBe(403);
    const beyond = await requestToken(clientId, key, {}, 'system/*.read');
    expect(beyond.status).toBe(400);
    expect(beyond.body.error).toBe('invalid_scope');
  });

  it('refuses a write with a read-only token (403); a write scope reaches the route', async () => {
    const key = await keyPair('ES384', 'writer');
    const readOnly = await register('Reader', [key]);
    const token = await tokenFor(readOnly.clientId, key);
    const put = await fhir('PUT', `Patient/${north}`, token);
    expect(put.status).toBe(403);
    const del = await fhir('DELETE', `Patient/${north}`, token);
    expect(del.status).toBe(403);
    const writer = await register('Writer', [key], 'system/*.read system/Patient.write');
    const writeToken = await tokenFor(writer.clientId, key);
    // Past the scope check, the route itself answers: records are never deleted.
    expect((await fhir('DELETE', `Patient/${north}`, writeToken)).status).toBe(405);
  });
});

describe('refused assertions', () => {
  let key: KeyPair;
  let clientId: string;
  beforeAll(async () => {
    key = await keyPair('RS384', 'main');
    ({ clientId } = await register('Refusals', [key]));
  });

  it('refuses a replayed jti with invalid_grant', async () => {
    const jti = randomUUID();
    expect((await requestToken(clientId, key, { jti })).status).toBe(200);
    const again = await requestToken(clientId, key, { jti });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a wrong aud, an expired assertion, an exp too far ahead, and another key’s signature', async () => {
    const other = await keyPair('RS384', 'main');
    for (const [claims, signer] of [
      [{ aud: `${server.baseUrl}/somewhere-else` }, key],
      [{ exp: -60 }, key],
      [{ exp: 600 }, key],
      [{}, other],
    ] as const) {
      const r = await requestToken(clientId, signer, claims);
      expect(r.status, JSON.stringify(claims)).toBe(401);
      expect(r.body.error).toBe('invalid_client');
      expect(typeof r.body.error_description).toBe('string');
    }
  });

  it('refuses other grant types and assertion types', async () => {
    const r = await tokenRequest({
      grant_type: 'password',
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(clientId, key),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('unsupported_grant_type');
    const t = await tokenRequest({
      grant_type: 'client_credentials',
      client_assertion_type: 'something',
      client_assertion: await assertion(clientId, key),
    });
    expect(t.status).toBe(400);
    expect(t.body.error).toBe('invalid_request');
  });
});

describe('lifecycle', () => {
  it('after key replacement the old key is refused and the new one works', async () => {
    const oldKey = await keyPair('ES384', 'v1');
    const newKey = await keyPair('RS384', 'v2');
    const { clientId } = await register('Rotating', [oldKey]);
    await tokenFor(clientId, oldKey);
    const r = await w.admin.post(`/api/v1/system-clients/${clientId}/keys`, {
      jwks: { keys: [newKey.publicJwk] },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.client.keyVersion).toBe(2);
    expect((await requestToken(clientId, oldKey)).status).toBe(401);
    const token = await tokenFor(clientId, newKey);
    expect((await fhir('GET', `Patient/${north}`, token)).status).toBe(200);
  });

  it('a disabled client gets no token and its tokens stop working', async () => {
    const key = await keyPair('ES384', 'off');
    const { clientId } = await register('Retired', [key]);
    const token = await tokenFor(clientId, key);
    expect((await fhir('GET', 'Patient', token)).status).toBe(200);
    const r = await w.admin.post(`/api/v1/system-clients/${clientId}/disable`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.client.disabled).toBe(true);
    expect((await fhir('GET', 'Patient', token)).status).toBe(401);
    const refused = await requestToken(clientId, key);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_client');
  });

  it('an expired access token is refused with 401, as is an unknown one', async () => {
    const key = await keyPair('RS384', 'clock');
    const { clientId } = await register('Clocked', [key]);
    const token = await tokenFor(clientId, key);
    expect((await fhir('GET', 'Patient', token)).status).toBe(200);
    const realNow = server.ctx.now;
    server.ctx.now = () => new Date(Date.now() + 301_000);
    try {
      const r = await fhir('GET', 'Patient', token);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toContain('invalid_token');
    } finally {
      server.ctx.now = realNow;
    }
    expect((await fhir('GET', 'Patient', 'not-a-token')).status).toBe(401);
  });

  it('a bearer token opens the FHIR API only, never the native API', async () => {
    const key = await keyPair('ES384', 'native');
    const { clientId } = await register('Native', [key]);
    const token = await tokenFor(clientId, key);
    const r = await new Client(server.baseUrl).get(`/api/v1/patients/${north}`, {
      authorization: `Bearer ${token}`,
    });
    expect(r.status).toBe(401);
  });
});
