import * as assert from 'node:assert/strict';
import { FAKE_COSCENE, FakeServer, mintCosceneJwt, startFakeServer } from '../../fake/server';
import { SERVICES, basic, rpc } from './helpers';

describe('fake coScene: authentication and roles', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000 });
  });
  after(() => server.close());

  const current = { name: 'users/current' };

  it('401 unauthenticated without credentials', async () => {
    const res = await rpc(server, 'UserService/GetUser', current);
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'unauthenticated');
  });

  it('401 for an unknown key, a wrong Basic user name, and an unknown scheme', async () => {
    for (const auth of [
      basic('not-a-key'),
      `Basic ${Buffer.from(`user:${FAKE_COSCENE.adminToken}`).toString('base64')}`,
      `Token ${FAKE_COSCENE.adminToken}`,
    ]) {
      const res = await rpc(server, 'UserService/GetUser', current, auth);
      assert.equal(res.status, 401, auth);
      assert.equal(res.body.code, 'unauthenticated');
    }
  });

  it('accepts the key on x-cos-auth-token alone and resolves users/current to the key owner', async () => {
    const res = await rpc(server, 'UserService/GetUser', current, undefined, { 'x-cos-auth-token': basic(FAKE_COSCENE.adminToken) });
    assert.equal(res.status, 200);
    assert.equal(res.body.name, FAKE_COSCENE.adminUserName);
    assert.deepEqual((res.body.role as { code: string }).code, 'ORGANIZATION_ADMIN');
  });

  it('accepts a Bearer JWT and rejects an expired or tampered one', async () => {
    const ok = await rpc(server, 'UserService/GetUser', current, `Bearer ${FAKE_COSCENE.jwtToken}`);
    assert.equal(ok.body.name, FAKE_COSCENE.writerUserName);
    const expired = await rpc(server, 'UserService/GetUser', current, `Bearer ${FAKE_COSCENE.expiredToken}`);
    assert.equal(expired.status, 401);
    assert.match(String(expired.body.message), /expired/);
    const tampered = `${FAKE_COSCENE.jwtToken.slice(0, -2)}xx`;
    assert.equal((await rpc(server, 'UserService/GetUser', current, `Bearer ${tampered}`)).status, 401);
  });

  it('rejects a JWT sent as a Basic apikey (the 3-part rule of §2.3)', async () => {
    assert.equal((await rpc(server, 'UserService/GetUser', current, basic(FAKE_COSCENE.jwtToken))).status, 401);
  });

  it('401 for an inactive user', async () => {
    assert.equal((await rpc(server, 'UserService/GetUser', current, basic(FAKE_COSCENE.inactiveToken))).status, 401);
  });

  it("403 permission_denied naming the caller's role (not a required one) when a reader lists the organization", async () => {
    const res = await rpc(server, 'UserService/ListUsers', {}, basic(FAKE_COSCENE.readerToken));
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'permission_denied');
    assert.equal(res.body.message, 'permission denied: role ORGANIZATION_READER cannot ListUsers');
  });

  it('a reader may list a project it belongs to, but not another one', async () => {
    const member = await rpc(
      server,
      'UserService/ListUsers',
      { parent: `projects/${FAKE_COSCENE.projectIds.mcap}` },
      basic(FAKE_COSCENE.readerToken),
    );
    assert.equal(member.status, 200);
    const other = await rpc(
      server,
      'UserService/ListUsers',
      { parent: `projects/${FAKE_COSCENE.projectIds.perception}` },
      basic(FAKE_COSCENE.readerToken),
    );
    assert.equal(other.status, 403);
  });

  it('a reader may read roles, projects, the organization and get a registry credential', async () => {
    const auth = basic(FAKE_COSCENE.readerToken);
    assert.equal((await rpc(server, 'RoleService/ListRoles', {}, auth)).status, 200);
    assert.equal((await rpc(server, 'ProjectService/GetProject', { name: 'projects/mcap' }, auth)).status, 200);
    assert.equal((await rpc(server, 'OrganizationService/GetOrganization', { name: 'organizations/current' }, auth)).status, 200);
    assert.equal((await rpc(server, 'ContainerRegistryService/CreateBasicCredential', {}, auth)).status, 200);
  });

  it('a freshly minted JWT for another user works until its exp', async () => {
    const future = mintCosceneJwt(FAKE_COSCENE.adminUserName, Math.floor(Date.now() / 1000) + 60);
    assert.equal((await rpc(server, 'UserService/GetUser', current, `Bearer ${future}`)).body.name, FAKE_COSCENE.adminUserName);
  });
});

describe('fake coScene: Connect protocol', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000 });
  });
  after(() => server.close());
  const auth = basic(FAKE_COSCENE.adminToken);
  const url = () => `${server.url}/${SERVICES}.UserService/GetUser`;

  it('405 with Allow: POST for GET', async () => {
    const res = await fetch(url(), { headers: { authorization: auth } });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
  });

  it('415 for a non-JSON content type', async () => {
    const res = await fetch(url(), { method: 'POST', headers: { authorization: auth, 'content-type': 'application/proto' }, body: '' });
    assert.equal(res.status, 415);
  });

  it('unknown procedure → 404 with code unimplemented', async () => {
    const res = await rpc(server, 'UserService/DeleteUser', { name: 'users/current' }, auth);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'unimplemented');
  });

  it('invalid_argument for an empty body, a non-object body and a wrong protocol version', async () => {
    const post = (body: string, extra: Record<string, string> = {}) =>
      fetch(url(), { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json', ...extra }, body });
    for (const res of [await post(''), await post('[1]'), await post('{"name":"users/current"}', { 'connect-protocol-version': '2' })]) {
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { code: string }).code, 'invalid_argument');
    }
  });

  it('works without Connect-Protocol-Version and with charset in the content type', async () => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json; charset=utf-8' },
      body: '{"name":"users/current"}',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  it('accepts snake_case request fields', async () => {
    const res = await rpc(server, 'UserService/ListUsers', { page_size: 10 }, auth);
    assert.equal((res.body.users as unknown[]).length, 10);
  });
});
