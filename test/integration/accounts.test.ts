import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProfileService } from '../../src/vscode/profiles/profileService';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../fake/server';
import { CocliFile, cocliYaml, extensionApi, useCocliFile, waitUntil } from './helpers/profileFixtures';

/** The Accounts menu as VS Code sees it: `vscode.authentication` against the provider `coscene` (issue 15). */
describe('Accounts menu: the coscene authentication provider (issue 15)', function () {
  this.timeout(60_000);
  let server: FakeServer;
  let profiles: ProfileService;
  let cocli: CocliFile;
  let events = 0;
  let listener: vscode.Disposable;
  let activeBefore: { name: string; source: 'cocli' | 'env' | 'extension' } | undefined;

  const accounts = async () => vscode.authentication.getAccounts('coscene');
  const labels = async () => (await accounts()).map((a) => a.label).sort();

  before(async () => {
    server = await startFakeServer({ seedUsers: 5 });
    profiles = (await extensionApi()).features.profiles as ProfileService;
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

  after(async () => {
    listener?.dispose();
    await vscode.commands.executeCommand('coscene.profile.remove', { name: 'acct-added' });
    await cocli?.restore();
    if (activeBefore) await vscode.commands.executeCommand('coscene.profile.switch', activeBefore);
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

  it('hands no token out without the consent prompt: a silent getSession gets nothing', async () => {
    await waitUntil(async () => (await labels()).includes('lark'), 'the lark account');
    const session = await vscode.authentication.getSession('coscene', [], { silent: true });
    assert.equal(session, undefined);
  });

  it('a profile added in VS Code becomes an account; Sign Out forgets its token and the account, not the profile', async () => {
    const seen = events;
    const added = await vscode.commands.executeCommand('coscene.profile.add', {
      name: 'acct-added',
      endpoint: server.url,
      project: 'perception',
      token: FAKE_COSCENE.writerToken,
    });
    assert.equal(added, true);
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

    // Signing in again (Set Token) brings the account back; removing the profile takes it away.
    assert.equal(
      await vscode.commands.executeCommand('coscene.profile.setToken', {
        name: 'acct-added',
        source: 'extension',
        token: FAKE_COSCENE.writerToken,
      }),
      true,
    );
    await waitUntil(async () => (await labels()).includes('acct-added'), 'the account "acct-added" after Set Token');
    assert.equal(await vscode.commands.executeCommand('coscene.profile.remove', { name: 'acct-added' }), true);
    await waitUntil(async () => !(await labels()).includes('acct-added'), 'the account to go with the profile');
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
