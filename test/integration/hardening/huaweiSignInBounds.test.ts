/**
 * In the extension host. A Huawei sign-in stays bound to the hosts it was made with: when a
 * setting later points IAM or CodeArts Artifact elsewhere, nothing carrying the credentials reaches the new host and
 * the user is told why, with Sign In (IAM password and AK/SK sign-ins alike). A sign-in that did not keep the password ends with its token: the user is asked
 * to sign in again, not shown a generic error, and no password is sent anywhere.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { PermissionsTestApi } from '../../../src/vscode/permissions';
import {
  HUAWEI_SETTINGS_SECTION,
  PERMISSIONS_VIEW_ID,
  REFRESH_COMMAND,
  SHOW_MATRIX_COMMAND,
  SIGN_OUT_COMMAND,
} from '../../../src/vscode/permissions/keys';
import { FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { AKSK_SIGN_IN, PASSWORD_SIGN_IN, type SignInAnswers, signInThroughUi } from '../helpers/huaweiSignIn';
import { restoreUi, type ScriptedUi, scriptUi } from '../helpers/scriptedUi';
import { extensionApi } from '../helpers/profileFixtures';
import { waitUntil } from '../../support/waitUntil';

type Item = vscode.TreeItem;
const HOUR = 60 * 60 * 1000;

const label = (item: Item): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** Another host on this machine that records every request it gets (and answers 404); closes itself after a while. */
async function startOtherHost(): Promise<{ url: string; host: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${Object.keys(req.headers).join(',')}`);
    req.resume();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), 10 * 60 * 1000);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => {
      clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a Huawei sign-in stays bound to the hosts it was made with', function () {
  this.timeout(30_000);
  let server: FakeServer;
  let other: Awaited<ReturnType<typeof startOtherHost>>;
  let feature: PermissionsTestApi;
  let tree: vscode.TreeDataProvider<Item>;
  /** Answers the sign-in's questions and records every notification. */
  let ui: ScriptedUi;
  let globalState: vscode.Memento;
  let previous: { endpoint?: string; iamEndpoint?: string };
  /** Added to the fake's clock: a negative skew makes it issue tokens that end sooner. */
  let skewMs = 0;

  const config = () => vscode.workspace.getConfiguration(HUAWEI_SETTINGS_SECTION);
  const setEndpoint = (key: 'endpoint' | 'iamEndpoint', url: string | undefined) =>
    config().update(key, url, vscode.ConfigurationTarget.Global);
  const children = async (item?: Item): Promise<Item[]> => ((await tree.getChildren(item)) ?? []) as Item[];
  /** Sign In, its questions answered; resolves with the error notifications shown (none: signed in). */
  const signIn = (answers: SignInAnswers): Promise<string[]> => signInThroughUi(ui, answers);
  const huaweiRequests = (operation?: string) =>
    server.stats.requests.filter((r) => r.api === 'huawei' && (!operation || r.procedure === operation));
  /** The root of the view must be one error item; returns its text and the titles of its actions. */
  const rootError = async (): Promise<{ text: string; actions: string[] }> => {
    const root = await children();
    const error = root.find((i) => i.contextValue === 'coscene.error');
    assert.ok(error, `no error item among ${JSON.stringify(root.map(label))}`);
    return { text: `${label(error)} ${String(error.tooltip ?? '')}`, actions: (await children(error)).map(label) };
  };

  before(async () => {
    server = await startFakeServer({ now: () => Date.now() + skewMs });
    other = await startOtherHost();
    const api = await extensionApi();
    feature = api.permissions;
    globalState = api.globalState;
    tree = api.trees.get(PERMISSIONS_VIEW_ID) as vscode.TreeDataProvider<Item>;
    await feature.ready;
    previous = {
      endpoint: config().inspect<string>('endpoint')?.globalValue,
      iamEndpoint: config().inspect<string>('iamEndpoint')?.globalValue,
    };
    await setEndpoint('endpoint', server.url);
    await setEndpoint('iamEndpoint', server.url);
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await restoreUi();
    skewMs = 0;
    server.faults.clear();
    server.stats.requests.length = 0;
    other.requests.length = 0;
    await setEndpoint('endpoint', server.url);
    await setEndpoint('iamEndpoint', server.url);
  });

  after(async () => {
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
    await setEndpoint('endpoint', previous?.endpoint);
    await setEndpoint('iamEndpoint', previous?.iamEndpoint);
    await other?.close();
    await server?.close();
  });

  for (const [how, args] of [
    ['an IAM password', PASSWORD_SIGN_IN],
    ['an access key (AK/SK)', AKSK_SIGN_IN],
  ] as const) {
    it(`Artifact endpoint moved after sign-in with ${how}: the tree and the matrix send no credentials, the user is told why with Sign In`, async () => {
      assert.deepEqual(await signIn(args), []);
      const repository = (await children()).find((i) => label(i) === 'maven-release');
      assert.ok(repository, 'signed in: the repositories are listed');
      const shownBefore = ui.shown.length;

      await setEndpoint('endpoint', other.url);
      const { text, actions } = await rootError();
      const moved = vscode.l10n.t(
        'The Huawei Cloud sign-in was made for CodeArts Artifact at {0}, but the settings now point it to {1}. Your credentials are not sent to a different host: sign in again to use the new endpoint, or change the setting back.',
        `127.0.0.1:${server.port}`,
        other.host,
      );
      assert.ok(text.includes(moved), text);
      assert.ok(actions.includes(vscode.l10n.t('Sign In…')), `actions: ${JSON.stringify(actions)}`);
      await vscode.commands.executeCommand(REFRESH_COMMAND);
      await children();
      const matrixBefore = feature.matrix.last;
      await vscode.commands.executeCommand(SHOW_MATRIX_COMMAND, repository);
      assert.equal(feature.matrix.last, matrixBefore, 'the matrix showed nothing');
      const refused = ui.shown.slice(shownBefore).find((n) => n.severity === 'error');
      assert.ok(refused, 'the matrix command said why it did nothing');
      assert.ok(refused.message.includes(other.host) && refused.actions.includes(vscode.l10n.t('Sign In…')), JSON.stringify(refused));
      assert.deepEqual(other.requests, [], 'the new host was contacted');

      // Setting it back uses the same sign-in again.
      await setEndpoint('endpoint', server.url);
      assert.ok((await children()).some((i) => label(i) === 'maven-release'));
      assert.deepEqual(other.requests, []);
    });
  }

  it('IAM endpoint moved while the token is due for renewal: the stored password is not posted to the new host', async () => {
    skewMs = -23.5 * HOUR; // the fake issues a token that ends in 30 minutes: renewal is due at once
    assert.deepEqual(await signIn(PASSWORD_SIGN_IN), []);
    skewMs = 0;

    await setEndpoint('iamEndpoint', other.url);
    const before = huaweiRequests().length;
    const { text, actions } = await rootError();
    const moved = vscode.l10n.t(
      'The Huawei Cloud sign-in was made with IAM at {0}, but the settings now point IAM to {1}. Your credentials are not sent to a different host: sign in again to use the new endpoint, or change the setting back.',
      `127.0.0.1:${server.port}`,
      other.host,
    );
    assert.ok(text.includes(moved), text);
    assert.ok(actions.includes(vscode.l10n.t('Sign In…')), `actions: ${JSON.stringify(actions)}`);
    assert.deepEqual(other.requests, [], 'the password went to the new IAM host');
    assert.equal(huaweiRequests().length, before, 'no Huawei request at all while the settings disagree with the sign-in');

    // Back to the host of the sign-in: the token is renewed there (sign-in + renewal), silently.
    await setEndpoint('iamEndpoint', server.url);
    assert.ok((await children()).some((i) => label(i) === 'maven-release'));
    assert.equal(huaweiRequests('KeystoneCreateUserTokenByPassword').length, 2, 'renewed at the original IAM host');
    assert.deepEqual(other.requests, []);
  });

  it('Artifact endpoint moved while the renewal is on the wire: the renewed token goes only to the host that was checked', async () => {
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
    skewMs = -23.5 * HOUR; // renewal due at the next call
    assert.deepEqual(await signIn(PASSWORD_SIGN_IN), []);
    skewMs = 0;
    const renewals = () => huaweiRequests('KeystoneCreateUserTokenByPassword').length;
    const before = renewals();
    server.faults.add({ kind: 'latency', ms: 500, match: { procedure: 'KeystoneCreateUserTokenByPassword' } });
    await vscode.commands.executeCommand(REFRESH_COMMAND);
    const listing = children();
    await waitUntil(() => renewals() > before, 'the renewal to reach IAM', 10_000);
    await setEndpoint('endpoint', other.url); // while IAM takes its 500 ms
    try {
      await listing;
      assert.deepEqual(other.requests, [], 'the renewed token went to the host the settings named during the renewal');
    } finally {
      await setEndpoint('endpoint', server.url);
    }
  });

  it('"Use the password once": when the token ends the user is asked to sign in again, and no password is sent', async () => {
    await vscode.commands.executeCommand(SIGN_OUT_COMMAND);
    const shownBefore = ui.shown.length;
    skewMs = -(24 * HOUR - 30_000); // the fake issues a token with 30 s left: less than the minute a view needs
    assert.deepEqual(await signIn({ ...PASSWORD_SIGN_IN, keepPassword: false }), []);
    skewMs = 0;
    assert.equal(huaweiRequests('KeystoneCreateUserTokenByPassword').length, 1);
    const state = JSON.stringify(Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)])));
    assert.ok(!state.includes(FAKE_HUAWEI.iamPassword));
    server.stats.requests.length = 0;

    await vscode.commands.executeCommand(REFRESH_COMMAND);
    const { text, actions } = await rootError();
    const ended = vscode.l10n.t(
      'Your Huawei Cloud sign-in has ended (the password was not kept). Sign in again to see repository permissions.',
    );
    assert.ok(text.includes(ended), text);
    assert.doesNotMatch(text, /Unexpected error/);
    assert.ok(actions.includes(vscode.l10n.t('Sign In…')), `actions: ${JSON.stringify(actions)}`);
    const told = ui.shown.slice(shownBefore).filter((n) => n.severity === 'warning');
    assert.equal(told.length, 1, `one notice: ${JSON.stringify(ui.shown.slice(shownBefore))}`);
    assert.deepEqual(told[0].actions, [vscode.l10n.t('Sign In…')]);
    assert.equal(told[0].message, ended);
    assert.deepEqual(huaweiRequests(), [], 'no renewal (there is no password) and no call with the ending token');

    // The notice comes once per token, not on every refresh.
    await vscode.commands.executeCommand(REFRESH_COMMAND);
    await rootError();
    assert.equal(ui.shown.slice(shownBefore).filter((n) => n.severity === 'warning').length, 1);
  });
});
