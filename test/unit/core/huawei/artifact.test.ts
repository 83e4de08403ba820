import * as assert from 'node:assert/strict';
import { AccessError } from '../../../../src/core/errors';
import { ArtifactApiOptions, createArtifactApi } from '../../../../src/core/huawei/artifact';
import { HuaweiApiError } from '../../../../src/core/huawei/errors';
import type { HuaweiCredentials } from '../../../../src/core/huawei/model';
import { json, nodeHttpClient, readFixture, Reply, startServer, TestServer, verifyAkSk } from './helpers';

const PROJECT = '0123456789abcdef0123456789abcdef';
const TENANT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const IAM_PROJECT = 'fedcba9876543210fedcba9876543210';
const REPO = 'cn-north-4_a1b2c3d4e5f60718293a4b5c6d7e8f90_maven_1';
const NOW = new Date('2024-01-02T03:04:05Z');
const TOKEN: HuaweiCredentials = {
  kind: 'token',
  region: 'cn-north-4',
  token: {
    token: 'MIIfake-token-value',
    expiresAt: '2024-01-03T03:04:05.000Z',
    projectId: IAM_PROJECT,
    domainId: TENANT,
    userName: 'alice',
  },
};
const AKSK: HuaweiCredentials = {
  kind: 'aksk',
  region: 'cn-north-4',
  ak: 'TESTAK123',
  sk: 'TestSecretKey-abc',
  securityToken: 'TestSecurityToken-xyz',
  projectId: IAM_PROJECT,
};
const privilegesOk = (result: unknown): Reply => ({
  status: 200,
  headers: { 'X-Request-Id': 'rid-1' },
  body: json({ status: 'success', trace_id: '1-2-3', result }),
});

describe('huawei CodeArts Artifact client', () => {
  let server: TestServer;
  let replies: Reply[];
  let sleeps: number[];
  const http = nodeHttpClient();
  beforeEach(async () => {
    replies = [];
    sleeps = [];
    server = await startServer(() => replies.shift() ?? { status: 500, body: json({ error_code: 'TEST', error_msg: 'no reply queued' }) });
  });
  afterEach(() => server.close());
  after(() => http.close());

  function api(overrides: Partial<ArtifactApiOptions> = {}): ReturnType<typeof createArtifactApi> {
    return createArtifactApi({
      endpoint: server.baseUrl,
      credentials: TOKEN,
      http,
      language: 'en-us',
      now: () => NOW,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...overrides,
    });
  }

  it('token mode: parses the documented example response verbatim, keeping role order', async () => {
    replies.push({ status: 200, headers: { 'X-Request-Id': 'req-42' }, body: readFixture('privileges-seed-example.json') });
    const privs = await api().getRepositoryPrivileges(PROJECT, REPO);

    const [req] = server.requests;
    assert.equal(req.url, `/cloudartifact/v5/repositories/${PROJECT}/${REPO}/privileges`);
    assert.equal(req.headers['x-auth-token'], 'MIIfake-token-value');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['x-language'], 'en-us');
    assert.equal(req.headers.authorization, undefined);

    assert.equal(privs.traceId, '9d97e8db2a9348xxx046f0b91e78ee');
    assert.equal(privs.requestId, 'req-42');
    assert.deepEqual(
      privs.roles.map((r) => [r.key, r.roleName, r.roleChineseName, r.roleId, r.privileges.length]),
      [
        ['System engineer', 'System engineer', 'System engineer.', '0e9fa4b22c3cxx3128e2eac3ba17', 2],
        ['Project manager', 'Project manager', 'Project manager.', '1d87e5606e554xxxx982e4baf1a2', 2],
      ],
    );
    const pm = privs.roles[1].privileges[1];
    assert.equal(pm.operations, 'createrepository,editrepository,restore,deleterepository,physicdelete,restoreall,clearall');
    assert.equal(pm.granted_object_path, '/codeartsartifact/artifact/repo/xx-xxx-x_09d2ca2f50xxxxf51c00ae5bad0a0_docker2_5_27');
    assert.equal(pm.operations_index, null);
  });

  it('AK/SK mode: signs with host, date, project id, language, content type and security token', async () => {
    replies.push(privilegesOk({}));
    await api({ credentials: AKSK }).getRepositoryPrivileges(PROJECT, REPO);
    const [req] = server.requests;
    const check = verifyAkSk(req, { TESTAK123: 'TestSecretKey-abc' });
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal(verifyAkSk(req, { TESTAK123: 'another-secret' }).ok, false, 'the verifier itself can fail');
    assert.deepEqual(check.signed, ['content-type', 'host', 'x-language', 'x-project-id', 'x-sdk-date', 'x-security-token']);
    assert.equal(req.headers['x-project-id'], IAM_PROJECT);
    assert.equal(req.headers['x-security-token'], 'TestSecurityToken-xyz');
    assert.equal(req.headers['x-sdk-date'], '20240102T030405Z');
    assert.equal(req.headers['x-auth-token'], undefined);
  });

  it('AK/SK without a project id resolves it once and reuses it', async () => {
    const calls: string[] = [];
    const client = api({
      credentials: { ...AKSK, projectId: undefined },
      resolveIamProjectId: async (c) => (calls.push(c.region), IAM_PROJECT),
    });
    replies.push(privilegesOk({}), privilegesOk({}));
    await client.getRepositoryPrivileges(PROJECT, REPO);
    await client.getRepositoryPrivileges(PROJECT, REPO);
    assert.deepEqual(calls, ['cn-north-4']);
    assert.deepEqual(
      server.requests.map((r) => r.headers['x-project-id']),
      [IAM_PROJECT, IAM_PROJECT],
    );
  });

  it('AK/SK without any way to find the project id fails before sending', async () => {
    await assert.rejects(
      api({ credentials: { ...AKSK, projectId: undefined } }).getRepositoryPrivileges(PROJECT, REPO),
      /IAM project ID of region cn-north-4 is not known/,
    );
    assert.equal(server.requests.length, 0);
  });

  it('rejects a malformed CodeArts project id without any request', async () => {
    for (const bad of ['0123456789ABCDEF0123456789abcdef', 'short', `${PROJECT}0`, '../../x']) {
      await assert.rejects(
        api().getRepositoryPrivileges(bad, REPO),
        (e: unknown) =>
          e instanceof AccessError && e.message.startsWith('The CodeArts project ID must be 32 lower-case letters and digits'),
      );
    }
    await assert.rejects(api().listProjectUsers('nope', REPO, 1, 10), /CodeArts project ID/);
    await assert.rejects(api().getRepositoryPrivileges(PROJECT, '..'), /repository ID "\.\." is not valid/);
    assert.equal(server.requests.length, 0);
  });

  it('encodes the repository id as one path segment, and the signature still verifies', async () => {
    replies.push(privilegesOk({}));
    await api({ credentials: AKSK }).getRepositoryPrivileges(PROJECT, 'a b/c?d');
    assert.equal(server.requests[0].url, `/cloudartifact/v5/repositories/${PROJECT}/a%20b%2Fc%3Fd/privileges`);
    assert.ok(verifyAkSk(server.requests[0], { TESTAK123: 'TestSecretKey-abc' }).ok);
  });

  it('tolerates missing names and indexes, empty operations and empty or null role lists', async () => {
    replies.push(
      privilegesOk({
        'custom-key': [{ role_id: 'r9', operations: '', granted_object_path: '/codeartsartifact/artifact/repo/*' }],
        Viewer: [],
        Odd: null,
        Developer: [{ role_id: 'r2', role_chinese_name: '开发人员', operations: 'downloadorview', operations_index: [0, 1] }],
      }),
    );
    const privs = await api().getRepositoryPrivileges(PROJECT, REPO);
    assert.deepEqual(
      privs.roles.map((r) => [r.key, r.roleName, r.roleChineseName]),
      [
        ['custom-key', 'custom-key', 'custom-key'],
        ['Viewer', 'Viewer', 'Viewer'],
        ['Odd', 'Odd', 'Odd'],
        ['Developer', '开发人员', '开发人员'],
      ],
    );
    assert.equal(privs.roles[0].privileges[0].operations_index, null);
    assert.deepEqual(privs.roles[3].privileges[0].operations_index, [0, 1]);
    assert.equal(privs.traceId, '1-2-3');
    assert.equal(privs.requestId, 'rid-1');
  });

  it('a 200 without a result object is reported as unreadable', async () => {
    replies.push({ status: 200, body: json({ status: 'success', result: [] }) });
    await assert.rejects(api().getRepositoryPrivileges(PROJECT, REPO), /could not be read/);
  });

  it('absent (omitempty) or null result, repositories and list read as empty, not unreadable', async () => {
    replies.push(
      { status: 200, body: json({ status: 'success', trace_id: '1-2-3' }) },
      { status: 200, body: json({ status: 'success', result: null }) },
      { status: 200, body: json({ status: 'success', trace_id: 't' }) },
      { status: 200, body: json({ status: 'success', result: { total: 0 } }) },
      { status: 200, body: json({ status: 'success', result: { repositories: null } }) },
      { status: 200, body: json({ status: 'success' }) },
      { status: 200, body: json({ status: 'success', result: { total: 0, list: null } }) },
    );
    assert.deepEqual((await api().getRepositoryPrivileges(PROJECT, REPO)).roles, []);
    assert.deepEqual((await api().getRepositoryPrivileges(PROJECT, REPO)).roles, []);
    const query = { tenantId: TENANT, projectId: PROJECT, pageNo: 1, pageSize: 10 };
    assert.deepEqual(await api().listRepositories(query), { total: 0, repositories: [] });
    assert.deepEqual(await api().listRepositories(query), { total: 0, repositories: [] });
    assert.deepEqual(await api().listRepositories(query), { total: 0, repositories: [] });
    assert.deepEqual(await api().listProjectUsers(PROJECT, REPO, 1, 20), { total: 0, users: [] });
    assert.deepEqual(await api().listProjectUsers(PROJECT, REPO, 1, 20), { total: 0, users: [] });
  });

  it('a list field of the wrong type is still unreadable', async () => {
    replies.push(
      { status: 200, body: json({ status: 'success', result: { repositories: 'none' } }) },
      { status: 200, body: json({ status: 'success', result: { list: {} } }) },
      { status: 200, body: json(['not', 'an', 'envelope']) },
    );
    await assert.rejects(api().listRepositories({ tenantId: TENANT, projectId: PROJECT, pageNo: 1, pageSize: 10 }), /could not be read/);
    await assert.rejects(api().listProjectUsers(PROJECT, REPO, 1, 20), /could not be read/);
    await assert.rejects(api().listProjectUsers(PROJECT, REPO, 1, 20), /could not be read/);
  });

  it('status:error in HTTP 200 fails with the server code, without retrying', async () => {
    replies.push({
      status: 200,
      body: json({ status: 'error', trace_id: '7-8-9', error_code: 'DEV.CR.4102', error_msg: '当前用户没有该项目权限' }),
    });
    await assert.rejects(
      api().getRepositoryPrivileges(PROJECT, REPO),
      (e: unknown) => e instanceof HuaweiApiError && e.kind === 'noPermission' && /trace 7-8-9/.test(e.message),
    );
    assert.equal(server.requests.length, 1);
  });

  it('retries 5xx with backoff and succeeds', async () => {
    replies.push(
      { status: 503, body: 'busy' },
      { status: 500, body: json({ error_code: 'CR.5000', error_msg: '未知服务错误' }) },
      privilegesOk({}),
    );
    const privs = await api().getRepositoryPrivileges(PROJECT, REPO);
    assert.deepEqual(privs.roles, []);
    assert.deepEqual(sleeps, [500, 1000]);
    assert.equal(server.requests.length, 3);
  });

  it('honours Retry-After on 429, and re-signs each attempt', async () => {
    replies.push(
      { status: 429, headers: { 'Retry-After': '2' }, body: json({ error_code: 'APIGW.0308', error_msg: 'throttled' }) },
      privilegesOk({}),
    );
    await api({ credentials: AKSK, now: () => new Date(Date.UTC(2024, 0, 2, 3, 4, sleeps.length)) }).getRepositoryPrivileges(PROJECT, REPO);
    assert.deepEqual(sleeps, [2000]);
    assert.deepEqual(
      server.requests.map((r) => r.headers['x-sdk-date']),
      ['20240102T030400Z', '20240102T030401Z'],
    );
  });

  it('gives up after two retries, and does not wait for a very long Retry-After', async () => {
    replies.push({ status: 502, body: '' }, { status: 502, body: '' }, { status: 502, body: '' }, { status: 502, body: '' });
    await assert.rejects(
      api().getRepositoryPrivileges(PROJECT, REPO),
      (e: unknown) => e instanceof HuaweiApiError && e.kind === 'serverError',
    );
    assert.equal(server.requests.length, 3);
    replies.length = 0;
    replies.push({ status: 429, headers: { 'Retry-After': '120' }, body: '' });
    await assert.rejects(api().getRepositoryPrivileges(PROJECT, REPO), /limiting the request rate/);
    assert.equal(server.requests.length, 4);
  });

  it('does not retry client errors', async () => {
    replies.push({
      status: 401,
      body: json({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' }),
    });
    await assert.rejects(
      api().getRepositoryPrivileges(PROJECT, REPO),
      (e: unknown) => e instanceof HuaweiApiError && e.actions.includes('signIn'),
    );
    assert.equal(server.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });

  it('an expired token fails before sending; a credentials function is asked on every request', async () => {
    const expired: HuaweiCredentials = { ...TOKEN, token: { ...TOKEN.token, expiresAt: '2024-01-02T03:04:04.000Z' } } as HuaweiCredentials;
    await assert.rejects(
      api({ credentials: expired }).getRepositoryPrivileges(PROJECT, REPO),
      (e: unknown) => e instanceof AccessError && e.actions.includes('signIn'),
    );
    assert.equal(server.requests.length, 0);

    let asked = 0;
    replies.push(privilegesOk({}), privilegesOk({}));
    const client = api({ credentials: async () => (asked++, TOKEN) });
    await client.getRepositoryPrivileges(PROJECT, REPO);
    await client.getRepositoryPrivileges(PROJECT, REPO);
    assert.equal(asked, 2);
  });

  it('lists repositories with paging and search, mapping the camelCase fields', async () => {
    replies.push({
      status: 200,
      body: json({
        status: 'success',
        trace_id: 't',
        result: {
          total: 31,
          repositories: [
            {
              id: 'id1',
              name: REPO,
              repositoryName: 'maven-release',
              displayName: 'Maven Release',
              projectId: PROJECT,
              format: 'maven2',
              repoType: 'hosted',
              status: 'active',
              url: 'https://x/y',
            },
            { id: 'id2', name: 'r2', projectId: PROJECT },
            'junk',
          ],
        },
      }),
    });
    const page = await api({ credentials: AKSK }).listRepositories({
      tenantId: TENANT,
      projectId: PROJECT,
      pageNo: 2,
      pageSize: 500,
      qname: ' my repo ',
    });
    const [req] = server.requests;
    assert.equal(req.url, `/cloudartifact/v5/${TENANT}/${PROJECT}/repositories?page_no=2&page_size=100&qname=my%20repo`);
    assert.ok(verifyAkSk(req, { TESTAK123: 'TestSecretKey-abc' }).ok);
    assert.equal(page.total, 31);
    assert.deepEqual(page.repositories[0], {
      id: 'id1',
      name: REPO,
      repositoryName: 'maven-release',
      displayName: 'Maven Release',
      projectId: PROJECT,
      format: 'maven2',
      repoType: 'hosted',
      status: 'active',
      url: 'https://x/y',
    });
    assert.deepEqual(page.repositories[1], { id: 'id2', name: 'r2', repositoryName: 'r2', projectId: PROJECT });
    assert.equal(page.repositories.length, 2);
  });

  it('checks the tenant id of a repository query before sending', async () => {
    await assert.rejects(
      api().listRepositories({ tenantId: 'a/b', projectId: PROJECT, pageNo: 1, pageSize: 10 }),
      /account \(tenant\) ID must be 8 to 32 letters and digits/,
    );
    assert.equal(server.requests.length, 0);
  });

  it('lists project users of a repository', async () => {
    replies.push({
      status: 200,
      body: json({
        status: 'success',
        result: {
          total: '1',
          list: [
            {
              user_id: 'u1',
              domain_id: 'd',
              user_name: 'alice',
              repo_id: REPO,
              privilege: 'upload,downloadorview',
              role_id: 'r1',
              role_name: 'Developer',
            },
          ],
        },
      }),
    });
    const users = await api().listProjectUsers(PROJECT, REPO, 1, 20);
    assert.equal(server.requests[0].url, `/cloudartifact/v5/projects/${PROJECT}/users?repo_id=${REPO}&page_no=1&page_size=20`);
    assert.deepEqual(users, {
      total: 1,
      users: [{ userId: 'u1', userName: 'alice', roleId: 'r1', roleName: 'Developer', privilege: 'upload,downloadorview', repoId: REPO }],
    });
  });

  it('secrets never appear in errors', async () => {
    replies.push({ status: 400, body: `echo X-Security-Token: TestSecurityToken-xyz sk=TestSecretKey-abc` });
    await assert.rejects(api({ credentials: AKSK }).getRepositoryPrivileges(PROJECT, REPO), (e: unknown) => {
      const all = `${(e as Error).message} ${(e as AccessError).detail}`;
      return !all.includes('TestSecurityToken-xyz') && !all.includes('TestSecretKey-abc');
    });
  });
});
