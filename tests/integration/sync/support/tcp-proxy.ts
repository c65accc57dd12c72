import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of the sync server: `cut()` drops every connection and stops
 * listening (the network is down), `restore()` listens again on the same port. More faithful than
 * stopping the server, whose kept-alive connections would otherwise linger.
 */
export interface TcpProxy {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Drops every connection once `bytes` more have gone that way (a cable pulled mid-transfer); the proxy keeps listening. */
  cutAfter(direction: 'up' | 'down', bytes: number): void;
  /** Bytes carried each way since the proxy started. */
  readonly carried: { up: number; down: number };
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const carried = { up: 0, down: 0 };
  let pendingCut: { direction: 'up' | 'down'; at: number } | null = null;
  const count = (direction: 'up' | 'down', bytes: number) => {
    carried[direction] += bytes;
    if (pendingCut?.direction !== direction || carried[direction] < pendingCut.at) return;
    pendingCut = null;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.on('data', (chunk: Buffer) => count('up', chunk.length));
        upstream.on('data', (chunk: Buffer) => count('down', chunk.length));
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server!.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  const cut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    restore: listen,
    close: cut,
    cutAfter: (direction, bytes) => void (pendingCut = { direction, at: carried[direction] + bytes }),
    carried,
  };
}
