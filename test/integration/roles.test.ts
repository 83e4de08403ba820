import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FAKE_COSCENE } from '../fake/server';
import type { GroupItem } from '../../src/vscode/users/views/userItems';
import type { RoleItem } from '../../src/vscode/users/views/roles';
import { waitUntil } from '../support/waitUntil';
import { FakeOrg, labelOf, useFakeOrg } from './helpers/usersFixture';
import { pageTokensSent, repeated, watchRequestsWhenQuiet } from './helpers/requestLog';
import { shownText } from './helpers/markdown';

describe('roles view', function () {
  this.timeout(60_000);
  let org: FakeOrg;
  const roleItems = async () => (await org.views.roles.getChildren()) as RoleItem[];
  const fakeRolesSorted = (level?: string) =>
    org.server.coscene.roles
      .filter((r) => !level || r.level === level)
      .sort((a, b) => (a.level === b.level ? (a.code < b.code ? -1 : 1) : a.level < b.level ? -1 : 1));

  before(async () => {
    org = await useFakeOrg();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('coscene.roles.filterLevel', 'all');
  });

  after(async () => {
    await org?.close();
  });

  it('lists every role sorted by level then code, with code and level', async () => {
    const items = await roleItems();
    assert.deepEqual(
      items.map((i) => [labelOf(i), i.description]),
      fakeRolesSorted().map((r) => [r.displayName, `${r.code} · ${r.level}`]),
    );
    assert.equal(items[0].contextValue, 'coscene.role');
    assert.match(shownText(items[0].tooltip as vscode.MarkdownString), new RegExp(`roles/${fakeRolesSorted()[0].id}`));
    assert.equal(org.views.rolesView.description, 'All levels');
  });

  it('filters by level and shows the level in the description', async () => {
    await vscode.commands.executeCommand('coscene.roles.filterLevel', 'project');
    assert.deepEqual(
      (await roleItems()).map((i) => i.description),
      fakeRolesSorted('project').map((r) => r.code),
    );
    assert.equal(org.views.rolesView.description, 'Project roles');
    await vscode.commands.executeCommand('coscene.roles.filterLevel', 'organization');
    assert.deepEqual(
      (await roleItems()).map((i) => i.description),
      fakeRolesSorted('organization').map((r) => r.code),
    );
    assert.equal(org.views.rolesView.description, 'Organization roles');
  });

  it('asks for roles 100 a page, with the level filter only when a level is chosen', async () => {
    const wire = await watchRequestsWhenQuiet(org.server);
    await vscode.commands.executeCommand('coscene.roles.filterLevel', 'project');
    await roleItems();
    await vscode.commands.executeCommand('coscene.roles.filterLevel', 'all');
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
      await vscode.commands.executeCommand('coscene.roles.refresh');
      assert.equal((await roleItems()).length, fakeRolesSorted().length);
      const requests = wire.sent('ListRoles');
      assert.equal(requests.length, 2);
      assert.ok(requests.every((r) => r.body?.pageSize === 100));
      assert.deepEqual(repeated(pageTokensSent(requests)), [], 'no page fetched twice');
    } finally {
      org.server.coscene.roles.splice(org.server.coscene.roles.length - extra.length, extra.length);
      await vscode.commands.executeCommand('coscene.roles.refresh');
    }
  });

  it('Show Details opens the role message', async () => {
    const item = (await roleItems()).find((i) => i.role.code === 'PROJECT_LABELER')!;
    const doc = (await vscode.commands.executeCommand('coscene.role.showDetails', item)) as vscode.TextDocument;
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
    const group = (await vscode.commands.executeCommand('coscene.role.showUsers', admin)) as GroupItem;
    assert.equal(group.contextValue, 'coscene.userGroup');
    assert.equal(group.code, 'ORGANIZATION_ADMIN');
    await waitUntil(() => org.views.orgView.selection[0] === group, 'the admin group to be selected');

    const writer = items.find((i) => i.role.code === 'PROJECT_WRITER')!;
    const projectGroup = (await vscode.commands.executeCommand('coscene.role.showUsers', writer)) as GroupItem;
    assert.equal(projectGroup.code, 'PROJECT_WRITER');
    assert.equal(
      projectGroup.id,
      `coscene.projectUsers/projects/${FAKE_COSCENE.projectIds.mcap}/group/PROJECT_WRITER`,
      "under the profile's project",
    );
    await waitUntil(() => org.views.projectView.selection[0] === projectGroup, 'the writer group to be selected');
  });
});
