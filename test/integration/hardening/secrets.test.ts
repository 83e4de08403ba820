import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { profileKey } from '../../../src/core/profiles/selection';
import type { ProfileService } from '../../../src/vscode/profiles/profileService';
import type { PermissionsTestApi } from '../../../src/vscode/permissions';
import {
  ADD_REPOSITORY_COMMAND,
  ADDED_REPOSITORY_CONTEXT,
  PERMISSIONS_VIEW_ID,
  REFRESH_COMMAND,
  REMOVE_REPOSITORY_COMMAND,
  SHOW_MATRIX_COMMAND,
} from '../../../src/vscode/permissions/keys';
import type { RegistryFeatureApi } from '../../../src/vscode/registry';
import {
  CREDENTIAL_DOCUMENT_SCHEME as CREDENTIAL_SCHEME,
  REGISTRY_CREATE_CREDENTIAL,
  REGISTRY_FORGET_CREDENTIAL,
  REGISTRY_LOGIN,
  REGISTRY_LOGOUT,
} from '../../../src/vscode/registry/keys';
import { FAKE_COSCENE, FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { recordNotifications, NotificationRecorder } from '../helpers/canaryNotifications';
import { restoreUi, ScriptedUi, scriptUi } from '../helpers/scriptedUi';
import { USERS_COMMAND } from '../../../src/vscode/users/keys';
import {
  assertProcessWatch,
  canary,
  growingNeedles,
  Needle,
  needlesFor,
  ProcessWatch,
  scanDiskWithControl,
  scanText,
  STATE_STORE,
  watchProcesses,
} from '../helpers/canaryScan';
import { huaweiSecrets, issuedIamTokens } from '../../fake/huawei/secrets';
import { readyFeatures } from '../helpers/features';
import { signInThroughUi } from '../helpers/huaweiSignIn';
import { addProfile, removeProfile, setToken, switchProfile } from '../helpers/profileCommands';
import { extensionApi, listFiles, makeTempDir, waitUntil } from '../helpers/profileFixtures';
import { containerClientMissingReason, findContainerClient } from '../helpers/containerClient';
import { registryUnavailableReason, RegistryServer, startRegistryServer } from '../helpers/registryServer';
import { skipBecause } from '../../support/mochaRunner';

type Item = vscode.TreeItem;

// The canaries. The IAM password holds characters JSON escapes, so its JSON form differs from the raw one.
const COS_TOKEN = canary('cos-token');
const COS_BAD_TOKEN = canary('cos-rejected-token');
const IAM_PASSWORD = canary('iam-password', '"\\q/+ &');
const AK = canary('ak').toUpperCase();
const SK = canary('sk');
const TEMP_AK = canary('temp-ak').toUpperCase();
const TEMP_SK = canary('temp-sk');
const SECURITY_TOKEN = canary('security-token');
const REGISTRY = [1, 2, 3, 4].map((i) => ({
  username: `cr-canary-${i}-${canary('u').slice(9, 17).toLowerCase()}`,
  password: canary(`registry-password-${i}`),
}));
/** Not a secret: a profile name shown in the log, notifications and globalState, to prove the in-memory scanners can fail. */
const PLANTED = canary('planted');

const PROFILE = `canary-${PLANTED}`;
/** The registry client the test sets: a wrapper that lives long enough for the /proc watcher to see it. */
const SLOW_CLIENT = 'coscene-slow-docker';

function label(item: Item): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function itemText(item: Item): string {
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
  const args = (item.command?.arguments ?? []).filter((a): a is string => typeof a === 'string');
  return [label(item), String(item.description ?? ''), tooltip, item.command?.command ?? '', ...args].join('\n');
}

describe('secret canaries', function () {
  this.timeout(240_000);
  let server: FakeServer;
  let registry: RegistryServer | undefined;
  let registrySkipped: string | undefined;
  let profiles: ProfileService;
  let permissions: PermissionsTestApi;
  let feature: RegistryFeatureApi;
  let notifications: NotificationRecorder;
  let watch: ProcessWatch;
  let exportDir: string;
  let dockerConfig: string;
  let previousDockerConfig: string | undefined;
  let wrapperDir: string;
  const previous: Record<string, unknown> = {};
  /** Text of every tree item, details document, command result… seen during the run, by place. */
  const buffers = new Map<string, string>();
  /** The secrets: the canaries, and what the fake holds or has issued so far (IAM tokens join as they are issued). */
  let secretNeedles: () => readonly Needle[];
  const remember = (place: string, text: string): void => void buffers.set(place, `${buffers.get(place) ?? ''}\n${text}`);

  const SETTINGS: [string, string][] = [
    ['coscene.huawei', 'endpoint'],
    ['coscene.huawei', 'iamEndpoint'],
    ['coscene.registry', 'host'],
    ['coscene.registry', 'client'],
    ['coscene.registry', 'credentialLifetimeMinutes'],
  ];
  const setGlobal = (section: string, key: string, value: unknown) =>
    vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);

  async function walk(place: string, tree: vscode.TreeDataProvider<Item>, maxDepth: number, limit = 400): Promise<Item[]> {
    const all: Item[] = [];
    const visit = async (parent: Item | undefined, depth: number): Promise<void> => {
      const children = ((await tree.getChildren(parent)) ?? []) as Item[];
      for (const child of children) {
        if (all.length >= limit) return;
        all.push(child);
        // What a hover shows too: VS Code resolves a missing tooltip (users) through resolveTreeItem.
        const token = new vscode.CancellationTokenSource().token;
        const shown = child.tooltip === undefined ? ((await tree.resolveTreeItem?.(child, child, token)) ?? child) : child;
        remember(place, itemText(shown));
        const expandable = child.collapsibleState !== undefined && child.collapsibleState !== vscode.TreeItemCollapsibleState.None;
        if (expandable && depth < maxDepth) await visit(child, depth + 1);
      }
    };
    await visit(undefined, 0);
    return all;
  }

  before(async function () {
    server = await startFakeServer({ registryCredentials: REGISTRY });
    // The fake accepts the canaries as real credentials.
    const admin = FAKE_COSCENE.adminUserName.slice('users/'.length);
    server.coscene.apiKeys.set(COS_TOKEN, admin);
    server.huawei.iamUser.password = IAM_PASSWORD;
    // Only the canary keys: the seeded ones are constants that other runs on this machine carry (the demo's sign-in is
    // in its code-server's environment), and everything the fake holds is searched for (huaweiSecrets).
    server.huawei.accessKeys.clear();
    server.huawei.accessKeys.set(AK, { sk: SK });
    server.huawei.accessKeys.set(TEMP_AK, { sk: TEMP_SK, securityToken: SECURITY_TOKEN });

    registrySkipped = registryUnavailableReason() ?? containerClientMissingReason('docker');
    // The registry knows the first three credentials; the fourth is rejected (an error path). Its helper
    // (htpasswd) gets the passwords in argv, so it runs before the process watcher starts.
    if (!registrySkipped) registry = await startRegistryServer(REGISTRY.slice(0, 3));

    ({ profiles, permissions, registry: feature } = await readyFeatures());

    for (const [section, key] of SETTINGS)
      previous[`${section}.${key}`] = vscode.workspace.getConfiguration(section).inspect(key)?.globalValue;
    await setGlobal('coscene.huawei', 'endpoint', server.url);
    await setGlobal('coscene.huawei', 'iamEndpoint', server.url);
    exportDir = makeTempDir('canary-export-');
    dockerConfig = makeTempDir('canary-docker-');
    previousDockerConfig = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = dockerConfig;
    // A client wrapper that lives long enough for the /proc watcher to see it, then runs docker.
    wrapperDir = makeTempDir('canary-client-');
    const wrapper = path.join(wrapperDir, SLOW_CLIENT);
    fs.writeFileSync(wrapper, `#!/bin/sh\nsleep 0.4\nexec ${findContainerClient('docker')} "$@"\n`, { mode: 0o755 });
    if (registry) {
      await setGlobal('coscene.registry', 'host', registry.host);
      await setGlobal('coscene.registry', 'client', wrapper);
      await setGlobal('coscene.registry', 'credentialLifetimeMinutes', 30);
    }
    await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
    await vscode.commands.executeCommand('coscene.huawei.signOut');

    secretNeedles = growingNeedles(() => huaweiSecrets(server.huawei), fixedNeedles());
    notifications = recordNotifications();
    // From here on every process's argv and environment, against a needle list that grows as the fake issues tokens.
    watch = watchProcesses(() => secretNeedles(), new RegExp(`/${SLOW_CLIENT} (login \\S+ --username \\S+ --password-stdin|logout \\S+)$`));
  });

  after(async () => {
    notifications?.restore();
    await watch?.stop();
    await restoreUi();
    // The example repository added by ID, removed from its tree item (listed while signed in).
    const permissionsRoot = ((await permissions?.tree.getChildren()) ?? []) as Item[];
    for (const node of permissionsRoot.filter(
      (i) => i.contextValue === ADDED_REPOSITORY_CONTEXT && label(i) === FAKE_HUAWEI.exampleRepo.repoId,
    ))
      await vscode.commands.executeCommand(REMOVE_REPOSITORY_COMMAND, node);
    await vscode.commands.executeCommand('coscene.huawei.signOut');
    await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
    if (profiles?.list().some((p) => p.name === PROFILE)) await removeProfile(PROFILE).catch(() => undefined);
    for (const [section, key] of SETTINGS) await setGlobal(section, key, previous[`${section}.${key}`]);
    if (previousDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = previousDockerConfig;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server?.close();
    await registry?.stop();
    for (const dir of [exportDir, dockerConfig, wrapperDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The canaries; the IAM password, SKs, security tokens and IAM tokens come from the fake (huaweiSecrets). */
  function fixedNeedles(): Needle[] {
    const registryNeedles = REGISTRY.flatMap((c, i) =>
      needlesFor(`registry password ${i + 1}`, c.password, {
        'base64 user:password': Buffer.from(`${c.username}:${c.password}`).toString('base64'),
      }),
    );
    return [
      ...needlesFor('coScene token', COS_TOKEN),
      ...needlesFor('rejected coScene token', COS_BAD_TOKEN),
      ...needlesFor('AK', AK),
      ...needlesFor('temporary AK', TEMP_AK),
      ...registryNeedles,
    ];
  }
  function allNeedles(): Needle[] {
    return [...secretNeedles(), ...needlesFor('PLANTED', PLANTED)];
  }

  /** Runs a users command with its questions answered by `answer`; what it showed is remembered for the scan. */
  async function usersCommand(command: string, answer: (ui: ScriptedUi) => unknown): Promise<ScriptedUi> {
    const ui = await scriptUi();
    answer(ui);
    try {
      await vscode.commands.executeCommand(command);
    } finally {
      await restoreUi();
    }
    ui.shown.forEach((m) => remember(`notification from ${command}`, [m.message, ...m.actions].join(' | ')));
    return ui;
  }
  const activeText = () => vscode.window.activeTextEditor?.document.getText() ?? '';

  it('coScene: add a profile, switch, list users and roles (trees expanded), details, get user, export', async () => {
    await addProfile({ name: PROFILE, endpoint: server.url, project: 'mcap', token: COS_TOKEN });
    assert.ok(
      profiles.list().some((p) => p.source === 'extension' && p.name === PROFILE),
      'the canary profile was added',
    );
    await switchProfile(PROFILE, 'extension');
    await waitUntil(() => profiles.current()?.name === PROFILE, 'the canary profile to become active');
    const api = await extensionApi();
    const org = await walk('Organization Users view', api.trees.get('coscene.orgUsers') as vscode.TreeDataProvider<Item>, 1, 120);
    assert.ok(
      org.some((i) => i.contextValue === 'coscene.user'),
      'users were listed with the canary token',
    );
    await walk('Project Users view', api.trees.get('coscene.projectUsers') as vscode.TreeDataProvider<Item>, 1, 120);
    const roles = await walk('Roles view', api.trees.get('coscene.roles') as vscode.TreeDataProvider<Item>, 2);
    const user = org.find((i) => i.contextValue === 'coscene.user')!;
    await vscode.commands.executeCommand(USERS_COMMAND.showUserDetails, user);
    remember('user details document', activeText());
    const role = roles.find((i) => i.contextValue?.startsWith('coscene.role'));
    if (role) {
      await vscode.commands.executeCommand(USERS_COMMAND.showRoleDetails, role);
      remember('role details document', activeText());
    }
    await usersCommand(USERS_COMMAND.getUser, (ui) => ui.input(''));
    assert.ok(activeText().includes(FAKE_COSCENE.adminUserName), 'coscene.user.get opened the current user');
    remember('get user document', activeText());
    const usersFile = path.join(exportDir, 'users.json');
    const saveTo = (ui: ScriptedUi, file: string) => ui.pick(vscode.l10n.t('Save to File…')).saveAs(vscode.Uri.file(file));
    await usersCommand(USERS_COMMAND.exportUsers, (ui) =>
      saveTo(
        ui
          .pick((i) => i.scope === 'organization')
          .pick(vscode.l10n.t('All roles'))
          .pick('json'),
        usersFile,
      ),
    );
    const exported = { count: (JSON.parse(fs.readFileSync(usersFile, 'utf8')) as { users: unknown[] }).users.length };
    assert.ok(exported.count > 100, 'every user exported');
    await usersCommand(USERS_COMMAND.exportUsers, (ui) =>
      ui
        .pick((i) => i.scope === 'project')
        .pick(vscode.l10n.t('All roles'))
        .pick('csv')
        .pick(vscode.l10n.t('Open in a New Editor')),
    );
    const untitled = vscode.window.activeTextEditor?.document;
    assert.ok(untitled?.isUntitled, 'the export opened in a new editor');
    remember('export to editor', untitled.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await usersCommand(USERS_COMMAND.exportRoles, (ui) => saveTo(ui.pick('yaml'), path.join(exportDir, 'roles.yaml')));
    remember('command results', JSON.stringify({ exported }));
  });

  it('coScene error paths: a rejected canary token (401) and a 500 that echoes the token', async () => {
    const api = await extensionApi();
    const orgTree = api.trees.get('coscene.orgUsers') as vscode.TreeDataProvider<Item>;
    assert.equal(profiles.current()?.name, PROFILE, 'Set Token is for the active (canary) profile');
    await setToken(COS_BAD_TOKEN);
    await vscode.commands.executeCommand(USERS_COMMAND.refresh);
    const rejected = await walk('Organization Users view (401)', orgTree, 0);
    assert.ok(
      rejected.some((i) => i.contextValue === 'coscene.error'),
      `an error node after the 401: ${rejected.map(label).join(', ')}`,
    );
    assert.ok((await usersCommand(USERS_COMMAND.getUser, (ui) => ui.input(''))).messages('error').length > 0, 'Get User failed');
    assert.ok(
      server.stats.requests.some((r) => r.headers.authorization === `Basic ${Buffer.from(`apikey:${COS_BAD_TOKEN}`).toString('base64')}`),
      'the rejected token was sent',
    );

    await setToken(COS_TOKEN);
    const echo = `internal failure for Authorization: Basic ${Buffer.from(`apikey:${COS_TOKEN}`).toString('base64')} token=${COS_TOKEN} "${COS_TOKEN}"`;
    server.faults.add({
      kind: 'connect-error',
      code: 'internal',
      httpStatus: 500,
      message: echo,
      times: Infinity,
      match: { api: 'coscene' },
    });
    try {
      await vscode.commands.executeCommand(USERS_COMMAND.refresh);
      const failed = await walk('Organization Users view (500)', orgTree, 0);
      assert.ok(
        failed.some((i) => i.contextValue === 'coscene.error'),
        `an error node after the 500: ${failed.map(label).join(', ')}`,
      );
      assert.ok((await usersCommand(USERS_COMMAND.getUser, (ui) => ui.input(''))).messages('error').length > 0, 'Get User failed');
      // The export fails reading the roles to offer, right after the scope.
      const exportFailed = await usersCommand(USERS_COMMAND.exportUsers, (ui) => ui.pick((i) => i.scope === 'organization'));
      assert.ok(exportFailed.messages('error').length > 0, 'Export Users failed');
    } finally {
      server.faults.clear();
    }
    await vscode.commands.executeCommand(USERS_COMMAND.refresh);
    assert.ok(
      (await walk('Organization Users view', orgTree, 0)).some((i) => i.contextValue?.startsWith('coscene.userGroup')),
      'listing works again',
    );
  });

  it('Huawei Cloud: password and AK/SK sign-in, permissions tree, matrix, and 401/500 answers', async () => {
    const api = await extensionApi();
    const tree = api.trees.get(PERMISSIONS_VIEW_ID) as vscode.TreeDataProvider<Item>;
    const base = { region: FAKE_HUAWEI.region, codeartsProjectId: FAKE_HUAWEI.codeartsProjectId };
    const password = { method: 'password', userName: FAKE_HUAWEI.iamUser, domainName: FAKE_HUAWEI.domainName, ...base } as const;
    // Answers the sign-in's and Add Repository's questions.
    const ui = await scriptUi();
    // A wrong password first (IAM answers 401), then the canary one.
    assert.equal((await signInThroughUi(ui, { ...password, password: `${IAM_PASSWORD}x` })).length, 1, 'the wrong password fails');
    assert.deepEqual(await signInThroughUi(ui, { ...password, password: IAM_PASSWORD }), []);
    ui.input(FAKE_HUAWEI.exampleRepo.projectId).input(FAKE_HUAWEI.exampleRepo.repoId);
    await vscode.commands.executeCommand(ADD_REPOSITORY_COMMAND);
    const items = await walk('Repository Permissions view (password)', tree, 3, 300);
    const example = items.find((i) => i.contextValue === ADDED_REPOSITORY_CONTEXT && label(i) === FAKE_HUAWEI.exampleRepo.repoId);
    assert.ok(example, 'the example repository was added');
    const repo = items.find((i) => label(i) === 'maven-release');
    assert.ok(repo, 'repositories listed');
    await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, repo);
    const shown = permissions.matrix.last;
    assert.ok(shown?.html && shown.repo.name === 'maven-release', 'matrix rendered');
    remember('permission matrix webview', shown.html);
    const issued = issuedIamTokens(server.huawei);
    assert.ok(
      server.stats.requests.some((r) => issued.includes(r.headers['x-auth-token'])),
      'an IAM token was issued and used',
    );

    // IAM token rejected (401) and a server failure (500) while the token is in flight.
    server.faults.add({ kind: 'huawei-error', errorCode: 'APIGW.0301', httpStatus: 401, match: { procedure: 'ListAllRepositories' } });
    await vscode.commands.executeCommand(REFRESH_COMMAND);
    await walk('Repository Permissions view (401)', tree, 0);
    // The server echoes what is in flight: the IAM token (and the password, for good measure).
    const inFlight = issued.at(-1);
    server.faults.add({
      kind: 'huawei-error',
      errorCode: 'CR.5000',
      httpStatus: 500,
      times: Infinity,
      message: `echo ${inFlight} ${IAM_PASSWORD}`,
      match: { api: 'huawei' },
    });
    await vscode.commands.executeCommand(REFRESH_COMMAND);
    await walk('Repository Permissions view (500)', tree, 0);
    await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, example);
    server.faults.clear();

    assert.deepEqual(await signInThroughUi(ui, { method: 'aksk', ak: AK, sk: SK, domainId: FAKE_HUAWEI.domainId, ...base }), []);
    await walk('Repository Permissions view (AK/SK)', tree, 2, 200);
    assert.deepEqual(
      await signInThroughUi(ui, {
        method: 'aksk',
        ak: TEMP_AK,
        sk: TEMP_SK,
        securityToken: SECURITY_TOKEN,
        domainId: FAKE_HUAWEI.domainId,
        ...base,
      }),
      [],
    );
    const temp = await walk('Repository Permissions view (temporary AK/SK)', tree, 2, 200);
    assert.ok(temp.some((i) => label(i) === 'maven-release'));
    assert.ok(
      server.stats.requests.some((r) => r.headers['x-security-token'] === SECURITY_TOKEN),
      'the security token was sent',
    );
    remember('Repository Permissions view description', permissions.viewDescription() ?? '');
    // Sign in with the password again, so the session kept at the end holds a password and token.
    assert.deepEqual(await signInThroughUi(ui, { ...password, password: IAM_PASSWORD }), []);
    // What the scripted window was shown is searched like every other notification.
    remember('Huawei notifications (scripted UI)', ui.shown.map((m) => [m.message, ...m.actions].join('\n')).join('\n'));
    await restoreUi();
    await walk('Repository Permissions view (password again)', tree, 0);
    assert.ok(issuedIamTokens(server.huawei).length > issued.length, 'signing in again issued another IAM token');
    const secrets = Object.keys(huaweiSecrets(server.huawei));
    assert.ok(
      secrets.includes(`IAM token ${issuedIamTokens(server.huawei).length}`),
      `the last IAM token is among the secrets searched for: ${secrets.join(', ')}`,
    );
  });

  it('registry: login, credential as JSON (read-only, not on disk), copy username, logout, a rejected credential', async function () {
    if (!registry) skipBecause(this, `registry part: ${registrySkipped}`);
    const host = registry.host;
    const ui = await scriptUi();
    try {
      await vscode.commands.executeCommand(REGISTRY_LOGIN);
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(ui.shown));
      assert.equal(ui.shown.at(-1)?.message, vscode.l10n.t('Logged in to {0} as {1}', host, REGISTRY[0].username));

      // The user picks Open as JSON and confirms the "show the password?" modal.
      ui.pick(vscode.l10n.t('Open as JSON')).answerConfirm(vscode.l10n.t('Show Password'));
      await vscode.commands.executeCommand(REGISTRY_CREATE_CREDENTIAL);
      ui.assertAllAnswered();
      const doc = vscode.window.activeTextEditor?.document;
      assert.ok(doc, 'the credential document opened');
      assert.equal(doc.uri.scheme, CREDENTIAL_SCHEME);
      assert.ok(doc.getText().includes(JSON.stringify(REGISTRY[1].password)), 'the user asked to see the password');
      await vscode.commands.executeCommand('type', { text: 'typed' });
      assert.ok(!doc.getText().includes('typed'), 'the credential document is read-only');
      assert.equal(doc.isDirty, false);
      assert.equal(doc.isUntitled, false, 'an untitled document would offer to save the password');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      ui.pick(vscode.l10n.t('Copy Username'));
      await vscode.commands.executeCommand(REGISTRY_CREATE_CREDENTIAL);
      ui.assertAllAnswered();
      remember('clipboard', await ui.clipboard.readText());
      await vscode.commands.executeCommand(REGISTRY_LOGOUT);
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(ui.shown));
      assert.equal(ui.shown.at(-1)?.message, vscode.l10n.t('Logged out of {0}', host));
      await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
      await vscode.commands.executeCommand(REGISTRY_LOGIN);
      assert.equal(ui.messages('error').length, 1, 'the fourth credential is unknown to the registry');
      assert.match(feature.terminalText(), /401 Unauthorized/);
      remember('registry status bar', JSON.stringify(feature.statusBar()));
      // The client ran for the login and the logout: their command lines in the terminal (the /proc watcher reads the real ones).
      const commandLines = feature
        .terminalText()
        .split('\n')
        .filter((line) => line.startsWith('$ '));
      assert.ok(
        commandLines.some((l) => l.includes(` login ${host} `)) && commandLines.some((l) => l.endsWith(` logout ${host}`)),
        JSON.stringify(commandLines),
      );
    } finally {
      // What the user saw: the quick picks' titles (host, username), the modal, the notifications.
      remember('registry questions', JSON.stringify(ui.asked));
      remember('registry notices', JSON.stringify(ui.shown));
      await restoreUi();
    }
  });

  it('finds no canary in logs, settings, state, terminal, files, notifications, documents, views, or process argv and environment', async () => {
    const needles = allNeedles();
    const sandbox = process.env.COSCENE_TEST_TMP;
    assert.ok(sandbox, 'COSCENE_TEST_TMP is set by the runner');

    // 1. The log channel, as written to disk.
    const logFiles = await waitUntil(
      () => {
        const found = listFiles(path.join(sandbox, 'user-data', 'logs')).filter((f) => /coscene/i.test(f) && f.endsWith('.log'));
        return found.some((f) => fs.readFileSync(f, 'utf8').includes(`Added coScene profile "${PROFILE}"`)) ? found : undefined;
      },
      'the coScene log file on disk to show the profile added in this run',
      15_000,
    );

    // 2. Everything on disk: the sandbox (user-data-dir with settings, logs, globalStorage and state.vscdb;
    // HOME; DOCKER_CONFIG; TMPDIR and the XDG folders; the workspace; exports; code-server's log) and the workbench
    // browser's profile (code-server keeps globalState in its Local Storage / IndexedDB), after its planted control
    // (a file, and a value written through the extension's storage) was found. Unreadable or oversized files fail below.
    const disk = await scanDiskWithControl(needles);
    const report = disk.report;
    const browserFiles = report.places.filter((p) => disk.browserDirs.some((d) => p.startsWith(d))).length;
    const sandboxFiles = report.places.length - browserFiles;
    const stateStores = disk.stateStoreFiles.length;
    const browserDirs = disk.browserDirs;

    // Planted: prove the notification recorder finds what it looks for (the disk scan and the /proc watcher plant their own).
    // Sign Out of the canary profile (Accounts menu) names it in a notification; only now, so its token was stored during the disk scan.
    await (await extensionApi()).accounts.removeSession(profileKey('extension', PROFILE));

    // 4. In-memory places the user can see.
    scanText(report, `terminal "${vscode.l10n.t('coScene Container Registry')}"`, feature.terminalText(), needles);
    const globalState = (await extensionApi()).globalState;
    const state = Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)]));
    scanText(report, 'globalState (extension API)', JSON.stringify(state), needles);
    scanText(report, 'settings (inspect coscene)', JSON.stringify(vscode.workspace.getConfiguration().inspect('coscene')), needles);
    for (const [place, text] of buffers) scanText(report, place, text, needles);
    notifications.texts.forEach((t, i) => scanText(report, `notification ${i + 1}`, t, needles));
    const credentialDocs: vscode.TextDocument[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === CREDENTIAL_SCHEME) {
        credentialDocs.push(doc);
        // Only the password of the credential the user asked to see (its username names the document).
        const shown = REGISTRY.findIndex((c) => doc.uri.path.includes(c.username));
        const others = needles.filter((n) => !n.label.startsWith(`registry password ${shown + 1} `));
        scanText(report, `document ${doc.uri.toString()}`, doc.getText(), others);
      } else {
        scanText(report, `document ${doc.uri.toString()}`, doc.getText(), needles);
      }
    }
    for (const doc of credentialDocs) {
      assert.equal(doc.isDirty, false);
      assert.equal(doc.isUntitled, false);
      assert.notEqual(doc.uri.scheme, 'file');
    }
    const processes = await watch.stop();
    scanText(report, 'registry client argv (seen in /proc)', JSON.stringify(processes.expected), needles);

    const hits = [...report.hits, ...processes.hits];
    const plantedHits = hits.filter((h) => h.includes('PLANTED'));
    const secretHits = hits.filter((h) => !h.includes('PLANTED'));
    const places = report.searched + processes.pids;
    console.log(
      `    canary scan: ${places} places searched: ${sandboxFiles} sandbox files, ${browserFiles} browser profile files (${browserDirs.length} profiles), ` +
        `${logFiles.length} log files, ${stateStores} state store files (state.vscdb, Local Storage, IndexedDB; ${report.tables.length} LevelDB tables also decompressed), ${report.vanished.length} vanished while scanning, ${buffers.size} view/document buffers, ${notifications.texts.length} notifications (${notifications.patched ? 'observed' : 'NOT observable'}), ` +
        `${vscode.workspace.textDocuments.length} open documents, ${processes.pids} processes in ${processes.scans} /proc scans (${processes.expected.length} registry client runs seen; control seen in argv: ${processes.control.argv}, environment: ${processes.control.environ}); ` +
        `${needles.length} needle forms (${issuedIamTokens(server.huawei).length} IAM tokens issued); disk control found in ${disk.control.hits.length} places (state stores after ${disk.control.storageMs} ms); ` +
        `planted profile name found in ${plantedHits.length} places; secret hits: ${secretHits.length ? secretHits.join(' ; ') : 'none'}`,
    );
    console.log(`    planted canary found in: ${plantedHits.map((h) => h.replace(sandbox, '<sandbox>')).join(' ; ')}`);
    const plantedInStores = plantedHits.filter((h) => STATE_STORE.test(h.split(': ')[0]));
    console.log(
      `    planted canary in state stores: ${plantedInStores.length ? plantedInStores.map((h) => h.replace(sandbox, '<sandbox>')).join(' ; ') : 'none'}`,
    );
    // The controls prove the scanners work…
    for (const f of logFiles)
      if (fs.readFileSync(f, 'utf8').includes(PROFILE))
        assert.ok(
          plantedHits.some((h) => h.startsWith(f)),
          `the planted profile name found in the log ${f}`,
        );
    // Without the registry the client never ran, so its argv and terminal were not scanned: not clean.
    assert.ok(registry, `the registry part of the scan could not run: ${registrySkipped}`);
    assertProcessWatch(processes, `registry client (${SLOW_CLIENT} login … --password-stdin, logout …)`);
    assert.ok(
      processes.expected.some((argv) => / login \S+ --username /.test(argv)) &&
        processes.expected.some((argv) => / logout \S+$/.test(argv)),
      `the registry client ran for the login and the logout: ${JSON.stringify(processes.expected)}`,
    );
    assert.equal(notifications.patched, true, 'notifications could be observed');
    assert.ok(
      plantedHits.some((h) => h.startsWith('notification')),
      'the notification recorder saw the planted profile name',
    );
    assert.ok(
      plantedHits.some((h) => h.startsWith('globalState')),
      'the planted profile name is in globalState',
    );
    assert.deepEqual(report.unscanned, [], 'files that could not be searched are not clean');
    // …and no secret is anywhere.
    assert.deepEqual(secretHits, [], 'a secret canary was found');
  });
});
