import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FAKE_HUAWEI, FakeServer, startFakeServer } from '../fake/server';
import { HUAWEI_REGIONS } from '../../src/core/huawei/regions';
import type { PermissionsTestApi } from '../../src/vscode/permissions';
import { COPY_ERROR } from '../../src/vscode/profiles/keys';
import {
  ADD_REPOSITORY_COMMAND,
  COPY_USER_ID_COMMAND,
  ADDED_REPOSITORY_CONTEXT,
  HUAWEI_SETTINGS_SECTION,
  PERMISSIONS_VIEW_ID,
  REFRESH_COMMAND,
  REMOVE_REPOSITORY_COMMAND,
  REPOSITORY_CONTEXT,
  SEARCH_COMMAND,
  SHOW_MATRIX_COMMAND,
  SIGN_IN_COMMAND,
  SIGN_OUT_COMMAND,
} from '../../src/vscode/permissions/keys';
import { AKSK_SIGN_IN, PASSWORD_SIGN_IN, type SignInAnswers, signInThroughUi } from './helpers/huaweiSignIn';
import { restoreUi, type ScriptedUi, scriptUi } from './helpers/scriptedUi';
import { assertNoSecretOnDisk } from './helpers/canaryScan';
import { huaweiSecrets } from '../fake/huawei/secrets';
import { extensionApi } from './helpers/profileFixtures';
import { makeTempDir } from '../support/tempDir.cjs';

type Item = vscode.TreeItem;

const EXAMPLE = FAKE_HUAWEI.exampleRepo;
const MAVEN_RELEASE = FAKE_HUAWEI.repoIds.mavenRelease;
const ENGLISH = !vscode.env.language.toLowerCase().startsWith('zh');
const INVALID_PROJECT_ID = vscode.l10n.t('A CodeArts project ID is 32 lowercase letters and digits.');

function label(item: Item): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function labels(items: Item[]): string[] {
  return items.map(label);
}

function byLabel(items: Item[], text: string): Item {
  const found = items.find((i) => label(i) === text);
  assert.ok(found, `no item "${text}" among ${JSON.stringify(labels(items))}`);
  return found;
}

function iconId(item: Item): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

describe('Repository Permissions view (Huawei Cloud CodeArts Artifact)', function () {
  this.timeout(30_000);
  let server: FakeServer;
  let feature: PermissionsTestApi;
  let tree: vscode.TreeDataProvider<Item>;
  let ui: ScriptedUi;
  let globalState: vscode.Memento;
  /** Added to the fake server's clock (clock-skew test). */
  let skewMs = 0;
  let previous: { endpoint?: string; iamEndpoint?: string };

  const children = async (item?: Item): Promise<Item[]> => ((await tree.getChildren(item)) ?? []) as Item[];
  const huaweiRequests = (operation?: string) =>
    server.stats.requests.filter((r) => r.api === 'huawei' && (!operation || r.procedure === operation));
  /** Sign In, its questions answered; resolves with the error notifications shown (none: signed in). */
  const signIn = (answers: SignInAnswers): Promise<string[]> => signInThroughUi(ui, answers);
  const refresh = (): Thenable<void> => vscode.commands.executeCommand(REFRESH_COMMAND);
  const exampleNode = async (): Promise<Item> => byLabel(await children(), EXAMPLE.repoId);
  /** Add Repository by ID, the project ID (each value typed until one is accepted) and repository ID answered. */
  const addRepository = async (projectId: string | (string | undefined)[], repoId?: string): Promise<void> => {
    ui.input(...[projectId].flat());
    if (repoId !== undefined) ui.input(repoId);
    await vscode.commands.executeCommand(ADD_REPOSITORY_COMMAND);
  };
  const addExample = (): Promise<void> => addRepository(EXAMPLE.projectId, EXAMPLE.repoId);
  const search = async (text: string): Promise<void> => {
    ui.input(text);
    await vscode.commands.executeCommand(SEARCH_COMMAND);
  };
  const resetFake = (): void => {
    server.faults.clear();
    server.stats.requests.length = 0;
  };

  before(async () => {
    server = await startFakeServer({ now: () => Date.now() + skewMs });
    const api = await extensionApi();
    feature = api.permissions;
    globalState = api.globalState;
    tree = api.trees.get(PERMISSIONS_VIEW_ID) as vscode.TreeDataProvider<Item>;
    await feature.ready;
    const config = vscode.workspace.getConfiguration(HUAWEI_SETTINGS_SECTION);
    previous = {
      endpoint: config.inspect<string>('endpoint')?.globalValue,
      iamEndpoint: config.inspect<string>('iamEndpoint')?.globalValue,
    };
    await config.update('endpoint', server.url, vscode.ConfigurationTarget.Global);
    await config.update('iamEndpoint', server.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    skewMs = 0;
    resetFake();
    await restoreUi();
  });

  after(async () => {
    // The repositories this suite added by ID, removed from their tree items (listed while signed in).
    for (const node of (await children()).filter((i) => i.contextValue === ADDED_REPOSITORY_CONTEXT))
      await vscode.commands.executeCommand(REMOVE_REPOSITORY_COMMAND, node);
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
    const config = vscode.workspace.getConfiguration(HUAWEI_SETTINGS_SECTION);
    await config.update('endpoint', previous?.endpoint, vscode.ConfigurationTarget.Global);
    await config.update('iamEndpoint', previous?.iamEndpoint, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  it('shows nothing (the welcome view) before sign-in', async () => {
    assert.equal(feature.session.isSignedIn(), false);
    assert.deepEqual(await children(), []);
  });

  it('rejects a malformed CodeArts project ID at sign-in without contacting IAM', async () => {
    // The project ID box refuses it; the user gives up (Escape).
    const errors = await signIn({ ...PASSWORD_SIGN_IN, codeartsProjectId: ['Not-A-Project', undefined] });
    assert.deepEqual(errors, []);
    assert.deepEqual(ui.validationMessages, [INVALID_PROJECT_ID]);
    assert.equal(feature.session.isSignedIn(), false);
    assert.deepEqual(huaweiRequests(), []);
  });

  it('does not sign in with a wrong password', async () => {
    const errors = await signIn({ ...PASSWORD_SIGN_IN, password: 'wrong-password-1' });
    assert.equal(errors.length, 1, 'the failure is shown');
    assert.equal(feature.session.isSignedIn(), false);
    assert.equal(huaweiRequests('KeystoneCreateUserTokenByPassword').length, 1);
  });

  it("asks in the console's order one step at a time: a step counter, Back keeps what was typed, Escape cancels it all", async () => {
    const before = huaweiRequests().length;
    ui.pick(vscode.l10n.t('IAM user and password'))
      .input(FAKE_HUAWEI.domainName)
      .input('typo-user')
      .back() // on the password step
      .input(FAKE_HUAWEI.iamUser) // the user step again, 'typo-user' pre-filled
      .input(FAKE_HUAWEI.iamPassword)
      .back() // on the region step
      .input(FAKE_HUAWEI.iamPassword) // the password step again, pre-filled
      .pick(FAKE_HUAWEI.region)
      .pick(vscode.l10n.t('Use the password once'))
      .input(undefined); // Escape on the last step: nothing is sent
    await vscode.commands.executeCommand(SIGN_IN_COMMAND);
    ui.assertAllAnswered();
    const password = vscode.l10n.t('Password of IAM user {0}', FAKE_HUAWEI.iamUser);
    assert.deepEqual(
      ui.asked.map((q) => [q.title, `${q.step}/${q.totalSteps}`, q.backOffered, q.value, q.answer]),
      [
        [vscode.l10n.t('Sign in to Huawei Cloud'), '1/7', false, undefined, vscode.l10n.t('IAM user and password')],
        [vscode.l10n.t('Account name (the Huawei Cloud account the IAM user belongs to)'), '2/7', true, '', FAKE_HUAWEI.domainName],
        [vscode.l10n.t('IAM user name'), '3/7', true, '', 'typo-user'],
        [vscode.l10n.t('Password of IAM user {0}', 'typo-user'), '4/7', true, '', 'Back'],
        [vscode.l10n.t('IAM user name'), '3/7', true, 'typo-user', FAKE_HUAWEI.iamUser],
        [password, '4/7', true, '', '•••'],
        [vscode.l10n.t('Region'), '5/7', true, undefined, 'Back'],
        [password, '4/7', true, '•••', '•••'],
        [vscode.l10n.t('Region'), '5/7', true, undefined, FAKE_HUAWEI.region],
        [vscode.l10n.t('Keep the password?'), '6/7', true, undefined, vscode.l10n.t('Use the password once')],
        [
          vscode.l10n.t('CodeArts project ID (32 characters, from the project URL)'),
          '7/7',
          true,
          feature.session.codeartsProjectId() ?? '',
          undefined,
        ],
      ],
    );
    // The regions carry the console's names (core/huawei/regions.ts), the configured one first.
    const regions = ui.asked[8]!.offered;
    assert.equal(regions.length, HUAWEI_REGIONS.length);
    assert.deepEqual([...regions].sort(), [...HUAWEI_REGIONS].sort());
    assert.deepEqual(huaweiRequests().slice(before), [], 'Escape cancelled the whole sign-in');
    assert.equal(feature.session.isSignedIn(), false);
    assert.deepEqual(ui.messages('error'), []);
  });

  it('goes back from the region to the access key steps, and the access key way counts seven steps too', async () => {
    ui.pick(vscode.l10n.t('Access key (AK/SK)'))
      .input(FAKE_HUAWEI.ak)
      .input(FAKE_HUAWEI.sk)
      .input('')
      .input(FAKE_HUAWEI.domainId)
      .back() // on the region step
      .back() // on the account ID step
      .back() // on the security token step
      .back() // on the secret key step
      .back() // on the access key step: the method again, the access key kept highlighted
      .pick(undefined);
    await vscode.commands.executeCommand(SIGN_IN_COMMAND);
    ui.assertAllAnswered();
    const steps = ui.asked.slice(-6).map((q) => [`${q.step}/${q.totalSteps}`, q.value]);
    assert.deepEqual(steps, [
      ['6/7', undefined],
      ['5/7', FAKE_HUAWEI.domainId],
      ['4/7', ''],
      ['3/7', '•••'],
      ['2/7', FAKE_HUAWEI.ak],
      ['1/7', vscode.l10n.t('Access key (AK/SK)')],
    ]);
    assert.equal(feature.session.isSignedIn(), false);
  });

  it('signs in with an IAM user and password and lists the repositories of the CodeArts project', async () => {
    assert.deepEqual(await signIn(PASSWORD_SIGN_IN), []);
    assert.equal(feature.session.isSignedIn(), true);
    const root = await children();
    const names = labels(root);
    for (const name of ['maven-release', 'npm-internal', 'docker-robotics', 'pypi-ml', '感知-数据集'])
      assert.ok(names.includes(name), `${name} missing from ${JSON.stringify(names)}`);
    assert.ok(!names.includes('docker-legacy'), 'a repository in the recycle bin is not listed');
    assert.equal(root.filter((i) => i.contextValue === REPOSITORY_CONTEXT).length, 21);
    assert.ok(!root.some((i) => i.contextValue === 'coscene.loadMore'), 'everything fits on one page of 100');

    const [list] = huaweiRequests('ListAllRepositories');
    assert.equal(list.path, `/cloudartifact/v5/${FAKE_HUAWEI.domainId}/${FAKE_HUAWEI.codeartsProjectId}/repositories`);
    assert.deepEqual(
      huaweiRequests('ListAllRepositories').map((r) => r.page),
      [{ pageNo: 1, pageSize: 100 }],
    );
    assert.ok(list.headers['x-auth-token'], 'token auth');
    assert.equal(list.headers['x-language'], ENGLISH ? 'en-us' : 'zh-cn');
    assert.match(feature.viewDescription() ?? '', new RegExp(`${FAKE_HUAWEI.domainName}/${FAKE_HUAWEI.iamUser}`));
  });

  it('adds the documented example repository by ID and shows its roles, granted objects and operations', async () => {
    await addExample();
    assert.deepEqual(ui.messages('error'), []);
    const repo = await exampleNode();
    assert.equal(repo.contextValue, ADDED_REPOSITORY_CONTEXT);
    const roles = await children(repo);
    assert.deepEqual(labels(roles), ['System engineer', 'Project manager', 'Users']);

    // The documented example masks ids differently in each path; labels show the target of each path.
    const documented = JSON.parse(FAKE_HUAWEI.exampleResponseText) as { result: Record<string, { granted_object_path: string }[]> };
    const [componentPath, repoPath] = documented.result['System engineer'].map((p) => p.granted_object_path);
    const target = (path: string): string => path.split('/').pop()!;
    const objects = await children(byLabel(roles, 'System engineer'));
    assert.deepEqual(labels(objects), [`Artifacts in repository ${target(componentPath)}`, `Repository ${target(repoPath)}`]);
    assert.deepEqual(objects.map(iconId), ['package', 'repo']);
    assert.equal(String(objects[0].tooltip).split('\n')[0], componentPath, 'the raw path in the tooltip');
    assert.deepEqual(labels(await children(objects[0])), ['Download/View a package', 'Import', 'Upload a package', 'Export']);
    assert.deepEqual(labels(await children(objects[1])), ['Edit a repository', 'Restore', 'Permanently delete']);

    const managerObjects = await children(byLabel(roles, 'Project manager'));
    assert.deepEqual(labels(await children(managerObjects[1])), [
      'Create a repository',
      'Edit a repository',
      'Restore',
      'Delete a repository',
      'Permanently delete',
      'Restore all',
      'Empty recycle bin',
    ]);
    const privileges = huaweiRequests('ShowRepositoryRolesPrivilege');
    assert.equal(privileges[0].path, `/cloudartifact/v5/repositories/${EXAMPLE.projectId}/${EXAMPLE.repoId}/privileges`);
  });

  it('shows roles without permissions as "No permissions" and unknown operations verbatim', async () => {
    const repo = byLabel(await children(), 'maven-release');
    const roles = await children(repo);
    assert.deepEqual(labels(roles), ['Project manager', 'Developer', 'Tester', 'System engineer', 'Viewer', 'Release captain', 'Users']);

    const viewer = byLabel(roles, 'Viewer');
    assert.equal(viewer.description, 'No permissions');
    const none = await children(viewer);
    assert.deepEqual(labels(none), ['No permissions']);
    assert.ok(none[0].iconPath instanceof vscode.ThemeIcon && none[0].iconPath.color?.id === 'disabledForeground', 'muted');

    // Developer: the repo object with empty operations grants nothing, only the component object shows.
    assert.deepEqual(labels(await children(byLabel(roles, 'Developer'))), ['Artifacts in repository maven-release']);
    assert.deepEqual(labels(await children(byLabel(roles, 'System engineer'))), ['All repositories']);

    const [captainObject] = await children(byLabel(roles, 'Release captain'));
    assert.equal(label(captainObject), 'All artifacts');
    const ops = await children(captainObject);
    assert.deepEqual(labels(ops), ['Download/View a package', 'Export', 'promote']);
    assert.equal(ops[2].description, 'unknown operation');
    assert.equal(ops[0].description, undefined);

    // operations_index is kept for debugging in the tooltip only.
    const [testerObject] = await children(byLabel(roles, 'Tester'));
    assert.match(String(testerObject.tooltip), /operations_index: \[0,1\]/);
    const shown = [...roles, testerObject, ...ops].flatMap((i) => [label(i), String(i.description ?? '')]).join('\n');
    assert.doesNotMatch(shown, /operations_index|\[0,1\]/);
  });

  it('lists the users of a repository with their role and privilege', async () => {
    const repo = byLabel(await children(), 'maven-release');
    const users = await children(byLabel(await children(repo), 'Users'));
    assert.equal(users.length, 12);
    const pm = byLabel(users, 'zhangwei_pm');
    assert.match(String(pm.description), /^Project manager · /);
    assert.match(String(pm.description), /Upload a package/);
    const [request] = huaweiRequests('ListProjectUsers');
    assert.equal(request.path, `/cloudartifact/v5/projects/${FAKE_HUAWEI.codeartsProjectId}/users`);
    assert.match(request.query, new RegExp(`repo_id=${encodeURIComponent(MAVEN_RELEASE)}`));
    assert.deepEqual(request.page, { pageNo: 1, pageSize: 100 });

    // Copy ID (inline and in the row's context menu): the IAM user id the fake lists for that member.
    await vscode.commands.executeCommand(COPY_USER_ID_COMMAND, pm);
    const member = server.huawei.members.get(FAKE_HUAWEI.codeartsProjectId)?.find((m) => m.user_name === 'zhangwei_pm');
    assert.ok(member);
    assert.equal(await ui.clipboard.readText(), member.user_id);
  });

  it('pages repositories and users by 100 with "Load more…", asking for page_no 1 then 2', async () => {
    // The seed has 21 repositories and 12 members, pages hold 100: add clones for this test only, removed again below.
    const data = server.huawei;
    const template = data.repositories.find((r) => r.name === MAVEN_RELEASE)!;
    const clones = Array.from({ length: 90 }, (_, i) => ({
      ...template,
      id: `clone${i}`,
      name: `${template.name}_clone${i}`,
      repositoryName: `zz-clone-${i}`,
      displayName: `zz-clone-${i}`,
    }));
    const members = data.members.get(FAKE_HUAWEI.codeartsProjectId)!;
    const memberClones = Array.from({ length: 95 }, (_, i) => ({
      ...members[0],
      user_id: `m${i}`.padStart(32, '0'),
      user_name: `member_${i}`,
    }));
    data.repositories.push(...clones);
    members.push(...memberClones);
    try {
      await refresh();
      let root = await children();
      assert.equal(root.filter((i) => i.contextValue === REPOSITORY_CONTEXT).length, 100);
      const more = root[root.length - 1];
      assert.equal(label(more), 'Load more…');
      assert.equal(more.description, '100 of 111');
      await vscode.commands.executeCommand(more.command!.command, ...(more.command!.arguments ?? []));
      root = await children();
      assert.equal(root.filter((i) => i.contextValue === REPOSITORY_CONTEXT).length, 111);
      assert.ok(!root.some((i) => i.contextValue === 'coscene.loadMore'));
      const pages = [
        { pageNo: 1, pageSize: 100 },
        { pageNo: 2, pageSize: 100 },
      ];
      assert.deepEqual(
        huaweiRequests('ListAllRepositories').map((r) => r.page),
        pages,
      );

      const usersNode = byLabel(await children(byLabel(root, 'maven-release')), 'Users');
      let users = await children(usersNode);
      assert.equal(users.length, 101);
      const moreUsers = users[100];
      assert.equal(moreUsers.description, '100 of 107');
      await vscode.commands.executeCommand(moreUsers.command!.command, ...(moreUsers.command!.arguments ?? []));
      users = await children(usersNode);
      assert.equal(users.length, 107);
      assert.equal(new Set(labels(users)).size, 107, 'no user twice');
      assert.deepEqual(
        huaweiRequests('ListProjectUsers').map((r) => r.page),
        pages,
      );
    } finally {
      data.repositories.splice(data.repositories.length - clones.length, clones.length);
      members.splice(members.length - memberClones.length, memberClones.length);
      await refresh();
    }
  });

  it('searches repositories by name, shows the filter in the view description, and clears it', async () => {
    await search('docker');
    const listed = (await children()).filter((i) => i.contextValue === REPOSITORY_CONTEXT);
    assert.deepEqual(labels(listed).sort(), ['docker-base-images', 'docker-robotics']);
    assert.match(huaweiRequests('ListAllRepositories')[0].query, /(^|&)qname=docker(&|$)/);
    assert.equal(feature.viewDescription(), 'Search: docker');

    await search('');
    assert.equal((await children()).filter((i) => i.contextValue === REPOSITORY_CONTEXT).length, 21);
    assert.notEqual(feature.viewDescription(), 'Search: docker');
  });

  it('rejects an invalid project ID in "Add Repository by ID" before sending anything', async () => {
    const before = labels(await children());
    resetFake();
    // The project ID box refuses it; the user gives up (Escape): no repository ID is asked for.
    await addRepository(['ABC-not-32', undefined]);
    assert.deepEqual(ui.validationMessages, [INVALID_PROJECT_ID]);
    ui.assertAllAnswered();
    assert.deepEqual(huaweiRequests(), []);
    assert.deepEqual(labels(await children()), before);
  });

  it('removes a repository that was added by ID', async () => {
    await addRepository(EXAMPLE.projectId, MAVEN_RELEASE);
    const added = (await children()).filter((i) => i.contextValue === ADDED_REPOSITORY_CONTEXT);
    assert.deepEqual(labels(added), [EXAMPLE.repoId, MAVEN_RELEASE]);
    await vscode.commands.executeCommand(REMOVE_REPOSITORY_COMMAND, added[1]);
    assert.deepEqual(labels((await children()).filter((i) => i.contextValue === ADDED_REPOSITORY_CONTEXT)), [EXAMPLE.repoId]);
  });

  it('renders the permission matrix of a repository: one row per role, a ✓ per granted operation', async () => {
    await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, await exampleNode());
    const shown = feature.matrix.last;
    assert.ok(shown, 'nothing rendered');
    assert.equal(shown.repo.repoId, EXAMPLE.repoId);
    assert.deepEqual(
      shown.matrix.rows.map((r) => r.roleLabelEn),
      ['System engineer', 'Project manager'],
    );
    assert.deepEqual([...shown.matrix.rows[0].granted].sort(), [
      'downloadorview',
      'editrepository',
      'export',
      'import',
      'physicdelete',
      'restore',
      'upload',
    ]);
    assert.equal(shown.matrix.rows[1].granted.size, 12);

    const html = shown.html;
    assert.equal((html.match(/<tr><th scope="row"/g) ?? []).length, 2);
    assert.equal((html.match(/✓/g) ?? []).length, 19);
    assert.match(html, /aria-label="System engineer: Upload a package granted"/);
    assert.match(html, />Repository management</);
    assert.match(html, />Components</);
    assert.match(html, /default-src 'none'|default-src &#39;none&#39;/);

    const markdown = feature.matrix.exportText('markdown') ?? '';
    assert.match(markdown, /^\| Role \| Create a repository \|/);
    assert.match(markdown, /\n\| System engineer \| {2}\| ✓ \|/);
    const csv = feature.matrix.exportText('csv') ?? '';
    assert.equal(csv.split('\r\n').filter(Boolean).length, 3);
  });

  it('copies the matrix to the clipboard as CSV (the window the tests answer through has the clipboard)', async () => {
    await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, await exampleNode());
    await feature.matrix.copy('csv');
    assert.equal(await ui.clipboard.readText(), feature.matrix.exportText('csv'));
    assert.deepEqual(ui.messages('info'), [vscode.l10n.t('Copied the permission matrix as CSV.')]);
  });

  it('Save… writes the matrix as Markdown or CSV, by the file name chosen', async () => {
    await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, await exampleNode());
    const dir = makeTempDir('matrix-save-');
    try {
      const file = vscode.Uri.file(path.join(dir, 'matrix.csv'));
      ui.saveAs(file);
      assert.equal((await feature.matrix.save())?.fsPath, file.fsPath);
      assert.equal(fs.readFileSync(file.fsPath, 'utf8'), feature.matrix.exportText('csv'));
      assert.match(ui.asked.at(-1)?.offered[0] ?? '', /\/permissions-[^/]+\.md$/, 'Markdown is offered first');
      ui.assertAllAnswered();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows 403 CR.4102 as an error in the tree with the right message and actions', async () => {
    await addRepository(FAKE_HUAWEI.forbiddenProjectId, EXAMPLE.repoId);
    const repo = (await children()).find((i) => label(i) === EXAMPLE.repoId && String(i.tooltip).includes(FAKE_HUAWEI.forbiddenProjectId));
    assert.ok(repo);
    const [error, users] = await children(repo);
    assert.equal(error.contextValue, 'coscene.error');
    assert.match(label(error), /no permission on this CodeArts project/);
    assert.match(label(error), /CR\.4102/);
    assert.deepEqual(labels(await children(error)), ['Retry', 'Show Logs']);
    // Copy Error: the message shown, then the status, code and the ids a support ticket needs.
    await vscode.commands.executeCommand(COPY_ERROR, error);
    const copied = (await ui.clipboard.readText()).split('\n');
    assert.equal(copied[0], label(error));
    assert.match(copied[1], /^HTTP 403 CR\.4102$/);
    assert.ok(
      copied.some((line) => /^trace_id: \S+$/.test(line) || /^X-Request-Id: \S+$/.test(line)),
      copied.join(' | '),
    );
    assert.equal(label(users), 'Users');
    await vscode.commands.executeCommand(REMOVE_REPOSITORY_COMMAND, repo);
  });

  it('recognises the DEV. prefixed CR.4102 on HTTP 400 the same way', async () => {
    server.faults.add({ kind: 'huawei-error', errorCode: 'DEV.CR.4102', match: { procedure: 'ShowRepositoryRolesPrivilege' } });
    await refresh();
    const [error] = await children(await exampleNode());
    assert.match(label(error), /no permission on this CodeArts project.*DEV\.CR\.4102/);
  });

  it('shows a gateway 401 as an error with a Sign In action, and Retry recovers', async () => {
    server.faults.add({ kind: 'huawei-error', errorCode: 'APIGW.0301', match: { procedure: 'ShowRepositoryRolesPrivilege' } });
    await refresh();
    const repo = await exampleNode();
    const [error] = await children(repo);
    assert.match(label(error), /did not accept your credentials/);
    assert.match(label(error), /APIGW\.0301/);
    const actions = await children(error);
    assert.ok(labels(actions).includes('Sign In…'));
    assert.equal(byLabel(actions, 'Sign In…').command?.command, SIGN_IN_COMMAND);

    const retry = byLabel(actions, 'Retry').command!;
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.deepEqual(labels(await children(repo)), ['System engineer', 'Project manager', 'Users']);
  });

  it('signs in with an access key pair (AK/SK) and shows the same tree', async () => {
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
    assert.deepEqual(await children(), [], 'signed out: the welcome view again');
    resetFake();
    assert.deepEqual(await signIn(AKSK_SIGN_IN), []);
    assert.equal(huaweiRequests('KeystoneListProjects').length, 1, 'the IAM project id is resolved once');
    const names = labels(await children());
    assert.ok(names.includes('maven-release') && names.includes(EXAMPLE.repoId));
    assert.deepEqual(labels(await children(await exampleNode())), ['System engineer', 'Project manager', 'Users']);
    const [request] = huaweiRequests('ShowRepositoryRolesPrivilege');
    assert.match(
      request.headers.authorization,
      /^SDK-HMAC-SHA256 Access=HPUAFAKEACCESSKEY001, SignedHeaders=[^,]*x-sdk-date[^,]*, Signature=[0-9a-f]{64}$/,
    );
    assert.equal(request.headers['x-project-id'], FAKE_HUAWEI.iamProjectId);
    assert.equal(request.headers['x-auth-token'], undefined);
  });

  it('signs in with a temporary access key and its security token', async () => {
    assert.deepEqual(
      await signIn({ ...AKSK_SIGN_IN, ak: FAKE_HUAWEI.tempAk, sk: FAKE_HUAWEI.tempSk, securityToken: FAKE_HUAWEI.securityToken }),
      [],
    );
    assert.deepEqual(labels(await children(await exampleNode())), ['System engineer', 'Project manager', 'Users']);
    assert.equal(huaweiRequests('ShowRepositoryRolesPrivilege')[0].headers['x-security-token'], FAKE_HUAWEI.securityToken);
  });

  it('explains a clock-skew rejection and offers Retry', async () => {
    skewMs = 20 * 60 * 1000;
    await refresh();
    const root = await children();
    const error = root.find((i) => i.contextValue === 'coscene.error');
    assert.ok(error, `no error among ${JSON.stringify(labels(root))}`);
    assert.match(label(error), /your system clock is 20 min behind Huawei Cloud.*Set your system clock/);
    assert.deepEqual(labels(await children(error)), ['Retry', 'Show Logs']);
    skewMs = 0;
    await refresh();
    assert.ok(labels(await children()).includes('maven-release'));
  });

  it('renews an IAM token that is about to expire with the stored password', async () => {
    skewMs = -23.5 * 60 * 60 * 1000; // the fake issues a token that expires in 30 minutes
    assert.deepEqual(await signIn(PASSWORD_SIGN_IN), []);
    const firstToken = huaweiRequests('KeystoneCreateUserTokenByPassword').length;
    assert.equal(firstToken, 1);
    assert.ok(labels(await children()).includes('maven-release'));
    const tokenRequests = huaweiRequests('KeystoneCreateUserTokenByPassword');
    assert.equal(tokenRequests.length, 2, 'renewed before listing, without asking');
    const [list] = huaweiRequests('ListAllRepositories');
    const issued = huaweiRequests()
      .filter((r) => r.headers['x-auth-token'])
      .map((r) => r.headers['x-auth-token']);
    assert.equal(new Set(issued).size, 1);
    assert.ok(list.timeMs >= tokenRequests[1].timeMs);
  });

  it('keeps the password, token and secret key out of settings, globalState and files', async function () {
    this.timeout(60_000); // the disk scan waits for its control to reach the state stores
    assert.deepEqual(await signIn(PASSWORD_SIGN_IN), []);
    // As a new window would: read the split credentials (globalState + SecretStorage) back.
    await feature.session.reload();
    assert.equal(feature.session.isSignedIn(), true);
    assert.deepEqual(labels(await children(await exampleNode())), ['System engineer', 'Project manager', 'Users']);
    const token = huaweiRequests().find((r) => r.headers['x-auth-token'])?.headers['x-auth-token'];
    assert.ok(token, 'a token was used');
    // What the fake knows at the time of asking: the password, every SK and security token, and every IAM token
    // it has issued during this suite (not only the one in use now).
    const secrets = () => huaweiSecrets(server.huawei);
    assert.ok(Object.values(secrets()).includes(token), 'the token in use is among those the fake issued');
    assert.ok(Object.values(secrets()).includes(FAKE_HUAWEI.tempSk), 'the temporary SK is among the secrets');
    const settings = JSON.stringify(vscode.workspace.getConfiguration().inspect('coscene'));
    const state = JSON.stringify(Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)])));
    for (const [name, secret] of Object.entries(secrets())) {
      assert.ok(!settings.includes(secret), `${name} in settings`);
      assert.ok(!state.includes(secret), `${name} in globalState`);
    }
    assert.ok(state.includes(FAKE_HUAWEI.codeartsProjectId), 'the CodeArts project ID (not secret) is kept in globalState');
    // Files: logs, settings, globalStorage, state.vscdb, TMPDIR, and the browser's Local Storage and IndexedDB, after a
    // planted control proved the scan finds a value in a file and in the extension's storage.
    await assertNoSecretOnDisk(secrets);
  });
});
