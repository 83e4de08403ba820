import * as assert from 'node:assert/strict';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';
import { basic, rpc } from './helpers';

interface WireProject {
  name: string;
  slug: string;
  displayName?: string;
  description?: string;
  isArchived?: boolean;
}

describe('fake coScene: ListProjects', () => {
  let server: FakeServer;
  const admin = basic(FAKE_COSCENE.adminToken);
  const writer = basic(FAKE_COSCENE.writerToken);
  const reader = basic(FAKE_COSCENE.readerToken);
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000 });
  });
  after(() => server.close());
  afterEach(() => server.faults.clear());

  const list = async (message: Record<string, unknown>, auth = admin) => {
    const res = await rpc(server, 'ProjectService/ListProjects', message, auth);
    return { ...res, projects: (res.body.projects as WireProject[] | undefined) ?? [] };
  };

  it('as cocli asks (pageSize 100, is_archived="false"): the active projects the admin can see, oldest first, then an empty page', async () => {
    const first = await list({ pageSize: 100, filter: 'is_archived="false"' });
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.projects.map((p) => p.slug),
      ['mcap', 'lidar-tests', 'perception', 'fleet-ops'],
    );
    assert.equal(first.body.totalSize, '4');
    assert.equal('nextPageToken' in first.body, false);
    const fleet = first.projects.find((p) => p.slug === 'fleet-ops');
    assert.equal(fleet?.name, `projects/${FAKE_COSCENE.projectIds['fleet-ops']}`);
    assert.equal(fleet?.displayName, '车队运营');
    assert.equal(fleet?.description, '机器人车队的日常运营数据');
    assert.equal('isArchived' in (fleet ?? {}), false, 'false is a default: omitted on the wire');
    const end = await list({ pageSize: 100, skip: 100, filter: 'is_archived="false"' });
    assert.equal(end.status, 200);
    assert.deepEqual(end.body, { totalSize: '4' });
  });

  it('an empty filter includes archived projects, marked isArchived; is_archived="true" lists only those', async () => {
    const all = await list({ pageSize: 100 });
    assert.deepEqual(
      all.projects.map((p) => p.slug),
      ['mcap', 'lidar-tests', 'perception', 'archive-2024', 'legacy-calib', 'fleet-ops'],
    );
    assert.deepEqual(
      all.projects.filter((p) => p.isArchived).map((p) => p.slug),
      [...FAKE_COSCENE.archivedProjectSlugs],
    );
    const archived = await list({ filter: 'is_archived="true"' });
    assert.deepEqual(
      archived.projects.map((p) => p.slug),
      ['archive-2024', 'legacy-calib'],
    );
    assert.equal(archived.projects.find((p) => p.slug === 'legacy-calib')?.displayName, '旧标定数据');
  });

  it('skip and pageSize page through the list (snake_case names and numeric strings accepted)', async () => {
    const seen: string[] = [];
    for (let skip = 0; skip < 50; skip += 10) {
      const page = await list({ page_size: '10', skip: String(skip) });
      if (page.projects.length === 0) break;
      seen.push(...page.projects.map((p) => p.slug));
    }
    assert.equal(seen.length, 6);
    const big = await startFakeServer({ maxLifetimeMs: 30_000, seedUsers: 400, seedProjects: { count: 25, members: 30 } });
    try {
      const pages: string[][] = [];
      for (let skip = 0; ; skip += 10) {
        const res = await rpc(big, 'ProjectService/ListProjects', { pageSize: 10, skip, filter: 'is_archived="false"' }, admin);
        const slugs = ((res.body.projects as WireProject[] | undefined) ?? []).map((p) => p.slug);
        if (slugs.length === 0) break;
        pages.push(slugs);
      }
      assert.deepEqual(
        pages.map((p) => p.length),
        [10, 10, 9],
      );
      assert.equal(new Set(pages.flat()).size, 29);
      assert.deepEqual(pages[2].slice(-2), ['proj-0024', 'proj-0025']);
      const generated = big.coscene.projects.filter((p) => p.slug.startsWith('proj-'));
      assert.ok(generated.every((p) => p.members.size === 30));
      assert.ok(generated.some((p) => /^项目 /.test(p.displayName)) && generated.some((p) => /^Project /.test(p.displayName)));
    } finally {
      await big.close();
    }
  });

  it('a private project is listed for its members only, and GetProject / ListUsers on it are permission_denied for others', async () => {
    const secret = `projects/${FAKE_COSCENE.projectIds['secret-ops']}`;
    const writerList = await list({ filter: 'is_archived="false"' }, writer);
    assert.ok(writerList.projects.some((p) => p.slug === FAKE_COSCENE.hiddenProjectSlug));
    const readerList = await list({ filter: 'is_archived="false"' }, reader);
    assert.equal(
      readerList.projects.some((p) => p.slug === FAKE_COSCENE.hiddenProjectSlug),
      false,
    );
    for (const name of [secret, 'projects/secret-ops']) {
      const get = await rpc(server, 'ProjectService/GetProject', { name }, admin);
      assert.equal(get.status, 403, name);
      assert.equal(get.body.code, 'permission_denied');
    }
    const users = await rpc(server, 'UserService/ListUsers', { parent: secret }, admin);
    assert.equal(users.body.code, 'permission_denied');
    const asMember = await rpc(server, 'UserService/ListUsers', { parent: secret }, writer);
    assert.equal(asMember.status, 200);
  });

  it('validates strictly: page size, negative skip, unknown filter fields and values', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ pageSize: 101 }, /page_size must be between 10 and 100/],
      [{ pageSize: 5 }, /page_size must be between 10 and 100/],
      [{ skip: -1 }, /skip must not be negative/],
      [{ skip: 1.5 }, /expected an int32/],
      [{ filter: 'archived="false"' }, /unsupported filter field "archived"/],
      [{ filter: 'is_archived="no"' }, /is_archived must be "true" or "false"/],
      [{ filter: 'is_archived=false' }, /double-quoted/],
    ];
    for (const [message, expected] of cases) {
      const res = await list(message);
      assert.equal(res.status, 400, JSON.stringify(message));
      assert.equal(res.body.code, 'invalid_argument');
      assert.match(String(res.body.message), expected);
    }
    const anonymous = await rpc(server, 'ProjectService/ListProjects', {});
    assert.equal(anonymous.body.code, 'unauthenticated');
  });

  it('the repeat-page-token fault makes the server ignore skip (always the first page)', async () => {
    server.faults.add({ kind: 'repeat-page-token', times: 2, match: { procedure: 'ListProjects' } });
    const a = await list({ pageSize: 10, skip: 0 });
    const b = await list({ pageSize: 10, skip: 10 });
    assert.deepEqual(
      b.projects.map((p) => p.slug),
      a.projects.map((p) => p.slug),
    );
    assert.equal(b.projects.length, 6);
  });
});
