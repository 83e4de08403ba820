import * as assert from 'node:assert/strict';
import { throttleListener } from '../../../../src/core/access/limiter';
import { filterAccessMatrix, roleCodesIn, type AccessMatrix } from '../../../../src/core/access/matrix';
import { AccessSession } from '../../../../src/core/access/session';
import { createCosceneApi } from '../../../../src/core/coscene/api';
import { formatAccessMatrix, formatUserAccess } from '../../../../src/core/format/access';
import type { HttpClient } from '../../../../src/core/http/types';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { FAKE_COSCENE, startFakeServer, type FakeServer } from '../../../fake/server';

const WRITER = FAKE_COSCENE.writerUserName;
const READER = FAKE_COSCENE.readerUserName;

describe('access overview against the fake: matrix, one user, cache', function () {
  this.timeout(30_000);
  let fake: FakeServer;
  let http: HttpClient;
  const apiFor = (token: string, session?: AccessSession, key = 'fake') =>
    createCosceneApi({
      endpoint: fake.url,
      token,
      profileName: 'fake',
      http,
      sleep: async () => undefined,
      ...(session ? { onRequest: throttleListener(session.throttleFor(key)) } : {}),
    });
  const requests = () => fake.stats.requests.length;

  before(async () => {
    fake = await startFakeServer({ seedUsers: 150, maxLifetimeMs: 60_000 });
    http = createHttpClient({ env: {} });
  });
  after(async () => {
    await http.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.faults.clear();
    fake.stats.requests.length = 0;
  });

  function cell(matrix: AccessMatrix, userName: string, slug: string): string | undefined {
    const column = matrix.projects.findIndex((p) => p.project.slug === slug);
    assert.ok(column >= 0, `no column ${slug}`);
    return matrix.rows.find((r) => r.user.name === userName)?.cells[column];
  }

  it("the admin's matrix: every org user, the org role, the role per visible project (a private one is not there)", async () => {
    const session = new AccessSession();
    const matrix = await session.matrix('fake', apiFor(FAKE_COSCENE.adminToken));
    assert.deepEqual(
      matrix.projects.map((p) => p.project.slug),
      ['mcap', 'lidar-tests', 'perception', 'fleet-ops'],
    );
    assert.equal(matrix.rows.length, 150);
    assert.equal(matrix.orgRoles.status, 'ok');
    const writer = matrix.rows.find((r) => r.user.name === WRITER);
    assert.equal(writer?.orgRole, 'ORGANIZATION_WRITER');
    assert.deepEqual(writer?.cells, ['PROJECT_WRITER', '', 'PROJECT_WRITER', 'PROJECT_ADMIN']);
    assert.deepEqual(matrix.rows.find((r) => r.user.name === READER)?.cells, ['PROJECT_READER', '', '', 'PROJECT_WRITER']);
    // Every cell matches what the fake holds for that project.
    for (const p of matrix.projects) {
      const served = fake.coscene.projects.find((x) => x.slug === p.project.slug);
      for (const row of matrix.rows)
        assert.equal(cell(matrix, row.user.name, p.project.slug), served?.members.get(row.user.name.slice('users/'.length)) ?? '');
    }
  });

  it('exports: CSV with the org role column and one column per project; Markdown, JSON and YAML', async () => {
    const session = new AccessSession();
    const matrix = await session.matrix('fake', apiFor(FAKE_COSCENE.adminToken), { includeArchived: true });
    const csv = formatAccessMatrix(matrix, 'csv').split('\n');
    assert.equal(csv[0], 'USER,NICKNAME,EMAIL,ACTIVE,ORGANIZATION ROLE,mcap,lidar-tests,perception,archive-2024,legacy-calib,fleet-ops');
    assert.ok(
      csv.includes(
        `${WRITER},王强,wang.qiang@lark.example.com,true,ORGANIZATION_WRITER,PROJECT_WRITER,,PROJECT_WRITER,,PROJECT_READER,PROJECT_ADMIN`,
      ),
    );
    const md = formatAccessMatrix(matrix, 'markdown');
    assert.match(md, /^\| User \| Nickname \| Email \| Active \| Organization role \| mcap \| lidar-tests \|/);
    assert.match(md, /\| legacy-calib \| 旧标定数据 \| archived \|/);
    assert.match(md, /Archived projects are included\./);
    assert.match(md, /Eve "Q" Back\\\\slash/, 'server text is escaped for Markdown');
    const json = JSON.parse(formatAccessMatrix(matrix, 'json')) as {
      users: { name: string; organizationRole: string; projects: Record<string, string> }[];
      projects: { slug: string; archived: boolean }[];
    };
    assert.deepEqual(json.users.find((u) => u.name === WRITER)?.projects, {
      mcap: 'PROJECT_WRITER',
      perception: 'PROJECT_WRITER',
      'legacy-calib': 'PROJECT_READER',
      'fleet-ops': 'PROJECT_ADMIN',
    });
    assert.equal(json.projects.find((p) => p.slug === 'legacy-calib')?.archived, true);
    const yaml = formatAccessMatrix(matrix, 'yaml');
    assert.match(yaml, /^users:$/m);
    assert.match(yaml, /^ {6}fleet-ops: PROJECT_ADMIN$/m);
  });

  it('filters by role code and by project', async () => {
    const session = new AccessSession();
    const matrix = await session.matrix('fake', apiFor(FAKE_COSCENE.adminToken));
    const admins = filterAccessMatrix(matrix, { roleCodes: ['PROJECT_ADMIN'] });
    assert.ok(admins.rows.length > 0 && admins.rows.length < matrix.rows.length);
    assert.ok(admins.rows.every((r) => r.cells.includes('PROJECT_ADMIN')));
    assert.ok(admins.rows.some((r) => r.user.name === WRITER));
    const fleet = filterAccessMatrix(matrix, { projects: ['fleet-ops'] });
    assert.deepEqual(
      fleet.projects.map((p) => p.project.slug),
      ['fleet-ops'],
    );
    const served = fake.coscene.projects.find((p) => p.slug === 'fleet-ops');
    assert.equal(fleet.rows.length, served?.members.size);
    const both = filterAccessMatrix(matrix, { projects: ['fleet-ops', 'mcap'], roleCodes: ['ORGANIZATION_WRITER'] });
    assert.ok(both.rows.every((r) => r.orgRole === 'ORGANIZATION_WRITER' && r.cells.some(Boolean)));
    assert.ok(roleCodesIn(matrix).includes('PROJECT_LABELER'));
  });

  it('Show Access for one user: org role from GetUser plus each project role; a member of a private project sees it', async () => {
    const session = new AccessSession();
    const access = await session.userAccess('writer', apiFor(FAKE_COSCENE.writerToken), WRITER);
    assert.equal(access.orgRole, 'ORGANIZATION_WRITER');
    assert.deepEqual(
      access.memberships.map((m) => [m.project.slug, m.role]),
      [
        ['mcap', 'PROJECT_WRITER'],
        ['perception', 'PROJECT_WRITER'],
        ['fleet-ops', 'PROJECT_ADMIN'],
        ['secret-ops', 'PROJECT_ADMIN'],
      ],
    );
    assert.equal(access.notMemberOf, 1);
    const md = formatUserAccess(access, 'markdown');
    assert.match(md, /^# Access of 王强$/m);
    assert.match(md, /\| Organization \| {2}\| {2}\| ORGANIZATION_WRITER \|/);
    assert.match(md, /\| Project \| 车队运营 \| fleet-ops \| PROJECT_ADMIN \|/);
    assert.equal(formatUserAccess(access, 'csv').split('\n')[0], 'SCOPE,SLUG,DISPLAY NAME,ROLE');
  });

  it('a reader without org rights: refused projects are listed as unreadable, org roles as not readable', async () => {
    const session = new AccessSession();
    const matrix = await session.matrix('reader', apiFor(FAKE_COSCENE.readerToken));
    assert.equal(matrix.orgRoles.status, 'denied');
    assert.deepEqual(
      matrix.projects.map((p) => [p.project.slug, p.status]),
      [
        ['mcap', 'ok'],
        ['lidar-tests', 'denied'],
        ['perception', 'denied'],
        ['fleet-ops', 'ok'],
      ],
    );
    const csv = formatAccessMatrix(matrix, 'csv');
    assert.ok(csv.split('\n').includes(`${READER},李娜,li.na@lark.example.com,true,?,PROJECT_READER,?,?,PROJECT_WRITER`));
    const access = await session.userAccess('reader', apiFor(FAKE_COSCENE.readerToken), READER);
    assert.deepEqual(
      access.unreadable.map((p) => p.project.slug),
      ['lidar-tests', 'perception'],
    );
    assert.match(
      formatUserAccess(access, 'markdown'),
      /Projects whose members could not be read \(2\): lidar-tests \(Profile fake has the role ORGANIZATION_READER, which does not allow/,
    );
  });

  it('keeps the scan for the session: a second user and an export cost no request; drop() reads again', async () => {
    const session = new AccessSession();
    const api = apiFor(FAKE_COSCENE.adminToken);
    await session.matrix('admin', api);
    const afterFirst = requests();
    await session.userAccess('admin', api, READER);
    assert.equal(requests() - afterFirst, 1, 'only GetUser');
    await session.matrix('admin', api);
    assert.equal(requests() - afterFirst, 1);
    assert.ok(session.cachedScan('admin', false));
    assert.equal(session.cachedScan('other', false), undefined);
    session.drop('admin');
    assert.equal(session.cachedScan('admin', false), undefined);
    await session.matrix('admin', api);
    assert.ok(requests() - afterFirst > 5);
  });

  it('a scan that included archived projects answers for active ones without a request', async () => {
    const session = new AccessSession();
    const api = apiFor(FAKE_COSCENE.adminToken);
    await session.projectScan('admin', api, { includeArchived: true });
    const before = requests();
    const active = await session.projectScan('admin', api, { includeArchived: false });
    assert.equal(requests(), before);
    assert.deepEqual(
      active.projects.map((p) => p.project.slug),
      ['mcap', 'lidar-tests', 'perception', 'fleet-ops'],
    );
  });

  it("an unknown user: GetUser's not_found, and the scan started alongside stops", async () => {
    const session = new AccessSession();
    fake.faults.add({ kind: 'latency', ms: 100, times: Infinity, match: { procedure: 'ListUsers' } });
    await assert.rejects(
      session.userAccess('admin', apiFor(FAKE_COSCENE.adminToken), 'users/00000000-0000-4000-8000-000000000000'),
      /found nothing/,
    );
    assert.equal(session.cachedScan('admin', false), undefined);
  });

  it('429s with Retry-After from the server: the scan slows down and still reads every project', async () => {
    const session = new AccessSession();
    fake.faults.add({
      kind: 'connect-error',
      code: 'resource_exhausted',
      times: 4,
      retryAfterSeconds: 0,
      match: { procedure: 'ListUsers' },
    });
    const scan = await session.projectScan('admin', apiFor(FAKE_COSCENE.adminToken, session, 'admin'));
    assert.ok(scan.projects.every((p) => p.status === 'ok'));
    assert.ok(scan.throttled >= 1, `throttled ${scan.throttled}`);
  });
});
