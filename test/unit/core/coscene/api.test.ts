import * as assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { createCosceneApi, userName } from '../../../../src/core/coscene/api';
import { InvalidResponseError } from '../../../../src/core/coscene/apiErrors';
import type { CosceneApi } from '../../../../src/core/coscene/model';
import type { HttpClient } from '../../../../src/core/http/types';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { redact } from '../../../../src/core/redact';
import { readBody, startLocalServer, type LocalServer } from '../http/localServer';

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const PREFIX = '/coscene.openapi.dataplatform.v1alpha1.services.';

describe('CosceneApi over HTTP (local server)', () => {
  let server: LocalServer;
  let http: HttpClient;
  let api: CosceneApi;
  let seen: Seen[];
  let reply: (path: string, body: Record<string, unknown>) => { status: number; body: unknown };

  beforeEach(async () => {
    seen = [];
    server = await startLocalServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      const answer = reply(req.url ?? '', body);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    http = createHttpClient({ env: {} });
    api = createCosceneApi({
      endpoint: `${server.url}/`,
      token: 'api-key-123456',
      profileName: 'local',
      http,
      sleep: async () => undefined,
    });
  });

  afterEach(async () => {
    await http.close();
    await server.close();
  });

  it('lists users with the request fields cocli sends and decodes the page', async () => {
    reply = () => ({
      status: 200,
      body: { users: [{ name: 'users/u1', email: 'a@example.com', active: true }], nextPageToken: 'n', totalSize: '1' },
    });
    const page = await api.listUsers({ parent: 'projects/p1', pageSize: 20, pageToken: 'T', filter: 'role.code="PROJECT_WRITER"' });
    assert.deepEqual(page, {
      items: [{ name: 'users/u1', email: 'a@example.com', phoneNumber: '', active: true }],
      nextPageToken: 'n',
      totalSize: 1,
    });
    const [call] = seen;
    assert.equal(call.path, `${PREFIX}UserService/ListUsers`);
    assert.equal(call.headers['content-type'], 'application/json');
    assert.equal(call.headers['connect-protocol-version'], '1');
    const expectedAuth = `Basic ${Buffer.from('apikey:api-key-123456').toString('base64')}`;
    assert.equal(call.headers.authorization, expectedAuth);
    assert.equal(call.headers['x-cos-auth-token'], expectedAuth);
    assert.deepEqual(call.body, { parent: 'projects/p1', pageSize: 20, pageToken: 'T', filter: 'role.code="PROJECT_WRITER"' });
  });

  it('omits default request fields (organization-level list)', async () => {
    reply = () => ({ status: 200, body: {} });
    assert.deepEqual(await api.listUsers({ pageSize: 100, parent: '' }), { items: [], nextPageToken: '' });
    assert.deepEqual(seen[0].body, { pageSize: 100 });
  });

  it('sends each call to its procedure with its request body', async () => {
    reply = (path) => {
      if (path.endsWith('/GetOrganization')) return { status: 200, body: { name: 'organizations/o', slug: 'acme', displayName: 'Acme' } };
      if (path.endsWith('/GetProject')) return { status: 200, body: { name: 'projects/uuid', slug: 'mcap' } };
      if (path.endsWith('/GetUser')) return { status: 200, body: { name: 'users/abc', nickname: 'Bob' } };
      if (path.endsWith('/ListRoles'))
        return { status: 200, body: { roles: [{ name: 'roles/r', code: 'PROJECT_ADMIN', level: 'project' }], totalSize: 1 } };
      if (path.endsWith('/CreateBasicCredential')) return { status: 200, body: { username: 'cr-temp', password: 'registry-pass-987' } };
      return { status: 404, body: { code: 'unimplemented' } };
    };
    assert.equal((await api.getOrganization()).slug, 'acme');
    assert.equal((await api.getProject('mcap')).name, 'projects/uuid');
    await api.getProject('projects/uuid');
    assert.equal((await api.getUser('abc')).nickname, 'Bob');
    await api.getUser('');
    assert.equal((await api.listRoles({ pageSize: 100, filter: 'level="project"' })).items[0].code, 'PROJECT_ADMIN');
    assert.deepEqual(await api.createBasicCredential(), { username: 'cr-temp', password: 'registry-pass-987' });
    assert.deepEqual(
      seen.map((s) => [s.path.slice(PREFIX.length), s.body]),
      [
        ['OrganizationService/GetOrganization', { name: 'organizations/current' }],
        ['ProjectService/GetProject', { name: 'projects/mcap' }],
        ['ProjectService/GetProject', { name: 'projects/uuid' }],
        ['UserService/GetUser', { name: 'users/abc' }],
        ['UserService/GetUser', { name: 'users/current' }],
        ['RoleService/ListRoles', { pageSize: 100, filter: 'level="project"' }],
        ['ContainerRegistryService/CreateBasicCredential', {}],
      ],
    );
    assert.equal(redact('docker password registry-pass-987'), 'docker password ***', 'the registry password is registered as a secret');
  });

  it('splits BatchGetUsers into calls of 100 names', async () => {
    reply = (_path, body) => ({ status: 200, body: { users: (body.names as string[]).map((name) => ({ name })) } });
    const names = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const users = await api.batchGetUsers(names);
    assert.equal(users.length, 150);
    assert.equal(users[149].name, 'users/u149');
    assert.deepEqual(
      seen.map((s) => (s.body as { names: string[] }).names.length),
      [100, 50],
    );
    assert.deepEqual(await api.batchGetUsers([]), []);
    assert.equal(seen.length, 2);
  });

  it('turns a badly shaped answer into an invalid-response error', async () => {
    reply = () => ({ status: 200, body: { users: 'nope' } });
    await assert.rejects(
      api.listUsers({}),
      (e: unknown) =>
        e instanceof InvalidResponseError &&
        e.message === 'The server sent an unexpected answer to UserService/ListUsers: response.users should be a list.',
    );
  });

  it('reuses one keep-alive connection across calls', async () => {
    reply = () => ({ status: 200, body: {} });
    for (let i = 0; i < 3; i++) {
      await api.listRoles({});
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(server.connections, 1);
  });

  it('refuses a plain-http endpoint that is not loopback before sending anything', () => {
    assert.throws(
      () => createCosceneApi({ endpoint: 'http://openapi.example.com', token: 't', profileName: 'p', http }),
      /must use https:\/\//,
    );
  });
});

describe('userName', () => {
  it('follows cocli: users/<id> unchanged, bare id prefixed, empty = current', () => {
    assert.deepEqual(['users/abc', 'abc', '', '  ', 'users/a/b'].map(userName), [
      'users/abc',
      'users/abc',
      'users/current',
      'users/current',
      'users/users/a/b',
    ]);
  });
});
