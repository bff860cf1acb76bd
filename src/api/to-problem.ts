// Any error a request meets, as the problem the client is told: refusals as raised, validation as field errors,
// database refusals as 422, an unreachable database as 503, anything else as a bare 500.
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../store/db.ts';
import { problem, ProblemError, type FieldError } from './problem.ts';

function fieldErrors(err: FastifyError): FieldError[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const path = [context, ...v.instancePath.split('/').filter(Boolean)].join('.');
    return { path, message: v.message ?? 'Invalid' };
  });
}

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '08003']);

const isRefusedData = (err: { code?: unknown }): boolean =>
  typeof err.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(err.code);

/** Turns any error into a problem; unexpected ones become a generic 500 with no internals. */
export function toProblem(err: FastifyError & { code?: string }): ProblemError {
  if (err instanceof ProblemError) return err;
  if (hasZodFastifySchemaValidationErrors(err))
    return problem('validation-failed', undefined, fieldErrors(err));
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem('unsupported-media-type');
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return problem('malformed-json');
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return problem('malformed-json');
  if (err.statusCode === 413) return problem('payload-too-large', 'The request body is over 1 MiB.');
  if ((err.code && DB_DOWN_CODES.has(err.code)) || isDatabaseUnavailable(err))
    return problem('database-unavailable');
  // SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): the database refused a value the
  // request carried, so the request is at fault (422), not the server. Edge checks should catch these first.
  if (isRefusedData(err)) return problem('invalid-data');
  return problem('internal-error', 'The error was logged with this request id.');
}
