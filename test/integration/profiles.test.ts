import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { authHeader } from '../../src/core/coscene/auth';
import { ADD_PROFILE, OPEN_CONFIG, REMOVE_PROFILE } from '../../src/vscode/profiles/keys';
import type { ProfileService } from '../../src/vscode/profiles/profileService';
import { httpClientOptionsFromSettings, requestTimeoutMs } from '../../src/vscode/shared/httpSettings';
import { FAKE_COSCENE, FakeServer, mintCosceneJwt, startFakeServer } from '../fake/server';
import { assertNoSecretOnDisk } from './helpers/canaryScan';
import { addProfile, removeProfile, setToken, switchProfile } from './helpers/profileCommands';
import { CocliFile, cocliYaml, extensionApi, filesContaining, makeTempDir, useCocliFile, waitUntil } from './helpers/profileFixtures';
import { restoreUi, scriptUi, type ScriptedUi } from './helpers/scriptedUi';

const NEW_TOKEN = FAKE_COSCENE.writerToken;
/** A token no other test uses (a JWT with an odd expiry), so finding it on disk can only mean this test leaked it. */
const ADDED_TOKEN = mintCosceneJwt(FAKE_COSCENE.writerUserName, 4102444800 + Math.floor(Math.random() * 1e6));

describe('profiles', function () {
  this.timeout(60_000);
  let server: FakeServer;
  let profiles: ProfileService;
  let statusBar: vscode.StatusBarItem;
  let globalState: vscode.Memento;
  let ui: ScriptedUi;
  let cocli: CocliFile;
  let originalText: string;
  let changes = 0;
  let listener: vscode.Disposable;
  /** The file as this suite (standing in for cocli) last wrote it: bytes and modification time. */
  let lastWritten: { bytes: Buffer; mtimeNs: bigint };
  const remember = () => (lastWritten = { bytes: fs.readFileSync(cocli.path), mtimeNs: fs.statSync(cocli.path, { bigint: true }).mtimeNs });

  const statusText = () => statusBar.text;

  before(async () => {
    server = await startFakeServer({ seedUsers: 40 });
    const api = await extensionApi();
    ({ profiles, profileStatusBar: statusBar, globalState } = api);
    await profiles.ready;
    originalText = cocliYaml('lark', [
      { name: 'lark', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' },
      { name: 'io', endpoint: server.url, token: FAKE_COSCENE.deviceToken, project: 'lidar-tests', org: 'acme-robotics' },
      { name: 'stale', endpoint: server.url, token: FAKE_COSCENE.inactiveToken, project: 'mcap' },
    ]);
    cocli = await useCocliFile(originalText);
    // Every write of the suite goes through here, so the last one is known (see 'never writes the cocli file').
    const write = cocli.write;
    cocli = {
      ...cocli,
      write: (text) => {
        write(text);
        remember();
      },
    };
    remember();
    listener = profiles.onDidChange(() => changes++);
    await waitUntil(() => profiles.list().some((p) => p.source === 'cocli' && p.name === 'lark'), 'the cocli profiles to load');
    await switchProfile('lark', 'cocli');
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await restoreUi();
  });

  after(async () => {
    listener?.dispose();
    // Tokens set over the file's (Set Token) are bound to this suite's fake: later suites point "lark" elsewhere.
    for (const name of ['lark', 'io', 'stale']) await profiles?.signOut('cocli', name);
    if (profiles?.list().some((p) => p.source === 'extension' && p.name === 'vsc-added')) await removeProfile('vsc-added');
    await cocli?.restore();
    await server?.close();
  });

  it('picks up cocli profiles with no setup and shows the active one with its org in the status bar', async () => {
    const names = profiles
      .list()
      .filter((p) => p.source === 'cocli')
      .map((p) => p.name);
    assert.deepEqual(names, ['lark', 'io', 'stale']);
    assert.equal(profiles.current()?.name, 'lark');
    assert.equal(profiles.current()?.source, 'cocli');
    // The org slug is not in the file: it comes from one GetOrganization call.
    await waitUntil(
      () => statusText() === `$(cloud) coScene: lark · ${FAKE_COSCENE.orgSlug}`,
      `status bar "lark · ${FAKE_COSCENE.orgSlug}", got "${statusText()}"`,
    );
    const tooltip = (statusBar.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /mcap/);
    assert.match(tooltip, new RegExp(server.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    const api = await profiles.api();
    const roles = await api.listRoles({});
    assert.ok(roles.items.some((r) => r.code === 'PROJECT_ADMIN'));
  });

  it('Set Token fetches the organization again (the slug fetched with the old token is not kept)', async () => {
    await waitUntil(() => statusText() === `$(cloud) coScene: lark · ${FAKE_COSCENE.orgSlug}`, 'the slug fetched for lark');
    const fetches = () => server.stats.requests.filter((r) => r.procedure === 'GetOrganization').length;
    const before = fetches();
    assert.equal(profiles.current()?.name, 'lark', 'Set Token is for the active profile');
    await setToken(FAKE_COSCENE.adminToken, ui);
    await waitUntil(() => fetches() > before, 'a GetOrganization with the new token');
    await waitUntil(
      () => statusText() === `$(cloud) coScene: lark · ${FAKE_COSCENE.orgSlug}`,
      `status bar "lark · ${FAKE_COSCENE.orgSlug}", got "${statusText()}"`,
    );
  });

  it('uses the org slug cached in the profile without asking the server', async () => {
    const before = server.stats.requests.filter((r) => r.procedure === 'GetOrganization').length;
    const seen = changes;
    await switchProfile('io', 'cocli', ui);
    assert.equal(changes, seen + 1, 'onDidChange fires once on switch');
    assert.equal(profiles.current()?.name, 'io');
    assert.equal(statusText(), '$(cloud) coScene: io · acme-robotics');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.stats.requests.filter((r) => r.procedure === 'GetOrganization').length, before);
  });

  it('adds a profile through the command; its token lives only in SecretStorage', async () => {
    const seen = changes;
    await addProfile({ name: 'vsc-added', endpoint: server.url, project: 'perception', token: ADDED_TOKEN }, ui);
    assert.ok(
      profiles.list().some((p) => p.source === 'extension' && p.name === 'vsc-added'),
      `the profile was added (token check said: ${ui.validationMessages.join('; ') || 'nothing'}; errors: ${ui.messages('error').join('; ') || 'none'})`,
    );
    assert.ok(changes > seen, 'onDidChange fired');
    assert.deepEqual(
      { name: profiles.current()?.name, source: profiles.current()?.source, project: profiles.current()?.project },
      { name: 'vsc-added', source: 'extension', project: 'perception' },
    );
    await waitUntil(
      () => statusText() === `$(cloud) coScene: vsc-added · ${FAKE_COSCENE.orgSlug}`,
      `status bar for vsc-added, got "${statusText()}"`,
    );
    const user = await (await profiles.api()).getUser('users/current');
    assert.equal(user.name, FAKE_COSCENE.writerUserName, 'the API uses the token from SecretStorage');

    const token = ADDED_TOKEN;
    const state = Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)]));
    assert.ok(!JSON.stringify(state).includes(token), 'token in globalState');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration().inspect('coscene')).includes(token), 'token in settings');
    const sandbox = process.env.COSCENE_TEST_TMP;
    assert.ok(sandbox, 'COSCENE_TEST_TMP is set by the runner');
    // Logs, settings.json, globalStorage, state stores: nothing may hold the token. The scan must see the
    // log file, and find a control planted in a file and written through the extension's storage, else it proves nothing.
    await waitUntil(() => filesContaining(sandbox, 'Added coScene profile "vsc-added"').length > 0, 'the log line on disk');
    await assertNoSecretOnDisk({ 'added profile token': token });
  });

  it('rejects an http:// endpoint that is not loopback', async () => {
    // The endpoint box refuses the value; the user gives up (Escape).
    ui.input('plain-http').input('http://openapi.example.com', undefined);
    await vscode.commands.executeCommand(ADD_PROFILE);
    ui.assertAllAnswered();
    assert.deepEqual(ui.validationMessages, [
      vscode.l10n.t('The endpoint "{0}" must use https://; http:// is only allowed for localhost.', 'http://openapi.example.com'),
    ]);
    assert.deepEqual(ui.messages('error'), []);
    assert.ok(!profiles.list().some((p) => p.name === 'plain-http'));
  });

  it('Add Profile is one step-by-step flow: a counter, Back keeps what was typed, the token is checked before saving', async () => {
    const writer = server.coscene.usersById.get(FAKE_COSCENE.writerUserName.slice('users/'.length))!;
    const refused = `refused-token-${Date.now()}`;
    const before = server.stats.requests.length;
    ui.input('vsc-steps')
      .input(server.url)
      .back() // on the project step
      .input(server.url) // the endpoint step again, pre-filled with what was typed
      .input('perception')
      .input(refused) // the server answers 401: the box stays open with the reason …
      .back() // … and the user goes back to the project step
      .input('perception')
      .input(FAKE_COSCENE.writerToken);
    await vscode.commands.executeCommand(ADD_PROFILE);
    ui.assertAllAnswered();
    assert.deepEqual(
      ui.asked.map((q) => [`${q.step}/${q.totalSteps}`, q.backOffered, q.value, q.answer]),
      [
        ['1/4', false, '', 'vsc-steps'],
        ['2/4', true, 'https://openapi.coscene.cn', server.url],
        ['3/4', true, '', 'Back'],
        ['2/4', true, server.url, server.url],
        ['3/4', true, '', 'perception'],
        ['4/4', true, '', 'Back'],
        ['3/4', true, 'perception', 'perception'],
        ['4/4', true, '', '•••'],
      ],
    );
    assert.ok(ui.asked.every((q) => q.title === vscode.l10n.t('Add coScene Profile')));
    assert.deepEqual(ui.validationMessages, [
      vscode.l10n.t('The server refused this token (401): it is not saved. Paste another token, or go Back to change the endpoint.'),
    ]);
    // Both tokens were tried with the current-user call, the refused one first; only the accepted one was saved.
    const asked = server.stats.requests.slice(before).filter((r) => r.procedure === 'GetUser');
    assert.deepEqual(
      asked.map((r) => [r.body?.name, r.headers.authorization === authHeader(refused)]),
      [
        ['users/current', true],
        ['users/current', false],
      ],
    );
    assert.equal(profiles.current()?.name, 'vsc-steps');
    assert.equal((await (await profiles.api()).getUser('users/current')).name, FAKE_COSCENE.writerUserName);
    assert.deepEqual(ui.messages('info'), [
      vscode.l10n.t(
        'Added the profile "{0}": signed in as {1} to {2}.',
        'vsc-steps',
        writer.nickname || writer.email,
        server.coscene.organization.displayName,
      ),
    ]);
    assert.deepEqual(ui.messages('error'), []);
    await removeProfile('vsc-steps', ui);
    await switchProfile('vsc-added', 'extension', ui); // as the tests below expect
  });

  it('a token the server refuses is not saved (Escape after the reason)', async () => {
    ui.input('vsc-refused').input(server.url).input('mcap').input('refused-token', undefined);
    await vscode.commands.executeCommand(ADD_PROFILE);
    ui.assertAllAnswered();
    assert.equal(ui.validationMessages.length, 1);
    assert.ok(!profiles.list().some((p) => p.name === 'vsc-refused'), 'the profile was not added');
    assert.deepEqual([...ui.messages('info'), ...ui.messages('error')], []);
  });

  it('switches between profiles and back, firing onDidChange and updating the status bar', async () => {
    const seen = changes;
    await switchProfile('lark', 'cocli', ui);
    assert.equal(profiles.current()?.name, 'lark');
    assert.equal(changes, seen + 1);
    assert.equal(statusText(), `$(cloud) coScene: lark · ${FAKE_COSCENE.orgSlug}`, 'the fetched org is remembered for the activation');
    await switchProfile('vsc-added', 'extension', ui);
    assert.equal(profiles.current()?.name, 'vsc-added');
    assert.equal(changes, seen + 2);
  });

  it('refuses to remove a cocli profile and removes an extension profile with its token', async () => {
    // Only profiles added in VS Code are offered; the user dismisses the pick.
    ui.pick(undefined);
    await vscode.commands.executeCommand(REMOVE_PROFILE);
    ui.assertAllAnswered();
    assert.deepEqual(ui.asked[0]?.offered, ['vsc-added'], 'the cocli profiles are not offered for removal');
    assert.ok(profiles.list().some((p) => p.name === 'io'));

    await removeProfile('vsc-added', ui);
    assert.ok(!profiles.list().some((p) => p.name === 'vsc-added'));
    assert.notEqual(profiles.current()?.name, 'vsc-added');
    // Re-adding under the same name must not find the old token.
    await addProfile({ name: 'vsc-added', endpoint: server.url, project: 'mcap', token: FAKE_COSCENE.adminToken }, ui);
    assert.equal((await (await profiles.api()).getUser('users/current')).name, FAKE_COSCENE.adminUserName);
    await removeProfile('vsc-added', ui);
  });

  it('follows `cocli login switch` (a new current-profile in the file) without reload', async () => {
    await switchProfile('lark', 'cocli', ui);
    const seen = changes;
    cocli.write(originalText.replace('current-profile: lark', 'current-profile: io'));
    await waitUntil(() => profiles.current()?.name === 'io', 'the active profile to follow the file');
    assert.ok(changes > seen);
    assert.equal(statusText(), '$(cloud) coScene: io · acme-robotics');
    cocli.write(originalText);
    await waitUntil(() => profiles.current()?.name === 'lark', 'the active profile to follow the file back');
  });

  it('shows a broken file as configError() with the offending line, and recovers when fixed', async () => {
    const broken = originalText.replace('      project: lidar-tests', '      project: [lidar-tests');
    const badLine = broken.split('\n').findIndex((l) => l.includes('[lidar-tests')) + 1;
    cocli.write(broken);
    const error = await waitUntil(() => profiles.configError(), 'a config error');
    assert.equal(error.filePath, cocli.path);
    assert.ok(error.line >= badLine && error.line <= badLine + 3, `error line ${error.line}, broken line ${badLine}`);
    assert.ok(error.actions.includes('openConfig'));
    assert.ok(!profiles.list().some((p) => p.source === 'cocli'), 'no cocli profiles from a broken file');

    await vscode.commands.executeCommand(OPEN_CONFIG);
    const editor = await waitUntil(() => vscode.window.activeTextEditor, 'an editor');
    assert.equal(editor.document.uri.fsPath, cocli.path);
    assert.equal(editor.selection.active.line, error.line - 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    cocli.write(originalText);
    await waitUntil(() => !profiles.configError() && profiles.current()?.name === 'lark', 'recovery after the fix');
  });

  it('Set Token replaces a rejected token and api() then works', async () => {
    await switchProfile('stale', 'cocli', ui);
    await assert.rejects((await profiles.api()).getOrganization(), (err: { code?: string }) => err.code === 'unauthenticated');
    assert.equal(profiles.isTokenRejected(), true);
    assert.ok(statusBar.backgroundColor, 'status bar shows the warning background');

    const seen = changes;
    // cocli's file is the user's: Set Token must not touch it (not even rewrite the same text).
    const fileBefore = { bytes: fs.readFileSync(cocli.path), mtimeNs: fs.statSync(cocli.path, { bigint: true }).mtimeNs };
    await setToken(NEW_TOKEN, ui);
    assert.ok(changes > seen);
    assert.equal(profiles.isTokenRejected(), false);
    assert.equal(statusBar.backgroundColor, undefined);
    const org = await (await profiles.api()).getOrganization();
    assert.equal(org.slug, FAKE_COSCENE.orgSlug);
    assert.ok(fs.readFileSync(cocli.path).equals(fileBefore.bytes), 'the cocli file changed');
    assert.equal(fs.statSync(cocli.path, { bigint: true }).mtimeNs, fileBefore.mtimeNs, 'the cocli file was rewritten');
    assert.ok(!fs.readFileSync(cocli.path, 'utf8').includes(NEW_TOKEN), 'the new token is in the cocli file');
    assert.equal((await (await profiles.api()).getUser('users/current')).name, FAKE_COSCENE.writerUserName);

    // `cocli login set -t` later writes a new token to the file: that newer token wins over the override.
    cocli.write(originalText.replace(`token: ${FAKE_COSCENE.inactiveToken}`, `token: ${FAKE_COSCENE.adminToken}`));
    await waitUntil(
      async () => (await (await profiles.api()).getUser('users/current')).name === FAKE_COSCENE.adminUserName,
      'the new file token to replace the override',
    );
    cocli.write(originalText);
    await waitUntil(
      async () => (await (await profiles.api()).getUser('users/current')).name === FAKE_COSCENE.writerUserName,
      'the original file',
    );
  });

  it('a token set in VS Code is not sent when the profile moves to another endpoint; the view says why', async () => {
    const other = await startFakeServer({ seedUsers: 5 });
    try {
      await switchProfile('stale', 'cocli', ui);
      await setToken(NEW_TOKEN, ui);
      assert.equal((await (await profiles.api()).getUser('users/current')).name, FAKE_COSCENE.writerUserName);
      // The file's endpoint moves (cocli login set -e), its token stays: the override was set for the first host.
      const moved = cocliYaml('lark', [
        { name: 'lark', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' },
        { name: 'io', endpoint: server.url, token: FAKE_COSCENE.deviceToken, project: 'lidar-tests', org: 'acme-robotics' },
        { name: 'stale', endpoint: other.url, token: FAKE_COSCENE.inactiveToken, project: 'mcap' },
      ]);
      cocli.write(moved);
      await waitUntil(
        () => profiles.current()?.endpoint.startsWith(other.url.replace(/\/$/, '')),
        'the profile to point to the second host',
      );
      await assert.rejects(profiles.api(), /was set for http:\/\/127\.0\.0\.1:\d+, but the profile now points to http:\/\/127\.0\.0\.1/);
      const tree = (await extensionApi()).trees.get('coscene.orgUsers') as vscode.TreeDataProvider<unknown>;
      await vscode.commands.executeCommand('coscene.users.refresh');
      const roots = (await tree.getChildren()) ?? [];
      const items = await Promise.all(roots.map((r) => tree.getTreeItem(r)));
      const shown = items
        .map((i) => `${typeof i.label === 'string' ? i.label : (i.label?.label ?? '')} ${String(i.tooltip ?? '')}`)
        .join('\n');
      assert.match(shown, /not sent to a different host/, shown);
      assert.deepEqual(
        other.stats.requests.filter((r) => r.headers.authorization !== undefined).map((r) => r.procedure),
        [],
        'the second host received a token',
      );
    } finally {
      cocli.write(originalText);
      await waitUntil(() => profiles.current()?.endpoint.startsWith(server.url.replace(/\/$/, '')), 'the original endpoint');
      await other.close();
    }
  });

  it('builds the HTTP client from settings and rebuilds it when they change', async () => {
    const http = vscode.workspace.getConfiguration('http');
    const ours = vscode.workspace.getConfiguration('coscene.http');
    const before = await profiles.api();
    try {
      await http.update('noProxy', [' a.example ', 'b.example', ''], vscode.ConfigurationTarget.Global);
      await http.update('proxyStrictSSL', false, vscode.ConfigurationTarget.Global);
      await ours.update('timeoutSeconds', 5, vscode.ConfigurationTarget.Global);
      const options = httpClientOptionsFromSettings();
      assert.equal(options.proxy?.noProxy, 'a.example,b.example');
      assert.equal(options.proxy?.strictSSL, false);
      // coscene-access/<package version> (vscode/<VS Code version>), for gateways that refuse requests without one.
      assert.equal(
        options.userAgent,
        `coscene-access/${String(vscode.extensions.getExtension('coscene.coscene-access')?.packageJSON.version)} (vscode/${vscode.version})`,
      );
      assert.match(options.userAgent ?? '', /^coscene-access\/\d+\.\d+\.\d+\S* \(vscode\/\d+\.\d+\.\d+\S*\)$/);
      assert.equal(requestTimeoutMs(), 5000);
      const after = await profiles.api();
      assert.notEqual(after, before, 'a new client after the settings changed');
      assert.equal((await after.getOrganization()).slug, FAKE_COSCENE.orgSlug);
    } finally {
      await http.update('noProxy', undefined, vscode.ConfigurationTarget.Global);
      await http.update('proxyStrictSSL', undefined, vscode.ConfigurationTarget.Global);
      await ours.update('timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('does not create a missing cocli file, and picks it up once cocli writes it', async () => {
    const file = path.join(makeTempDir('cocli-later-'), '.cocli.yaml');
    const config = vscode.workspace.getConfiguration('coscene');
    try {
      await config.update('cocliConfigPath', file, vscode.ConfigurationTarget.Global);
      await waitUntil(
        () => profiles.configPath() === file && !profiles.list().some((p) => p.source === 'cocli'),
        'the missing file to load',
      );
      assert.equal(profiles.configError(), undefined, 'a missing file is not an error');
      assert.equal(fs.existsSync(file), false);
      fs.writeFileSync(
        file,
        cocliYaml('later', [{ name: 'later', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' }]),
      );
      await waitUntil(() => profiles.list().some((p) => p.source === 'cocli' && p.name === 'later'), 'the new file to be picked up');
    } finally {
      await config.update('cocliConfigPath', cocli.path, vscode.ConfigurationTarget.Global);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  // Pins that cocli's file stays cocli's: after the switches, Set Token, broken and fixed files and the
  // settings changes of this suite, the file is exactly as cocli (this suite) last wrote it, never rewritten
  // (not even with the same text), and no backup or temp file appeared next to it.
  it('never writes the cocli file', () => {
    assert.ok(fs.readFileSync(cocli.path).equals(lastWritten.bytes), "the cocli file's bytes changed");
    assert.equal(
      fs.statSync(cocli.path, { bigint: true }).mtimeNs,
      lastWritten.mtimeNs,
      'the cocli file was rewritten after the suite last wrote it',
    );
    assert.deepEqual(fs.readdirSync(path.dirname(cocli.path)), ['.cocli.yaml']);
  });
});
