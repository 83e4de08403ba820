import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { formatMsg } from '../../../../src/core/errors';
import { NetworkError } from '../../../../src/core/http/networkError';
import { userAgent, type HttpClient, type HttpClientOptions } from '../../../../src/core/http/types';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { readBody, startLocalServer, type LocalServer } from './localServer';
import { REPO_ROOT } from '../../../support/repoRoot';

// Self-signed for localhost / 127.0.0.1, valid for 100 years; only used by these tests.
const FIXTURES = path.join(REPO_ROOT, 'test/unit/core/http/fixtures');
const CERT_FILE = path.join(FIXTURES, 'localhost-cert.pem');

async function rejection(p: Promise<unknown>): Promise<NetworkError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof NetworkError, `expected NetworkError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the request to fail');
}

describe('undici HttpClient', function () {
  this.timeout(10_000);
  let server: LocalServer | undefined;
  let client: HttpClient | undefined;
  const open = (options: HttpClientOptions = {}) => (client = createHttpClient({ env: {}, ...options }));

  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });

  it('sends method, headers and body and returns status, lower-cased headers and text', async () => {
    let seen: { method?: string; url?: string; header?: string; body?: string } = {};
    server = await startLocalServer(async (req, res) => {
      seen = { method: req.method, url: req.url, header: req.headers['x-test'] as string, body: await readBody(req) };
      res.writeHead(201, { 'X-Reply': 'yes', 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
    const res = await open().request({ method: 'POST', url: `${server.url}/a/b`, headers: { 'X-Test': 'v' }, body: '{"q":1}' });
    assert.deepEqual(seen, { method: 'POST', url: '/a/b', header: 'v', body: '{"q":1}' });
    assert.equal(res.status, 201);
    assert.equal(res.headers['x-reply'], 'yes');
    assert.equal(res.body, '{"ok":true}');
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    server = await startLocalServer((_req, res) => res.end('x'));
    const c = open();
    for (let i = 0; i < 4; i++) {
      await c.request({ method: 'GET', url: server.url, headers: {} });
      // undici hands the socket back to the pool just after the body ends.
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(server.connections, 1);
  });

  it('reports a refused connection with the origin', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const e = await rejection(open().request({ method: 'GET', url: `http://127.0.0.1:${port}/x`, headers: {} }));
    assert.equal(e.kind, 'connect');
    assert.equal(e.message, `Could not connect to http://127.0.0.1:${port}: connection refused.`);
    assert.deepEqual(e.actions, ['retry', 'showLogs']);
    assert.ok(e.retryable);
  });

  it('reports a connection closed by the server as reset', async () => {
    server = await startLocalServer((req) => req.socket.destroy());
    const e = await rejection(open().request({ method: 'GET', url: server.url, headers: {} }));
    assert.equal(e.kind, 'reset');
    assert.match(e.message, /closed unexpectedly/);
  });

  it('times out waiting for headers', async () => {
    server = await startLocalServer(() => undefined);
    const e = await rejection(open({ headersTimeoutMs: 150 }).request({ method: 'GET', url: server.url, headers: {} }));
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /did not answer within 0\.2 s/);
  });

  it('enforces the whole-request timeout', async () => {
    server = await startLocalServer(() => undefined);
    const started = Date.now();
    const e = await rejection(open().request({ method: 'GET', url: server.url, headers: {}, timeoutMs: 200 }));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.message, `The request to ${server.url} timed out after 0.2 s.`);
    assert.ok(Date.now() - started < 3000);
  });

  it('surfaces a caller abort as AbortError, also when aborted before sending', async () => {
    server = await startLocalServer(() => undefined);
    const controller = new AbortController();
    const pending = open().request({ method: 'GET', url: server.url, headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(pending);
    assert.equal(e.name, 'AbortError');
    assert.equal(e.kind, 'aborted');
    assert.ok(!e.retryable);
    const early = await rejection(client!.request({ method: 'GET', url: server.url, headers: {}, signal: AbortSignal.abort() }));
    assert.equal(early.name, 'AbortError');
  });

  it('refuses bodies above maxBodyBytes, declared or streamed', async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'Content-Length': '2048' });
        res.end('y'.repeat(2048));
      } else {
        res.write('z'.repeat(600));
        res.end('z'.repeat(600));
      }
    });
    const c = open({ maxBodyBytes: 1024 });
    for (const p of ['/declared', '/streamed']) {
      const e = await rejection(c.request({ method: 'GET', url: server.url + p, headers: {} }));
      assert.equal(e.kind, 'too-large', p);
      assert.match(e.message, /is larger than 1 KB and was not read/);
    }
    const small = await startLocalServer((_req, res) => res.end('ok'));
    try {
      assert.equal((await c.request({ method: 'GET', url: small.url, headers: {} })).body, 'ok');
    } finally {
      await small.close();
    }
  });

  it('sends a User-Agent and Accept-Encoding unless the request sets its own', async () => {
    const seen: (string | undefined)[][] = [];
    server = await startLocalServer((req, res) => {
      seen.push([req.headers['user-agent'], req.headers['accept-encoding']]);
      res.end('ok');
    });
    const c = open({ userAgent: 'coscene-access/1.2.3 (vscode/1.99.0)' });
    await c.request({ method: 'GET', url: server.url, headers: {} });
    await c.request({ method: 'GET', url: server.url, headers: { 'user-agent': 'mine', 'Accept-Encoding': 'identity' } });
    assert.deepEqual(seen, [
      ['coscene-access/1.2.3 (vscode/1.99.0)', 'gzip, br'],
      ['mine', 'identity'],
    ]);
    assert.equal(userAgent('0.1.0', '1.96.0'), 'coscene-access/0.1.0 (vscode/1.96.0)');
    assert.equal(userAgent('0.1.0\r\nX: y', ''), 'coscene-access/0.1.0Xy (vscode/unknown)');
  });

  describe('compressed answers', () => {
    const answer = (encoding: string, body: Buffer) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Type': 'application/json' });
      res.end(body);
    };

    it('reads gzip, br and deflate answers', async () => {
      const text = JSON.stringify({ users: Array.from({ length: 200 }, (_, i) => ({ name: `users/${i}`, nickname: '用户' })) });
      for (const [encoding, body] of [
        ['gzip', zlib.gzipSync(text)],
        ['br', zlib.brotliCompressSync(text)],
        ['deflate', zlib.deflateSync(text)],
      ] as const) {
        server = await startLocalServer(answer(encoding, body));
        assert.equal((await open().request({ method: 'GET', url: server.url, headers: {} })).body, text, encoding);
        await client!.close();
        await server.close();
        client = server = undefined;
      }
    });

    it('applies the body limit to the decompressed size: a zip bomb is cut off, not inflated', async () => {
      const bomb = zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024)); // 32 MB of zeros in ~32 KB
      assert.ok(bomb.length < 100_000);
      server = await startLocalServer(answer('gzip', bomb));
      const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const e = await rejection(open({ maxBodyBytes: 1024 * 1024 }).request({ method: 'GET', url: server.url, headers: {} }));
      assert.equal(e.kind, 'too-large');
      assert.match(e.message, /larger than 1 MB/);
      const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
      assert.ok(grown < 32 * 1024 * 1024, `memory grew by ${grown} bytes`);
    });

    it('explains a corrupt or unknown encoding', async () => {
      server = await startLocalServer(answer('gzip', Buffer.from('not gzip at all')));
      const corrupt = await rejection(open().request({ method: 'GET', url: server.url, headers: {} }));
      assert.match(corrupt.message, /says it is compressed as "gzip" but could not be decompressed/);
      await server.close();
      server = await startLocalServer(answer('zstd-x', Buffer.from('whatever')));
      const unknown = await rejection(client!.request({ method: 'GET', url: server.url, headers: {} }));
      assert.match(unknown.message, /compressed as "zstd-x", which the extension cannot read/);
    });

    it('an encoding named like an object member (constructor, __proto__, toString) is unknown, and the connection stays usable', async () => {
      let answered = 0;
      let encoding = '';
      server = await startLocalServer((_req, res) => {
        answered++;
        if (!encoding) return void res.end('plain');
        res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Type': 'application/json' });
        res.end('{"x":1}');
      });
      const http1 = open();
      for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        encoding = name;
        const e = await rejection(http1.request({ method: 'GET', url: server.url, headers: {} }));
        assert.equal(e.kind, 'other', `${name}: ${e.kind} ${e.message}`);
        assert.match(e.message, new RegExp(`compressed as "${name}", which the extension cannot read`, 'i'), name);
        encoding = '';
        assert.equal((await http1.request({ method: 'GET', url: server.url, headers: {} })).body, 'plain', `after ${name}`);
      }
      assert.equal(answered, 8);
    });
  });

  describe('TLS', () => {
    const startTls = () =>
      startLocalServer(
        (_req, res) => res.end('secure'),
        https.createServer({ cert: fs.readFileSync(CERT_FILE), key: fs.readFileSync(path.join(FIXTURES, 'localhost-key.pem')) }),
      );

    it('rejects an untrusted certificate with a tls error', async () => {
      server = await startTls();
      const e = await rejection(open().request({ method: 'GET', url: server.url, headers: {} }));
      assert.equal(e.kind, 'tls');
      assert.match(e.message, /coscene\.http\.caFile/);
    });

    it('trusts the certificate from caFile', async () => {
      server = await startTls();
      assert.equal((await open({ caFile: CERT_FILE }).request({ method: 'GET', url: server.url, headers: {} })).body, 'secure');
    });

    it('keeps verifying direct connections when http.proxyStrictSSL is off, and warns once pointing to coscene.http.caFile', async () => {
      server = await startTls();
      const warnings: string[] = [];
      const c = open({ proxy: { strictSSL: false }, onWarning: (m) => warnings.push(formatMsg(m)) });
      const e = await rejection(c.request({ method: 'GET', url: server.url, headers: {} }));
      assert.equal(e.kind, 'tls');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /http\.proxyStrictSSL is off/);
      assert.match(warnings[0], /coscene\.http\.caFile/);
    });

    it('explains an unreadable caFile', async () => {
      assert.throws(
        () => createHttpClient({ caFile: '/nonexistent/ca.pem' }),
        /Could not read the CA file \/nonexistent\/ca\.pem \(ENOENT\)/,
      );
    });
  });

  describe('proxy', () => {
    let proxy: LocalServer | undefined;
    const tunnels: net.Socket[] = [];
    afterEach(async () => {
      // CONNECT sockets leave the HTTP server's bookkeeping, so close() would wait for them.
      tunnels.splice(0).forEach((s) => s.destroy());
      await proxy?.close();
      proxy = undefined;
    });

    /** A CONNECT proxy that sends every tunnel to the local target server, so no real host is contacted. */
    async function startTunnelProxy(targetPort: number, seen: string[]): Promise<LocalServer> {
      const p = await startLocalServer((_req, res) => res.writeHead(405).end());
      p.server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
        seen.push(`${req.url} ${req.headers['proxy-authorization'] ? 'auth' : 'no-auth'}`);
        const upstream = net.connect(targetPort, '127.0.0.1', () => {
          tunnels.push(socket, upstream);
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(head);
          upstream.pipe(socket).pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
      });
      return p;
    }

    it('tunnels a non-loopback target through the proxy from HTTP_PROXY', async () => {
      server = await startLocalServer((req, res) => res.end(`host=${req.headers.host}`));
      const seen: string[] = [];
      proxy = await startTunnelProxy(server.port, seen);
      const res = await open({ env: { HTTP_PROXY: `http://user:pa55-proxy@127.0.0.1:${proxy.port}` } }).request({
        method: 'GET',
        url: 'http://coscene.test/x',
        headers: {},
      });
      assert.equal(res.body, 'host=coscene.test');
      assert.deepEqual(seen, ['coscene.test:80 auth']);
    });

    it('with http.proxyStrictSSL off, accepts an unverifiable certificate only through the proxy', async () => {
      server = await startLocalServer(
        (_req, res) => res.end('via proxy'),
        https.createServer({ cert: fs.readFileSync(CERT_FILE), key: fs.readFileSync(path.join(FIXTURES, 'localhost-key.pem')) }),
      );
      const seen: string[] = [];
      proxy = await startTunnelProxy(server.port, seen);
      const c = open({ proxy: { proxy: `http://127.0.0.1:${proxy.port}`, strictSSL: false } });
      // The certificate names 127.0.0.1 and is self-signed: only the relaxed proxy path can accept it.
      assert.equal((await c.request({ method: 'GET', url: 'https://coscene.test/x', headers: {} })).body, 'via proxy');
      assert.deepEqual(seen, ['coscene.test:443 no-auth']);
      assert.equal((await rejection(c.request({ method: 'GET', url: server.url, headers: {} }))).kind, 'tls');
    });

    it('goes direct for noProxy hosts and loopback', async () => {
      server = await startLocalServer((_req, res) => res.end('direct'));
      const seen: string[] = [];
      proxy = await startTunnelProxy(server.port, seen);
      const viaProxy = { proxy: `http://127.0.0.1:${proxy.port}` };
      // 0.0.0.0 reaches this machine without being a loopback name, so only noProxy keeps it off the proxy.
      const zeroHost = `http://0.0.0.0:${server.port}/x`;
      assert.equal(
        (await open({ proxy: { ...viaProxy, noProxy: '0.0.0.0' } }).request({ method: 'GET', url: zeroHost, headers: {} })).body,
        'direct',
      );
      assert.equal((await client!.request({ method: 'GET', url: server.url, headers: {} })).body, 'direct');
      assert.deepEqual(seen, []);
      await client!.close();
      await open({ proxy: viaProxy }).request({ method: 'GET', url: zeroHost, headers: {} });
      assert.deepEqual(seen, [`0.0.0.0:${server.port} no-auth`]);
    });
  });
});
