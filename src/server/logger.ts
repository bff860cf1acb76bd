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
      err: pino.stdSerializers.err,
    },
    redact: { paths: ['*.password', '*.cookie', '*.authorization', 'headers'], remove: true },
  });
}
