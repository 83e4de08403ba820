import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeUser } from '../fake/coscene/model';
import { FAKE_COSCENE } from '../fake/server';
import { COPY_ERROR } from '../../src/vscode/profiles/keys';
import {
  DETAILS_SETTINGS,
  EMPTY_FILTER_CONTEXT_VALUE,
  GROUP_CONTEXT_VALUE,
  PROJECT_ARCHIVED_CONTEXT_VALUE,
  PROJECT_CONTEXT_VALUE,
  USER_CONTEXT_VALUE,
  USERS_COMMAND as C,
} from '../../src/vscode/users/keys';
import type { GroupItem, UserItem } from '../../src/vscode/users/views/userItems';
import type { ProjectItem } from '../../src/vscode/users/views/projectItems';
import type { UsersTree } from '../../src/vscode/users/views/usersTreeBase';
import type { OrgUsersTree } from '../../src/vscode/users/views/orgUsers';
import type { ProjectUsersTree } from '../../src/vscode/users/views/projectUsers';
import { expectedLabel, FakeOrg, labelOf, useFakeOrg } from './helpers/usersFixture';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';
import { waitUntil } from '../support/waitUntil';
import { shownText } from './helpers/markdown';
import { pageTokensSent, repeated, RequestWatch, watchRequestsWhenQuiet } from './helpers/requestLog';

const ORG_CODES = ['ORGANIZATION_ADMIN', 'ORGANIZATION_DEVICE', 'ORGANIZATION_READER', 'ORGANIZATION_WRITER'];
const PROJECT_CODES = ['PROJECT_ADMIN', 'PROJECT_DEVICE', 'PROJECT_LABELER', 'PROJECT_READER', 'PROJECT_WRITER'];

describe('users views', function () {
  this.timeout(60_000);
  let org: FakeOrg;
  let orgTree: OrgUsersTree;
  let projectTree: ProjectUsersTree;
  let ui: ScriptedUi;
  const data = () => org.server.coscene;
  const orgUsersWithRole = (code: string): FakeUser[] => data().users.filter((u) => u.orgRoleCode === code);

  // The extension runs from the esbuild bundle, so its classes are not the ones tests import: go by contextValue.
  const isGroup = (n: vscode.TreeItem): n is GroupItem => n.contextValue?.startsWith(GROUP_CONTEXT_VALUE) ?? false;
  const isUser = (n: vscode.TreeItem): n is UserItem => n.contextValue === USER_CONTEXT_VALUE;
  const isProject = (n: vscode.TreeItem): n is ProjectItem => n.contextValue?.startsWith(PROJECT_CONTEXT_VALUE) ?? false;
  /** The document the last command opened. */
  const activeText = () => vscode.window.activeTextEditor?.document.getText() ?? '';

  /** ListUsers of the organization (no parent) sent since `wire` started: the project view may load at the same time. */
  const orgListings = (wire: RequestWatch) => wire.sent('ListUsers').filter((r) => r.body?.parent === undefined);

  async function groups(tree: UsersTree): Promise<GroupItem[]> {
    return (await tree.getChildren()).filter(isGroup);
  }
  async function group(tree: UsersTree, code: string): Promise<GroupItem> {
    const found = (await groups(tree)).find((g) => g.code === code);
    assert.ok(found, `no group ${code}`);
    return found;
  }

  before(async () => {
    org = await useFakeOrg();
    orgTree = org.views.orgUsers;
    projectTree = org.views.projectUsers;
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await restoreUi();
    org.server.faults.clear();
    for (const command of [C.orgClearFilter, C.orgShowGrouped, C.projectClearFilter, C.projectShowGrouped])
      await vscode.commands.executeCommand(command);
    await vscode.workspace.getConfiguration(DETAILS_SETTINGS).update('format', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await org?.close();
  });

  it('shows "You" then the organization roles in cocli order, each with its user count', async () => {
    const nodes = await orgTree.getChildren();
    assert.equal(labelOf(nodes[0]), 'You: Alice Chen');
    const shown = nodes.slice(1).map((n) => [labelOf(n), n.description]);
    const expected = ORG_CODES.map((code) => [data().rolesByCode.get(code)!.displayName, String(orgUsersWithRole(code).length)]);
    assert.deepEqual(shown, expected, 'every org user has a known role, so there is no "Other roles" group');
    nodes.slice(1).forEach((n, i) => assert.match(String(n.tooltip), new RegExp(`\\(${ORG_CODES[i]}\\)`), 'the code is in the tooltip'));
  });

  it('expands a group one page at a time with "Load more…"', async () => {
    const readers = orgUsersWithRole('ORGANIZATION_READER');
    assert.ok(readers.length > 100 && readers.length <= 200, 'the seed has two pages of readers (page size 100, as cocli)');
    const wire = await watchRequestsWhenQuiet(org.server);
    await vscode.commands.executeCommand(C.refresh);
    const readerGroup = await group(orgTree, 'ORGANIZATION_READER');
    let children = await orgTree.getChildren(readerGroup);
    const users = children.filter(isUser);
    assert.deepEqual(users.map(labelOf), readers.slice(0, 100).map(expectedLabel));
    const loadMore = children[children.length - 1];
    assert.equal(labelOf(loadMore), 'Load more…');
    assert.equal(loadMore.description, `100 of ${readers.length}`);

    await vscode.commands.executeCommand(loadMore.command!.command, ...(loadMore.command!.arguments ?? []));
    children = await orgTree.getChildren(readerGroup);
    const more = children.filter(isUser);
    assert.deepEqual(more.map(labelOf), readers.map(expectedLabel));
    assert.ok(!children.some((c) => labelOf(c) === 'Load more…'), 'everything is loaded');
    assert.equal(orgTree.getParent(more[0]), readerGroup, 'users know their group (for reveal)');

    const orgLevel = wire.sent('ListRoles').filter((r) => r.body?.filter === 'level="organization"');
    assert.deepEqual(
      orgLevel.map((r) => r.body?.pageSize),
      [100],
      'the groups come from one listing of the organization roles',
    );
    const readerPages = orgListings(wire).filter((r) => r.body?.filter === 'role.code="ORGANIZATION_READER"');
    assert.ok(
      readerPages.every((r) => r.body?.pageSize === 100),
      '100 a page',
    );
    const tokens = pageTokensSent(readerPages);
    assert.equal(tokens.length, 2, 'the first page, then the one Load more asked for');
    assert.equal(tokens[0], '');
    assert.deepEqual(repeated(tokens), [], 'no page fetched twice');
  });

  it('shows each user with email, active/inactive icon, and every wide field in the tooltip', async () => {
    const writers = orgUsersWithRole('ORGANIZATION_WRITER');
    const inactive = writers.find((u) => u.id === '1a2b3c4d-5e6f-4789-8abc-def012345678')!;
    const items = (await orgTree.getChildren(await group(orgTree, 'ORGANIZATION_WRITER'))).filter(isUser);
    const item = items.find((i) => i.user.name === `users/${inactive.id}`);
    assert.ok(item, 'the inactive writer is on the first page');
    assert.equal(labelOf(item), 'Old Account');
    assert.equal(item.description, 'old.account@lark.example.com');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    assert.equal(item.contextValue, USER_CONTEXT_VALUE);
    // VS Code asks for a user's tooltip on hover (resolveTreeItem): read it the same way.
    const shown = orgTree.resolveTreeItem(item, item);
    const tooltip = shownText(shown.tooltip as vscode.MarkdownString);
    for (const text of [`| ${inactive.id} |`, `users/${inactive.id}`, 'ORGANIZATION_WRITER', 'old.account@lark.example.com', '2024-01-06T'])
      assert.ok(tooltip.includes(text), `${text} in ${tooltip}`);
    const active = items.find((i) => i.user.active)!;
    assert.equal((active.iconPath as vscode.ThemeIcon).id, 'account');
  });

  it('filters by role code into a flat list and says so in the view description', async () => {
    const wire = await watchRequestsWhenQuiet(org.server);
    ui.pick('ORGANIZATION_ADMIN');
    await vscode.commands.executeCommand(C.orgFilterByRole);
    ui.assertAllAnswered();
    assert.deepEqual(ui.asked[0].offered, ORG_CODES, "the organization's role codes are offered");
    const nodes = await orgTree.getChildren();
    assert.deepEqual(
      orgListings(wire).map((r) => r.body),
      [{ filter: 'role.code="ORGANIZATION_ADMIN"', pageSize: 100 }],
      'the role is filtered by the server',
    );
    const admins = orgUsersWithRole('ORGANIZATION_ADMIN');
    assert.ok(admins.length < 50);
    assert.deepEqual(nodes.filter(isUser).slice(1).map(labelOf), admins.map(expectedLabel));
    assert.match(org.views.orgView.description ?? '', /role: ORGANIZATION_ADMIN/);
    assert.equal(nodes.filter(isGroup).length, 0);

    await vscode.commands.executeCommand(C.orgClearFilter);
    assert.equal((await groups(orgTree)).length, ORG_CODES.length);
    assert.doesNotMatch(org.views.orgView.description ?? '', /role:/);
  });

  it('finds users by nickname with the server substring match, quotes and backslashes included', async () => {
    let wire = await watchRequestsWhenQuiet(org.server);
    ui.input(FAKE_COSCENE.quotedNickname);
    await vscode.commands.executeCommand(C.orgFindByNickname);
    const found = (await orgTree.getChildren()).filter((n): n is UserItem => isUser(n) && !labelOf(n).startsWith('You: '));
    assert.deepEqual(found.map(labelOf), [FAKE_COSCENE.quotedNickname]);
    assert.deepEqual(
      orgListings(wire).map((r) => r.body),
      [{ filter: 'nickname="Eve \\"Q\\" Back\\\\slash"', pageSize: 100 }],
      'the nickname, Go-quoted, as the server-side filter',
    );

    wire = await watchRequestsWhenQuiet(org.server);
    ui.input('chen');
    await vscode.commands.executeCommand(C.orgFindByNickname);
    const chens = data().users.filter((u) => (u.nickname ?? '').toLowerCase().includes('chen'));
    const shown = (await orgTree.getChildren()).filter((n): n is UserItem => isUser(n) && !labelOf(n).startsWith('You: '));
    assert.deepEqual(shown.map(labelOf), chens.slice(0, 50).map(expectedLabel));
    assert.match(org.views.orgView.description ?? '', /nickname: chen/);
    assert.deepEqual(
      orgListings(wire).map((r) => r.body),
      [{ filter: 'nickname="chen"', pageSize: 100 }],
    );
  });

  it('toggles between the grouped and the flat list', async () => {
    await vscode.commands.executeCommand(C.orgShowFlat);
    const nodes = await orgTree.getChildren();
    assert.equal(nodes.filter(isGroup).length, 0);
    const users = nodes.filter(isUser).slice(1);
    assert.deepEqual(users.map(labelOf), data().users.slice(0, 100).map(expectedLabel));
    assert.equal(nodes[nodes.length - 1].description, `100 of ${data().users.length}`);
    await vscode.commands.executeCommand(C.orgShowGrouped);
    assert.equal((await groups(orgTree)).length, ORG_CODES.length);
  });

  it("keeps each view's filter and flat/grouped choice to that view", async () => {
    const mcap = async () => (await projectTree.getChildren()).filter(isProject).find((p) => p.description === 'mcap')!;
    const members = data().projects.find((p) => p.slug === 'mcap')!.members;
    const admins = [...members].filter(([, code]) => code === 'PROJECT_ADMIN').map(([id]) => expectedLabel(data().usersById.get(id)!));
    assert.ok(admins.length > 0 && admins.length < 50, 'mcap has one page of admins (pages are 50 or 100)');

    ui.pick('PROJECT_ADMIN');
    await vscode.commands.executeCommand(C.projectFilterByRole);
    assert.deepEqual(ui.asked[0].offered, PROJECT_CODES, "the project roles' codes are offered");
    const filtered = await projectTree.getChildren(await mcap());
    assert.equal(filtered.filter(isGroup).length, 0, 'Project Users: a flat list of the role');
    assert.deepEqual(filtered.filter(isUser).map(labelOf).sort(), admins.sort());
    assert.match(org.views.projectView.description ?? '', /role: PROJECT_ADMIN/);
    assert.deepEqual(
      (await groups(orgTree)).map((g) => g.code),
      ORG_CODES,
      'Organization Users still shows every group',
    );
    assert.doesNotMatch(org.views.orgView.description ?? '', /role:/);

    await vscode.commands.executeCommand(C.orgClearFilter);
    assert.match(org.views.projectView.description ?? '', /role: PROJECT_ADMIN/, 'clearing the other view keeps this filter');
    await vscode.commands.executeCommand(C.projectClearFilter);
    assert.deepEqual(
      (await projectTree.getChildren(await mcap())).filter(isGroup).map((g) => g.code),
      PROJECT_CODES,
    );

    await vscode.commands.executeCommand(C.orgShowFlat);
    const flat = await orgTree.getChildren();
    assert.equal(flat.filter(isGroup).length, 0, 'Organization Users: flat');
    const everyone = flat.filter(isUser).slice(1); // after "You"
    assert.ok(everyone.length > 0);
    assert.deepEqual(
      everyone.map(labelOf),
      data().users.slice(0, everyone.length).map(expectedLabel),
      'the first page of all users, whatever the page size',
    );
    assert.deepEqual(
      (await projectTree.getChildren(await mcap())).filter(isGroup).map((g) => g.code),
      PROJECT_CODES,
      'Project Users still grouped by role',
    );
    assert.equal(org.views.projectView.description, undefined);

    await vscode.commands.executeCommand(C.projectShowFlat);
    await vscode.commands.executeCommand(C.orgShowGrouped);
    assert.deepEqual(
      (await groups(orgTree)).map((g) => g.code),
      ORG_CODES,
    );
    assert.equal((await projectTree.getChildren(await mcap())).filter(isGroup).length, 0, 'Project Users stays flat');
  });

  it('a filter that matches nothing says which filter, and the row clears it', async () => {
    const mcap = async () => (await projectTree.getChildren()).filter(isProject).find((p) => p.description === 'mcap')!;
    const members = data().projects.find((p) => p.slug === 'mcap')!.members;
    assert.ok(![...members].some(([, code]) => code === 'PROJECT_LABELER'), 'mcap has no labeler');
    const labeler = data().roles.find((r) => r.code === 'PROJECT_LABELER')!;
    ui.pick('PROJECT_LABELER');
    await vscode.commands.executeCommand(C.projectFilterByRole);
    const rows = await projectTree.getChildren(await mcap());
    assert.deepEqual(rows.map(labelOf), [vscode.l10n.t('No users with role {0}', labeler.displayName)]);
    const [empty] = rows;
    assert.equal(empty.contextValue, EMPTY_FILTER_CONTEXT_VALUE, 'the row carries Clear Filter (inline)');
    assert.equal(empty.command?.command, C.projectClearFilter);
    await vscode.commands.executeCommand(empty.command.command, ...(empty.command.arguments ?? []));
    assert.equal(org.views.projectView.description, undefined);
    assert.deepEqual(
      (await projectTree.getChildren(await mcap())).filter(isGroup).map((g) => g.code),
      PROJECT_CODES,
      'mcap grouped again',
    );

    const nobody = 'zq-nobody-has-this-nickname';
    assert.ok(!data().users.some((u) => (u.nickname ?? '').toLowerCase().includes(nobody)));
    ui.input(nobody);
    await vscode.commands.executeCommand(C.orgFindByNickname);
    const nodes = await orgTree.getChildren();
    assert.equal(nodes.filter((n) => isUser(n) && !labelOf(n).startsWith('You: ')).length, 0);
    const end = nodes[nodes.length - 1];
    assert.equal(labelOf(end), vscode.l10n.t('No users matching "{0}"', nobody));
    assert.equal(end.contextValue, EMPTY_FILTER_CONTEXT_VALUE);
    assert.equal(end.command?.command, C.orgClearFilter);
    await vscode.commands.executeCommand(end.command.command, ...(end.command.arguments ?? []));
    assert.equal((await groups(orgTree)).length, ORG_CODES.length);
    assert.doesNotMatch(org.views.orgView.description ?? '', /nickname:/);
  });

  it("lists the projects (the profile's first and expanded) → role groups with counts → users, each level on expand", async () => {
    const counts = (slug: string) => {
      const project = data().projects.find((p) => p.slug === slug)!;
      return PROJECT_CODES.map((code) => String([...project.members.values()].filter((c) => c === code).length));
    };
    const projects = (await projectTree.getChildren()).filter(isProject);
    assert.deepEqual(
      projects.map((p) => [labelOf(p), p.description]),
      [
        ['MCAP samples', 'mcap'],
        ['LiDAR tests', 'lidar-tests'],
        ['感知算法', 'perception'],
        ['车队运营', 'fleet-ops'],
      ],
      'active projects the admin can see (not the archived ones, not the private secret-ops)',
    );
    assert.equal(projects[0].collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(projects[2].collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(
      (await projectTree.getChildren(projects[0])).filter(isGroup).map((g) => g.description),
      counts('mcap'),
    );
    const perception = (await projectTree.getChildren(projects[2])).filter(isGroup);
    assert.deepEqual(
      perception.map((g) => g.description),
      counts('perception'),
    );
    const writers = (await projectTree.getChildren(perception.find((g) => g.code === 'PROJECT_WRITER'))).filter(isUser);
    assert.ok(
      writers.some((w) => labelOf(w) === '王强'),
      'the fixed writer is a PROJECT_WRITER of perception',
    );
    assert.equal(projectTree.getParent(perception[0]), projects[2], 'groups know their project (for reveal)');

    ui.pick('fleet-ops');
    await vscode.commands.executeCommand(C.selectProject);
    assert.deepEqual(
      ui.asked[0].offered,
      ['MCAP samples', 'LiDAR tests', '感知算法', '车队运营', `$(edit) ${vscode.l10n.t('Enter a slug…')}`],
      'the loaded projects, then "Enter a slug…"',
    );
    await waitUntil(() => org.views.projectView.selection[0] === projects[3], 'fleet-ops to be revealed and selected');
    const selected = org.views.projectView.selection[0] as ProjectItem;
    assert.equal(selected.project.name, `projects/${FAKE_COSCENE.projectIds['fleet-ops']}`);
    const enterSlug = vscode.l10n.t('Enter a slug…');
    for (const slug of ['no-such-project', FAKE_COSCENE.hiddenProjectSlug]) {
      ui.pick(enterSlug).input(slug);
      await vscode.commands.executeCommand(C.selectProject);
      // A private project is not accessible either.
      await ui.waitForMessage(
        (m) => m.severity === 'warning' && m.message === vscode.l10n.t('Project not found or not accessible: {0}', slug),
      );
      assert.equal(org.views.projectView.selection[0], projects[3], 'the selection stays');
    }
    ui.pick('mcap');
    await vscode.commands.executeCommand(C.selectProject);
    ui.assertAllAnswered();
    assert.deepEqual(ui.messages('error'), []);
  });

  it("lists the active projects 100 a page, and a project's users with parent = that project", async () => {
    const wire = await watchRequestsWhenQuiet(org.server);
    await vscode.commands.executeCommand(C.refresh);
    const perception = (await projectTree.getChildren()).filter(isProject).find((p) => p.description === 'perception')!;
    await projectTree.getChildren(perception);
    assert.deepEqual(
      wire.sent('ListProjects').map((r) => [r.body?.pageSize, r.body?.skip ?? 0, r.body?.filter]),
      [
        [100, 0, 'is_archived="false"'],
        [100, 4, 'is_archived="false"'],
      ],
      'a short page of 4, then the empty page that ends the list',
    );
    const parent = `projects/${FAKE_COSCENE.projectIds.perception}`;
    const listings = wire.sent('ListUsers').filter((r) => r.body?.parent === parent);
    assert.deepEqual(
      listings.filter((r) => r.body?.filter !== undefined).map((r) => [r.body?.filter, r.body?.pageSize]),
      PROJECT_CODES.map((code) => [`role.code="${code}"`, 100]),
      "each role group's first page, from that project",
    );
    assert.deepEqual(
      wire
        .sent('ListRoles')
        .filter((r) => r.body?.filter === 'level="project"')
        .map((r) => r.body?.pageSize),
      [100],
      'the groups come from one listing of the project roles',
    );
  });

  it('shows archived projects on request, marked as such', async () => {
    const wire = await watchRequestsWhenQuiet(org.server);
    await vscode.commands.executeCommand(C.showArchived);
    try {
      const projects = (await projectTree.getChildren()).filter(isProject);
      assert.deepEqual(
        projects.map((p) => p.description),
        ['mcap', 'lidar-tests', 'perception', 'archive-2024 · archived', 'legacy-calib · archived', 'fleet-ops'],
      );
      const legacy = projects.find((p) => p.description === 'legacy-calib · archived')!;
      assert.equal(labelOf(legacy), '旧标定数据');
      assert.equal(legacy.contextValue, PROJECT_ARCHIVED_CONTEXT_VALUE);
      assert.deepEqual(
        wire.sent('ListProjects').map((r) => r.body?.filter),
        [undefined, undefined],
        'no archived filter',
      );
    } finally {
      await vscode.commands.executeCommand(C.hideArchived);
    }
    assert.equal((await projectTree.getChildren()).filter(isProject).length, 4);
  });

  it('Show Details opens the user as cocli prints it (JSON, or YAML per the setting)', async () => {
    const alice = data().usersById.get(FAKE_COSCENE.adminUserName.slice('users/'.length))!;
    const you = (await orgTree.getChildren())[0] as UserItem;
    await vscode.commands.executeCommand(C.showUserDetails, you);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.scheme, 'coscene');
    assert.equal(doc.languageId, 'json');
    assert.deepEqual(JSON.parse(doc.getText()), {
      name: `users/${alice.id}`,
      nickname: alice.nickname,
      email: alice.email,
      phoneNumber: alice.phoneNumber,
      role: {
        name: `roles/${data().rolesByCode.get('ORGANIZATION_ADMIN')!.id}`,
        displayName: 'Organization Admin',
        code: 'ORGANIZATION_ADMIN',
        level: 'organization',
      },
      active: true,
      createTime: new Date(alice.createTimeMs).toISOString().replace('.000Z', 'Z'),
    });

    await vscode.workspace.getConfiguration(DETAILS_SETTINGS).update('format', 'yaml', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(C.showUserDetails, you);
    assert.match(activeText(), /^phone_number: "\+8613800000000"$/m);
    assert.match(activeText(), /^ {2}code: ORGANIZATION_ADMIN$/m);
  });

  it('Get User accepts an id, users/<id>, or nothing for yourself, and explains not_found', async () => {
    const getUser = async (typed: string) => {
      ui.input(typed);
      await vscode.commands.executeCommand(C.getUser);
    };
    await getUser('');
    assert.equal((JSON.parse(activeText()) as { name: string }).name, FAKE_COSCENE.adminUserName);
    await getUser(FAKE_COSCENE.readerUserName);
    assert.equal((JSON.parse(activeText()) as { nickname: string }).nickname, '李娜');
    await getUser(FAKE_COSCENE.writerUserName.slice(6));
    assert.equal((JSON.parse(activeText()) as { nickname: string }).nickname, '王强');
    const missing = '00000000-0000-4000-8000-000000000000';
    await getUser(missing);
    const notFound = await ui.waitForMessage((m) => m.severity === 'warning');
    assert.equal(notFound.message, `User not found: users/${missing}`);
    assert.deepEqual(notFound.actions, [vscode.l10n.t('Try Another ID')]);
    ui.assertAllAnswered();
  });

  it('shows a failed load as an error node with Retry, which recovers', async () => {
    // Both users views may load at once (they are visible), so the fault stays until cleared.
    org.server.faults.add({ kind: 'connect-error', code: 'permission_denied', match: { procedure: 'ListRoles' }, times: Infinity });
    await vscode.commands.executeCommand(C.refresh);
    const nodes = await orgTree.getChildren();
    const error = nodes.find((n) => n.contextValue === 'coscene.error');
    assert.ok(error, `an error node, got ${nodes.map(labelOf).join(', ')}`);
    assert.match(labelOf(error), /not allowed/);
    const actions = await orgTree.getChildren(error);
    const retry = actions.find((a) => labelOf(a) === 'Retry');
    assert.ok(retry, `Retry among ${actions.map(labelOf).join(', ')}`);

    // Copy Error (the row's context menu): the message shown, then the failed request, never the token.
    await vscode.commands.executeCommand(COPY_ERROR, error);
    const copied = await ui.clipboard.readText();
    assert.equal(copied.split('\n')[0], labelOf(error));
    assert.match(copied, /ListRoles: HTTP \d+ permission_denied/);
    assert.ok(!copied.includes(FAKE_COSCENE.adminToken), 'the token is in the copied error');

    org.server.faults.clear();
    await vscode.commands.executeCommand(retry.command!.command, ...(retry.command!.arguments ?? []));
    await waitUntil(async () => (await groups(orgTree)).length === ORG_CODES.length, 'the groups after Retry');
  });

  it('stops a paging loop with a message instead of loading forever', async () => {
    await vscode.commands.executeCommand(C.orgShowFlat);
    org.server.faults.add({ kind: 'repeat-page-token', match: { procedure: 'ListUsers' }, times: Infinity });
    const wire = await watchRequestsWhenQuiet(org.server);
    await vscode.commands.executeCommand(C.refresh);
    let nodes = await orgTree.getChildren();
    const loadMore = nodes[nodes.length - 1];
    assert.equal(labelOf(loadMore), 'Load more…');
    await vscode.commands.executeCommand(loadMore.command!.command, ...(loadMore.command!.arguments ?? []));
    nodes = await orgTree.getChildren();
    const last = nodes[nodes.length - 1];
    assert.equal(last.contextValue, 'coscene.message');
    assert.match(labelOf(last), /page token it had already sent/);
    const tokens = pageTokensSent(orgListings(wire));
    assert.equal(tokens.length, 2, 'the first page, then the token once');
    assert.deepEqual(repeated(tokens), [], 'the repeated token was not fetched again');
  });

  /** Every row of `tree` down to `depth` levels (groups and projects expanded), in order. */
  async function walk(tree: UsersTree, depth: number, element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    const rows = await tree.getChildren(element);
    if (depth === 0) return rows;
    const below = await Promise.all(
      rows.map((r) => (r.collapsibleState === vscode.TreeItemCollapsibleState.None ? [] : walk(tree, depth - 1, r))),
    );
    return rows.flatMap((r, i) => [r, ...below[i]]);
  }
  const idProblems = (rows: vscode.TreeItem[]): string[] => {
    const seen = new Set<string>();
    return rows.flatMap((r) => {
      if (!r.id) return [`${labelOf(r)} has no id`];
      if (seen.has(r.id)) return [`${r.id} twice`];
      seen.add(r.id);
      return [];
    });
  };

  it('gives every row an id, unique in its tree: groups, users, Load more, projects, flat lists, errors', async () => {
    await vscode.commands.executeCommand(C.refresh);
    const grouped = await walk(orgTree, 1);
    assert.ok(grouped.some(isUser) && grouped.some((r) => labelOf(r) === 'Load more…'), 'users and a Load more row');
    assert.deepEqual(idProblems(grouped), []);
    const projects = await walk(projectTree, 2);
    assert.ok(projects.some(isProject) && projects.some(isGroup) && projects.some(isUser));
    assert.deepEqual(idProblems(projects), []);
    await vscode.commands.executeCommand(C.orgShowFlat);
    await vscode.commands.executeCommand(C.projectShowFlat);
    assert.deepEqual(idProblems(await walk(orgTree, 1)), []);
    assert.deepEqual(idProblems(await walk(projectTree, 2)), []);
    org.server.faults.add({ kind: 'connect-error', code: 'permission_denied', match: { procedure: 'ListUsers' }, times: Infinity });
    await vscode.commands.executeCommand(C.refresh);
    const failed = await walk(orgTree, 1);
    assert.ok(
      failed.some((r) => r.contextValue === 'coscene.error'),
      `an error row: ${failed.map(labelOf).join(', ')}`,
    );
    assert.deepEqual(idProblems(failed), []);
    assert.deepEqual(idProblems(await walk(projectTree, 2)), []);
    const roles = await org.views.roles.getChildren();
    assert.deepEqual(idProblems(roles), [], 'the Roles view too');
  });

  it('shows a user the server sent twice once in its group, and reveals it', async () => {
    const admin = orgUsersWithRole('ORGANIZATION_ADMIN')[1];
    const at = data().users.indexOf(admin);
    data().users.splice(at + 1, 0, admin); // the listing now has this admin twice, one after the other
    try {
      await vscode.commands.executeCommand(C.refresh);
      const admins = await group(orgTree, 'ORGANIZATION_ADMIN');
      const rows = (await orgTree.getChildren(admins)).filter(isUser);
      const distinct = [...new Set(orgUsersWithRole('ORGANIZATION_ADMIN'))];
      assert.deepEqual(rows.map(labelOf), distinct.map(expectedLabel), 'each admin once, in the server order');
      assert.deepEqual(idProblems(rows), []);
      const row = rows.find((r) => r.user.name === `users/${admin.id}`)!;
      assert.equal(row.id, `${admins.id}/users/${admin.id}`, 'the group and the user name');
      assert.equal(orgTree.getParent(row), admins);
      await org.views.orgView.reveal(row, { select: true, focus: true });
      await waitUntil(() => org.views.orgView.selection[0] === row, 'the user row to be revealed and selected');
    } finally {
      data().users.splice(at + 1, 1);
      await vscode.commands.executeCommand(C.refresh);
    }
  });
});
