import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RegistryFeatureApi } from '../../src/vscode/registry';
import {
  CREDENTIAL_DOCUMENT_SCHEME,
  REGISTRY_CREATE_CREDENTIAL,
  REGISTRY_FORGET_CREDENTIAL,
  REGISTRY_LOGIN,
  REGISTRY_LOGOUT,
  REGISTRY_SETTINGS_SECTION,
  REGISTRY_SHOW_ACTIONS,
} from '../../src/vscode/registry/keys';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../fake/server';
import { NotificationRecorder, recordNotifications } from './helpers/canaryNotifications';
import { assertNoSecretOnDisk, assertProcessWatch, ProcessWatch, secretNeedles, watchProcesses } from './helpers/canaryScan';
import { switchProfile } from './helpers/profileCommands';
import { CocliFile, cocliYaml, extensionApi, makeTempDir, useCocliFile, waitUntil } from './helpers/profileFixtures';
import { containerClientMissingReason, findContainerClient } from './helpers/containerClient';
import { registryUnavailableReason, RegistryServer, startRegistryServer } from './helpers/registryServer';
import { restoreUi, ScriptedUi, scriptUi, ShownMessage } from './helpers/scriptedUi';
import { skipBecause } from '../support/mochaRunner';

// The API hands these out in order; the registry knows only alice and carol. The passwords are this run's own: the
// /proc watcher sees every process on the machine, other test runs' included.
const RUN = randomBytes(6).toString('hex');
const ALICE = { username: 'cr-temp-alice', password: `Alice-registry-pw-${RUN}` };
const BOB = { username: 'cr-temp-bob', password: `Bob-unknown-pw-${RUN}` };
const CAROL = { username: 'cr-temp-carol', password: `Carol-registry-pw-${RUN}` };
const DAVE = { username: 'cr-temp-dave', password: `Dave-unknown-pw-${RUN}` };
const PASSWORDS = [ALICE.password, BOB.password, CAROL.password, DAVE.password];
const PASSWORD_NAMES = Object.fromEntries(PASSWORDS.map((p, i) => [`registry password ${i + 1}`, p]));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('container registry', function () {
  this.timeout(90_000);
  let registry: RegistryServer;
  let server: FakeServer;
  let cocli: CocliFile;
  let feature: RegistryFeatureApi;
  let dockerConfig: string;
  let previousDockerConfig: string | undefined;
  let ui: ScriptedUi;
  /** What the earlier tests' scripted windows showed (each test has its own window). */
  const shownEarlier: ShownMessage[] = [];
  /** Every process's argv and environment from the end of the first test (which has its own) to the password check. */
  let suiteWatch: ProcessWatch | undefined;

  const config = () => vscode.workspace.getConfiguration(REGISTRY_SETTINGS_SECTION);
  const setSetting = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);
  const login = () => vscode.commands.executeCommand(REGISTRY_LOGIN);
  const logout = () => vscode.commands.executeCommand(REGISTRY_LOGOUT);
  const createCredential = () => vscode.commands.executeCommand(REGISTRY_CREATE_CREDENTIAL);
  const loggedIn = (username: string) => vscode.l10n.t('Logged in to {0} as {1}', registry.host, username);
  const credentialTitle = (username: string) => vscode.l10n.t('Registry credential for {0}: username {1}', registry.host, username);
  const confirmations = () => ui.asked.filter((q) => q.kind === 'confirm');
  const registryTerminals = () => vscode.window.terminals.filter((t) => t.name === vscode.l10n.t('coScene Container Registry'));
  const auths = (): Record<string, unknown> => {
    const file = path.join(dockerConfig, 'config.json');
    return fs.existsSync(file) ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { auths?: Record<string, unknown> }).auths ?? {}) : {};
  };
  const credentialRequests = () => server.stats.requests.filter((r) => r.procedure === 'CreateBasicCredential').length;
  /** Notifications shown through VS Code's window (outside the scripted one: the hooks' commands). */
  let notifications: NotificationRecorder;
  /** The last notification the user was shown (the toast's text and severity), not the feature's own record. */
  const notice = () => ui.shown.at(-1);

  before(async function () {
    const reason = registryUnavailableReason() ?? containerClientMissingReason('docker');
    if (reason) skipBecause(this, reason);
    // Each connection held 1 s: a docker login lives long enough for the /proc watcher to see it on a loaded machine.
    registry = await startRegistryServer([ALICE, CAROL], { connectDelayMs: 1000 });
    // DAVE twice: one credential per Create Registry Credential, and the user copies one's username, opens the other.
    server = await startFakeServer({ registryCredentials: [ALICE, BOB, DAVE, DAVE, CAROL, ALICE, CAROL] });
    const api = await extensionApi();
    feature = api.registry;
    const profiles = api.profiles;
    await profiles.ready;
    cocli = await useCocliFile(
      cocliYaml('registry-test', [{ name: 'registry-test', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
    );
    await waitUntil(() => profiles.list().some((p) => p.source === 'cocli' && p.name === 'registry-test'), 'the test profile to load');
    await switchProfile('registry-test', 'cocli');
    await waitUntil(() => profiles.current()?.name === 'registry-test', 'the test profile to become active');

    // The runner starts the client with the extension host's environment.
    dockerConfig = makeTempDir('docker-config-');
    previousDockerConfig = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = dockerConfig;
    await setSetting('host', registry.host);
    await setSetting('client', undefined);
    await setSetting('credentialLifetimeMinutes', 30);
    await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
    notifications = recordNotifications();
    assert.ok(notifications.patched, 'notifications can be observed');
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    shownEarlier.push(...ui.shown);
    await restoreUi();
  });

  after(async () => {
    await suiteWatch?.stop();
    notifications?.restore();
    if (previousDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = previousDockerConfig;
    await setSetting('host', undefined);
    await setSetting('client', undefined);
    await setSetting('credentialLifetimeMinutes', undefined);
    await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
    await cocli?.restore();
    await server?.close();
    await registry?.stop();
    if (dockerConfig) fs.rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('logs in through the terminal with the password on stdin and docker stores the login', async () => {
    // Every process's argv and environment while the client runs; it must see the docker client itself.
    const watcher = watchProcesses(
      secretNeedles(PASSWORD_NAMES),
      new RegExp(`(^|/)docker login ${escape(registry.host)} --username ${ALICE.username} --password-stdin$`),
    );
    await login();
    const seen = await watcher.stop();
    // One watcher for the rest of the suite (two at once slow each other down: a short-lived client may slip by).
    suiteWatch = watchProcesses(secretNeedles(PASSWORD_NAMES), new RegExp(`(^|/)docker (login|logout) ${escape(registry.host)}( |$)`));
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    assert.equal(feature.login()?.username, ALICE.username);
    assert.ok(registry.host in auths(), `no auth entry for ${registry.host}: ${JSON.stringify(auths())}`);
    assertProcessWatch(seen, `"docker login" process`);
    assert.deepEqual(seen.hits, [], 'a process had a password in its argv or environment');

    assert.equal(notice()?.message, loggedIn(ALICE.username));
    const text = feature.terminalText();
    assert.ok(text.includes(`$ docker login ${registry.host} --username ${ALICE.username} --password-stdin\n`), text);
    assert.match(text, /Login Succeeded/);
    // docker warns on stderr that DOCKER_CONFIG holds the login unencrypted: shown, yet the login succeeded.
    assert.match(text, /WARNING! Your credentials are stored unencrypted/);
    assert.ok(text.includes(vscode.l10n.t('[exit code {0}]', '0')), text);
    assert.ok(registryTerminals().length > 0);
    // The status bar item: in the UI test (test/e2e/registry.test.ts), where the real status bar is visible.
    // The argv the client process really had (/proc/<pid>/cmdline): "docker" resolved from PATH, the password on stdin only.
    const docker = findContainerClient('docker');
    assert.deepEqual(seen.expected, [[docker, 'login', registry.host, '--username', ALICE.username, '--password-stdin'].join(' ')]);
  });

  it('reuses the stored credential within its lifetime and the same terminal', async () => {
    const before = credentialRequests();
    const terminals = registryTerminals().length;
    await login();
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    assert.equal(notice()?.message, loggedIn(ALICE.username));
    assert.equal(credentialRequests(), before, 'a new credential was requested');
    assert.equal(registryTerminals().length, terminals);
    assert.equal((await feature.storedCredential())?.username, ALICE.username);
  });

  it('the status item says who logged in when, and its click offers Log Out, Log In Again and Show Terminal', async () => {
    const item = feature.statusBar();
    assert.ok(item.visible);
    assert.equal(item.command, REGISTRY_SHOW_ACTIONS);
    assert.ok(item.text.includes(registry.host), item.text);
    assert.ok(item.tooltip.includes(registry.host) && item.tooltip.includes(ALICE.username), item.tooltip);
    // The login is seconds old (a slow machine: a minute or two).
    const ages = [
      vscode.l10n.t('Logged in just now'),
      vscode.l10n.t('Logged in 1 minute ago'),
      vscode.l10n.t('Logged in {0} minutes ago', 2),
    ];
    assert.ok(
      ages.some((age) => item.tooltip.includes(age)),
      item.tooltip,
    );

    ui.pick(vscode.l10n.t('Show Terminal'));
    await vscode.commands.executeCommand(REGISTRY_SHOW_ACTIONS);
    ui.assertAllAnswered();
    assert.deepEqual(
      ui.asked[0].offered.map((label) => label.replace(/^\$\([^)]*\)\s*/, '')),
      [vscode.l10n.t('Log Out'), vscode.l10n.t('Log In Again'), vscode.l10n.t('Show Terminal')],
    );
    await waitUntil(
      () => vscode.window.activeTerminal?.name === vscode.l10n.t('coScene Container Registry'),
      'the registry terminal shown',
    );

    // Log In Again: the stored credential is reused (within its lifetime), docker logs in once more.
    const before = credentialRequests();
    const logins = feature.terminalText().split(`$ docker login ${registry.host} `).length;
    ui.pick(vscode.l10n.t('Log In Again'));
    await vscode.commands.executeCommand(REGISTRY_SHOW_ACTIONS);
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    assert.equal(notice()?.message, loggedIn(ALICE.username));
    assert.equal(credentialRequests(), before);
    assert.equal(feature.terminalText().split(`$ docker login ${registry.host} `).length, logins + 1, 'one more docker login');

    // Log Out: of the host the item shows.
    ui.pick(vscode.l10n.t('Log Out'));
    await vscode.commands.executeCommand(REGISTRY_SHOW_ACTIONS);
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    assert.equal(notice()?.message, vscode.l10n.t('Logged out of {0}', registry.host));
    assert.ok(!(registry.host in auths()), JSON.stringify(auths()));
    assert.equal(feature.statusBar().visible, false);
    ui.assertAllAnswered();
  });

  it('after a reload, shows the login only while docker still holds it (a missing or malformed config: not logged in)', async () => {
    await login(); // the stored credential again
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    const file = path.join(dockerConfig, 'config.json');
    const saved = fs.readFileSync(file, 'utf8');
    assert.equal(await feature.verifyLogin(), true, 'docker holds the login');
    assert.ok(feature.statusBar().visible);

    // Logged out in a shell while the window was closed: docker's config no longer has the host.
    const config = JSON.parse(saved) as { auths: Record<string, unknown> };
    delete config.auths[registry.host];
    fs.writeFileSync(file, JSON.stringify(config));
    assert.equal(await feature.verifyLogin(), false);
    assert.equal(feature.login(), undefined);
    assert.equal(feature.statusBar().visible, false);

    // A malformed config, then none at all: not logged in, and no error shown.
    for (const text of ['{"auths": {', undefined]) {
      fs.writeFileSync(file, saved);
      await login();
      assert.ok(feature.statusBar().visible);
      if (text === undefined) fs.rmSync(file);
      else fs.writeFileSync(file, text);
      assert.equal(await feature.verifyLogin(), false);
      assert.equal(feature.statusBar().visible, false);
    }
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));

    // docker's login back, for the tests below.
    fs.writeFileSync(file, saved);
    await login();
    assert.equal(feature.login()?.username, ALICE.username);
  });

  it('logs out in the same terminal and docker forgets the login', async () => {
    await logout();
    assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
    assert.equal(feature.login(), undefined, 'the status bar still shows the login');
    assert.ok(!(registry.host in auths()), JSON.stringify(auths()));
    assert.ok(feature.terminalText().includes(`$ docker logout ${registry.host}\n`));
    assert.equal(notice()?.message, vscode.l10n.t('Logged out of {0}', registry.host));
  });

  it("a credential the registry rejects fails with docker's message", async () => {
    await vscode.commands.executeCommand(REGISTRY_FORGET_CREDENTIAL);
    assert.equal(await feature.storedCredential(), undefined);
    await login();
    assert.equal(ui.messages('error').length, 1, 'the login failed');
    assert.ok(!ui.messages('info').some((m) => m.startsWith(loggedIn(BOB.username))));
    assert.equal(notice()?.severity, 'error');
    assert.match(notice()?.message ?? '', /401 Unauthorized/);
    assert.ok(notice()?.message.includes(`http://${registry.host}/v2/`), `the host is part of docker's message: ${notice()?.message}`);
    assert.ok(
      (notice()?.message ?? '').startsWith(vscode.l10n.t('{0} {1} failed (exit code {2}): {3}', 'docker', 'login', '1', '')),
      notice()?.message,
    );
    assert.ok(!(registry.host in auths()));
    assert.match(feature.terminalText(), new RegExp(`--username ${BOB.username} --password-stdin\\n[^]*401 Unauthorized`));
  });

  it('creates a credential on request: username to the clipboard, the password only in the table asked for', async () => {
    ui.pick(vscode.l10n.t('Copy Username'));
    await createCredential();
    ui.pick(vscode.l10n.t('Open as Table')).answerConfirm(vscode.l10n.t('Show Password'));
    await createCredential();
    ui.assertAllAnswered();
    assert.deepEqual(
      ui.asked.filter((q) => q.kind === 'quickPick').map((q) => q.title),
      [credentialTitle(DAVE.username), credentialTitle(DAVE.username)],
    );
    assert.equal(await ui.clipboard.readText(), DAVE.username);
    assert.ok(ui.messages('info').includes(vscode.l10n.t('Username {0} was copied to the clipboard.', DAVE.username)));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'no editor opened');
    assert.equal(
      doc.getText(),
      [
        `${'Field'.padEnd(25)}${'Value'.padEnd(125)}`,
        `${'USERNAME'.padEnd(25)}${DAVE.username.padEnd(125)}`,
        `${'PASSWORD'.padEnd(25)}${DAVE.password.padEnd(125)}`,
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a created credential as cocli JSON in a read-only document', async () => {
    ui.pick(vscode.l10n.t('Open as JSON')).answerConfirm(vscode.l10n.t('Show Password'));
    await createCredential();
    ui.assertAllAnswered();
    assert.equal(confirmations().length, 1, 'asked before showing the password');
    assert.equal(confirmations()[0].title, vscode.l10n.t('Show the password of {0} in an editor?', CAROL.username));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'no editor opened');
    assert.equal(doc.getText(), `{\n  "password": "${CAROL.password}",\n  "username": "${CAROL.username}"\n}\n`);
    assert.equal(doc.languageId, 'json');
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.ok(!doc.getText().includes('typed'), 'typing changed the credential document');
    assert.equal(doc.isDirty, false);
    assert.equal(doc.isUntitled, false, 'an untitled document would ask to be saved');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal((await feature.storedCredential())?.username, CAROL.username);
  });

  it('logs in with the created credential; the argv the client received holds no password', async () => {
    // A wrapper client records the argv the OS really handed over, then runs docker with it.
    const dir = makeTempDir('client-wrapper-');
    const argvLog = path.join(dir, 'argv.log');
    const wrapper = path.join(dir, 'docker-wrapper.sh');
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nfor a in "$0" "$@"; do printf '%s\\n' "$a"; done >> '${argvLog}'\nexec ${findContainerClient('docker')} "$@"\n`,
      { mode: 0o755 },
    );
    await setSetting('client', wrapper);
    try {
      const before = credentialRequests();
      await login();
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
      assert.equal(notice()?.message, loggedIn(CAROL.username));
      assert.equal(credentialRequests(), before, 'the created credential should be reused');
      assert.ok(registry.host in auths());
      const recorded = fs.readFileSync(argvLog, 'utf8').trim().split('\n');
      assert.deepEqual(recorded, [wrapper, 'login', registry.host, '--username', CAROL.username, '--password-stdin']);
      assert.equal(feature.login()?.client, wrapper);
    } finally {
      await setSetting('client', undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('by default every login gets a fresh credential, as cocli registry login does', async () => {
    await setSetting('credentialLifetimeMinutes', undefined);
    try {
      const before = credentialRequests();
      await login();
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
      assert.equal(notice()?.message, loggedIn(ALICE.username));
      await login();
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(notice()));
      assert.equal(notice()?.message, loggedIn(CAROL.username));
      assert.equal(credentialRequests(), before + 2, 'one new credential per login');
    } finally {
      await setSetting('credentialLifetimeMinutes', 30);
    }
  });

  it('says what to install or set when the client executable is missing', async () => {
    await setSetting('client', '/nonexistent/coscene-docker');
    try {
      await login();
      assert.equal(ui.messages('error').length, 1, 'the login failed');
      assert.equal(notice()?.severity, 'error');
      const message = notice()?.message ?? '';
      assert.ok(message.includes('/nonexistent/coscene-docker'), message);
      assert.ok(message.includes('coscene.registry.client'), message);
      assert.equal(
        message,
        vscode.l10n.t(
          'The container client "{0}" was not found. Install Docker or Podman, or set "coscene.registry.client" to the full path of the executable.',
          '/nonexistent/coscene-docker',
        ),
      );
      assert.ok(feature.terminalText().includes(message), 'the terminal shows why too');
    } finally {
      await setSetting('client', undefined);
    }
  });

  it('rejects an invalid coscene.registry.host with a clear message', async () => {
    await setSetting('host', 'https://cr.example.com');
    try {
      // Every client run starts with its command line in the terminal.
      const terminalBefore = feature.terminalText();
      await login();
      assert.equal(ui.messages('error').length, 1, 'the login failed');
      assert.ok((notice()?.message ?? '').includes('https://cr.example.com'));
      assert.equal(
        notice()?.message,
        vscode.l10n.t(
          'The registry host "{0}" must not include a scheme such as https://; enter only host[:port].',
          'https://cr.example.com',
        ),
      );
      assert.equal(feature.terminalText(), terminalBefore, 'no client should run');
    } finally {
      await setSetting('host', registry.host);
    }
  });

  it('never puts a password in argv, the terminal, notifications or files the extension host writes', async () => {
    // argv (and environment) of every process while the tests above ran, read from /proc, after its control was found.
    assert.ok(suiteWatch, 'the process watcher started in the first test');
    const processes = await suiteWatch.stop();
    assertProcessWatch(processes, 'docker login/logout process');
    assert.deepEqual(processes.hits, [], 'password in argv');
    // The terminal shows every client's command line as it was spawned (the executable as configured), whatever the watcher missed.
    const terminal = feature.terminalText();
    for (const password of PASSWORDS) {
      assert.ok(!terminal.includes(password), 'password in the terminal');
      for (const shown of [...notifications.shown, ...shownEarlier, ...ui.shown])
        assert.ok(!`${shown.message} ${shown.actions.join(' ')}`.includes(password), 'password in a notification');
      assert.ok(
        !JSON.stringify(vscode.workspace.getConfiguration('coscene').inspect('registry')).includes(password),
        'password in settings',
      );
    }
    // Files: the sandbox (logs, settings, globalStorage, state.vscdb, DOCKER_CONFIG, TMPDIR) and the browser's Local Storage
    // and IndexedDB, after a planted control proved the scan finds a value in a file and in the extension's storage.
    await assertNoSecretOnDisk(PASSWORD_NAMES);
  });

  // Last: each created credential advances the fake's list of users, which the tests above count on.
  it('a declined show-password prompt opens no credential document', async () => {
    const credentialDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === CREDENTIAL_DOCUMENT_SCHEME);
    const docsBefore = credentialDocs().length;
    const editorBefore = vscode.window.activeTextEditor?.document;
    ui.pick(vscode.l10n.t('Open as JSON')).answerConfirm(undefined);
    await createCredential();
    ui.assertAllAnswered();
    const created = await feature.storedCredential();
    assert.ok(created?.username, 'the credential was created');
    assert.equal(ui.asked[0]?.title, credentialTitle(created.username));
    assert.equal(confirmations().length, 1, 'the prompt was asked once');
    assert.equal(credentialDocs().length, docsBefore, 'a credential document opened');
    assert.equal(vscode.window.activeTextEditor?.document, editorBefore, 'another editor came to the front');
    const holding = vscode.workspace.textDocuments.filter((d) => d.getText().includes(created.username));
    assert.deepEqual(
      holding.map((d) => d.uri.toString()),
      [],
      'an open document holds the new credential',
    );
  });
});
