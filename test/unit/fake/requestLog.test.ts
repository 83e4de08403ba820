import * as assert from 'node:assert/strict';
import { fetchRequestLog, lastSeq, MAX_RECORDED_CHARS, RecordedRequest, selectRequests } from '../../fake/requestLog';
import { FAKE_COSCENE, FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { basic, hwFetch, rpc, signedGet } from './helpers';

const H = FAKE_HUAWEI;
const SECRET = 'sk-LOG-CANARY-7f3a9c';

/** An entry as the log keeps it, without the headers (kept verbatim on purpose: tests compare the credentials sent). */
const withoutHeaders = (r: RecordedRequest): string => JSON.stringify({ ...r, headers: undefined });

describe("the fake's request log", () => {
  let server: FakeServer;
  const admin = basic(FAKE_COSCENE.adminToken);
  const newest = (): RecordedRequest => server.stats.requests[server.stats.requests.length - 1];
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000, seedUsers: 40 });
  });
  after(() => server.close());

  it('records the fields that shape a coScene list, sent in camelCase or snake_case', async () => {
    const parent = `projects/${FAKE_COSCENE.projectIds.mcap}`;
    await rpc(server, 'UserService/ListUsers', { parent, filter: 'role.code="PROJECT_ADMIN"', pageSize: 10, pageToken: '' }, admin);
    assert.deepEqual(newest().body, { parent, filter: 'role.code="PROJECT_ADMIN"', pageSize: 10, pageToken: '' });
    assert.equal(newest().procedure, 'ListUsers');

    const first = await rpc(server, 'UserService/ListUsers', { page_size: '10' }, admin);
    await rpc(server, 'UserService/ListUsers', { page_size: '10', page_token: first.body.nextPageToken }, admin);
    assert.deepEqual(newest().body, { pageSize: 10, pageToken: first.body.nextPageToken });

    await rpc(server, 'ProjectService/ListProjects', { pageSize: 100, skip: 100, filter: 'is_archived="false"' }, admin);
    assert.deepEqual(newest().body, { pageSize: 100, skip: 100, filter: 'is_archived="false"' });
    await rpc(server, 'UserService/BatchGetUsers', { names: [FAKE_COSCENE.readerUserName, FAKE_COSCENE.writerUserName] }, admin);
    assert.deepEqual(newest().body, { nameCount: 2 }, 'how many names, not the names');
    await rpc(server, 'UserService/GetUser', { name: 'users/current' }, admin);
    assert.deepEqual(newest().body, { name: 'users/current' });
  });

  it('parses page_no and page_size of a Huawei query', async () => {
    await signedGet(
      `${server.url}/cloudartifact/v5/${H.domainId}/${H.codeartsProjectId}/repositories?page_no=2&page_size=100`,
      H.ak,
      H.sk,
      {
        'x-project-id': H.iamProjectId,
      },
    );
    assert.equal(newest().procedure, 'ListAllRepositories');
    assert.deepEqual(newest().page, { pageNo: 2, pageSize: 100 });
    await signedGet(
      `${server.url}/cloudartifact/v5/repositories/${H.exampleRepo.projectId}/${H.exampleRepo.repoId}/privileges`,
      H.ak,
      H.sk,
    );
    assert.equal(newest().page, undefined, 'no paging in the query, no page');
  });

  it('keeps tokens, passwords and keys out of what it records of a request', async () => {
    await rpc(server, 'UserService/ListUsers', { pageSize: 10, token: SECRET, password: SECRET, secretKey: SECRET }, admin);
    assert.deepEqual(newest().body, { pageSize: 10 });
    const iamBody = { auth: { identity: { methods: ['password'], password: { user: { name: H.iamUser, password: SECRET } } } } };
    await hwFetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(iamBody),
    });
    assert.equal(newest().procedure, 'KeystoneCreateUserTokenByPassword');
    await rpc(server, 'UserService/GetUser', { name: 'users/current', password: SECRET }, basic(SECRET));
    for (const r of server.stats.requests) assert.ok(!withoutHeaders(r).includes(SECRET), withoutHeaders(r));
    const overHttp = JSON.stringify((await fetchRequestLog(server.url)).map((r) => ({ ...r, headers: undefined })));
    assert.ok(!overHttp.includes(SECRET));
  });

  it('bounds what it records of a body: long strings cut, large or unreadable bodies not read', async () => {
    await rpc(server, 'UserService/ListUsers', { filter: `nickname="${'x'.repeat(5000)}"`, pageToken: 't'.repeat(5000) }, admin);
    assert.equal(newest().body?.filter?.length, MAX_RECORDED_CHARS);
    assert.ok(newest().body?.filter?.endsWith('…'));
    assert.equal(newest().body?.pageToken?.length, MAX_RECORDED_CHARS);
    assert.ok(withoutHeaders(newest()).length < 1024, `${withoutHeaders(newest()).length} characters`);

    await rpc(server, 'UserService/BatchGetUsers', { names: Array.from({ length: 3000 }, (_, i) => `users/${i}`.padEnd(40, '0')) }, admin);
    assert.match(newest().body?.unread ?? '', /^a body of \d+ bytes$/);
    assert.equal(newest().body?.nameCount, undefined, 'not read at all');

    await fetch(`${server.url}/coscene.openapi.dataplatform.v1alpha1.services.UserService/ListUsers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: admin },
      body: '{"pageSize": 10,',
    });
    assert.deepEqual(newest().body, { unread: 'not JSON' });
    await rpc(server, 'UserService/ListUsers', { pageSize: 'ten', filter: { nickname: 'x' } }, admin);
    assert.deepEqual(newest().body, { unread: 'wrong type: filter, pageSize' });
  });

  it('numbers requests in order across a reset, and filters them by procedure, api and position', async () => {
    const mark = lastSeq(server.stats.requests);
    assert.equal((await hwFetch(`${server.url}/__fake/reset`, { method: 'POST' })).status, 200);
    await rpc(server, 'RoleService/ListRoles', { pageSize: 100 }, admin);
    await rpc(server, 'UserService/GetUser', { name: 'users/current' }, admin);
    await signedGet(`${server.url}/cloudartifact/v5/projects/${H.codeartsProjectId}/users?repo_id=r&page_no=1&page_size=50`, H.ak, H.sk);
    assert.deepEqual(
      server.stats.requests.map((r) => r.seq),
      [mark + 1, mark + 2, mark + 3],
    );
    assert.deepEqual(
      selectRequests(server.stats.requests, { api: 'coscene', after: mark + 1 }).map((r) => r.procedure),
      ['GetUser'],
    );
    const [roles] = await fetchRequestLog(server.url, { procedure: 'ListRoles' });
    assert.deepEqual([roles.seq, roles.body], [mark + 1, { pageSize: 100 }]);
    const [users] = await fetchRequestLog(server.url, { api: 'huawei' });
    assert.deepEqual(users.page, { pageNo: 1, pageSize: 50 });
  });
});
