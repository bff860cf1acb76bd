// The API client: JSON fetch under /api/v1 with the session cookie, CSRF header and problem parsing.
import { ApiError, type ProblemBody } from './api-error.ts';

const BASE = '/api/v1';

let csrfToken = '';
let lastActivityAt = Date.now();
let listener: ((error: ApiError) => void) | null = null;

/** Remembers the CSRF token from a SessionView for later writes. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** When the server last saw a request from us (the idle timer counts from here). */
export function lastActivity(): number {
  return lastActivityAt;
}

/** Called with every session-level refusal (session ended, second factor needed). */
export function onSessionProblem(fn: ((error: ApiError) => void) | null): void {
  listener = fn;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** The Idempotency-Key of a write; reuse it only when sending the same submit again. Fresh by default. */
  idempotencyKey?: string;
}

/** A random key for one submit (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // RFC 9562 version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Writes on their way, by method, path and body: the same write sent again while the first is still on its
// way (a double click, a second submit) shares the first one's request and key, so it is recorded once.
const writesInFlight = new Map<string, Promise<ApiResponse<unknown>>>();

async function parseProblem(res: Response): Promise<ProblemBody> {
  try {
    return (await res.json()) as ProblemBody;
  } catch {
    return { status: res.status, title: res.statusText || `Request failed (${res.status})` };
  }
}

/**
 * Sends one request; resolves with the JSON body and ETag, or rejects with an ApiError. Every write carries an
 * Idempotency-Key, so the server records it once however often it arrives (it replays the first reply).
 */
export function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  if (method === 'GET' || method === 'HEAD') return send<T>(method, path, options);
  const body = JSON.stringify(options.body ?? {});
  const sameWrite = `${method} ${path} ${JSON.stringify(options.headers ?? {})} ${body}`;
  const inFlight = writesInFlight.get(sameWrite);
  if (inFlight) return inFlight as Promise<ApiResponse<T>>;
  const sent = send<T>(method, path, options, body).finally(() => writesInFlight.delete(sameWrite));
  writesInFlight.set(sameWrite, sent);
  return sent;
}

async function send<T>(
  method: string,
  path: string,
  options: RequestOptions,
  body?: string,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
    headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
  }
  let res: Response;
  try {
    res = await fetch(BASE + path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { detail: 'Check the connection and try again.' });
  }
  lastActivityAt = Date.now();
  if (!res.ok) {
    const error = new ApiError(res.status, await parseProblem(res));
    if (error.sessionEnded || error.code === 'totp-enrolment-required') listener?.(error);
    throw error;
  }
  const etag = res.headers.get('etag');
  if (res.status === 204) return { data: undefined as T, etag };
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, etag };
}

/** Shorthands for the common verbs, resolving with the body only. */
export const api = {
  get: async <T>(path: string): Promise<T> => (await request<T>('GET', path)).data,
  post: async <T>(path: string, body?: unknown): Promise<T> =>
    (await request<T>('POST', path, { body })).data,
  patch: async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> =>
    (await request<T>('PATCH', path, { body, ...(headers ? { headers } : {}) })).data,
};
