// Errors raised before a request reaches a route (unreadable request, too-long address, too-large headers,
// a request that does not arrive in time): answered as application/problem+json with a code, like every other.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem, problemBody, type ProblemCode } from './problem.ts';

/** A request line longer than this, when the parser gives up on the head, is a too-long address (414). */
const LONG_REQUEST_LINE = 8 * 1024;

type ClientError = Error & { code?: string; rawPacket?: unknown };

/** Which problem a Node.js parser or timeout error is. */
export function clientErrorCode(err: ClientError): ProblemCode {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // Node counts the request line in the header limit; tell an overlong address from overlong headers.
    const raw = err.rawPacket;
    if (Buffer.isBuffer(raw) && /^[A-Z]+ /.test(raw.subarray(0, 16).toString('latin1'))) {
      const end = raw.indexOf('\r\n');
      if ((end === -1 ? raw.length : end) > LONG_REQUEST_LINE) return 'uri-too-long';
    }
    return 'headers-too-large';
  }
  return 'bad-request';
}

/** Writes the problem straight to the socket (there is no request object yet) and closes the connection. */
export function clientErrorHandler(err: ClientError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const p = problem(clientErrorCode(err));
    const body = JSON.stringify(problemBody(p));
    socket.end(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? ''}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  // A client that keeps trickling bytes must not hold the socket open after the answer.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** Fastify's own routing errors (bad percent-encoding, overlong path parameter). */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const code: ProblemCode =
    err.code === 'FST_ERR_BAD_URL'
      ? 'bad-request'
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'uri-too-long'
        : 'internal-error';
  const p = problem(code);
  void reply.status(p.status).type('application/problem+json').send(problemBody(p, req.id));
}
