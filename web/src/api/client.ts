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
}

async function parseProblem(res: Response): Promise<ProblemBody> {
  try {
    return (await res.json()) as ProblemBody;
  } catch {
    return { status: res.status, title: res.statusText || `Request failed (${res.status})` };
  }
}

/** Sends one request; resolves with the JSON body and ETag, or rejects with an ApiError. */
export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
    body = JSON.stringify(options.body ?? {});
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
