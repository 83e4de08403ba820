import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';

/** A throwaway server on 127.0.0.1 for one test; counts TCP connections. Pass an https.Server for TLS. */
export interface LocalServer {
  url: string;
  port: number;
  readonly connections: number;
  server: http.Server;
  close(): Promise<void>;
}

export async function startLocalServer(handler: http.RequestListener, server: http.Server = http.createServer()): Promise<LocalServer> {
  server.on('request', handler);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const scheme = server instanceof tls.Server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
