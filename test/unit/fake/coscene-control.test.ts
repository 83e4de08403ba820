import * as assert from 'node:assert/strict';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';
import { basic, rpc } from './helpers';

describe('fake coScene: changing the organization during a test (/__fake/coscene/…)', () => {
  let server: FakeServer;
  const admin = basic(FAKE_COSCENE.adminToken);
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000 });
  });
  after(() => server.close());

  const control = async (route: string, body: unknown) => {
    const res = await fetch(`${server.url}/__fake/${route}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { name?: string; error?: string; members?: number } };
  };
  const members = async (slug: string) => {
    const id = FAKE_COSCENE.projectIds[slug as keyof typeof FAKE_COSCENE.projectIds];
    const res = await rpc(server, 'UserService/ListUsers', { parent: `projects/${id}`, pageSize: 100 }, admin);
    return new Map(((res.body.users as { name: string; role?: { code: string } }[]) ?? []).map((u) => [u.name, u.role?.code]));
  };

  it('adds, re-roles and removes a member; adds and removes a user; reset puts the seed back', async () => {
    const reader = FAKE_COSCENE.readerUserName;
    const users = server.coscene.users.length;
    assert.equal((await control('coscene/memberships', { project: 'perception', user: reader, role: 'PROJECT_READER' })).status, 200);
    assert.equal((await members('perception')).get(reader), 'PROJECT_READER');
    await control('coscene/memberships', { project: 'perception', user: reader, role: 'PROJECT_ADMIN' });
    assert.equal((await members('perception')).get(reader), 'PROJECT_ADMIN');
    await control('coscene/memberships', { project: 'mcap', user: reader, role: null });
    assert.equal((await members('mcap')).has(reader), false);
    const added = await control('coscene/users', { add: { nickname: 'New', email: 'n@example.com', orgRole: 'ORGANIZATION_READER' } });
    assert.match(added.body.name ?? '', /^users\/[0-9a-f-]{36}$/);
    assert.equal(server.coscene.users.length, users + 1);
    await control('coscene/users', { remove: FAKE_COSCENE.writerUserName });
    assert.equal((await members('fleet-ops')).has(FAKE_COSCENE.writerUserName), false, 'gone from every project');
    assert.equal((await fetch(`${server.url}/__fake/reset`, { method: 'POST' })).status, 200);
    assert.equal(server.coscene.users.length, users);
    assert.equal((await members('mcap')).get(reader), 'PROJECT_READER');
    assert.equal((await members('perception')).has(reader), false);
    assert.equal((await members('fleet-ops')).get(FAKE_COSCENE.writerUserName), 'PROJECT_ADMIN');
  });

  it('refuses what is not valid with a 400 naming the problem', async () => {
    const bad: [string, unknown, RegExp][] = [
      ['coscene/memberships', { project: 'nope', user: FAKE_COSCENE.readerUserName, role: 'PROJECT_READER' }, /no project nope/],
      ['coscene/memberships', { project: 'mcap', user: FAKE_COSCENE.readerUserName, role: 'ORGANIZATION_ADMIN' }, /not a project role/],
      ['coscene/memberships', { project: 'perception', user: FAKE_COSCENE.readerUserName, role: null }, /not a member/],
      ['coscene/users', { add: { nickname: 'x', email: 'x', orgRole: 'PROJECT_READER' } }, /not an organization role/],
      ['coscene/users', { remove: 'users/00000000-0000-4000-8000-000000000000' }, /no user/],
      ['coscene/users', { rename: 'x' }, /"add" or "remove"/],
      ['coscene/users', '{not json', /JSON/],
    ];
    for (const [route, body, message] of bad) {
      const res = await control(route, body);
      assert.equal(res.status, 400, route);
      assert.match(res.body.error ?? '', message);
    }
  });
});
