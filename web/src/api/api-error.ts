// ApiError: an application/problem+json refusal (or a network failure) in a shape forms can show.

/** Field messages keyed by the request path without its "body." prefix, e.g. "identifiers.0.value". */
export type FieldErrors = Record<string, string>;

export interface ProblemBody {
  status?: number;
  title?: string;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  /** Extension members a rule adds to its refusal, e.g. `blocks` or `unmet` (RFC 9457 §3.2). */
  [extension: string]: unknown;
}

/** A refused or failed request. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldErrors;
  /** The whole problem body, for the extension members of a rule's refusal. */
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network' : `http-${status}`);
    this.title = body.title ?? (status === 0 ? 'Could not reach the KASPR server' : 'The request failed');
    this.detail = body.detail;
    this.body = body;
    this.fieldErrors = {};
    for (const e of body.errors ?? []) {
      const key = e.path.replace(/^(body|query|querystring|params)\.?/, '');
      if (!(key in this.fieldErrors)) this.fieldErrors[key] = e.message;
    }
  }

  /** True when the session is gone and the user must sign in again. */
  get sessionEnded(): boolean {
    return this.status === 401 && (this.code === 'session-expired' || this.code === 'unauthenticated');
  }
}

/** Any thrown value as an ApiError, so every catch can show something sensible. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, {
    title: 'Could not reach the KASPR server',
    detail: 'Check the connection and try again.',
  });
}
