import * as assert from 'node:assert/strict';
import { createCosceneApi, type CosceneApiOptions } from '../../../../src/core/coscene/api';
import { CosceneApiError, InvalidResponseError } from '../../../../src/core/coscene/apiErrors';
import type { RequestEvent } from '../../../../src/core/coscene/transport';
import { NetworkError } from '../../../../src/core/http/networkError';
import type { HttpClient } from '../../../../src/core/http/types';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { lastSeq, pageTokensSent, repeated, selectRequests } from '../../../fake/requestLog';
import { FAKE_COSCENE, startFakeServer, type FakeServer } from '../../../fake/server';

describe('CosceneApi end to end against the fake server', function () {
  this.timeout(20_000);
  let fake: FakeServer;
  let http: HttpClient;
  const events: RequestEvent[] = [];
  const apiFor = (token: string, extra: Partial<CosceneApiOptions> = {}) =>
    createCosceneApi({
      endpoint: fake.url,
      token,
      profileName: 'fake',
      http,
      sleep: async () => undefined,
      onRequest: (e) => events.push(e),
      ...extra,
    });

  before(async () => {
    fake = await startFakeServer({ seedUsers: 120 });
    http = createHttpClient({ env: {}, maxBodyBytes: 2 * 1024 * 1024 });
  });
  after(async () => {
    await http.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.faults.clear();
    events.length = 0;
  });

  /** The fake's log of one procedure from `after` on. */
  const sent = (procedure: string, after: number) => selectRequests(fake.stats.requests, { procedure, after });

  it('walks every page of the organization users with an API key, each page asked for once', async () => {
    const mark = lastSeq(fake.stats.requests);
    const api = apiFor(FAKE_COSCENE.adminToken);
    const names = new Set<string>();
    let pageToken = '';
    for (let page = 0; page < 20; page++) {
      const result = await api.listUsers({ pageSize: 50, pageToken });
      result.items.forEach((u) => names.add(u.name));
      assert.equal(result.totalSize, 120);
      pageToken = result.nextPageToken;
      if (!pageToken) break;
    }
    assert.equal(pageToken, '');
    assert.equal(names.size, 120);
    assert.ok(names.has(FAKE_COSCENE.adminUserName));
    const requests = sent('ListUsers', mark);
    assert.deepEqual(
      requests.map((r) => r.body?.pageSize),
      [50, 50, 50],
    );
    assert.equal(requests[0].body?.pageToken, undefined, 'the first page is asked for without a token');
    assert.deepEqual(repeated(pageTokensSent(requests)), [], 'no page fetched twice');
  });

  it('resolves a project slug, lists its users and the roles', async () => {
    const mark = lastSeq(fake.stats.requests);
    const api = apiFor(FAKE_COSCENE.adminToken);
    const project = await api.getProject('mcap');
    assert.equal(project.name, `projects/${FAKE_COSCENE.projectIds.mcap}`);
    const users = await api.listUsers({ parent: project.name, pageSize: 100 });
    assert.ok(users.items.length > 0);
    const roles = await api.listRoles({ filter: 'level="project"', pageSize: 100 });
    assert.ok(roles.items.length > 0 && roles.items.every((r) => r.level === 'project'));
    assert.deepEqual(
      sent('GetProject', mark).map((r) => r.body),
      [{ name: 'projects/mcap' }],
    );
    assert.deepEqual(
      sent('ListUsers', mark).map((r) => r.body),
      [{ parent: project.name, pageSize: 100 }],
    );
    assert.deepEqual(
      sent('ListRoles', mark).map((r) => r.body),
      [{ filter: 'level="project"', pageSize: 100 }],
    );
    assert.equal((await api.getOrganization()).slug, FAKE_COSCENE.orgSlug);
  });

  it('authenticates a JWT as Bearer and returns the current user', async () => {
    const me = await apiFor(FAKE_COSCENE.jwtToken).getUser('');
    assert.equal(me.name, FAKE_COSCENE.writerUserName);
  });

  it('maps a rejected token and a missing role to their messages', async () => {
    await assert.rejects(
      apiFor(FAKE_COSCENE.inactiveToken).getUser(''),
      (e: unknown) => e instanceof CosceneApiError && e.code === 'unauthenticated' && e.actions.includes('setToken'),
    );
    await assert.rejects(
      apiFor(FAKE_COSCENE.readerToken).listUsers({ pageSize: 10 }),
      (e: unknown) =>
        e instanceof CosceneApiError &&
        e.code === 'permission_denied' &&
        e.message ===
          `Profile fake has the role ORGANIZATION_READER, which does not allow UserService/ListUsers. Ask an organization admin for access.`,
    );
  });

  it('retries unavailable and a reset connection, then succeeds', async () => {
    fake.faults.add({ kind: 'connect-error', code: 'unavailable', times: 2, match: { procedure: 'ListRoles' } });
    fake.faults.add({ kind: 'reset', times: 1, match: { procedure: 'ListRoles' } });
    const roles = await apiFor(FAKE_COSCENE.adminToken).listRoles({});
    assert.ok(roles.items.length > 0);
    assert.deepEqual(
      events.map((e) => e.error ?? e.status),
      ['unavailable', 'unavailable', 'reset', 200],
    );
  });

  it('reports proxy HTML pages, malformed JSON and oversized answers clearly', async () => {
    const api = apiFor(FAKE_COSCENE.adminToken);
    // 418 maps to `unknown`, which is retried: the page must survive all four attempts.
    fake.faults.add({ kind: 'html', httpStatus: 418, times: 4, match: { procedure: 'GetOrganization' } });
    await assert.rejects(
      api.getOrganization(),
      (e: unknown) => e instanceof CosceneApiError && /HTTP status 418 and no coScene error/.test(e.message),
    );
    fake.faults.add({ kind: 'malformed-json', match: { procedure: 'GetOrganization' } });
    await assert.rejects(api.getOrganization(), (e: unknown) => e instanceof InvalidResponseError);
    fake.faults.add({ kind: 'huge-body', bytes: 3 * 1024 * 1024, match: { procedure: 'GetOrganization' } });
    await assert.rejects(api.getOrganization(), (e: unknown) => e instanceof NetworkError && e.kind === 'too-large');
  });

  it('hands out a registry credential', async () => {
    const credential = await apiFor(FAKE_COSCENE.adminToken).createBasicCredential();
    assert.ok(credential.username && credential.password);
  });
});
