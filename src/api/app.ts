// Builds the HTTP application: security hooks, problem+json errors, OpenAPI, API routes and the web app.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyError } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sessionHook } from './auth/session-hook.ts';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.ts';
import type { AppContext, KasprApp, RouteInfo } from './context.ts';
import { databaseAnswers } from '../store/db.ts';
import { registerAuditSealer } from './audit-sealer.ts';
import { securityHeaders } from './security-headers.ts';
import { registerIdempotency } from './idempotency.ts';
import { problem, problemBody } from './problem.ts';
import { toProblem } from './to-problem.ts';
import { registerApiRoutes } from './routes/index.ts';
import { FHIR_BASE_PATH } from '../fhir/base.ts';
import { registerFhirRoutes } from '../fhir/routes.ts';
import { registerSmartRoutes } from '../fhir/smart.ts';
import { fileReply } from '../schemas/replies/common.ts';
import { hasWebApp, isAssetRequest, registerWebApp, sendAppPage } from './web-app.ts';

const openApiDocument = fileReply('application/json; the OpenAPI 3 document');

export interface BuildOptions {
  /** A pino logger (see server/logger.ts); without one the app logs nothing. */
  logger?: FastifyBaseLogger;
}

/** Every powerful browser feature off: the app needs no camera, microphone, location, payment or devices. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** KASPR_TRUST_PROXY as Fastify takes it: a hop count becomes "trust the nearest N hops". */
function trustedProxies(
  setting: false | number | string[],
): boolean | string[] | ((a: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** The Fastify application for one database and configuration. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<KasprApp> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    // The client address behind trusted proxies only (KASPR_TRUST_PROXY); sign-in limits count per address.
    trustProxy: trustedProxies(ctx.config.KASPR_TRUST_PROXY),
    routerOptions: { ignoreTrailingSlash: true },
    // A request whose head or body trickles in is answered 408 and closed (Node checks open requests each second).
    requestTimeout: ctx.config.KASPR_REQUEST_TIMEOUT_MS,
    http: {
      headersTimeout: Math.min(ctx.config.KASPR_HEADERS_TIMEOUT_MS, ctx.config.KASPR_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(1_000, ctx.config.KASPR_REQUEST_TIMEOUT_MS),
    },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // While stopping, requests already on an open connection are served (with Connection: close), not refused.
    return503OnClosing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (opts) => {
    const access = opts.config?.access;
    if (access === undefined) {
      // Fail closed: an API route that forgets to declare who may call it stops the server from starting.
      if (/^\/(api|fhir)\//.test(opts.url)) throw new Error(`Route ${opts.url} declares no access rule`);
      return;
    }
    // Fail closed likewise without a success reply schema: replies are checked and the OpenAPI document describes them.
    const response = (opts.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
    if (/^\/(api|fhir)\//.test(opts.url) && !Object.keys(response).some((status) => /^2\d\d$/.test(status)))
      throw new Error(`Route ${[opts.method].flat().join(',')} ${opts.url} declares no success reply schema`);
    for (const method of [opts.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: opts.url, access, patientScoped: opts.config?.patientScoped ?? false });
    }
  });

  await app.register(fastifyCookie);
  const SECURITY_HEADERS = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // No 'unsafe-inline': the web app sets no style attributes or <style> elements (chart colours are SVG
        // fill attributes), so an injected style attribute cannot restyle a page.
        styleSrc: ["'self'"],
        styleSrcAttr: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  // Browser features the app never uses are switched off for it and anything it might embed (R13).
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'KASPR API',
        version: '1',
        description: 'Native JSON API of KASPR. Writes need the session cookie and the X-CSRF-Token header.',
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', sessionHook(ctx));
  registerIdempotency(app, ctx);
  registerAuditSealer(app, ctx);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const p = toProblem(err);
    if (p.status >= 500) req.log.error({ err, requestId: req.id }, 'request failed');
    // The SQLSTATE only: the database's message can quote the refused value, which may be health data.
    if (p.code === 'invalid-data')
      req.log.warn({ sqlstate: err.code, requestId: req.id }, 'database refused data');
    if (p.code === 'login-throttled' && typeof p.extra?.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(p.extra.retryAfterSeconds));
    }
    return reply.status(p.status).type('application/problem+json').send(problemBody(p, req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    // An unknown asset is a 404, not the page: a stale or mistyped script must fail visibly, not parse HTML.
    const isApi = req.url.startsWith('/api/') || req.url.startsWith('/fhir/') || isAssetRequest(req.url);
    if (!isApi && req.method === 'GET' && hasWebApp()) return sendAppPage(reply);
    const p = problem('not-found');
    return reply.status(404).type('application/problem+json').send(problemBody(p, req.id));
  });

  await app.register(
    async (api) => {
      registerApiRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );

  await app.register(
    async (fhir) => {
      registerFhirRoutes(fhir, ctx);
    },
    { prefix: FHIR_BASE_PATH },
  );
  await app.register(async (smart) => registerSmartRoutes(smart, ctx), { prefix: FHIR_BASE_PATH });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    // Bounded: a frozen database link must make readiness fail quickly, not hang the probe.
    if (await databaseAnswers(ctx.db, ctx.config.KASPR_READY_TIMEOUT_MS)) return { status: 'ready' };
    const p = problem('database-unavailable');
    return reply.status(503).type('application/problem+json').send(problemBody(p, req.id));
  });
  app.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: openApiDocument } } },
    async () => app.swagger(),
  );

  await registerWebApp(app);

  app.decorate('kaspr', { ctx, routes });
  return app as unknown as KasprApp;
}
