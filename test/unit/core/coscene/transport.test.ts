import * as assert from 'node:assert/strict';
import { CosceneApiError, InvalidResponseError } from '../../../../src/core/coscene/apiErrors';
import { createTransport, procedureUrl, type RequestEvent, type TransportOptions } from '../../../../src/core/coscene/transport';
import { msg } from '../../../../src/core/errors';
import { NetworkError } from '../../../../src/core/http/networkError';
import { json, scriptedHttp, type Step } from './scriptedHttp';

const unavailable = json(503, { code: 'unavailable', message: 'down' });

function setup(steps: Step[], extra: Partial<TransportOptions> = {}) {
  const http = scriptedHttp(steps);
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const transport = createTransport({
    endpoint: 'https://openapi.example.com/',
    token: 'secret',
    profileName: 'saas',
    http,
    timeoutMs: 5000,
    onRequest: (e) => events.push(e),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...extra,
  });
  return { http, sleeps, events, transport };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected a failure');
}

describe('Connect transport', () => {
  it('builds the procedure URL from the endpoint without doubling slashes', () => {
    assert.equal(
      procedureUrl('https://h/', 'UserService', 'ListUsers'),
      'https://h/coscene.openapi.dataplatform.v1alpha1.services.UserService/ListUsers',
    );
  });

  it('POSTs JSON with the Connect and auth headers and returns the parsed answer', async () => {
    const { http, transport } = setup([json(200, { users: [] })]);
    assert.deepEqual(await transport.call('UserService', 'ListUsers', { pageSize: 10 }), { users: [] });
    const req = http.requests[0];
    assert.equal(req.method, 'POST');
    assert.equal(req.url, 'https://openapi.example.com/coscene.openapi.dataplatform.v1alpha1.services.UserService/ListUsers');
    assert.deepEqual(req.headers, {
      'Content-Type': 'application/json',
      'Connect-Protocol-Version': '1',
      Authorization: 'Basic YXBpa2V5OnNlY3JldA==',
      'x-cos-auth-token': 'Basic YXBpa2V5OnNlY3JldA==',
      // The server learns the deadline, a little before ours (see serverDeadlineMs).
      'Connect-Timeout-Ms': '4500',
    });
    assert.equal(req.body, '{"pageSize":10}');
    assert.equal(req.timeoutMs, 5000);
  });

  it('retries unavailable three times with the 1-2-4 s schedule, then throws the last error', async () => {
    const { http, sleeps, events, transport } = setup([unavailable, unavailable, unavailable, unavailable]);
    const e = await failure(transport.call('RoleService', 'ListRoles', {}));
    assert.ok(e instanceof CosceneApiError && e.code === 'unavailable');
    assert.equal(http.requests.length, 4);
    assert.deepEqual(sleeps, [1000, 2000, 4000]);
    assert.deepEqual(
      events.map((ev) => [ev.attempt, ev.status, ev.error]),
      [
        [1, 503, 'unavailable'],
        [2, 503, 'unavailable'],
        [3, 503, 'unavailable'],
        [4, 503, 'unavailable'],
      ],
    );
  });

  it('succeeds when a retry succeeds', async () => {
    const { http, transport } = setup([json(500, { code: 'internal' }), json(200, { slug: 'acme' })]);
    assert.deepEqual(await transport.call('OrganizationService', 'GetOrganization', {}), { slug: 'acme' });
    assert.equal(http.requests.length, 2);
  });

  for (const code of ['unauthenticated', 'permission_denied', 'invalid_argument', 'not_found']) {
    it(`never retries ${code}`, async () => {
      const { http, sleeps, transport } = setup([json(400, { code })]);
      const e = await failure(transport.call('UserService', 'GetUser', { name: 'users/x' }));
      assert.equal((e as CosceneApiError).code, code);
      assert.equal(http.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });
  }

  it('honours Retry-After on resource_exhausted', async () => {
    const { sleeps, transport } = setup([json(429, { code: 'resource_exhausted' }, { 'retry-after': '7' }), json(200, {})]);
    await transport.call('UserService', 'ListUsers', {});
    assert.deepEqual(sleeps, [7000]);
  });

  it('retries refused connections and timeouts but not TLS failures', async () => {
    const refused = new NetworkError('connect', msg('refused'));
    const timeout = new NetworkError('timeout', msg('timeout'));
    const ok = setup([refused, timeout, json(200, {})]);
    await ok.transport.call('UserService', 'ListUsers', {});
    assert.deepEqual(
      ok.events.map((e) => e.error),
      ['connect', 'timeout', undefined],
    );
    const tls = setup([new NetworkError('tls', msg('tls'))]);
    assert.equal(((await failure(tls.transport.call('UserService', 'ListUsers', {}))) as NetworkError).kind, 'tls');
    assert.equal(tls.http.requests.length, 1);
  });

  it('stops at once when cancelled during the backoff', async () => {
    const controller = new AbortController();
    const { http, transport } = setup([unavailable, unavailable], {
      sleep: () => {
        controller.abort();
        return Promise.reject(Object.assign(new Error('x'), { name: 'AbortError' }));
      },
    });
    const e = await failure(transport.call('UserService', 'ListUsers', {}, controller.signal));
    assert.equal(e.name, 'AbortError');
    assert.equal(http.requests.length, 1);
  });

  it('uses a real, cancellable sleep by default', async () => {
    const controller = new AbortController();
    const { transport } = setup([unavailable], { sleep: undefined });
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    const e = await failure(transport.call('UserService', 'ListUsers', {}, controller.signal));
    assert.equal(e.name, 'AbortError');
    assert.ok(Date.now() - started < 900, 'did not wait for the 1 s backoff');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { http, transport } = setup([]);
    const e = await failure(transport.call('UserService', 'ListUsers', {}, AbortSignal.abort()));
    assert.equal(e.name, 'AbortError');
    assert.equal(http.requests.length, 0);
  });

  it('reports a 200 with a non-JSON body as an invalid response', async () => {
    const { events, transport } = setup([{ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login page</html>' }]);
    const e = await failure(transport.call('UserService', 'ListUsers', {}));
    assert.ok(e instanceof InvalidResponseError);
    assert.equal(
      e.message,
      'The server at https://openapi.example.com sent an answer to UserService/ListUsers that is not JSON. Check the endpoint of profile saas.',
    );
    assert.match(e.detail ?? '', /text\/html: <html>login page/);
    assert.equal(events[0].error, 'invalid_response');
  });
});
