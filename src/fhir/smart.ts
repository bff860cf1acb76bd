// SMART Backend Services under /fhir/R4: the discovery document and the token endpoint. A registered system
// client (see api/routes/system-clients.ts) proves itself with a JWT assertion signed by one of its registered
// keys (RS384 or ES384; `iss` = `sub` = its client id, `aud` = this endpoint, `exp` at most five minutes ahead, a
// `jti` never used before) and gets a bearer token for five minutes, limited to its scopes and services. Only a
// SHA-256 hash of the token is stored; session-hook.ts checks it on each FHIR request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { recordChange } from '../api/record-change.ts';
import { zodApp, type AppContext } from '../api/context.ts';
import { route } from '../api/route.ts';
import { domainValue } from '../schemas/replies/common.ts';
import { SCOPE_PATTERN } from '../schemas/system-clients.ts';
import { newToken, sha256 } from '../security/tokens.ts';
import { findSystemClient, insertAccessToken, useAssertionId } from '../store/system-clients.ts';
import { FHIR_BASE_PATH } from './base.ts';

export const TOKEN_PATH = '/auth/token';
/** How long an access token lives, and how far ahead an assertion's `exp` may be. */
export const ACCESS_TOKEN_SECONDS = 300;
const MAX_ASSERTION_SECONDS = 300;
const SIGNING_ALGORITHMS = ['RS384', 'ES384'];
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

// ---- Scopes: `system/<Type or *>.<read, write or *>` ----

type Action = 'read' | 'write';

function parts(scope: string): { type: string; action: string } | undefined {
  const m = SCOPE_PATTERN.exec(scope);
  return m ? { type: m[1] ?? '', action: m[2] ?? '' } : undefined;
}

export const scopesOf = (scope: string): string[] => scope.split(/\s+/).filter((s) => s !== '');

/** True when the granted scope covers the wanted one (`system/*.read` covers `system/Patient.read`). */
function covers(granted: string, wanted: string): boolean {
  const g = parts(granted);
  const w = parts(wanted);
  if (!g || !w) return false;
  return (g.type === '*' || g.type === w.type) && (g.action === '*' || g.action === w.action);
}

/**
 * Whether a token's scope allows `action` on a resource type; for a system-level request (no type), whether it
 * allows `action` on some type.
 */
export function scopeAllows(scope: string, type: string | undefined, action: Action): boolean {
  return scopesOf(scope).some((granted) => {
    const g = parts(granted);
    if (!g || (g.action !== '*' && g.action !== action)) return false;
    return type === undefined || covers(granted, `system/${type}.${action}`);
  });
}

// ---- The endpoints ----

const oauthError = z.object({ error: z.string(), error_description: z.string() });
const tokenReply = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
const smartConfigurationReply = domainValue<Record<string, unknown>>(
  'SMART App Launch discovery document (.well-known/smart-configuration)',
);
const tokenForm = z.record(z.string(), z.string());

/** An OAuth 2.0 error reply (RFC 6749 §5.2). */
class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}
const invalidClient = (d: string) => new OAuthError(401, 'invalid_client', d);
const invalidRequest = (d: string) => new OAuthError(400, 'invalid_request', d);

const tokenEndpointOf = (req: FastifyRequest) =>
  `${req.protocol}://${req.host}${FHIR_BASE_PATH}${TOKEN_PATH}`;

/** The scopes granted: those asked for (all registered ones when none are), each covered by a registered one. */
function grantedScope(registered: string, asked: string | undefined): string {
  if (asked === undefined || asked.trim() === '') return scopesOf(registered).join(' ');
  const wanted = scopesOf(asked);
  for (const w of wanted)
    if (!scopesOf(registered).some((g) => covers(g, w)))
      throw new OAuthError(400, 'invalid_scope', `The client may not be granted ${w}.`);
  return wanted.join(' ');
}

/** Verifies the client's assertion with its registered keys; returns the client and the checked claims. */
async function verifyAssertion(ctx: AppContext, req: FastifyRequest, form: Record<string, string>) {
  if (form.grant_type !== 'client_credentials')
    throw new OAuthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
  if (form.client_assertion_type !== JWT_BEARER)
    throw invalidRequest(`client_assertion_type must be ${JWT_BEARER}.`);
  const assertion = form.client_assertion;
  if (!assertion) throw invalidRequest('client_assertion is missing.');
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(assertion);
  } catch {
    throw invalidClient('client_assertion is not a JWT.');
  }
  const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
  if (form.client_id !== undefined && form.client_id !== clientId)
    throw invalidClient('client_id does not match the assertion.');
  const client = await findSystemClient(ctx.db, clientId);
  if (!client || client.disabled) throw invalidClient('Unknown or disabled client.');
  const now = ctx.now();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: SIGNING_ALGORITHMS,
      audience: tokenEndpointOf(req),
      issuer: client.id,
      subject: client.id,
      currentDate: now,
      requiredClaims: ['exp', 'jti'],
    }));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'invalid';
    throw invalidClient(`The assertion was refused (${code}).`);
  }
  const exp = payload.exp ?? 0;
  if (exp - now.getTime() / 1000 > MAX_ASSERTION_SECONDS)
    throw invalidClient(`The assertion's exp is more than ${MAX_ASSERTION_SECONDS} seconds ahead.`);
  const jti = payload.jti ?? '';
  if (jti === '' || jti.length > 255)
    throw invalidClient('The assertion needs a jti of 1 to 255 characters.');
  return { client, jti, exp, now };
}

async function issueToken(ctx: AppContext, req: FastifyRequest, form: Record<string, string>) {
  const { client, jti, exp, now } = await verifyAssertion(ctx, req, form);
  const scope = grantedScope(client.scope, form.scope);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  await ctx.db.transaction(async (tx) => {
    if (!(await useAssertionId(tx, client.id, jti, new Date(exp * 1000), now)))
      throw new OAuthError(400, 'invalid_grant', 'This assertion (its jti) was used before.');
    await insertAccessToken(tx, {
      tokenHash: sha256(token),
      clientId: client.id,
      scope,
      issuedAt: now,
      expiresAt,
    });
    await recordChange(req, tx, {
      action: 'system-client.token',
      resource: { type: 'SystemClient', id: client.id },
      actorId: client.user_id,
      details: { scope, expiresAt: expiresAt.toISOString() },
      now,
    });
  });
  return { access_token: token, token_type: 'bearer' as const, expires_in: ACCESS_TOKEN_SECONDS, scope };
}

function sendOAuthError(reply: FastifyReply, err: OAuthError) {
  if (err.status === 401) void reply.header('www-authenticate', 'Bearer error="invalid_client"');
  return reply.status(err.status).send({ error: err.error, error_description: err.message });
}

/** Registers the discovery document and the token endpoint in their own scope (under the FHIR base path). */
export function registerSmartRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 65_536 },
    (_req, body, done) => {
      const form: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(String(body))) {
        if (key in form) {
          done(invalidRequest(`${key} is given more than once.`), undefined);
          return;
        }
        form[key] = value;
      }
      done(null, form);
    },
  );
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof OAuthError) return sendOAuthError(reply, err);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err, requestId: req.id }, 'token request failed');
      return reply.status(500).send({ error: 'server_error', error_description: 'The request failed.' });
    }
    return sendOAuthError(reply, invalidRequest('The request could not be read as a token request.'));
  });
  app.addHook('onRoute', (options) => {
    options.schema = { ...options.schema, tags: ['fhir'] };
  });

  api.get('/.well-known/smart-configuration', route('public', { 200: smartConfigurationReply }), (req) => ({
    token_endpoint: tokenEndpointOf(req),
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: SIGNING_ALGORITHMS,
    grant_types_supported: ['client_credentials'],
    scopes_supported: ['system/*.read', 'system/*.write', 'system/*.*'],
    capabilities: ['client-confidential-asymmetric'],
  }));

  api.post(
    TOKEN_PATH,
    route('public', { body: tokenForm, 200: tokenReply, 400: oauthError, 401: oauthError }),
    async (req, reply) => {
      const token = await issueToken(ctx, req, req.body);
      void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return token;
    },
  );
}
