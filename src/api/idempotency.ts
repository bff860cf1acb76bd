// Idempotency-Key on writes: a retried request replays the first response instead of recording twice.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson, type Json } from '../domain/audit/canonical-json.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  findIdempotencyKey,
  releaseIdempotencyKey,
  type ClaimOutcome,
  type IdempotencyScope,
  type StoredResponse,
} from '../store/idempotency.ts';
import type { AppContext } from './context.ts';
import { recordChange } from './record-change.ts';
import { problem } from './problem.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How long a response stays replayable (IETF draft-ietf-httpapi-idempotency-key-header: at least 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a duplicate waits for the first request with its key to finish before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 10_000;
/** A claim older than this that never finished belongs to a request that died: answer 409, never re-run. */
export const IDEMPOTENCY_STALE_MS = 60_000;
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key sent, or null when none; a malformed key is refused rather than ignored. */
function keyOf(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  // Structured-field strings may arrive quoted; the quotes are not part of the key.
  const key = typeof raw === 'string' ? raw.trim().replace(/^"(.*)"$/, '$1') : '';
  if (!KEY_PATTERN.test(key)) {
    throw problem('bad-request', 'Send one Idempotency-Key of 1 to 255 visible ASCII characters.');
  }
  return key;
}

/** A fingerprint of what was asked: the concrete path and query, and the body with its keys in a fixed order. */
function requestHash(req: FastifyRequest): string {
  const body = req.body === undefined ? '' : canonicalJson(req.body as Json);
  return createHash('sha256').update(`${req.method} ${req.url}\n${body}`).digest('hex');
}

function storedResponse(reply: FastifyReply, payload: unknown): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  // Write routes answer JSON (a string by now); a stream cannot be kept, so its replay has no body.
  const body =
    typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : Buffer.alloc(0);
  return { statusCode: reply.statusCode, headers, body };
}

/** Registers the hooks: claim the key before the handler, store the response as it is sent. */
export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  const claims = new WeakMap<FastifyRequest, IdempotencyScope>();
  let lastSweep = 0;

  async function replay(req: FastifyRequest, reply: FastifyReply, stored: StoredResponse) {
    const patientId = (req.params as { id?: unknown } | undefined)?.id;
    await ctx.db.transaction((tx) =>
      recordChange(req, tx, {
        action: 'request.replay',
        resource: { type: 'IdempotentRequest', id: `${req.method} ${req.routeOptions.url ?? ''}` },
        ...(req.routeOptions.config.patientScoped && typeof patientId === 'string' && UUID.test(patientId)
          ? { patientId }
          : {}),
        details: { status: stored.statusCode },
        now: ctx.now(),
      }),
    );
    reply.code(stored.statusCode);
    for (const [name, value] of Object.entries(stored.headers)) reply.header(name, value);
    reply.header('idempotent-replayed', 'true');
    return reply.send(stored.body);
  }

  /** Waits (bounded) while the first request with the key runs; null when it gave the key back (a 5xx). */
  async function awaitFirst(scope: IdempotencyScope, first: ClaimOutcome): Promise<ClaimOutcome | null> {
    let outcome: ClaimOutcome | null = first;
    const started = Date.now();
    let pause = 20;
    while (outcome?.kind === 'in-progress') {
      if (ctx.now().getTime() - outcome.createdAt.getTime() > IDEMPOTENCY_STALE_MS) {
        throw problem(
          'idempotency-key-in-progress',
          'The first request with this Idempotency-Key did not finish. Check whether it was recorded before ' +
            'sending it again with a new key.',
        );
      }
      if (Date.now() - started >= IDEMPOTENCY_WAIT_MS) {
        throw problem(
          'idempotency-key-in-progress',
          'The first request with this Idempotency-Key is still running; try again shortly.',
        );
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 250);
      outcome = await findIdempotencyKey(ctx.db, scope);
    }
    return outcome;
  }

  app.addHook('preValidation', async (req, reply) => {
    if (!WRITE_METHODS.has(req.method) || req.routeOptions.config.access === undefined) return;
    const key = keyOf(req);
    // Keys are scoped per user: a request without a signed-in user (sign-in, setup) runs as before.
    if (key === null || !req.auth) return;
    const scope = { userId: req.auth.user.id, method: req.method, route: req.routeOptions.url ?? '', key };
    const hash = requestHash(req);
    const now = ctx.now();
    if (now.getTime() - lastSweep > SWEEP_INTERVAL_MS) {
      lastSweep = now.getTime();
      await deleteExpiredIdempotencyKeys(ctx.db, now);
    }
    for (;;) {
      // One instant for both, so a key is kept exactly IDEMPOTENCY_TTL_MS.
      const claimedAt = ctx.now();
      const expiresAt = new Date(claimedAt.getTime() + IDEMPOTENCY_TTL_MS);
      const claim = await claimIdempotencyKey(ctx.db, scope, hash, claimedAt, expiresAt);
      if (claim.kind === 'claimed') {
        claims.set(req, scope);
        return;
      }
      if (claim.requestHash !== hash) {
        throw problem(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for a different request; send a new key for a new request.',
        );
      }
      const outcome = await awaitFirst(scope, claim);
      if (outcome?.kind === 'done') return replay(req, reply, outcome.response);
      // The first request failed on our side and gave the key back: this one runs in its place.
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const scope = claims.get(req);
    if (!scope) return payload;
    claims.delete(req);
    const status = reply.statusCode;
    try {
      // Successes and refusals (2xx, 4xx) are kept for replay; nothing else is.
      if ((status >= 200 && status < 300) || (status >= 400 && status < 500)) {
        await completeIdempotencyKey(ctx.db, scope, storedResponse(reply, payload), ctx.now());
      } else {
        // A server failure recorded nothing (the write's transaction rolled back): a retry may run again.
        await releaseIdempotencyKey(ctx.db, scope);
      }
    } catch (err) {
      // The claim stays 'in-progress', so a retry answers 409 rather than writing twice. Never log the body.
      // Only the error's name and SQLSTATE: a database message can quote the stored reply, which is health data.
      const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
      const name = err instanceof Error ? err.name : typeof err;
      req.log.error({ errName: name, sqlstate: code, requestId: req.id }, 'idempotency key not stored');
    }
    return payload;
  });
}
