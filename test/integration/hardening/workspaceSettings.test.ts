import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PermissionsTestApi } from '../../../src/vscode/permissions';
import { PERMISSIONS_VIEW_ID } from '../../../src/vscode/permissions/keys';
import type { ProfileService } from '../../../src/vscode/profiles/profileService';
import type { RegistryFeatureApi } from '../../../src/vscode/registry';
import { REGISTRY_CREATE_CREDENTIAL, REGISTRY_LOGIN, REGISTRY_LOGOUT } from '../../../src/vscode/registry/keys';
import { FAKE_COSCENE, FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { readyFeatures } from '../helpers/features';
import { PASSWORD_SIGN_IN, signInThroughUi } from '../helpers/huaweiSignIn';
import { switchProfile } from '../helpers/profileCommands';
import { CocliFile, cocliYaml, EXTENSION_ID, extensionApi, makeTempDir, useCocliFile, waitUntil } from '../helpers/profileFixtures';
import { containerClientMissingReason } from '../helpers/containerClient';
import { registryUnavailableReason, RegistryServer, startRegistryServer } from '../helpers/registryServer';
import { skipBecause } from '../../support/mochaRunner';
import { restoreUi, scriptUi } from '../helpers/scriptedUi';
import { USERS_COMMAND } from '../../../src/vscode/users/keys';

/** Every setting that names an endpoint, region, host, CA file, file path or executable. */
const SENSITIVE = [
  'coscene.cocliConfigPath',
  'coscene.http.caFile',
  'coscene.huawei.region',
  'coscene.huawei.endpoint',
  'coscene.huawei.iamEndpoint',
  'coscene.registry.host',
  'coscene.registry.client',
];
const REGISTRY_USER = { username: 'cr-trust-user', password: 'Trust-registry-pw-7d1e4c' };

/** A TCP listener that records every connection and answers nothing (a hostile registry or proxy). */
async function recordingListener(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const lifetime = setTimeout(() => server.close(), 10 * 60_000);
  lifetime.unref();
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(lifetime);
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('workspace trust and settings: a workspace cannot redirect endpoints, hosts or executables', function () {
  this.timeout(180_000);
  let legit: FakeServer;
  let hostile: FakeServer;
  let listener: Awaited<ReturnType<typeof recordingListener>>;
  let proxy: Awaited<ReturnType<typeof recordingListener>>;
  let registry: RegistryServer | undefined;
  let registryMissing: string | undefined;
  let cocli: CocliFile;
  let profiles: ProfileService;
  let permissions: PermissionsTestApi;
  let feature: RegistryFeatureApi;
  let dir: string;
  let marker: string;
  let settingsFile: string;
  let previousSettings: string | undefined;
  let previousDockerConfig: string | undefined;
  const previousGlobal: Record<string, unknown> = {};
  const USER_VALUES: Record<string, unknown> = {};

  const get = (id: string): unknown => {
    const dot = id.lastIndexOf('.');
    return vscode.workspace.getConfiguration(id.slice(0, dot)).get(id.slice(dot + 1));
  };
  const setGlobal = (id: string, value: unknown): Thenable<void> => {
    const dot = id.lastIndexOf('.');
    return vscode.workspace.getConfiguration(id.slice(0, dot)).update(id.slice(dot + 1), value, vscode.ConfigurationTarget.Global);
  };

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') skipBecause(this, 'no file workspace folder is open');
    // Every login mints a fresh credential (cocli's default): each one the fake issues is the registry's one user.
    legit = await startFakeServer({ registryCredentials: Array(10).fill(REGISTRY_USER) });
    hostile = await startFakeServer();
    listener = await recordingListener();
    proxy = await recordingListener();
    registryMissing = registryUnavailableReason() ?? containerClientMissingReason('docker');
    if (!registryMissing) registry = await startRegistryServer([REGISTRY_USER]);

    ({ profiles, permissions, registry: feature } = await readyFeatures());
    for (const id of SENSITIVE) previousGlobal[id] = vscode.workspace.getConfiguration().inspect(id)?.globalValue;

    // The user's own (machine) settings: the legitimate fake, the registry, docker.
    cocli = await useCocliFile(
      cocliYaml('trusted-user', [{ name: 'trusted-user', endpoint: legit.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
    );
    await waitUntil(() => profiles.list().some((p) => p.source === 'cocli' && p.name === 'trusted-user'), 'the user cocli profile to load');
    await switchProfile('trusted-user', 'cocli');
    await setGlobal('coscene.huawei.endpoint', legit.url);
    await setGlobal('coscene.huawei.iamEndpoint', legit.url);
    await setGlobal('coscene.huawei.region', FAKE_HUAWEI.region);
    await setGlobal('coscene.registry.host', registry?.host ?? '127.0.0.1:9');
    await setGlobal('coscene.registry.client', undefined);
    await setGlobal('coscene.http.caFile', undefined);
    for (const id of SENSITIVE) USER_VALUES[id] = get(id);
    previousDockerConfig = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = makeTempDir('trust-docker-');
    await vscode.commands.executeCommand('coscene.registry.forgetCredential');
    await vscode.commands.executeCommand('coscene.huawei.signOut');

    // The hostile workspace.
    dir = makeTempDir('hostile-');
    marker = path.join(dir, 'client-ran.marker');
    const client = path.join(dir, 'evil-client.sh');
    fs.writeFileSync(client, `#!/bin/sh\necho "$@" > '${marker}'\n`, { mode: 0o755 });
    const hostileCocli = path.join(dir, 'hostile-cocli.yaml');
    fs.writeFileSync(
      hostileCocli,
      cocliYaml('hostile-ws', [{ name: 'hostile-ws', endpoint: hostile.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
    );
    settingsFile = path.join(folder!.uri.fsPath, '.vscode', 'settings.json');
    previousSettings = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'coscene.cocliConfigPath': hostileCocli,
          'coscene.http.caFile': path.join(dir, 'no-such-ca.pem'),
          'coscene.huawei.region': FAKE_HUAWEI.otherRegion,
          'coscene.huawei.endpoint': hostile.url,
          'coscene.huawei.iamEndpoint': hostile.url,
          'coscene.registry.host': `127.0.0.1:${listener.port}`,
          'coscene.registry.client': client,
          'http.proxy': `http://127.0.0.1:${proxy.port}`,
          // A window-scoped setting VS Code does apply from the workspace: proves the file was read.
          'coscene.details.format': 'yaml',
        },
        null,
        2,
      ),
    );
    await waitUntil(() => get('coscene.details.format') === 'yaml', 'VS Code to read the workspace settings', 20_000);

    // Armed: each trap records what reaches it (probed once here, so the assertions below can fail).
    for (const trap of [listener, proxy]) {
      connect(trap.port, '127.0.0.1').on('error', () => undefined);
      await waitUntil(() => trap.connections() === 1, 'the recording listener to see a probe');
    }
    await fetch(`${hostile.url}/v3/projects`).then((r) => r.arrayBuffer());
    assert.equal(hostile.stats.requests.length, 1, 'the hostile fake records requests');
    execFileSync(client, ['probe'], { timeout: 10_000 });
    assert.ok(fs.existsSync(marker), 'the hostile client writes its marker when run');
    fs.rmSync(marker);
    hostile.stats.requests.length = 0;
  });

  after(async () => {
    if (settingsFile) {
      if (previousSettings === undefined) fs.rmSync(settingsFile, { force: true });
      else fs.writeFileSync(settingsFile, previousSettings);
      if (
        previousSettings === undefined &&
        fs.existsSync(path.dirname(settingsFile)) &&
        fs.readdirSync(path.dirname(settingsFile)).length === 0
      )
        fs.rmdirSync(path.dirname(settingsFile));
      await waitUntil(
        () => get('coscene.details.format') !== 'yaml' || previousSettings !== undefined,
        'the workspace settings to be removed',
        20_000,
      ).catch(() => undefined);
    }
    await vscode.commands.executeCommand('coscene.huawei.signOut');
    await vscode.commands.executeCommand('coscene.registry.forgetCredential');
    for (const id of SENSITIVE) await setGlobal(id, previousGlobal[id]);
    if (previousDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = previousDockerConfig;
    await cocli?.restore();
    await legit?.close();
    await hostile?.close();
    await listener?.close();
    await proxy?.close();
    await registry?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares untrusted-workspace support with every endpoint/host/CA/executable setting restricted and machine-scoped', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
    assert.ok(untrusted.supported === 'limited' || untrusted.supported === false, `supported: ${String(untrusted.supported)}`);
    const properties = manifest.contributes.configuration.properties;
    // A setting added later that names an endpoint, host, path or program must be on the list too.
    const looksSensitive = Object.keys(properties).filter((id) =>
      /endpoint|host|ca(file)?$|path|client|executable|region|proxy|url/i.test(id.split('.').pop()!),
    );
    assert.deepEqual(
      looksSensitive.filter((id) => !SENSITIVE.includes(id)),
      [],
      'a sensitive-looking setting missing from this test',
    );
    for (const id of SENSITIVE) {
      assert.ok(properties[id], `${id} is contributed`);
      assert.ok(untrusted.restrictedConfigurations?.includes(id), `${id} is in restrictedConfigurations`);
      assert.ok(
        ['machine', 'application'].includes(properties[id].scope ?? ''),
        `${id} has scope machine or application (has ${properties[id].scope})`,
      );
    }
  });

  it("ignores the workspace values: effective settings are the user's", () => {
    for (const id of SENSITIVE) assert.deepEqual(get(id), USER_VALUES[id], `${id} took the workspace value`);
    assert.equal(profiles.configPath(), cocli.path, "the cocli file is the user's");
    assert.ok(!profiles.list().some((p) => p.name === 'hostile-ws'), 'no profile from the hostile cocli file');
    assert.equal(profiles.current()?.name, 'trusted-user');
  });

  it("sends no request, connection or process to the workspace's endpoints, host or client", async () => {
    const api = await extensionApi();
    // coScene: users and an export (a CA file that does not exist would fail every request if used).
    await vscode.commands.executeCommand(USERS_COMMAND.refresh);
    const users = ((await api.trees.get('coscene.orgUsers')!.getChildren()) ?? []) as vscode.TreeItem[];
    assert.ok(
      users.some((i) => i.contextValue?.startsWith('coscene.userGroup')),
      `users listed: ${users.map(label).join(', ')}`,
    );
    (await scriptUi()).input(''); // Get User… for yourself
    try {
      await vscode.commands.executeCommand(USERS_COMMAND.getUser);
    } finally {
      await restoreUi();
    }
    const me = vscode.window.activeTextEditor?.document.getText();
    assert.ok(me?.includes('nickname:'), 'details in YAML: the window-scoped workspace setting did apply');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Huawei Cloud: sign in picking the region the settings give (first in the list), so the configured region is used.
    const signInUi = await scriptUi();
    try {
      const failed = await signInThroughUi(signInUi, {
        ...PASSWORD_SIGN_IN,
        region: (item) => item.description?.endsWith(vscode.l10n.t('from settings')) ?? false,
      });
      assert.deepEqual(failed, []);
    } finally {
      await restoreUi();
    }
    const repos = ((await api.trees.get(PERMISSIONS_VIEW_ID)!.getChildren()) ?? []) as vscode.TreeItem[];
    assert.ok(
      repos.some((i) => label(i) === 'maven-release'),
      `repositories listed: ${repos.map(label).join(', ')}`,
    );
    assert.match(permissions.viewDescription() ?? '', new RegExp(` · ${FAKE_HUAWEI.region}$`), "the user's region");
    const scope = legit.stats.requests.find((r) => r.procedure === 'ListAllRepositories');
    assert.ok(scope, "the user's Huawei endpoint was used");

    // Registry: a credential for the user's host, named in the quick pick's title (the login itself: the next test).
    const ui = (await scriptUi()).pick(vscode.l10n.t('Copy Username'));
    try {
      await vscode.commands.executeCommand(REGISTRY_CREATE_CREDENTIAL);
    } finally {
      await restoreUi();
    }
    ui.assertAllAnswered();
    const host = USER_VALUES['coscene.registry.host'] as string;
    assert.equal(ui.asked[0]?.title, vscode.l10n.t('Registry credential for {0}: username {1}', host, REGISTRY_USER.username));

    assert.deepEqual(
      hostile.stats.requests.map((r) => `${r.method} ${r.path}`),
      [],
      'the hostile endpoint got requests',
    );
    assert.equal(listener.connections(), 1, 'the hostile registry host got connections (beyond the probe)');
    assert.equal(proxy.connections(), 1, 'the workspace http.proxy got connections (beyond the probe)');
    assert.equal(fs.existsSync(marker), false, "the workspace's client executable ran");
    assert.ok(legit.stats.requests.length > 0);
    console.log(`    workspace settings: ${legit.stats.requests.length} requests to the user's endpoints, 0 to the workspace's`);
  });

  it("logs in and out of the user's registry with the user's client, never the workspace's host or client", async function () {
    if (!registry) skipBecause(this, registryMissing ?? 'no registry');
    // Every client run starts with its command line in the terminal.
    const terminalBefore = feature.terminalText();
    const ui = await scriptUi();
    try {
      await vscode.commands.executeCommand(REGISTRY_LOGIN);
      assert.deepEqual(ui.messages('error'), [], JSON.stringify(ui.shown));
      assert.equal(feature.login()?.host, registry.host);
      await vscode.commands.executeCommand(REGISTRY_LOGOUT);
    } finally {
      await restoreUi();
    }
    assert.deepEqual(ui.messages(), [
      vscode.l10n.t('Logged in to {0} as {1}', registry.host, REGISTRY_USER.username),
      vscode.l10n.t('Logged out of {0}', registry.host),
    ]);
    const runs = feature
      .terminalText()
      .slice(terminalBefore.length)
      .split('\n')
      .filter((line) => line.startsWith('$ '));
    assert.deepEqual(
      runs.map((line) => line.split(' ').slice(1, 4).join(' ')),
      [`docker login ${registry.host}`, `docker logout ${registry.host}`],
    );
    assert.equal(listener.connections(), 1, 'the hostile registry host got connections (beyond the probe)');
    assert.equal(fs.existsSync(marker), false, "the workspace's client executable ran");
  });
});
