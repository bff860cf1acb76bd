// The server log: ids and routes only, never names, notes, answers, query strings, cookies or passwords.
import { pino, type Logger } from 'pino';

interface LoggableRequest {
  id?: string;
  method?: string;
  routeOptions?: { url?: string };
}

interface LoggableReply {
  statusCode?: number;
}

interface LoggableError {
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
}

/**
 * Errors as type, code, message and stack only. PostgreSQL errors carry `detail`, `where` and query
 * parameters that quote row values (e.g. "Key (nhs_number)=(…)"), so those fields are never logged.
 */
export function safeError(err: LoggableError): LoggableError {
  return { name: err.name, code: err.code, message: err.message, stack: err.stack };
}

/** A pino logger whose request serializer keeps the route pattern, not the URL (which may carry a name). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    serializers: {
      req: (req: LoggableRequest) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url ?? 'unmatched',
      }),
      res: (res: LoggableReply) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
    redact: { paths: ['*.password', '*.cookie', '*.authorization', 'headers'], remove: true },
  });
}
