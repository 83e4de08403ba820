import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';
import { FakeDataFile } from '../../fake/seed/dataFile';
import { basic, rpc } from './helpers';

describe('fake: dataFile', () => {
  let server: FakeServer;
  let dir: string;
  const data: FakeDataFile = {
    coscene: {
      replaceSeedUsers: true,
      projects: [{ id: '11111111-2222-4333-8444-555555555555', slug: 'demo', displayName: 'Demo' }],
      users: [
        {
          id: '66666666-7777-4888-9999-000000000000',
          nickname: '小明',
          orgRole: 'ORGANIZATION_WRITER',
          createTime: '2025-05-01T00:00:00Z',
          apiKey: 'xiaoming-key',
          projects: { demo: 'PROJECT_ADMIN' },
        },
      ],
    },
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fake-data-'));
    writeFileSync(join(dir, 'data.json'), JSON.stringify(data));
    server = await startFakeServer({ dataFile: join(dir, 'data.json'), maxLifetimeMs: 60_000 });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the generated users but keeps the fixed identities and their tokens', async () => {
    const res = await rpc(server, 'UserService/ListUsers', {}, basic(FAKE_COSCENE.adminToken));
    assert.equal(res.body.totalSize, '7');
    assert.ok((res.body.users as { nickname?: string }[]).some((u) => u.nickname === '小明'));
  });

  it('adds projects, memberships and API keys', async () => {
    const me = await rpc(server, 'UserService/GetUser', { name: 'users/current' }, basic('xiaoming-key'));
    assert.equal(me.body.nickname, '小明');
    const project = await rpc(server, 'ProjectService/GetProject', { name: 'projects/demo' }, basic('xiaoming-key'));
    const members = await rpc(server, 'UserService/ListUsers', { parent: project.body.name }, basic('xiaoming-key'));
    assert.deepEqual(
      (members.body.users as { role: { code: string } }[]).map((u) => u.role.code),
      ['PROJECT_ADMIN'],
    );
  });
});
