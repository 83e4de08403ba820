import * as assert from 'node:assert/strict';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';
import { basic, rpc } from './helpers';

interface WireUser {
  name: string;
  nickname?: string;
  email?: string;
  phoneNumber?: string;
  active?: boolean;
  createTime?: string;
  role?: { code: string; level: string; name: string; displayName: string };
}

describe('fake coScene: users, projects, roles, credentials', () => {
  let server: FakeServer;
  const admin = basic(FAKE_COSCENE.adminToken);
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000, registryCredentials: [{ username: 'robot$ci', password: 'first-secret' }] });
  });
  after(() => server.close());

  async function listAll(
    message: Record<string, unknown>,
    maxPages = 100,
  ): Promise<{ users: WireUser[]; pages: number; totalSize: unknown }> {
    const users: WireUser[] = [];
    let token = '';
    let totalSize: unknown;
    for (let page = 1; page <= maxPages; page++) {
      const res = await rpc(server, 'UserService/ListUsers', { ...message, pageToken: token }, admin);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      users.push(...((res.body.users as WireUser[] | undefined) ?? []));
      totalSize = res.body.totalSize;
      token = (res.body.nextPageToken as string | undefined) ?? '';
      if (!token) return { users, pages: page, totalSize };
    }
    throw new Error('paging did not end');
  }

  it('a paging walk visits every organization user exactly once, in createTime-then-name order', async () => {
    const { users, pages, totalSize } = await listAll({ pageSize: 37 });
    assert.equal(users.length, 320);
    assert.equal(new Set(users.map((u) => u.name)).size, 320);
    assert.equal(pages, Math.ceil(320 / 37));
    assert.equal(totalSize, '320');
    const keys = users.map((u) => [Date.parse(u.createTime ?? ''), u.name] as const);
    for (let i = 1; i < keys.length; i++) {
      assert.ok(keys[i - 1][0] < keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] < keys[i][1]), `order broken at ${i}`);
    }
    assert.ok(
      keys.some((k, i) => i > 0 && keys[i - 1][0] === k[0]),
      'seed has equal createTimes to exercise the tie-break',
    );
  });

  it('pageSize 0 or absent uses the default of 100; 1-9, 101 and negatives are invalid_argument', async () => {
    for (const message of [{}, { pageSize: 0 }]) {
      const res = await rpc(server, 'UserService/ListUsers', message, admin);
      assert.equal((res.body.users as unknown[]).length, 100);
    }
    for (const pageSize of [1, 9, 101, -5]) {
      const res = await rpc(server, 'UserService/ListUsers', { pageSize }, admin);
      assert.equal(res.status, 400, String(pageSize));
      assert.equal(res.body.code, 'invalid_argument');
      assert.equal(res.body.message, 'page_size must be between 10 and 100');
    }
  });

  it('a page token cannot be reused with a different filter, and garbage tokens are invalid_argument', async () => {
    const first = await rpc(server, 'UserService/ListUsers', { pageSize: 10 }, admin);
    const token = first.body.nextPageToken as string;
    assert.ok(token);
    const mismatch = await rpc(
      server,
      'UserService/ListUsers',
      { pageSize: 10, pageToken: token, filter: 'role.code="ORGANIZATION_ADMIN"' },
      admin,
    );
    assert.equal(mismatch.body.code, 'invalid_argument');
    const garbage = await rpc(server, 'UserService/ListUsers', { pageSize: 10, pageToken: 'not-a-token' }, admin);
    assert.equal(garbage.body.code, 'invalid_argument');
  });

  it('filters by role.code (exact) and nickname (case-insensitive substring), combined with AND', async () => {
    const admins = (await listAll({ filter: 'role.code="ORGANIZATION_ADMIN"' })).users;
    assert.ok(admins.length > 1);
    assert.ok(admins.every((u) => u.role?.code === 'ORGANIZATION_ADMIN'));
    const alices = (await listAll({ filter: 'nickname="alice"' })).users;
    assert.ok(alices.some((u) => u.nickname === 'Alice Chen'));
    assert.ok(alices.every((u) => u.nickname?.toLowerCase().includes('alice')));
    const both = (await listAll({ filter: 'nickname="ALICE" AND role.code="ORGANIZATION_ADMIN"' })).users;
    assert.ok(both.length >= 1 && both.every((u) => u.role?.code === 'ORGANIZATION_ADMIN' && /alice/i.test(u.nickname ?? '')));
    assert.ok(both.length < alices.length);
  });

  it('unescapes \\" and \\\\ in filter values', async () => {
    const res = await rpc(server, 'UserService/ListUsers', { filter: `nickname=${JSON.stringify(FAKE_COSCENE.quotedNickname)}` }, admin);
    const users = res.body.users as WireUser[];
    assert.deepEqual(
      users.map((u) => u.nickname),
      [FAKE_COSCENE.quotedNickname],
    );
  });

  it('malformed filters are invalid_argument', async () => {
    for (const filter of [
      'nickname=alice',
      'nickname="unterminated',
      'email="a@b"',
      'role.code="X" OR nickname="y"',
      'nickname="a" and role.code="b"',
      'nickname="\\q"',
    ]) {
      const res = await rpc(server, 'UserService/ListUsers', { filter }, admin);
      assert.equal(res.body.code, 'invalid_argument', filter);
    }
  });

  it('project-scoped listing returns members with their PROJECT_* role', async () => {
    const { users } = await listAll({ parent: `projects/${FAKE_COSCENE.projectIds.mcap}` });
    const mcap = server.coscene.projects.find((p) => p.slug === 'mcap');
    assert.equal(users.length, mcap?.members.size);
    assert.ok(users.every((u) => u.role?.level === 'project' && u.role.code.startsWith('PROJECT_')));
    assert.equal(users.find((u) => u.name === FAKE_COSCENE.readerUserName)?.role?.code, 'PROJECT_READER');
    const writers = (await listAll({ parent: `projects/${FAKE_COSCENE.projectIds.mcap}`, filter: 'role.code="PROJECT_WRITER"' })).users;
    assert.ok(writers.length > 0 && writers.every((u) => u.role?.code === 'PROJECT_WRITER'));
  });

  it('an empty project answers {} (every default omitted)', async () => {
    const res = await rpc(server, 'UserService/ListUsers', { parent: `projects/${FAKE_COSCENE.projectIds['archive-2024']}` }, admin);
    assert.deepEqual(res.body, {});
  });

  it('parent must be projects/<uuid>: a slug or other shape is invalid_argument, an unknown uuid not_found', async () => {
    assert.equal((await rpc(server, 'UserService/ListUsers', { parent: 'projects/mcap' }, admin)).body.code, 'invalid_argument');
    assert.equal((await rpc(server, 'UserService/ListUsers', { parent: 'organizations/current' }, admin)).body.code, 'invalid_argument');
    const unknown = await rpc(server, 'UserService/ListUsers', { parent: 'projects/00000000-0000-4000-8000-000000000000' }, admin);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'not_found');
  });

  it('protojson: defaults are omitted, optional nickname "" is kept, totalSize is a string', async () => {
    const { users } = await listAll({});
    const device = users.find((u) => u.nickname === 'robot-arm-07');
    assert.ok(device && !('email' in device) && !('phoneNumber' in device));
    const inactive = users.find((u) => u.nickname === 'Old Account');
    assert.ok(inactive && !('active' in inactive));
    assert.ok(
      users.some((u) => u.nickname === ''),
      'a user with an empty (but set) nickname',
    );
    assert.ok(
      users.some((u) => !('nickname' in u)),
      'a user without nickname',
    );
    assert.ok(users.every((u) => Object.values(u).every((v) => v !== '' || u.nickname === '')));
    assert.ok(users.every((u) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.test(u.createTime ?? '')));
    const last = await rpc(server, 'UserService/ListUsers', { pageSize: 100, filter: 'role.code="ORGANIZATION_ADMIN"' }, admin);
    assert.ok(!('nextPageToken' in last.body));
    assert.equal(typeof last.body.totalSize, 'string');
  });

  it('GetProject by slug and by uuid; unknown → not_found', async () => {
    const bySlug = await rpc(server, 'ProjectService/GetProject', { name: 'projects/lidar-tests' }, admin);
    assert.equal(bySlug.body.name, `projects/${FAKE_COSCENE.projectIds['lidar-tests']}`);
    const byId = await rpc(server, 'ProjectService/GetProject', { name: bySlug.body.name }, admin);
    assert.equal(byId.body.slug, 'lidar-tests');
    assert.equal((await rpc(server, 'ProjectService/GetProject', { name: 'projects/nope' }, admin)).body.code, 'not_found');
    assert.equal((await rpc(server, 'ProjectService/GetProject', { name: 'mcap' }, admin)).body.code, 'invalid_argument');
  });

  it('GetOrganization answers organizations/current only', async () => {
    const org = await rpc(server, 'OrganizationService/GetOrganization', { name: 'organizations/current' }, admin);
    assert.equal(org.body.slug, FAKE_COSCENE.orgSlug);
    assert.equal((await rpc(server, 'OrganizationService/GetOrganization', { name: 'organizations/other' }, admin)).body.code, 'not_found');
    assert.equal((await rpc(server, 'OrganizationService/GetOrganization', {}, admin)).body.code, 'invalid_argument');
  });

  it('GetUser: uuid, unknown uuid → not_found, malformed → invalid_argument', async () => {
    assert.equal((await rpc(server, 'UserService/GetUser', { name: FAKE_COSCENE.readerUserName }, admin)).body.nickname, '李娜');
    assert.equal(
      (await rpc(server, 'UserService/GetUser', { name: 'users/00000000-0000-4000-8000-000000000000' }, admin)).body.code,
      'not_found',
    );
    assert.equal((await rpc(server, 'UserService/GetUser', { name: 'users/abc' }, admin)).body.code, 'invalid_argument');
  });

  it('BatchGetUsers keeps request order and rejects more than 100 names', async () => {
    const names = [FAKE_COSCENE.readerUserName, FAKE_COSCENE.adminUserName];
    const res = await rpc(server, 'UserService/BatchGetUsers', { names }, admin);
    assert.deepEqual(
      (res.body.users as WireUser[]).map((u) => u.name),
      names,
    );
    const tooMany = await rpc(server, 'UserService/BatchGetUsers', { names: Array(101).fill(FAKE_COSCENE.adminUserName) }, admin);
    assert.equal(tooMany.body.code, 'invalid_argument');
  });

  it('ListRoles: 9 roles incl. a custom one, level filter, paging', async () => {
    const all = await rpc(server, 'RoleService/ListRoles', {}, admin);
    assert.equal(all.body.totalSize, '9');
    const codes = (all.body.roles as { code: string }[]).map((r) => r.code);
    assert.ok(codes.includes('PROJECT_LABELER') && codes.includes('ORGANIZATION_DEVICE'));
    const orgOnly = await rpc(server, 'RoleService/ListRoles', { filter: 'level="organization"' }, admin);
    assert.deepEqual(
      (orgOnly.body.roles as { level: string }[]).map((r) => r.level),
      Array(4).fill('organization'),
    );
    const page1 = await rpc(server, 'RoleService/ListRoles', { pageSize: 10, filter: 'level="project"' }, admin);
    assert.equal((page1.body.roles as unknown[]).length, 5);
    assert.ok(!('nextPageToken' in page1.body));
  });

  it('CreateBasicCredential hands out the configured credential first, then fresh random ones', async () => {
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await rpc(server, 'ContainerRegistryService/CreateBasicCredential', {}, admin)).body);
    assert.deepEqual(seen[0], { username: 'robot$ci', password: 'first-secret' });
    assert.notDeepEqual(seen[1], seen[2]);
    assert.notEqual(seen[1].password, seen[2].password);
    assert.equal((await rpc(server, 'ContainerRegistryService/CreateBasicCredential', {})).status, 401);
  });
});

describe('fake coScene: 10,000 users', function () {
  this.timeout(30_000); // generous under a loaded CI machine; typically well under a second
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer({ seedUsers: 10_000, maxLifetimeMs: 60_000 });
  });
  after(() => server.close());

  it('pages through all of them quickly', async () => {
    const started = Date.now();
    const seen = new Set<string>();
    let token = '';
    for (let page = 0; page < 200; page++) {
      const res = await rpc(server, 'UserService/ListUsers', { pageSize: 100, pageToken: token }, basic(FAKE_COSCENE.adminToken));
      for (const u of res.body.users as { name: string }[]) seen.add(u.name);
      token = (res.body.nextPageToken as string | undefined) ?? '';
      if (!token) break;
    }
    assert.equal(seen.size, 10_000);
    assert.equal(token, '');
    assert.ok(Date.now() - started < 20_000);
  });
});
