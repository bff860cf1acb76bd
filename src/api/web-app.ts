// Serves the built web app (web/dist): hashed assets pre-compressed and cached for good, the page itself revalidated.
// The build writes <asset>.br and <asset>.gz beside every file under assets/ (web/vite.config.ts); the reply is the
// brotli copy when the browser accepts it, else the gzip copy, else the file itself, always with Vary: Accept-Encoding.
// A hashed asset's name changes whenever its content does, so it may be cached for a year without asking again;
// index.html (and the client routes answered with it) is revalidated on every load, so a new release is picked up.
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** A content-hashed asset: its name changes with its bytes, so caches may keep it for a year and never ask. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page that names the assets: always checked with the server (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Vite's output names: `<name>-<8-character hash>.<ext>` under assets/, e.g. index-BTDcGEfW.js. */
const HASHED_NAME = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

/** True for a request under /assets/: those are files or nothing, never the app's page. */
export function isAssetRequest(url: string): boolean {
  return url.startsWith('/assets/');
}

/** The Cache-Control of a file sent from `dist` (a compressed copy is cached as the asset it encodes). */
export function cacheControlFor(filePath: string, dist: string = WEB_DIST): string {
  const name = relative(dist, filePath)
    .split(sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  return HASHED_NAME.test(name) ? IMMUTABLE : REVALIDATE;
}

/** True when the web app has been built into `dist`. */
export function hasWebApp(dist: string = WEB_DIST): boolean {
  return existsSync(dist + 'index.html');
}

/**
 * Serves the built files, looked up at each request so a rebuilt web/dist is served whole (the new page with its new
 * assets) without a restart. The compressed copies are not addressable by name: they are chosen by Accept-Encoding.
 */
export async function registerWebApp(app: FastifyInstance, dist: string = WEB_DIST): Promise<void> {
  if (!existsSync(dist)) return;
  // Only /assets/* is a file route: every other path stays the router's, so an unknown /api/ or /fhir/ path reaches
  // its own not-found handler (problem+json, OperationOutcome) and an overlong one its 414; the page itself is sent
  // by the app's not-found handler (sendAppPage).
  await app.register(fastifyStatic, {
    root: `${dist}assets`,
    prefix: '/assets/',
    wildcard: true,
    index: false,
    allowedPath: (pathName) => !/\.(br|gz)$/.test(pathName),
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlFor(path, dist));
    },
  });
}

/** The app's page for a client route (the router in the browser shows the page the address names). */
export function sendAppPage(reply: FastifyReply, dist: string = WEB_DIST): FastifyReply {
  return reply.type('text/html').sendFile('index.html', dist);
}
