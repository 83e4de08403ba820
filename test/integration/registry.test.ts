import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LoginOutcome } from '../../src/vscode/registry/commands/login';
import type { RegistryFeatureApi } from '../../src/vscode/registry';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../fake/server';
import { NotificationRecorder, recordNotifications } from './helpers/canaryNotifications';
import { assertNoSecretOnDisk, assertProcessWatch, secretNeedles, watchProcesses } from './helpers/canaryScan';
import { switchProfile } from './helpers/profileCommands';
import { CocliFile, cocliYaml, extensionApi, makeTempDir, useCocliFile, waitUntil } from './helpers/profileFixtures';
import { containerClientMissingReason, findContainerClient } from './helpers/containerClient';
import { registryUnavailableReason, RegistryServer, startRegistryServer } from './helpers/registryServer';
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

  const config = () => vscode.workspace.getConfiguration('coscene.registry');
  const setSetting = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);
  const login = () => vscode.commands.executeCommand<LoginOutcome>('coscene.registry.login');
  const logout = () => vscode.commands.executeCommand<{ ok: boolean }>('coscene.registry.logout');
  const auths = (): Record<string, unknown> => {
    const file = path.join(dockerConfig, 'config.json');
    return fs.existsSync(file) ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { auths?: Record<string, unknown> }).auths ?? {}) : {};
  };
  const credentialRequests = () => server.stats.requests.filter((r) => r.procedure === 'CreateBasicCredential').length;
  let notifications: NotificationRecorder;
  /** The last notification the user was shown (the toast's text and severity), not the feature's own record. */
  const notice = () => notifications.shown.at(-1);

  before(async function () {
    const reason = registryUnavailableReason() ?? containerClientMissingReason('docker');
    if (reason) skipBecause(this, reason);
    registry = await startRegistryServer([ALICE, CAROL]);
    server = await startFakeServer({ registryCredentials: [ALICE, BOB, DAVE, CAROL, ALICE, CAROL] });
    const api = await extensionApi();
    feature = api.features.registry as RegistryFeatureApi;
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
    await vscode.commands.executeCommand('coscene.registry.forgetCredential');
    notifications = recordNotifications();
    assert.ok(notifications.patched, 'notifications can be observed');
  });

  after(async () => {
    notifications?.restore();
    if (previousDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = previousDockerConfig;
    await setSetting('host', undefined);
    await setSetting('client', undefined);
    await setSetting('credentialLifetimeMinutes', undefined);
    await vscode.commands.executeCommand('coscene.registry.forgetCredential');
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
    const outcome = await login();
    const seen = await watcher.stop();
    assert.equal(outcome.ok, true, JSON.stringify(notice()));
    assert.equal(outcome.username, ALICE.username);
    assert.ok(registry.host in auths(), `no auth entry for ${registry.host}: ${JSON.stringify(auths())}`);
    assertProcessWatch(seen, `"docker login" process`);
    assert.deepEqual(seen.hits, [], 'a process had a password in its argv or environment');

    assert.equal(notice()?.message, vscode.l10n.t('Logged in to {0} as {1}', registry.host, ALICE.username));
    const text = feature.terminalText();
    assert.ok(text.includes(`$ docker login ${registry.host} --username ${ALICE.username} --password-stdin\n`), text);
    assert.match(text, /Login Succeeded/);
    // docker warns on stderr that DOCKER_CONFIG holds the login unencrypted: shown, yet the login succeeded.
    assert.match(text, /WARNING! Your credentials are stored unencrypted/);
    assert.ok(text.includes(vscode.l10n.t('[exit code {0}]', '0')), text);
    assert.ok(vscode.window.terminals.some((t) => t.name === 'coScene Registry'));
    // The status bar item: in the UI test (test/e2e/registry.test.ts), where the real status bar is visible.
    assert.deepEqual(feature.spawned().at(-1), ['docker', 'login', registry.host, '--username', ALICE.username, '--password-stdin']);
  });

  it('reuses the stored credential within its lifetime and the same terminal', async () => {
    const before = credentialRequests();
    const terminals = vscode.window.terminals.filter((t) => t.name === 'coScene Registry').length;
    const outcome = await login();
    assert.equal(outcome.ok, true, JSON.stringify(notice()));
    assert.equal(outcome.username, ALICE.username);
    assert.equal(credentialRequests(), before, 'a new credential was requested');
    assert.equal(vscode.window.terminals.filter((t) => t.name === 'coScene Registry').length, terminals);
    assert.equal((await feature.storedCredential())?.username, ALICE.username);
  });

  it('logs out in the same terminal and docker forgets the login', async () => {
    const result = await logout();
    assert.equal(result.ok, true, JSON.stringify(notice()));
    assert.ok(!(registry.host in auths()), JSON.stringify(auths()));
    assert.ok(feature.terminalText().includes(`$ docker logout ${registry.host}\n`));
    assert.equal(notice()?.message, vscode.l10n.t('Logged out of {0}', registry.host));
  });

  it("a credential the registry rejects fails with docker's message", async () => {
    await vscode.commands.executeCommand('coscene.registry.forgetCredential');
    assert.equal(await feature.storedCredential(), undefined);
    const outcome = await login();
    assert.equal(outcome.ok, false);
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
    feature.answerShowPassword(true);
    const created = await vscode.commands.executeCommand('coscene.registry.createCredential', { format: 'table', copy: 'username' });
    assert.deepEqual(created, { host: registry.host, username: DAVE.username });
    assert.equal(await vscode.env.clipboard.readText(), DAVE.username);
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
    feature.answerShowPassword(true);
    await vscode.commands.executeCommand('coscene.registry.createCredential', { format: 'json' });
    assert.equal(feature.answerShowPassword(undefined), 1, 'asked before showing the password');
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
      const outcome = await login();
      assert.equal(outcome.ok, true, JSON.stringify(notice()));
      assert.equal(outcome.username, CAROL.username);
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
      const first = await login();
      assert.equal(first.ok, true, JSON.stringify(notice()));
      assert.equal(first.username, ALICE.username);
      const second = await login();
      assert.equal(second.ok, true, JSON.stringify(notice()));
      assert.equal(second.username, CAROL.username);
      assert.equal(credentialRequests(), before + 2, 'one new credential per login');
    } finally {
      await setSetting('credentialLifetimeMinutes', 30);
    }
  });

  it('says what to install or set when the client executable is missing', async () => {
    await setSetting('client', '/nonexistent/coscene-docker');
    try {
      const outcome = await login();
      assert.equal(outcome.ok, false);
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
      const spawnedBefore = feature.spawned().length;
      const outcome = await login();
      assert.equal(outcome.ok, false);
      assert.ok((notice()?.message ?? '').includes('https://cr.example.com'));
      assert.equal(
        notice()?.message,
        vscode.l10n.t(
          'The registry host "{0}" must not include a scheme such as https://; enter only host[:port].',
          'https://cr.example.com',
        ),
      );
      assert.equal(feature.spawned().length, spawnedBefore, 'no client should run');
    } finally {
      await setSetting('host', registry.host);
    }
  });

  it('never puts a password in argv, the terminal, notifications or files the extension host writes', async () => {
    const argv = JSON.stringify(feature.spawned());
    const terminal = feature.terminalText();
    for (const password of PASSWORDS) {
      assert.ok(!argv.includes(password), 'password in argv');
      assert.ok(!terminal.includes(password), 'password in the terminal');
      for (const shown of notifications.shown)
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
    feature.answerShowPassword(false);
    const credentialDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'coscene-registry-credential');
    const docsBefore = credentialDocs().length;
    const editorBefore = vscode.window.activeTextEditor?.document;
    try {
      const created = await vscode.commands.executeCommand<{ username: string }>('coscene.registry.createCredential', { format: 'json' });
      assert.ok(created?.username, 'the credential was created');
      assert.equal(feature.answerShowPassword(undefined), 1, 'the prompt was asked once');
      assert.equal(credentialDocs().length, docsBefore, 'a credential document opened');
      assert.equal(vscode.window.activeTextEditor?.document, editorBefore, 'another editor came to the front');
      const holding = vscode.workspace.textDocuments.filter((d) => d.getText().includes(created.username));
      assert.deepEqual(
        holding.map((d) => d.uri.toString()),
        [],
        'an open document holds the new credential',
      );
    } finally {
      feature.answerShowPassword(undefined);
    }
  });
});
