import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FAKE_COSCENE } from '../fake/server';
import {
  GROUP_CONTEXT_VALUE,
  ORG_USERS_VIEW,
  PROJECT_CONTEXT_VALUE,
  USER_CONTEXT_VALUE,
  USERS_COMMAND as C,
} from '../../src/vscode/users/keys';
import type { ProjectItem } from '../../src/vscode/users/views/projectItems';
import type { GroupItem, UserItem } from '../../src/vscode/users/views/userItems';
import { waitUntil } from '../support/waitUntil';
import { switchProfile } from './helpers/profileCommands';
import { cocliYaml, useCocliFile } from './helpers/profileFixtures';
import { watchRequestsWhenQuiet } from './helpers/requestLog';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';
import { FakeOrg, useFakeOrg } from './helpers/usersFixture';

const idOf = (name: string) => name.slice('users/'.length);
const isProject = (n: vscode.TreeItem): n is ProjectItem => n.contextValue?.startsWith(PROJECT_CONTEXT_VALUE) ?? false;
const isGroup = (n: vscode.TreeItem): n is GroupItem => n.contextValue === GROUP_CONTEXT_VALUE;

/** The access reviewer's day: Find User, the project rows' and role groups' actions, against the fake. */
describe('access review: Find User, project and role group actions', function () {
  this.timeout(90_000);
  let org: FakeOrg;
  let ui: ScriptedUi;
  /** Exports to a new editor in cocli's CSV; returns the ID column of the rows. */
  const exportedIds = async (command: string, item: vscode.TreeItem): Promise<string[]> => {
    ui.pick('CSV').pick(vscode.l10n.t('Open in a New Editor'));
    await vscode.commands.executeCommand(command, item);
    ui.assertAllAnswered();
    const text = vscode.window.activeTextEditor!.document.getText();
    const [header, ...rows] = text.trimEnd().split('\n');
    assert.match(header, /^ID,NICKNAME,EMAIL,ROLE/);
    return rows.map((r) => r.split(',')[0]).sort();
  };
  const project = async (slug: string): Promise<ProjectItem> => {
    const item = (await org.views.projectUsers.getChildren()).filter(isProject).find((p) => p.project.slug === slug);
    assert.ok(item, `project ${slug} in Project Users`);
    return item;
  };

  before(async () => {
    org = await useFakeOrg();
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
  });

  it('Find User: typing lists exactly the matching users, the earlier search is cancelled, the choice is selected', async () => {
    const fake = org.server.coscene.users;
    const expected = fake.filter((u) => (u.nickname ?? '').toLowerCase().includes('alice')).map((u) => u.nickname);
    assert.ok(expected.length > 0 && expected.length < 50);
    const wire = await watchRequestsWhenQuiet(org.server);
    // The first search answers slowly: the next keystroke comes while it is in flight.
    org.server.faults.add({ kind: 'latency', ms: 3_000, times: 1, match: { procedure: 'ListUsers' } });
    const sentFilter = (filter: string) => wire.sent('ListUsers').some((r) => r.body?.filter === filter);
    ui.search(['al', 'alice'], 'Alice Chen', async () => {
      await waitUntil(() => sentFilter('nickname="al"'), 'the first search to reach the server');
    });
    ui.click(vscode.l10n.t('Copy ID'));
    await vscode.commands.executeCommand(C.findUser);
    ui.assertAllAnswered();
    try {
      assert.deepEqual(
        ui.searches.map((s) => [s.text, s.outcome]),
        [
          ['al', 'aborted'],
          ['alice', 'done'],
        ],
      );
      assert.deepEqual(
        [...ui.searches[1].labels].sort(),
        [...expected].sort(),
        'the matches are the fake users whose nickname has "alice"',
      );
      assert.deepEqual(
        wire
          .sent('ListUsers')
          .map((r) => r.body?.filter)
          .filter((f) => f?.startsWith('nickname=')),
        ['nickname="al"', 'nickname="alice"', 'nickname="Alice Chen"'],
        'two searches, then the view filtered by the chosen nickname',
      );
      const selected = org.views.orgView.selection[0] as UserItem | undefined;
      assert.equal(selected?.contextValue, USER_CONTEXT_VALUE);
      assert.equal(selected?.user.name, FAKE_COSCENE.adminUserName, 'the chosen user is selected in Organization Users');
      assert.ok(selected?.id?.startsWith(ORG_USERS_VIEW));
      assert.deepEqual(org.views.orgUsers.state.filter, { kind: 'nickname', text: 'Alice Chen' });
      await waitUntil(async () => (await ui.clipboard.readText()) === idOf(FAKE_COSCENE.adminUserName), 'Copy ID to copy the id');
      const offered = ui.shown.find((m) => m.actions.includes(vscode.l10n.t('Show Access')));
      assert.deepEqual(offered?.actions, [vscode.l10n.t('Show Access'), vscode.l10n.t('Copy ID')]);
    } finally {
      await vscode.commands.executeCommand(C.orgClearFilter);
    }
  });

  it('Find User, then Show Access from the notification: the panel shows the user chosen', async () => {
    ui.search(['王'], '王强');
    ui.click(vscode.l10n.t('Show Access'));
    await vscode.commands.executeCommand(C.findUser);
    try {
      assert.ok(ui.searches[0].labels.includes('王强'));
      await waitUntil(() => org.views.lastAccess()?.access.user.name === FAKE_COSCENE.writerUserName, 'the access panel to show 王强');
    } finally {
      await vscode.commands.executeCommand(C.orgClearFilter);
    }
  });

  it('project row: Copy Slug, Export Members (the fake members), Access Matrix for This Project', async () => {
    const mcap = await project('mcap');
    const members = org.server.coscene.projects.find((p) => p.slug === 'mcap')!.members;
    await vscode.commands.executeCommand(C.copyProjectSlug, mcap);
    assert.equal(await ui.clipboard.readText(), 'mcap');

    assert.deepEqual(await exportedIds(C.exportProjectMembers, mcap), [...members.keys()].sort());

    ui.pick('CSV')
      .pickMany(() => false)
      .pick(vscode.l10n.t('Open in a New Editor'));
    await vscode.commands.executeCommand(C.exportProjectMatrix, mcap);
    ui.assertAllAnswered();
    const matrix = org.views.lastMatrix();
    assert.deepEqual(
      matrix?.projects.map((p) => p.project.slug),
      ['mcap'],
    );
    assert.deepEqual(
      matrix?.rows.map((r) => [idOf(r.user.name), r.cells[0]]).sort(),
      [...members.entries()].sort(),
      'one row per member of mcap, with its role',
    );
    assert.ok(!ui.asked.some((q) => q.title === vscode.l10n.t('Only These Projects (none = all)')), 'no project question');
  });

  it('Open in coScene: a clear warning for an endpoint without a known web app, the project page otherwise', async () => {
    const mcap = await project('mcap');
    await vscode.commands.executeCommand(C.openProjectInWeb, mcap);
    const warning = await ui.waitForMessage((m) => m.severity === 'warning');
    assert.match(warning.message, /cannot be derived from the endpoint/);
    assert.ok(warning.message.includes(org.server.url));
    assert.deepEqual(ui.opened, []);

    const web = await useCocliFile(
      cocliYaml('web', [
        { name: 'lark', endpoint: org.server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' },
        { name: 'web', endpoint: 'https://openapi.coscene.invalid', token: 'unused', project: 'mcap', org: FAKE_COSCENE.orgSlug },
      ]),
    );
    try {
      await waitUntil(() => org.profiles.current()?.endpoint === 'https://openapi.coscene.invalid', 'the web profile to be active');
      await vscode.commands.executeCommand(C.openProjectInWeb, mcap);
      assert.deepEqual(ui.opened, [`https://coscene.invalid/${FAKE_COSCENE.orgSlug}/mcap`]);
    } finally {
      await web.restore();
      await switchProfile('lark', 'cocli');
      await waitUntil(() => org.profiles.current()?.endpoint === org.server.url, 'lark to be active again');
    }
  });

  it('Show Access panel: a project link reveals and selects the project in Project Users; an unknown slug does nothing', async () => {
    ui.input(FAKE_COSCENE.writerUserName);
    await vscode.commands.executeCommand(C.showAccess);
    assert.equal(org.views.lastAccess()?.access.user.name, FAKE_COSCENE.writerUserName);
    org.views.postToAccessPanel({ type: 'project', project: 'perception' });
    await waitUntil(
      () => (org.views.projectView.selection[0] as ProjectItem | undefined)?.project.slug === 'perception',
      'perception to be selected in Project Users',
    );
    // Not a project the panel shows: ignored (a page may post anything).
    org.views.postToAccessPanel({ type: 'project', project: 'secret-ops' });
    org.views.postToAccessPanel({ type: 'project', project: 42 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((org.views.projectView.selection[0] as ProjectItem).project.slug, 'perception');
    assert.deepEqual(ui.messages('error'), []);
  });

  it('Show Access panel: Compare with Another User puts both users side by side, each role from the fake', async () => {
    ui.input(FAKE_COSCENE.writerUserName);
    await vscode.commands.executeCommand(C.showAccess);
    ui.input(FAKE_COSCENE.readerUserName);
    org.views.postToAccessPanel({ type: 'action', action: 'compare' });
    await waitUntil(() => org.views.lastAccess()?.other?.user.name === FAKE_COSCENE.readerUserName, 'the comparison to show');
    ui.assertAllAnswered();
    const shown = org.views.lastAccess()!;
    assert.equal(shown.access.user.name, FAKE_COSCENE.writerUserName);
    const [writer, reader] = [FAKE_COSCENE.writerUserName, FAKE_COSCENE.readerUserName].map(idOf);
    const fakeRole = (slug: string, id: string) => org.server.coscene.projects.find((p) => p.slug === slug)?.members.get(id) ?? '';
    const [header, ...rows] = (org.views.accessText('csv') ?? '').trimEnd().split('\n');
    assert.equal(header, `SCOPE,SLUG,DISPLAY NAME,ROLE OF ${FAKE_COSCENE.writerUserName},ROLE OF ${FAKE_COSCENE.readerUserName}`);
    const users = org.server.coscene.usersById;
    assert.equal(rows[0], `organization,,,${users.get(writer)!.orgRoleCode},${users.get(reader)!.orgRoleCode}`);
    const projectRows = rows.slice(1).map((r) => r.split(','));
    assert.ok(projectRows.length >= 3);
    for (const [, slug, , left, right] of projectRows) {
      assert.equal(left, fakeRole(slug, writer), `${slug}: the writer's role`);
      assert.equal(right, fakeRole(slug, reader), `${slug}: the reader's role`);
    }
    // Every project where either is a member (and the admin can see) has its row.
    assert.ok(projectRows.some(([, slug]) => slug === 'fleet-ops'));
    assert.match(shown.html, /<th scope="col">王强<\/th><th scope="col">李娜<\/th>/);
  });

  it('role group: Export Users with This Role lists exactly the fake users with that role (organization and project)', async () => {
    const orgGroup = (await org.views.orgUsers.getChildren()).filter(isGroup).find((g) => g.code === 'ORGANIZATION_WRITER');
    assert.ok(orgGroup, 'the ORGANIZATION_WRITER group');
    const writers = org.server.coscene.users.filter((u) => u.orgRoleCode === 'ORGANIZATION_WRITER').map((u) => u.id);
    assert.deepEqual(await exportedIds(C.exportGroupUsers, orgGroup), writers.sort());

    const mcap = await project('mcap');
    const projectGroup = (await org.views.projectUsers.getChildren(mcap)).filter(isGroup).find((g) => g.code === 'PROJECT_WRITER');
    assert.ok(projectGroup, "mcap's PROJECT_WRITER group");
    const members = org.server.coscene.projects.find((p) => p.slug === 'mcap')!.members;
    const projectWriters = [...members].filter(([, code]) => code === 'PROJECT_WRITER').map(([id]) => id);
    assert.ok(projectWriters.length > 0);
    assert.deepEqual(await exportedIds(C.exportGroupUsers, projectGroup), projectWriters.sort());
  });
});
