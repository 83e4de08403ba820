import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UserAccess } from '../../src/core/access/matrix';
import { FAKE_COSCENE } from '../fake/server';
import { USER_CONTEXT_VALUE, USERS_COMMAND as C } from '../../src/vscode/users/keys';
import type { UserItem } from '../../src/vscode/users/views/userItems';
import { makeTempDir } from '../support/tempDir.cjs';
import { FakeOrg, labelOf, useFakeOrg } from './helpers/usersFixture';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';

/** Show Access and Export Access Matrix against the fake, in the real extension host. */
describe('access overview: Show Access and Export Access Matrix', function () {
  this.timeout(90_000);
  let org: FakeOrg;
  let ui: ScriptedUi;
  let dir: string;
  const WRITER = FAKE_COSCENE.writerUserName;
  /** What the Show Access panel shows now. */
  const shownAccess = (): UserAccess => {
    const access = org.views.lastAccess()?.access;
    assert.ok(access, 'the access panel shows a user');
    return access;
  };
  /** Show Access for User… from the palette, typing `typed`. */
  const showAccessFor = async (typed: string) => {
    ui.input(typed);
    await vscode.commands.executeCommand(C.showAccess);
  };
  /** Export Access Matrix…: the format's label, the role codes and project slugs kept (none = all), to a new editor. */
  const exportMatrix = async (format: string, roleCodes: string[] = [], slugs: string[] = []) => {
    ui.pick(format)
      .pickMany((i) => roleCodes.includes(i.label))
      .pickMany((i) => slugs.includes(String(i.description)))
      .pick(vscode.l10n.t('Open in a New Editor'));
    await vscode.commands.executeCommand(C.exportAccessMatrix);
    ui.assertAllAnswered();
    return vscode.window.activeTextEditor!.document.getText();
  };

  before(async () => {
    org = await useFakeOrg();
    dir = makeTempDir('access-');
  });
  beforeEach(async () => {
    ui = await scriptUi();
  });
  afterEach(async () => {
    org.server.faults.clear();
    await restoreUi();
  });
  after(async () => {
    await org?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Show Access by id: the organization role plus the role in every visible project, in a webview', async () => {
    await showAccessFor(WRITER);
    const access = shownAccess();
    assert.equal(access.orgRole, 'ORGANIZATION_WRITER');
    assert.deepEqual(
      access.memberships.map((m) => [m.project.slug, m.role]),
      [
        ['mcap', 'PROJECT_WRITER'],
        ['perception', 'PROJECT_WRITER'],
        ['fleet-ops', 'PROJECT_ADMIN'],
      ],
    );
    const html = org.views.lastAccess()?.html ?? '';
    assert.match(
      html,
      /<td><a href="#" data-project="fleet-ops"[^>]*>车队运营<\/a><\/td><td>fleet-ops<\/td><td><code>PROJECT_ADMIN<\/code><\/td>/,
    );
    assert.match(html, /<code>ORGANIZATION_WRITER<\/code>/);
    assert.match(org.views.accessText('markdown') ?? '', /\| Project \| 感知算法 \| perception \| PROJECT_WRITER \|/);
    assert.equal((org.views.accessText('csv') ?? '').split('\n')[1], 'organization,,,ORGANIZATION_WRITER');
  });

  it('from a tree item, and by nickname; the second user costs one request (the scan is kept)', async () => {
    const reader = org.server.coscene.usersById.get(FAKE_COSCENE.readerUserName.slice('users/'.length))!;
    ui.input(reader.nickname!);
    await vscode.commands.executeCommand(C.orgFindByNickname);
    try {
      const rows = await org.views.orgUsers.getChildren();
      const item = rows.find(
        (r): r is UserItem => r.contextValue === USER_CONTEXT_VALUE && (r as UserItem).user.name === FAKE_COSCENE.readerUserName,
      );
      assert.ok(item, `the reader's row among ${rows.map(labelOf).join(', ')}`);
      const before = org.server.stats.requests.length;
      await vscode.commands.executeCommand(C.showAccess, item);
      const byItem = shownAccess();
      assert.equal(byItem.user.name, FAKE_COSCENE.readerUserName);
      assert.deepEqual(
        byItem.memberships.map((m) => [m.project.slug, m.role]),
        [
          ['mcap', 'PROJECT_READER'],
          ['fleet-ops', 'PROJECT_WRITER'],
        ],
      );
      assert.equal(org.server.stats.requests.length - before, 1, 'GetUser only');
    } finally {
      await vscode.commands.executeCommand(C.orgClearFilter);
    }
    // A nickname is searched, and the user picked from the matches.
    ui.input(FAKE_COSCENE.quotedNickname).pick((i) => i.label === FAKE_COSCENE.quotedNickname);
    await vscode.commands.executeCommand(C.showAccess);
    ui.assertAllAnswered();
    const byNickname = shownAccess();
    assert.equal(byNickname.user.nickname, FAKE_COSCENE.quotedNickname);
    assert.deepEqual(
      byNickname.memberships.map((m) => [m.project.slug, m.role]),
      [['mcap', 'PROJECT_READER']],
    );
  });

  it('Refresh drops the kept scan; 429 answers slow the scan down and it still completes', async () => {
    await vscode.commands.executeCommand(C.refresh);
    org.server.faults.add({
      kind: 'connect-error',
      code: 'resource_exhausted',
      times: 3,
      retryAfterSeconds: 0,
      match: { procedure: 'ListUsers' },
    });
    const before = org.server.stats.requests.filter((r) => r.procedure === 'ListProjects').length;
    await showAccessFor(WRITER);
    assert.equal(shownAccess().memberships.length, 3);
    assert.ok(org.server.stats.requests.filter((r) => r.procedure === 'ListProjects').length > before, 'projects were listed again');
  });

  it('an unknown id gives a warning, not an error', async () => {
    const shown = org.views.lastAccess();
    const unknown = 'users/00000000-0000-4000-8000-000000000000';
    await showAccessFor(unknown);
    const warning = await ui.waitForMessage((m) => m.severity === 'warning');
    assert.equal(warning.message, vscode.l10n.t('User not found: {0}', unknown));
    assert.deepEqual(ui.messages('error'), []);
    assert.equal(org.views.lastAccess(), shown, 'the panel still shows the previous user');
  });

  it('Export Access Matrix: CSV with the org role column and one column per project, cells checked', async () => {
    const file = vscode.Uri.file(path.join(dir, 'access-matrix.csv'));
    ui.pick('CSV')
      .pickMany(() => false)
      .pickMany(() => false)
      .pick(vscode.l10n.t('Save to File…'))
      .saveAs(file);
    await vscode.commands.executeCommand(C.exportAccessMatrix);
    ui.assertAllAnswered();
    const text = fs.readFileSync(file.fsPath, 'utf8');
    const lines = text.split('\n');
    assert.equal(lines[0], 'USER,NICKNAME,EMAIL,ACTIVE,ORGANIZATION ROLE,mcap,lidar-tests,perception,fleet-ops');
    assert.ok(
      lines.includes(`${WRITER},王强,wang.qiang@lark.example.com,true,ORGANIZATION_WRITER,PROJECT_WRITER,,PROJECT_WRITER,PROJECT_ADMIN`),
    );
    assert.equal(lines.length - 2, org.server.coscene.users.length, 'one row per org user');
    const matrix = org.views.lastMatrix()!;
    const fake = org.server.coscene;
    for (const row of matrix.rows.slice(0, 40)) {
      matrix.projects.forEach((p, i) => {
        const served = fake.projects.find((x) => x.slug === p.project.slug)!;
        assert.equal(row.cells[i], served.members.get(row.user.name.slice('users/'.length)) ?? '', `${row.user.name} in ${p.project.slug}`);
      });
    }
  });

  it('Export Access Matrix filtered by role and project, as Markdown, JSON and YAML', async () => {
    const md = await exportMatrix('Markdown', ['PROJECT_ADMIN'], ['fleet-ops']);
    const matrix = org.views.lastMatrix()!;
    assert.deepEqual(
      matrix.projects.map((p) => p.project.slug),
      ['fleet-ops'],
    );
    assert.ok(matrix.rows.every((r) => r.cells[0] === 'PROJECT_ADMIN'));
    assert.ok(matrix.rows.some((r) => r.user.name === WRITER));
    assert.match(md, /^\| User \| Nickname \| Email \| Active \| Organization role \| fleet-ops \|$/m);
    const parsed = JSON.parse(await exportMatrix('JSON')) as {
      users: { name: string; projects: Record<string, string> }[];
    };
    assert.deepEqual(parsed.users.find((u) => u.name === WRITER)?.projects, {
      mcap: 'PROJECT_WRITER',
      perception: 'PROJECT_WRITER',
      'fleet-ops': 'PROJECT_ADMIN',
    });
    assert.match(await exportMatrix('YAML'), /^ {6}fleet-ops: PROJECT_ADMIN$/m);
  });
});
