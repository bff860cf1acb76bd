// Raw HTTP over a TCP socket: for requests fetch cannot make (malformed, overlong, trickling).
import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** Everything the server sent before it closed the connection (or the wait ran out). */
  text: string;
  status: number | null;
  contentType: string | null;
  /** The JSON body, when there is one. */
  body: Record<string, unknown> | null;
  /** True when the server closed the connection within the wait. */
  closed: boolean;
  /** Milliseconds from connecting to the close (or the end of the wait). */
  ms: number;
}

export function parseRaw(text: string, closed: boolean, ms: number): RawReply {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const type = /\r\ncontent-type: *([^\r\n;]+)/i.exec(text);
  const split = text.indexOf('\r\n\r\n');
  let body: Record<string, unknown> | null = null;
  if (split !== -1) {
    try {
      body = JSON.parse(text.slice(split + 4)) as Record<string, unknown>;
    } catch {
      body = null;
    }
  }
  return {
    text,
    status: status ? Number(status[1]) : null,
    contentType: type ? type[1]!.trim().toLowerCase() : null,
    body,
    closed,
    ms,
  };
}

/** Opens a connection to `baseUrl` (http://host:port). */
export function openSocket(baseUrl: string): Promise<Socket> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collects what the server sends until it closes the connection or `waitMs` passes. */
export function collect(socket: Socket, waitMs: number): Promise<RawReply> {
  const started = Date.now();
  let text = '';
  socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
  });
  socket.on('error', () => undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.removeAllListeners('close');
      socket.destroy();
      resolve(parseRaw(text, false, Date.now() - started));
    }, waitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(parseRaw(text, true, Date.now() - started));
    });
  });
}

/** Sends `request` as is and waits for the answer (until the server closes, or `waitMs`). */
export async function rawRequest(
  baseUrl: string,
  request: string | Buffer,
  waitMs = 5_000,
): Promise<RawReply> {
  const socket = await openSocket(baseUrl);
  const reply = collect(socket, waitMs);
  socket.write(request);
  return reply;
}
