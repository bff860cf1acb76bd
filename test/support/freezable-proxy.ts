// A TCP proxy on 127.0.0.1 that can freeze: while frozen it holds every byte (both ways, and on new
// connections) without forwarding, like a database link that stalls; unfreezing delivers what it held.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface FreezableProxy {
  port: number;
  freeze: () => void;
  unfreeze: () => void;
  close: () => Promise<void>;
}

export async function startFreezableProxy(targetHost: string, targetPort: number): Promise<FreezableProxy> {
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();

  const pipe = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const server: Server = createServer((client) => {
    const upstream = connect({ host: targetHost, port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  return {
    port: address.port,
    freeze: () => {
      frozen = true;
    },
    unfreeze: () => {
      frozen = false;
      for (const deliver of held.splice(0)) deliver();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
