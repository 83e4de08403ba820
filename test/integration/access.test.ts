import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AccessMatrix, UserAccess } from '../../src/core/access/matrix';
import { FAKE_COSCENE } from '../fake/server';
import type { UserItem } from '../../src/vscode/users/views/userItems';
import { FakeOrg, useFakeOrg } from './helpers/usersFixture';

/** Show Access and Export Access Matrix against the fake, in the real extension host. */
describe('access overview: Show Access and Export Access Matrix', function () {
  this.timeout(90_000);
  let org: FakeOrg;
  const WRITER = FAKE_COSCENE.writerUserName;

  before(async () => {
    org = await useFakeOrg();
  });
  afterEach(() => org.server.faults.clear());
  after(async () => {
    await org?.close();
  });

  it('Show Access by id: the organization role plus the role in every visible project, in a webview', async () => {
    const access = (await vscode.commands.executeCommand('coscene.user.showAccess', { user: WRITER })) as UserAccess;
    assert.equal(access.orgRole, 'ORGANIZATION_WRITER');
    assert.deepEqual(
      access.memberships.map((m) => [m.project.slug, m.role]),
      [
        ['mcap', 'PROJECT_WRITER'],
        ['perception', 'PROJECT_WRITER'],
        ['fleet-ops', 'PROJECT_ADMIN'],
      ],
    );
    const html = org.views.accessPanel.last?.html ?? '';
    assert.match(html, /<td>车队运营<\/td><td>fleet-ops<\/td><td><code>PROJECT_ADMIN<\/code><\/td>/);
    assert.match(html, /<code>ORGANIZATION_WRITER<\/code>/);
    assert.match(org.views.accessPanel.exportText('markdown') ?? '', /\| Project \| 感知算法 \| perception \| PROJECT_WRITER \|/);
    assert.equal((org.views.accessPanel.exportText('csv') ?? '').split('\n')[1], 'organization,,,ORGANIZATION_WRITER');
  });

  it('from a tree item, and by nickname; the second user costs one request (the scan is kept)', async () => {
    const before = org.server.stats.requests.length;
    const reader = org.server.coscene.usersById.get(FAKE_COSCENE.readerUserName.slice('users/'.length))!;
    const item = {
      user: { name: FAKE_COSCENE.readerUserName, nickname: reader.nickname, email: reader.email, phoneNumber: '', active: true },
    } as unknown as UserItem;
    const byItem = (await vscode.commands.executeCommand('coscene.user.showAccess', item.user)) as UserAccess;
    assert.deepEqual(
      byItem.memberships.map((m) => [m.project.slug, m.role]),
      [
        ['mcap', 'PROJECT_READER'],
        ['fleet-ops', 'PROJECT_WRITER'],
      ],
    );
    assert.equal(org.server.stats.requests.length - before, 1, 'GetUser only');
    const byNickname = (await vscode.commands.executeCommand('coscene.user.showAccess', {
      user: FAKE_COSCENE.quotedNickname,
    })) as UserAccess;
    assert.equal(byNickname.user.nickname, FAKE_COSCENE.quotedNickname);
    assert.deepEqual(
      byNickname.memberships.map((m) => [m.project.slug, m.role]),
      [['mcap', 'PROJECT_READER']],
    );
  });

  it('Refresh drops the kept scan; 429 answers slow the scan down and it still completes', async () => {
    await vscode.commands.executeCommand('coscene.users.refresh');
    org.server.faults.add({
      kind: 'connect-error',
      code: 'resource_exhausted',
      times: 3,
      retryAfterSeconds: 0,
      match: { procedure: 'ListUsers' },
    });
    const before = org.server.stats.requests.filter((r) => r.procedure === 'ListProjects').length;
    const access = (await vscode.commands.executeCommand('coscene.user.showAccess', { user: WRITER })) as UserAccess;
    assert.equal(access.memberships.length, 3);
    assert.ok(org.server.stats.requests.filter((r) => r.procedure === 'ListProjects').length > before, 'projects were listed again');
  });

  it('an unknown id gives a warning, not an error', async () => {
    const result = await vscode.commands.executeCommand('coscene.user.showAccess', { user: 'users/00000000-0000-4000-8000-000000000000' });
    assert.equal(result, undefined);
  });

  it('Export Access Matrix: CSV with the org role column and one column per project, cells checked', async () => {
    const result = (await vscode.commands.executeCommand('coscene.access.exportMatrix', {
      format: 'csv',
      target: 'editor',
      roleCodes: [],
      projects: [],
    })) as { matrix: AccessMatrix; uri: vscode.Uri };
    const text = (await vscode.workspace.openTextDocument(result.uri)).getText();
    const lines = text.split('\n');
    assert.equal(lines[0], 'USER,NICKNAME,EMAIL,ORGANIZATION ROLE,mcap,lidar-tests,perception,fleet-ops');
    assert.ok(
      lines.includes(`${WRITER},王强,wang.qiang@lark.example.com,ORGANIZATION_WRITER,PROJECT_WRITER,,PROJECT_WRITER,PROJECT_ADMIN`),
    );
    assert.equal(lines.length - 2, org.server.coscene.users.length, 'one row per org user');
    const fake = org.server.coscene;
    for (const row of result.matrix.rows.slice(0, 40)) {
      result.matrix.projects.forEach((p, i) => {
        const served = fake.projects.find((x) => x.slug === p.project.slug)!;
        assert.equal(row.cells[i], served.members.get(row.user.name.slice('users/'.length)) ?? '', `${row.user.name} in ${p.project.slug}`);
      });
    }
  });

  it('Export Access Matrix filtered by role and project, as Markdown, JSON and YAML', async () => {
    const md = (await vscode.commands.executeCommand('coscene.access.exportMatrix', {
      format: 'markdown',
      target: 'editor',
      roleCodes: ['PROJECT_ADMIN'],
      projects: ['fleet-ops'],
    })) as { matrix: AccessMatrix; uri: vscode.Uri };
    assert.deepEqual(
      md.matrix.projects.map((p) => p.project.slug),
      ['fleet-ops'],
    );
    assert.ok(md.matrix.rows.every((r) => r.cells[0] === 'PROJECT_ADMIN'));
    assert.ok(md.matrix.rows.some((r) => r.user.name === WRITER));
    assert.match(
      (await vscode.workspace.openTextDocument(md.uri)).getText(),
      /^\| User \| Nickname \| Email \| Organization role \| fleet-ops \|$/m,
    );
    const json = (await vscode.commands.executeCommand('coscene.access.exportMatrix', {
      format: 'json',
      target: 'editor',
      roleCodes: [],
      projects: [],
    })) as { uri: vscode.Uri };
    const parsed = JSON.parse((await vscode.workspace.openTextDocument(json.uri)).getText()) as {
      users: { name: string; projects: Record<string, string> }[];
    };
    assert.deepEqual(parsed.users.find((u) => u.name === WRITER)?.projects, {
      mcap: 'PROJECT_WRITER',
      perception: 'PROJECT_WRITER',
      'fleet-ops': 'PROJECT_ADMIN',
    });
    const yaml = (await vscode.commands.executeCommand('coscene.access.exportMatrix', {
      format: 'yaml',
      target: 'editor',
      roleCodes: [],
      projects: [],
    })) as { uri: vscode.Uri };
    assert.match((await vscode.workspace.openTextDocument(yaml.uri)).getText(), /^ {6}fleet-ops: PROJECT_ADMIN$/m);
  });
});
