// Problems: one place that maps a refusal's code to its HTTP status and renders application/problem+json.
import type { RuleCode } from '../domain/rule-codes.ts';

export type { RuleCode };

/** Every code the API can answer with, and its HTTP status. */
export const PROBLEM_STATUS = {
  'malformed-json': 400,
  'bad-request': 400,
  'request-timeout': 408,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'headers-too-large': 431,
  'unsupported-media-type': 415,
  'validation-failed': 422,
  'invalid-data': 422,
  unauthenticated: 401,
  'login-failed': 401,
  'totp-required': 401,
  'totp-invalid': 401,
  'session-expired': 401,
  forbidden: 403,
  'csrf-rejected': 403,
  'totp-enrolment-required': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'already-decided': 409,
  'override-reason-required': 422,
  'content-version-exists': 409,
  'setup-complete': 409,
  'email-taken': 409,
  'idempotency-key-reused': 422,
  'idempotency-key-in-progress': 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'login-throttled': 429,
  'rate-limited': 429,
  'internal-error': 500,
  'database-unavailable': 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

const TITLES: Record<ProblemCode, string> = {
  'malformed-json': 'The request body is not valid JSON',
  'bad-request': 'The request could not be read',
  'request-timeout': 'The request did not arrive in time',
  'payload-too-large': 'The request body is too large',
  'uri-too-long': 'The address is too long',
  'headers-too-large': 'The request headers are too large',
  'unsupported-media-type': 'Send the request body as application/json',
  'validation-failed': 'Some fields are not valid',
  'invalid-data': 'The request holds a value that cannot be stored',
  unauthenticated: 'Sign in to continue',
  'login-failed': 'Email or password is not right',
  'totp-required': 'Enter the six-digit code from your authenticator app',
  'totp-invalid': 'That code is not right or was already used',
  'session-expired': 'Your session has ended; sign in again',
  forbidden: 'You do not have permission for this',
  'csrf-rejected': 'The request was refused to protect against cross-site request forgery',
  'totp-enrolment-required': 'Set up a second factor (authenticator app) before continuing',
  'not-found': 'Not found',
  'method-not-allowed': 'That method is not allowed here',
  conflict: 'The request conflicts with the current state',
  'already-decided': 'A clinician has already decided on this assessment',
  'override-reason-required': 'Give a reason for choosing a different level from the one proposed',
  'content-version-exists': 'That content pack version is already loaded; give the new content a new version',
  'setup-complete': 'KASPR is already set up',
  'email-taken': 'A user with that email already exists',
  'idempotency-key-reused': 'This Idempotency-Key was already used for a different request',
  'idempotency-key-in-progress': 'A request with this Idempotency-Key has not finished',
  'precondition-failed': 'The record changed since you loaded it; reload and try again',
  'precondition-required': 'Send If-Match with the version you are correcting',
  'login-throttled': 'Too many sign-in attempts',
  'rate-limited': 'Too many requests',
  'internal-error': 'Something went wrong on our side',
  'database-unavailable': 'The database is not answering; try again shortly',
};

export interface FieldError {
  path: string;
  message: string;
}

/** A refusal raised at the edge and rendered by the one error handler. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ProblemCode | RuleCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    rule?: { status: 409 | 422; title: string },
  ) {
    super(detail ?? (rule ? rule.title : TITLES[code as ProblemCode]));
    this.status = rule ? rule.status : PROBLEM_STATUS[code as ProblemCode];
    this.title = rule ? rule.title : TITLES[code as ProblemCode];
  }
}

/**
 * A refusal by a named rule: 409 when a rule blocks the action in the current state (no consent, not enough
 * stock), 422 when the input is out of bounds (dose above the protocol maximum). The code names the rule.
 */
export function ruleRefusal(
  kind: 'blocked' | 'out-of-bounds',
  code: RuleCode,
  detail: string,
  extra?: Record<string, unknown>,
  errors?: FieldError[],
): ProblemError {
  const rule =
    kind === 'blocked'
      ? { status: 409 as const, title: 'A clinical rule blocks this' }
      : { status: 422 as const, title: 'The request is outside what the rules allow' };
  return new ProblemError(code, detail, errors, extra, rule);
}

export function problem(
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): ProblemError {
  return new ProblemError(code, detail, errors, extra);
}

/** The RFC 9457 body for a problem. */
export function problemBody(p: ProblemError, requestId?: string): Record<string, unknown> {
  return {
    type: `https://kaspr.example/problems/${p.code}`,
    title: p.title,
    status: p.status,
    code: p.code,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
    ...(requestId ? { requestId } : {}),
    ...p.extra,
  };
}

/** A domain module's problems (`{ path, text }`) as field errors under a request part (`body` by default). */
export function fromDomainProblems(
  problems: readonly { path: string; text: string }[],
  prefix = 'body',
): FieldError[] {
  return problems.map((p) => ({ path: p.path ? `${prefix}.${p.path}` : prefix, message: p.text }));
}
