import { Code, ConnectError } from '@connectrpc/connect';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CosceneApiError } from '../../../src/core/coscene/apiErrors';
import { createCosceneApi } from '../../../src/core/coscene/api';
import type { Page } from '../../../src/core/coscene/model';
import { NetworkError } from '../../../src/core/http/networkError';
import { waitUntil } from '../../support/waitUntil';
import { makeTestPki, type TestPki } from './certs';
import { controlApi, type ControlOptions } from './control';
import { CURRENT_USER, PROJECT, USERS } from './dataset';
import { extensionClient, USER_AGENT, walk, walkPlain, type ExtensionClient } from './harness';
import { startInteropServer, type InteropServer, type InteropServerOptions, type Wire } from './server';

/** connect-es Code → the Connect wire name (NotFound → not_found). */
const wireName = (code: Code) => Code[code].replace(/[A-Z]/g, (c, i: number) => `${i ? '_' : ''}${c.toLowerCase()}`);
const RETRIED = new Set(['unknown', 'internal', 'unavailable', 'aborted', 'resource_exhausted']);
const ALL_CODES = Object.values(Code).filter((c): c is Code => typeof c === 'number');

async function failure<E>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

describe('interop: the extension client against the official Connect implementation (connect-node)', function () {
  this.timeout(10_000);
  let pki: TestPki;
  const opened: { close(): Promise<void> }[] = [];

  before(() => (pki = makeTestPki()));
  after(() => pki.remove());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });

  async function serve(options: Partial<InteropServerOptions> & { wire: Wire }): Promise<InteropServer> {
    const server = await startInteropServer({
      ...(options.wire === 'http1' || options.wire === 'h2c' ? {} : { tls: { key: pki.key, cert: pki.cert } }),
      ...options,
    });
    opened.push(server);
    return server;
  }

  function client(server: InteropServer, options: Parameters<typeof extensionClient>[1] = {}): ExtensionClient {
    const c = extensionClient(server.url, {
      ...options,
      http: { ...(server.url.startsWith('https') ? { caFile: pki.caFile } : {}), ...options.http },
    });
    opened.push(c.http);
    return c;
  }

  function control(server: InteropServer, o: Partial<ControlOptions> = {}) {
    return controlApi({ baseUrl: server.url, httpVersion: '1.1', ...(server.url.startsWith('https') ? { ca: pki.ca } : {}), ...o });
  }

  /** Every call the extension makes, through both clients; both must read the same. */
  async function assertSameAnswers(server: InteropServer, controlOptions: Partial<ControlOptions>): Promise<void> {
    const ext = client(server).api;
    const ctl = control(server, controlOptions);

    assert.deepEqual(await ext.getOrganization(), await ctl.getOrganization());
    assert.deepEqual(await ext.getProject(PROJECT.slug), await ctl.getProject(`projects/${PROJECT.slug}`));
    assert.deepEqual(await ext.getProject(`projects/${PROJECT.id}`), await ctl.getProject(`projects/${PROJECT.id}`));
    const me = await ext.getUser('');
    assert.deepEqual(me, await ctl.getUser('users/current'));
    assert.equal(me.name, `users/${CURRENT_USER.id}`);
    for (const u of [USERS[3], USERS[5], USERS[11]]) {
      // absent nickname, empty nickname, no create time
      assert.deepEqual(await ext.getUser(u.id), await ctl.getUser(`users/${u.id}`));
    }
    const names = USERS.slice(0, 150).map((u) => `users/${u.id}`);
    const batch = await ext.batchGetUsers(names);
    assert.equal(batch.length, 150);
    assert.deepEqual(batch, [...(await ctl.batchGetUsers(names.slice(0, 100))), ...(await ctl.batchGetUsers(names.slice(100)))]);

    const credential = await ext.createBasicCredential();
    const controlCredential = await ctl.createBasicCredential();
    assert.match(credential.username, /^cr-temp-\d+$/);
    assert.match(controlCredential.username, /^cr-temp-\d+$/);
    assert.match(credential.password, /^pw-\d+-/);
  }

  /** The list walks the views make, with filters; both clients page the same way to the same items. */
  async function assertSameWalks(server: InteropServer, controlOptions: Partial<ControlOptions>): Promise<void> {
    const ext = client(server).api;
    const ctl = control(server, controlOptions);
    const both = async <T>(name: string, e: (t: string) => Promise<Page<T>>, c: (t: string) => Promise<Page<T>>, expectPages: number) => {
      const [mine, theirs] = [await walk(e), await walkPlain(c)];
      assert.deepEqual(mine, theirs, name);
      assert.equal(mine.pages, expectPages, `${name}: pages`);
    };
    await both(
      'org users',
      (t) => ext.listUsers({ pageSize: 100, pageToken: t }),
      (t) => ctl.listUsers({ pageSize: 100, pageToken: t }),
      3,
    );
    const parent = (await ext.getProject(PROJECT.slug)).name;
    const writers = { parent, pageSize: 10, filter: 'role.code="PROJECT_WRITER"' };
    const pagesOf10 = (n: number) => Math.ceil(n / 10);
    const writerCount = USERS.filter((u) => u.projectRole === 'PROJECT_WRITER').length;
    await both(
      'project writers',
      (t) => ext.listUsers({ ...writers, pageToken: t }),
      (t) => ctl.listUsers({ ...writers, pageToken: t }),
      pagesOf10(writerCount),
    );
    const chinese = { pageSize: 10, filter: 'nickname="用户"' };
    const chineseCount = USERS.filter((u) => u.nickname?.includes('用户')).length;
    await both(
      'nickname search',
      (t) => ext.listUsers({ ...chinese, pageToken: t }),
      (t) => ctl.listUsers({ ...chinese, pageToken: t }),
      pagesOf10(chineseCount),
    );
    const projectRoles = { pageSize: 2, filter: 'level="project"' };
    await both(
      'project roles',
      (t) => ext.listRoles({ ...projectRoles, pageToken: t }),
      (t) => ctl.listRoles({ ...projectRoles, pageToken: t }),
      2,
    );
    const first = await ext.listUsers({ pageSize: 10 });
    assert.equal(first.totalSize, USERS.length);
  }

  const variants: { title: string; server: Partial<InteropServerOptions> & { wire: Wire }; control: Partial<ControlOptions> }[] = [
    { title: 'Connect JSON over HTTP/1.1', server: { wire: 'http1' }, control: {} },
    { title: 'HTTP/1.1 over TLS, trusting a private CA from coscene.http.caFile', server: { wire: 'tls-http1' }, control: {} },
    { title: 'an HTTPS host that speaks only HTTP/2 (private CA)', server: { wire: 'tls-h2' }, control: { httpVersion: '2' } },
    { title: 'an HTTPS host offering both by ALPN', server: { wire: 'tls-both' }, control: { httpVersion: '2' } },
    { title: 'a server that sends every default value', server: { wire: 'http1', json: { alwaysEmitImplicit: true } }, control: {} },
    {
      title: 'a server that sends proto (snake_case) field names',
      server: { wire: 'http1', json: { useProtoFieldName: true } },
      control: {},
    },
  ];
  for (const v of variants) {
    describe(v.title, () => {
      it('reads every call as the official client does', async () => assertSameAnswers(await serve(v.server), v.control));
      it('walks pages and filters as the official client does', async () => assertSameWalks(await serve(v.server), v.control));
    });
  }

  describe('errors', () => {
    for (const code of ALL_CODES.filter((c) => c !== Code.Unauthenticated)) {
      const name = wireName(code);
      it(`reads ${name} (${code}) as the official client does, ${RETRIED.has(name) ? 'retried 3 times' : 'not retried'}`, async () => {
        const server = await serve({ wire: 'http1' });
        const ext = client(server);
        const controlError = await failure(control(server).getUser(`users/fail-${code}`), ConnectError);
        const e = await failure(ext.api.getUser(`users/fail-${code}`), CosceneApiError);
        assert.equal(e.code, wireName(controlError.code));
        assert.equal(e.code, name);
        assert.equal(e.serverMessage, controlError.rawMessage);
        assert.equal(ext.events.length, RETRIED.has(name) ? 4 : 1);
      });
    }

    it('reads unauthenticated and offers to set a new token', async () => {
      const server = await serve({ wire: 'http1' });
      const ext = extensionClient(server.url);
      opened.push(ext.http);
      const api = createCosceneApi({ endpoint: server.url, token: 'wrong-key-123456', profileName: 'interop', http: ext.http });
      const e = await failure(api.getOrganization(), CosceneApiError);
      assert.equal(e.code, 'unauthenticated');
      assert.equal(e.serverMessage, 'invalid api key');
      assert.deepEqual(e.actions, ['setToken', 'showLogs']);
    });

    it('waits as long as Retry-After asks, then reads the answer', async () => {
      const refusing = await serve({ wire: 'http1' });
      const controlError = await failure(control(refusing).getUser('users/retry-after'), ConnectError);
      assert.equal(controlError.code, Code.ResourceExhausted);
      assert.equal(controlError.metadata.get('retry-after'), '2');
      const server = await serve({ wire: 'http1' });
      const ext = client(server);
      assert.deepEqual(await ext.api.getUser('users/retry-after'), await control(server).getUser('users/current'));
      assert.deepEqual(ext.sleeps, [2000]);
      assert.deepEqual(
        ext.events.map((ev) => ev.status),
        [429, 200],
      );
    });

    it('retries unavailable and reads the answer that follows', async () => {
      const server = await serve({ wire: 'http1' });
      const ext = client(server);
      assert.deepEqual(await ext.api.getUser('users/flaky'), await control(server).getUser('users/current'));
      assert.deepEqual(
        ext.events.map((ev) => ev.error ?? ev.status),
        ['unavailable', 'unavailable', 200],
      );
      assert.equal(ext.sleeps.length, 2);
    });

    it('fails at once with a protocol message on a server that serves only gRPC; the control reads it over gRPC', async () => {
      const server = await serve({ wire: 'tls-both', protocols: { connect: false, grpcWeb: false } });
      assert.deepEqual(
        await control(server, { protocol: 'grpc', httpVersion: '2' }).getUser(`users/${USERS[2].id}`),
        await control(await serve({ wire: 'http1' })).getUser(`users/${USERS[2].id}`),
      );
      const ext = client(server);
      const e = await failure(ext.api.getUser(''), CosceneApiError);
      assert.equal(e.httpStatus, 415);
      assert.match(e.message, /does not accept Connect JSON/);
      assert.match(e.message, /gRPC/);
      assert.equal(ext.events.length, 1, 'no retries');
      assert.deepEqual(ext.sleeps, []);
    });

    it('reads numeric gRPC codes from a transcoding gateway ({"code": 5, "message": …})', async () => {
      const gateway = await plainServer((_req, res) => {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 5, message: 'user 42 not found', details: [] }));
      });
      const ext = extensionClient(gateway.url);
      opened.push(ext.http);
      const e = await failure(ext.api.getUser('42'), CosceneApiError);
      assert.equal(e.code, 'not_found');
      assert.equal(e.serverMessage, 'user 42 not found');
      assert.match(e.message, /user 42 not found/);
      const busy = await plainServer((_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{"code":14,"message":"upstream connect error"}');
      });
      const ext2 = extensionClient(busy.url);
      opened.push(ext2.http);
      const e2 = await failure(ext2.api.getUser(''), CosceneApiError);
      assert.equal(e2.code, 'unavailable');
      assert.equal(e2.serverMessage, 'upstream connect error');
    });
  });

  describe('deadlines and cancellation', () => {
    it('tells the server its deadline in Connect-Timeout-Ms', async () => {
      const server = await serve({ wire: 'http1' });
      await client(server, { timeoutMs: 5000 }).api.getUser('');
      const seen = server.seen.at(-1)!;
      assert.ok(seen.timeoutMs !== undefined && seen.timeoutMs > 4000 && seen.timeoutMs <= 5000, `server saw ${seen.timeoutMs}`);
    });

    it('gets deadline_exceeded from a hung backend that honours the deadline, as the control does', async () => {
      const server = await serve({ wire: 'http1' });
      const controlError = await failure(control(server).getUser('users/hang', { timeoutMs: 300 }), ConnectError);
      const ext = client(server, { timeoutMs: 1000 });
      const e = await failure(ext.api.getUser('users/hang'), CosceneApiError);
      assert.equal(e.code, wireName(controlError.code));
      assert.equal(e.code, 'deadline_exceeded');
      assert.match(e.message, /took too long/);
      assert.equal(ext.events.length, 1);
      assert.equal(server.seen.at(-1)!.timeoutMs! <= 900, true);
      await waitUntil(() => server.seen.at(-1)?.aborted !== undefined, 'the server to see the call end', 2_000, 20);
    });

    it('caps the whole call, retries included, and says so', async () => {
      const silent = await plainServer(() => undefined); // accepts, never answers, ignores deadlines
      // 300 ms per attempt, 1.5 s in all; no jitter: attempt, 0.5 s wait, attempt, then a 1 s wait would not fit.
      const ext = extensionClient(silent.url, { timeoutMs: 300, totalTimeoutMs: 1500, realSleep: true, random: () => 0 });
      opened.push(ext.http);
      const started = Date.now();
      const e = await failure(ext.api.getUser(''), NetworkError);
      const elapsed = Date.now() - started;
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /within 1\.5 s/);
      assert.match(e.message, /retries included/);
      // Without the cap: 4 attempts of 0.3 s and waits of 0.5, 1 and 2 s, 4.7 s. Slack for a loaded machine.
      assert.ok(elapsed < 2500, `took ${elapsed} ms`);
      assert.deepEqual(
        ext.events.map((ev) => ev.error),
        ['timeout', 'timeout'],
      );
    });

    it('cancels: the extension stops at once and the server sees the call cancelled', async () => {
      const server = await serve({ wire: 'http1' });
      const ext = client(server, { timeoutMs: 5000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const e = await failure(ext.api.getUser('users/hang', controller.signal), NetworkError);
      assert.equal(e.name, 'AbortError');
      await waitUntil(() => server.seen.at(-1)?.aborted !== undefined, 'the server to see the call end', 2_000, 20);
      const ctlController = new AbortController();
      setTimeout(() => ctlController.abort(), 100);
      const ce = await failure(control(server).getUser('users/hang', { signal: ctlController.signal }), ConnectError);
      assert.equal(ce.code, Code.Canceled);
      assert.equal(ext.events.length, 1);
    });
  });

  describe('headers, compression and connections', () => {
    it('sends User-Agent and Accept-Encoding on every call, and reads gzip answers', async () => {
      const server = await serve({ wire: 'http1' });
      const ext = client(server);
      const mine = await walk((t) => ext.api.listUsers({ pageSize: 100, pageToken: t }));
      assert.deepEqual(mine, await walkPlain((t) => control(server).listUsers({ pageSize: 100, pageToken: t })));
      const fromExtension = server.seen.slice(0, 3);
      assert.ok(
        fromExtension.every((s) => s.userAgent === USER_AGENT),
        JSON.stringify(fromExtension),
      );
      assert.ok(
        fromExtension.every((s) => s.acceptEncoding === 'gzip, br'),
        JSON.stringify(fromExtension),
      );
      assert.deepEqual(server.answerEncodings.slice(0, 3), ['gzip', 'gzip', 'gzip']);
    });

    for (const wire of ['tls-http1', 'tls-h2'] as const) {
      it(`keeps one connection alive across calls (${wire})`, async () => {
        const server = await serve({ wire });
        const ext = client(server);
        for (let i = 0; i < 5; i++) {
          await ext.api.getUser(USERS[i].id);
          await new Promise((r) => setImmediate(r));
        }
        assert.equal(server.connections, 1);
      });
    }

    it('reaches an h2-only HTTPS host through a CONNECT proxy, trusting the private CA', async () => {
      const server = await serve({ wire: 'tls-h2' });
      const port = new URL(server.url).port;
      const proxy = await tunnelProxy(Number(port));
      const ext = extensionClient(`https://openapi.coscene.test:${port}`, { http: { caFile: pki.caFile, proxy: { proxy: proxy.url } } });
      opened.push(ext.http);
      assert.deepEqual(await ext.api.getUser(''), await control(server, { httpVersion: '2' }).getUser('users/current'));
      assert.deepEqual(proxy.tunnels, [`openapi.coscene.test:${port}`]);
    });

    it('h2c (HTTP/2 without TLS): the control reads it; the extension says the server does not speak HTTP/1.1', async () => {
      const server = await serve({ wire: 'h2c' });
      assert.equal((await control(server, { httpVersion: '2' }).getUser('users/current')).name, `users/${CURRENT_USER.id}`);
      const ext = client(server);
      const e = await failure(ext.api.getUser(''), NetworkError);
      assert.match(e.message, /HTTP\/2/);
    });
  });

  /** A CONNECT proxy that sends every tunnel to 127.0.0.1:`port`, so no other host is ever contacted. */
  async function tunnelProxy(port: number): Promise<{ url: string; tunnels: string[] }> {
    const tunnels: string[] = [];
    const sockets: net.Socket[] = [];
    const proxy = await plainServer((_req, res) => res.writeHead(405).end());
    proxy.server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      tunnels.push(String(req.url));
      const upstream = net.connect(port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      sockets.push(socket, upstream);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    // Tunnelled sockets leave the HTTP server's bookkeeping: close them first, or close() waits for them.
    opened.unshift({ close: async () => sockets.forEach((s) => s.destroy()) });
    return { url: proxy.url, tunnels };
  }

  /** A bare HTTP server for wire shapes connect-node never sends (a gateway's error body, a silent socket). */
  async function plainServer(handler: http.RequestListener): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
    const server = http.createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const stop = setTimeout(() => server.close(), 30_000).unref();
    const s = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      server,
      close: () =>
        new Promise<void>((r) => {
          clearTimeout(stop);
          server.closeAllConnections();
          server.close(() => r());
        }),
    };
    opened.push(s);
    return s;
  }
});
