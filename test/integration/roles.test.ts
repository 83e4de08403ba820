import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FAKE_COSCENE } from '../fake/server';
import { GROUP_CONTEXT_VALUE, ROLE_CONTEXT_VALUE, USERS_COMMAND as C } from '../../src/vscode/users/keys';
import type { GroupItem } from '../../src/vscode/users/views/userItems';
import type { RoleItem } from '../../src/vscode/users/views/roles';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';
import { waitUntil } from '../support/waitUntil';
import { FakeOrg, labelOf, useFakeOrg } from './helpers/usersFixture';
import { pageTokensSent, repeated, watchRequestsWhenQuiet } from './helpers/requestLog';
import { shownText } from './helpers/markdown';

describe('roles view', function () {
  this.timeout(60_000);
  let org: FakeOrg;
  let ui: ScriptedUi;
  const roleItems = async () => (await org.views.roles.getChildren()) as RoleItem[];
  const fakeRolesSorted = (level?: string) =>
    org.server.coscene.roles
      .filter((r) => !level || r.level === level)
      .sort((a, b) => (a.level === b.level ? (a.code < b.code ? -1 : 1) : a.level < b.level ? -1 : 1));

  before(async () => {
    org = await useFakeOrg();
  });

  /** Filter by Level…, answered with the level's label. */
  const filterLevel = async (label: string) => {
    ui.pick(label);
    await vscode.commands.executeCommand(C.filterRoleLevel);
  };

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await filterLevel(vscode.l10n.t('All levels'));
    ui.assertAllAnswered();
    await restoreUi();
  });

  after(async () => {
    await org?.close();
  });

  /** How the Roles view names a level (the fake serves 'organization' and 'project'). */
  const levelName = (level: string) => (level === 'organization' ? vscode.l10n.t('Organization') : vscode.l10n.t('Project'));

  it('lists every role sorted by level then code, with code and level', async () => {
    const items = await roleItems();
    assert.deepEqual(
      items.map((i) => [labelOf(i), i.description]),
      fakeRolesSorted().map((r) => [r.displayName, `${r.code} · ${levelName(r.level)}`]),
    );
    // The level in the UI's language, in the tooltip too.
    assert.ok(shownText(items[0].tooltip as vscode.MarkdownString).includes(levelName(fakeRolesSorted()[0].level)));
    assert.equal(items[0].contextValue, ROLE_CONTEXT_VALUE);
    assert.match(shownText(items[0].tooltip as vscode.MarkdownString), new RegExp(`roles/${fakeRolesSorted()[0].id}`));
    assert.equal(org.views.rolesView.description, 'All levels');
  });

  it('filters by level and shows the level in the description', async () => {
    await filterLevel(vscode.l10n.t('Project roles'));
    assert.deepEqual(ui.asked[0].offered, ['All levels', 'Organization roles', 'Project roles']);
    assert.deepEqual(
      (await roleItems()).map((i) => i.description),
      fakeRolesSorted('project').map((r) => r.code),
    );
    assert.equal(org.views.rolesView.description, 'Project roles');
    await filterLevel(vscode.l10n.t('Organization roles'));
    assert.deepEqual(
      (await roleItems()).map((i) => i.description),
      fakeRolesSorted('organization').map((r) => r.code),
    );
    assert.equal(org.views.rolesView.description, 'Organization roles');
  });

  it('asks for roles 100 a page, with the level filter only when a level is chosen', async () => {
    const wire = await watchRequestsWhenQuiet(org.server);
    await filterLevel(vscode.l10n.t('Project roles'));
    await roleItems();
    await filterLevel(vscode.l10n.t('All levels'));
    await roleItems();
    assert.deepEqual(
      wire.sent('ListRoles').map((r) => r.body),
      [{ pageSize: 100, filter: 'level="project"' }, { pageSize: 100 }],
    );
  });

  it('walks more than a page of roles, asking for each page once', async () => {
    const extra = Array.from({ length: 130 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      code: `CUSTOM_ROLE_${String(i).padStart(3, '0')}`,
      displayName: `Custom role ${i}`,
      level: 'project' as const,
    }));
    org.server.coscene.roles.push(...extra);
    try {
      const wire = await watchRequestsWhenQuiet(org.server);
      await vscode.commands.executeCommand(C.refreshRoles);
      assert.equal((await roleItems()).length, fakeRolesSorted().length);
      const requests = wire.sent('ListRoles');
      assert.equal(requests.length, 2);
      assert.ok(requests.every((r) => r.body?.pageSize === 100));
      assert.deepEqual(repeated(pageTokensSent(requests)), [], 'no page fetched twice');
    } finally {
      org.server.coscene.roles.splice(org.server.coscene.roles.length - extra.length, extra.length);
      await vscode.commands.executeCommand(C.refreshRoles);
    }
  });

  it('Show Details opens the role message', async () => {
    const item = (await roleItems()).find((i) => i.role.code === 'PROJECT_LABELER')!;
    await vscode.commands.executeCommand(C.showRoleDetails, item);
    const doc = vscode.window.activeTextEditor!.document;
    const fake = org.server.coscene.rolesByCode.get('PROJECT_LABELER')!;
    assert.deepEqual(JSON.parse(doc.getText()), {
      name: `roles/${fake.id}`,
      displayName: 'Data Labeler',
      code: 'PROJECT_LABELER',
      level: 'project',
    });
  });

  it('Show Users with This Role reveals and expands the group in the right users view', async () => {
    const items = await roleItems();
    const admin = items.find((i) => i.role.code === 'ORGANIZATION_ADMIN')!;
    await vscode.commands.executeCommand(C.showRoleUsers, admin);
    await waitUntil(
      () => (org.views.orgView.selection[0] as GroupItem | undefined)?.code === 'ORGANIZATION_ADMIN',
      'the admin group to be selected',
    );
    const group = org.views.orgView.selection[0] as GroupItem;
    assert.equal(group.contextValue, GROUP_CONTEXT_VALUE);
    assert.equal(group.code, 'ORGANIZATION_ADMIN');

    const writer = items.find((i) => i.role.code === 'PROJECT_WRITER')!;
    await vscode.commands.executeCommand(C.showRoleUsers, writer);
    await waitUntil(
      () => (org.views.projectView.selection[0] as GroupItem | undefined)?.code === 'PROJECT_WRITER',
      'the writer group to be selected',
    );
    const projectGroup = org.views.projectView.selection[0] as GroupItem;
    assert.equal(projectGroup.code, 'PROJECT_WRITER');
    assert.equal(
      projectGroup.id,
      `coscene.projectUsers/projects/${FAKE_COSCENE.projectIds.mcap}/group/PROJECT_WRITER`,
      "under the profile's project",
    );
    await waitUntil(() => org.views.projectView.selection[0] === projectGroup, 'the writer group to be selected');
  });
});
