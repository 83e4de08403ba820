import * as assert from 'node:assert/strict';
import { FAKE_COSCENE, FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { basic, hwFetch, rpc, signedGet } from './helpers';

describe('fake: fault switches', () => {
  let server: FakeServer;
  const admin = basic(FAKE_COSCENE.adminToken);
  const H = FAKE_HUAWEI;
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000 });
  });
  after(() => server.close());
  afterEach(() => server.faults.clear());

  const listUsers = (message: Record<string, unknown> = { pageSize: 10 }) => rpc(server, 'UserService/ListUsers', message, admin);
  const privileges = () =>
    signedGet(`${server.url}/cloudartifact/v5/repositories/${H.codeartsProjectId}/${H.repoIds.mavenRelease}/privileges`, H.ak, H.sk);

  it('connect-error hits the next N matching calls only, with Retry-After when asked', async () => {
    server.faults.add({ kind: 'connect-error', code: 'unavailable', times: 2, retryAfterSeconds: 3, match: { procedure: 'ListUsers' } });
    const other = await rpc(server, 'RoleService/ListRoles', {}, admin);
    assert.equal(other.status, 200, 'a non-matching call is untouched');
    for (let i = 0; i < 2; i++) {
      const res = await listUsers();
      assert.equal(res.status, 503);
      assert.equal(res.body.code, 'unavailable');
      assert.equal(res.headers.get('retry-after'), '3');
    }
    assert.equal((await listUsers()).status, 200);
  });

  it('connect-error honours an explicit HTTP status and the full procedure path', async () => {
    server.faults.add({ kind: 'connect-error', code: 'resource_exhausted', match: { procedure: 'UserService/ListUsers' } });
    assert.equal((await listUsers()).status, 429);
    server.faults.add({ kind: 'connect-error', code: 'internal', httpStatus: 502 });
    assert.equal((await listUsers()).status, 502);
  });

  it('huawei-error in the v5 envelope (DEV. prefix) and in the gateway shape', async () => {
    server.faults.add({ kind: 'huawei-error', errorCode: 'DEV.CR.4102', match: { api: 'huawei' } });
    const v5 = await privileges();
    assert.equal(v5.status, 400);
    assert.deepEqual([v5.json.status, v5.json.error_code, v5.json.error_msg], ['error', 'DEV.CR.4102', '当前用户没有该项目权限']);
    server.faults.add({ kind: 'huawei-error', errorCode: 'APIGW.0308', retryAfterSeconds: 1 });
    const throttled = await privileges();
    assert.equal(throttled.status, 429);
    assert.equal(throttled.json.error_code, 'APIGW.0308');
    assert.equal(throttled.json.request_id, throttled.headers.get('x-request-id'));
    assert.equal(throttled.headers.get('retry-after'), '1');
  });

  it('status-error-200 answers 200 with status:"error"', async () => {
    server.faults.add({ kind: 'status-error-200', errorCode: 'CR.5000' });
    const res = await privileges();
    assert.equal(res.status, 200);
    assert.deepEqual([res.json.status, res.json.error_code], ['error', 'CR.5000']);
  });

  it('latency delays the answer; combined with another fault both apply', async () => {
    server.faults.add({ kind: 'latency', ms: 150 });
    server.faults.add({ kind: 'connect-error', code: 'internal' });
    const started = Date.now();
    const res = await listUsers();
    assert.ok(Date.now() - started >= 140);
    assert.equal(res.status, 500);
  });

  it('malformed-json and html bodies', async () => {
    server.faults.add({ kind: 'malformed-json' });
    const bad = await fetch(`${server.url}/cloudartifact/v5/anything`);
    assert.equal(bad.status, 200);
    await assert.rejects(bad.json());
    server.faults.add({ kind: 'html' });
    const html = await fetch(`${server.url}/cloudartifact/v5/anything`);
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
  });

  it('reset destroys the connection', async () => {
    server.faults.add({ kind: 'reset' });
    await assert.rejects(listUsers());
  });

  it('hang never answers (the client has to time out)', async () => {
    server.faults.add({ kind: 'hang' });
    await assert.rejects(fetch(`${server.url}/v3/projects`, { signal: AbortSignal.timeout(200) }), /abort|timeout/i);
  });

  it('slow-body drips the real body', async () => {
    server.faults.add({ kind: 'slow-body', ms: 300 });
    const started = Date.now();
    const res = await listUsers();
    assert.ok(Date.now() - started >= 250);
    assert.equal((res.body.users as unknown[]).length, 10);
  });

  it('huge-body sends a valid JSON body of the requested size', async () => {
    server.faults.add({ kind: 'huge-body', bytes: 2_000_000 });
    const res = await fetch(`${server.url}/v3/projects`);
    const text = await res.text();
    assert.equal(Buffer.byteLength(text), 2_000_000);
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('repeat-page-token returns the token it was given (a loop a client must detect)', async () => {
    server.faults.add({ kind: 'repeat-page-token', times: Infinity });
    const first = await listUsers();
    const second = await listUsers({ pageSize: 10, pageToken: first.body.nextPageToken });
    assert.equal(second.body.nextPageToken, first.body.nextPageToken);
    assert.deepEqual(second.body.users, first.body.users);
  });

  it('empty-page-with-token: no items, but the token leads on to the data', async () => {
    server.faults.add({ kind: 'empty-page-with-token', match: { procedure: 'ListRoles' } });
    const empty = await rpc(server, 'RoleService/ListRoles', {}, admin);
    assert.equal(empty.body.roles, undefined);
    assert.ok(empty.body.nextPageToken);
    const next = await rpc(server, 'RoleService/ListRoles', { pageToken: empty.body.nextPageToken }, admin);
    assert.equal((next.body.roles as unknown[]).length, 9);
  });

  it('paging faults wait for a list call instead of being spent on another procedure', async () => {
    server.faults.add({ kind: 'empty-page-with-token' });
    assert.equal((await rpc(server, 'UserService/GetUser', { name: 'users/current' }, admin)).status, 200);
    assert.equal((await listUsers()).body.users, undefined);
  });

  describe('HTTP control endpoint', () => {
    it('POST /__fake/faults (times -1 = forever), GET /__fake/requests, POST /__fake/reset', async () => {
      const add = await hwFetch(`${server.url}/__fake/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'connect-error', code: 'unavailable', times: -1, match: { api: 'coscene' } }),
      });
      assert.equal(add.status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await listUsers()).status, 503);
      const log = await hwFetch(`${server.url}/__fake/requests`);
      const requests = log.json.requests as { procedure?: string; headers: Record<string, string> }[];
      const last = requests[requests.length - 1];
      assert.equal(last.procedure, 'ListUsers');
      assert.equal(last.headers.authorization, admin);
      assert.equal((await hwFetch(`${server.url}/__fake/reset`, { method: 'POST' })).status, 200);
      assert.equal((await listUsers()).status, 200);
      assert.equal(server.stats.requests.length, 1);
    });

    it('rejects unknown fault kinds and incomplete specs with 400', async () => {
      for (const spec of [
        { kind: 'explode' },
        { kind: 'connect-error', code: 'nope' },
        { kind: 'latency' },
        { kind: 'reset', times: 0 },
        { kind: 'clock-skew' },
        { kind: 'clock-skew', offsetMs: 'soon' },
      ]) {
        const res = await hwFetch(`${server.url}/__fake/faults`, { method: 'POST', body: JSON.stringify(spec) });
        assert.equal(res.status, 400, JSON.stringify(spec));
      }
    });
  });
});

describe('fake: server lifecycle', () => {
  it('closes itself after maxLifetimeMs', async () => {
    const server = await startFakeServer({ maxLifetimeMs: 100 });
    await new Promise((r) => setTimeout(r, 250));
    await assert.rejects(fetch(`${server.url}/v3/projects`));
    await server.close();
  });

  it('close() ends hanging requests and is idempotent', async () => {
    const server = await startFakeServer({ maxLifetimeMs: 10_000 });
    server.faults.add({ kind: 'hang' });
    const pending = fetch(`${server.url}/v3/projects`);
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all([server.close(), server.close()]);
    await assert.rejects(pending);
  });

  it('latencyMs delays every answer', async () => {
    const server = await startFakeServer({ maxLifetimeMs: 10_000, latencyMs: 120 });
    try {
      const started = Date.now();
      await fetch(`${server.url}/v3/projects`);
      assert.ok(Date.now() - started >= 110);
    } finally {
      await server.close();
    }
  });
});
