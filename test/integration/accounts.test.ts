import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import type { CosceneAuthProvider } from '../../src/vscode/profiles/authProvider';
import type { ProfileService } from '../../src/vscode/profiles/profileService';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../fake/server';
import { waitUntil } from '../support/waitUntil';
import { addProfile, removeProfile, setToken, switchProfile } from './helpers/profileCommands';
import { CocliFile, cocliYaml, extensionApi, useCocliFile } from './helpers/profileFixtures';
import { restoreUi, scriptUi, type ScriptedUi } from './helpers/scriptedUi';

/** The Accounts menu as VS Code sees it: `vscode.authentication` against the provider `coscene`. */
describe('Accounts menu: the coscene authentication provider', function () {
  this.timeout(60_000);
  let server: FakeServer;
  let profiles: ProfileService;
  let provider: CosceneAuthProvider;
  let ui: ScriptedUi;
  let cocli: CocliFile;
  let events = 0;
  let listener: vscode.Disposable;
  let activeBefore: { name: string; source: 'cocli' | 'env' | 'extension' } | undefined;

  const accounts = async () => vscode.authentication.getAccounts('coscene');
  const labels = async () => (await accounts()).map((a) => a.label).sort();

  before(async () => {
    server = await startFakeServer({ seedUsers: 5 });
    ({ profiles, accounts: provider } = await extensionApi());
    await profiles.ready;
    const current = profiles.current();
    activeBefore = current && { name: current.name, source: current.source };
    listener = vscode.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === 'coscene') events++;
    });
    cocli = await useCocliFile(
      cocliYaml('lark', [
        { name: 'lark', endpoint: server.url, token: FAKE_COSCENE.adminToken, project: 'mcap' },
        { name: 'io', endpoint: server.url, token: FAKE_COSCENE.deviceToken, project: 'lidar-tests', org: 'acme-robotics' },
      ]),
    );
    await waitUntil(() => profiles.list().some((p) => p.source === 'cocli' && p.name === 'io'), 'the cocli profiles to load');
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await restoreUi();
  });

  after(async () => {
    listener?.dispose();
    if (profiles?.list().some((p) => p.source === 'extension' && p.name === 'acct-added')) await removeProfile('acct-added');
    await cocli?.restore();
    if (activeBefore && profiles.list().some((p) => p.name === activeBefore?.name && p.source === activeBefore.source))
      await switchProfile(activeBefore.name, activeBefore.source);
    await server?.close();
  });

  it('lists every cocli profile as an account, with the organization the profile names', async () => {
    await waitUntil(async () => {
      const l = await labels();
      return l.includes('lark') && l.includes('io · acme-robotics');
    }, 'accounts "lark" and "io · acme-robotics"');
    const ids = (await accounts()).map((a) => a.id);
    assert.ok(ids.includes('cocli:lark') && ids.includes('cocli:io'), `account ids ${ids.join(', ')}`);
  });

  it('hands no token out without the consent prompt: a silent getSession gets nothing while the provider holds one', async () => {
    await waitUntil(async () => (await labels()).includes('lark'), 'the lark account');
    // The provider does have a session with the token: what keeps it from this caller is the missing consent.
    const held = (await provider.getSessions(['openapi'])).find((s) => s.account.label === 'lark');
    assert.equal(held?.accessToken, FAKE_COSCENE.adminToken);
    for (const scopes of [[], ['openapi']]) {
      const session = await vscode.authentication.getSession('coscene', scopes, { silent: true });
      assert.equal(session, undefined, `a silent getSession for [${scopes.join(', ')}]`);
    }
  });

  it('Sign Out (removeSession) of a VS Code profile deletes its token from SecretStorage and says so; the profile stays', async () => {
    await addProfile({ name: 'acct-signout', endpoint: server.url, project: 'perception', token: FAKE_COSCENE.writerToken }, ui);
    const stored = async () => (await profiles.withTokens()).find((p) => p.source === 'extension' && p.name === 'acct-signout');
    assert.equal((await stored())?.token, FAKE_COSCENE.writerToken, 'the token is in SecretStorage before');
    const session = await waitUntil(
      async () => (await provider.getSessions(['openapi'])).find((s) => s.account.label === 'acct-signout'),
      'the session of "acct-signout"',
    );
    const shownBefore = ui.shown.length;
    await provider.removeSession(session.id);
    assert.deepEqual(
      ui.shown.slice(shownBefore).map((n) => n.message),
      ['Signed out of the coScene profile "acct-signout": its token is removed from VS Code. The profile stays; Set Token signs in again.'],
    );
    const after = await stored();
    assert.ok(after, 'the profile stays');
    assert.equal(after.token, undefined, 'no token in SecretStorage');
    await waitUntil(async () => !(await labels()).includes('acct-signout'), 'VS Code to stop listing the account');
    await removeProfile('acct-signout', ui);
    assert.ok(!profiles.list().some((p) => p.name === 'acct-signout'), 'the profile is removed');
  });

  it('Sign Out (removeSession) of a cocli profile forgets the token set in VS Code, keeps the cocli file byte for byte and says so', async () => {
    const hash = () => createHash('sha256').update(cocli.read()).digest('hex');
    const before = hash();
    // A token set in VS Code over the file's (Set Token, for the active profile) is what Sign Out can forget; the file's own token stays.
    await switchProfile('io', 'cocli', ui);
    await setToken(FAKE_COSCENE.writerToken, ui);
    const io = async () => (await profiles.withTokens()).find((p) => p.source === 'cocli' && p.name === 'io');
    assert.equal((await io())?.token, FAKE_COSCENE.writerToken);
    const shownBefore = ui.shown.length;
    await provider.removeSession('cocli:io');
    assert.deepEqual(
      ui.shown.slice(shownBefore).map((n) => n.message),
      [
        `The profile "io" stays signed in with the token in ${profiles.configPath()}, which cocli manages. To sign out there, run "cocli login delete io".`,
      ],
    );
    assert.equal((await io())?.token, FAKE_COSCENE.deviceToken, "back to the cocli file's token");
    assert.equal(hash(), before, 'the cocli file is unchanged');
    assert.ok((await labels()).includes('io · acme-robotics'), 'still an account');
  });

  it('a profile added in VS Code becomes an account; Sign Out forgets its token and the account, not the profile', async () => {
    const seen = events;
    await addProfile({ name: 'acct-added', endpoint: server.url, project: 'perception', token: FAKE_COSCENE.writerToken }, ui);
    assert.ok(
      profiles.list().some((p) => p.source === 'extension' && p.name === 'acct-added'),
      'the profile was added',
    );
    await waitUntil(async () => (await labels()).includes('acct-added'), 'the account "acct-added"');
    await waitUntil(() => events > seen, 'onDidChangeSessions for coscene after Add Profile');

    const beforeSignOut = events;
    await profiles.signOut('extension', 'acct-added');
    await waitUntil(async () => !(await labels()).includes('acct-added'), 'the account "acct-added" to go');
    await waitUntil(() => events > beforeSignOut, 'onDidChangeSessions for coscene after Sign Out');
    assert.ok(
      profiles.list().some((p) => p.source === 'extension' && p.name === 'acct-added'),
      'the profile stays',
    );
    await assert.rejects(profiles.api(), /has no token/);

    // Signing in again (Set Token, for the active profile) brings the account back; removing the profile takes it away.
    assert.equal(profiles.current()?.name, 'acct-added', 'the added profile is the active one');
    await setToken(FAKE_COSCENE.writerToken, ui);
    await waitUntil(async () => (await labels()).includes('acct-added'), 'the account "acct-added" after Set Token');
    await removeProfile('acct-added', ui);
    assert.ok(!profiles.list().some((p) => p.name === 'acct-added'), 'the profile is removed');
    await waitUntil(async () => !(await labels()).includes('acct-added'), 'the account to go with the profile');
  });

  it('Sign in with coScene (createSession) offers the profiles without a token and asks for the one picked', async () => {
    await addProfile({ name: 'acct-signin', endpoint: server.url, project: 'perception', token: FAKE_COSCENE.writerToken }, ui);
    await profiles.signOut('extension', 'acct-signin');
    await waitUntil(async () => !(await labels()).includes('acct-signin'), 'the signed-out account to go');
    const askedBefore = ui.asked.length;
    ui.pick('acct-signin').input(FAKE_COSCENE.writerToken);
    const session = await provider.createSession([]);
    ui.assertAllAnswered();
    const [pick, input] = ui.asked.slice(askedBefore);
    assert.equal(pick?.title, vscode.l10n.t('Sign In to coScene'));
    assert.ok(pick?.offered.includes('acct-signin'), `offered: ${pick?.offered.join(', ')}`);
    assert.equal(input?.title, vscode.l10n.t('Set Token for Profile'));
    assert.deepEqual(
      { label: session.account.label, token: session.accessToken },
      { label: 'acct-signin', token: FAKE_COSCENE.writerToken },
    );
    await removeProfile('acct-signin', ui);
  });

  it('signing out of a cocli profile leaves the cocli file alone and the account listed', async () => {
    const text = cocli.read();
    await profiles.signOut('cocli', 'lark');
    assert.equal(cocli.read(), text);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok((await labels()).includes('lark'));
  });

  it('removing the cocli profiles from the file removes their accounts', async () => {
    cocli.write(
      cocliYaml('io', [
        { name: 'io', endpoint: server.url, token: FAKE_COSCENE.deviceToken, project: 'lidar-tests', org: 'acme-robotics' },
      ]),
    );
    await waitUntil(async () => {
      const l = await labels();
      return !l.includes('lark') && l.includes('io · acme-robotics');
    }, 'only "io" left of the cocli accounts');
  });
});
