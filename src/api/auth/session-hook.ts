// Per-request security: session cookie → user, timeouts, route access, and CSRF checks, before any body is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import { sessionState, touchGranularityMs } from '../../domain/auth/session-policy.ts';
import { readSettings } from '../../store/services.ts';
import { checkLiveSession, endSession, findSession, touchSession } from '../../store/sessions.ts';
import { findAccessToken } from '../../store/system-clients.ts';
import { findUserById, type UserRow } from '../../store/users.ts';
import { safeEqual, sha256 } from '../../security/tokens.ts';
import type { AppContext, RouteAccess } from '../context.ts';
import { problem } from '../problem.ts';
import { scopeAllows } from '../../fhir/smart.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes a signed-in admin who must still enrol a second factor may use.
const ENROLMENT_ROUTES = new Set([
  '/api/v1/me',
  '/api/v1/me/totp/setup',
  '/api/v1/me/totp/enable',
  '/api/v1/auth/logout',
]);

export function sessionCookieName(ctx: AppContext): string {
  return ctx.config.KASPR_SECURE_COOKIES ? '__Host-kaspr_session' : 'kaspr_session';
}

/** Refuses cross-site writes by Fetch Metadata and Origin (OWASP CSRF cheat sheet; ASVS 3.5). */
function checkCrossSite(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw problem('csrf-rejected', 'Cross-site requests may not change data.');
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw problem('csrf-rejected', 'The Origin header is not valid.');
    }
    if (host !== req.headers.host) throw problem('csrf-rejected', 'The request came from another origin.');
  } else if (origin === 'null') {
    throw problem('csrf-rejected', 'Opaque origins may not change data.');
  }
}

/** Loads the session behind the cookie, ending it when it has timed out. */
async function loadSession(ctx: AppContext, req: FastifyRequest): Promise<'none' | 'expired' | 'ok'> {
  const token = req.cookies[sessionCookieName(ctx)];
  if (!token) return 'none';
  const idHash = sha256(token);
  const now = ctx.now();
  // A live session (nearly every request): checked, read with its user and, at most every few seconds, marked
  // seen, in one statement shared with the requests arriving at the same time.
  const live = await checkLiveSession(ctx.db, {
    idHash,
    now,
    limits: {
      idleMs: ctx.config.KASPR_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: ctx.config.KASPR_SESSION_ABSOLUTE_HOURS * 3_600_000,
      touchMs: touchGranularityMs(ctx.config.KASPR_SESSION_IDLE_MINUTES),
    },
  });
  if (live) return signedIn(ctx, req, live.user, idHash, live.session.csrf_token);
  // Otherwise find out why, by the domain's rule, and end the session if it has timed out.
  const session = await findSession(ctx.db, idHash);
  if (!session) return 'expired';
  const state = sessionState({ createdAt: session.created_at, lastSeenAt: session.last_seen_at }, now, {
    idleMinutes: ctx.config.KASPR_SESSION_IDLE_MINUTES,
    absoluteHours: ctx.config.KASPR_SESSION_ABSOLUTE_HOURS,
  });
  if (state !== 'active') {
    await endSession(ctx.db, idHash, now);
    return 'expired';
  }
  const user = await findUserById(ctx.db, session.user_id);
  if (!user || user.disabled) {
    await endSession(ctx.db, idHash, now);
    return 'expired';
  }
  await touchSession(ctx.db, idHash, now);
  return signedIn(ctx, req, user, idHash, session.csrf_token);
}

async function signedIn(
  ctx: AppContext,
  req: FastifyRequest,
  user: UserRow,
  idHash: string,
  csrfToken: string,
): Promise<'ok'> {
  const enrolment =
    user.roles.includes('admin') && !user.totp_enabled && (await readSettings(ctx.db)).requireTotpForAdmins;
  req.auth = { user, sessionHash: idHash, csrfToken, totpEnrolmentRequired: enrolment };
  return 'ok';
}

/** The token of an `Authorization: Bearer …` header, if the request has one. */
function bearerToken(req: FastifyRequest): string | undefined {
  const m = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/**
 * A system client's bearer token on a FHIR route (SMART Backend Services, see fhir/smart.ts): the client's own
 * user (its services, no roles) acts; no CSRF token (no cookie is involved); the token's scope must allow reading
 * the route's resource type, and writing it for anything but GET and HEAD (writing any type, for a Bundle).
 */
async function bearerAuth(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  access: RouteAccess,
): Promise<void> {
  const found = await findAccessToken(ctx.db, sha256(token));
  const live = found && !found.disabled && found.expires_at > ctx.now() ? found : undefined;
  const user = live ? await findUserById(ctx.db, live.user_id) : undefined;
  if (!live || !user || user.disabled) {
    void reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw problem('unauthenticated', 'The bearer token is unknown, expired or revoked.');
  }
  req.auth = { user: { ...user, roles: [] }, sessionHash: '', csrfToken: '', totpEnrolmentRequired: false };
  // The resource type is the route's first segment under the FHIR base (none for a system-level operation).
  const segment = (req.routeOptions.url ?? '').replace(/^\/fhir\/R4\/?/, '').split('/')[0] ?? '';
  const type = /^[A-Z][A-Za-z]+$/.test(segment) ? segment : undefined;
  const what = type ?? 'this server';
  if (SAFE_METHODS.has(req.method) && !scopeAllows(live.scope, type, 'read'))
    throw problem('forbidden', `The token's scope does not allow reading ${what}.`);
  // A write to the server as a whole (a Bundle import, whose entries may be of any type) needs `system/*.write`.
  if (!SAFE_METHODS.has(req.method) && !scopeAllows(live.scope, type ?? '*', 'write'))
    throw problem('forbidden', `The token's scope does not allow changing ${what}.`);
  // No roles: a route needing a permission is not for system clients, except writing patient records, which a
  // write scope grants (an EHR pushing records in); the service boundary still applies.
  const writes = access === 'patient:write' && !SAFE_METHODS.has(req.method);
  if (access !== 'authenticated' && !writes) throw problem('forbidden');
}

/** The onRequest hook: authenticate, authorise by the route's declared access, and check CSRF. */
export function sessionHook(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    const access: RouteAccess | undefined = req.routeOptions.config.access;
    if (access === undefined) return; // static files and not-found: no data
    checkCrossSite(req);
    const bearer = req.url.startsWith('/fhir/') && access !== 'public' ? bearerToken(req) : undefined;
    if (bearer !== undefined) return bearerAuth(ctx, req, reply, bearer, access);
    const state = await loadSession(ctx, req);
    if (access === 'public') return;
    if (!req.auth) throw problem(state === 'expired' ? 'session-expired' : 'unauthenticated');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.csrfToken)) {
        throw problem('csrf-rejected', 'Send the X-CSRF-Token header given at sign-in.');
      }
    }
    if (req.auth.totpEnrolmentRequired && !ENROLMENT_ROUTES.has(req.routeOptions.url ?? '')) {
      throw problem('totp-enrolment-required');
    }
    if (access !== 'authenticated' && !hasPermission(req.auth.user.roles, access)) throw problem('forbidden');
  };
}
