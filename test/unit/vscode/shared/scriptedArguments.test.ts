/**
 * A command run with arguments by someone other than the user (another extension, a link) must still ask. Only in
 * ExtensionMode.Test (the integration tests) may arguments skip the questions and confirmations. activate() runs in
 * plain Node with the vscode stand-in (test/support/vscodeStub.cjs) and the fake on 127.0.0.1; each command that
 * reads such arguments is called with a hostile set, in every mode, and what the user would have been asked and what
 * changed are recorded.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_COSCENE, FAKE_HUAWEI, startFakeServer, type FakeServer } from '../../../fake/server';
import { REPO_ROOT as root } from '../../../support/repoRoot';

const MODES = { Production: 1, Development: 2, Test: 3 } as const;
type Mode = keyof typeof MODES;

interface Context {
  extensionMode: number;
  subscriptions: { dispose(): unknown }[];
  secrets: { store(k: string, v: string): Promise<void>; delete(k: string): Promise<void> };
}
interface Stub {
  installVscode(options: { settings: Record<string, unknown> }): unknown;
  createContext(root: string): Context;
}
type Fn = (...args: never[]) => unknown;
interface Vscode {
  window: Record<string, Fn>;
  workspace: Record<string, unknown> & {
    getConfiguration(section: string): { update(key: string, value: unknown): Promise<void> };
  };
  env: { clipboard: Record<string, Fn> };
  commands: { executeCommand(id: string, ...args: unknown[]): Promise<unknown> };
  ExtensionMode: Record<Mode, number>;
}

/** What the user would have seen (titles of questions and confirmations) and what changed, during one call. */
interface Observed {
  asked: string[];
  storedSecrets: string[];
  deletedSecrets: string[];
  written: string[];
  opened: number;
  clipboard: string[];
}

const INTRUDER = { name: 'intruder', endpoint: 'https://127.0.0.1:9', project: 'loot', token: 'intruder-token-5f1c' };
const ATTACKER_TOKEN = 'attacker-token-9d2e';
/** The user's own profile, added in VS Code. */
const OWN = { name: 'mine', endpoint: 'http://127.0.0.1:1', project: 'mcap', token: 'own-token-7c3a' };

describe('command arguments from someone other than the user still ask, outside test mode', function () {
  this.timeout(30_000);
  let vscode: Vscode;
  let fake: FakeServer;
  let home: string;
  let context: Context;
  const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE };
  let seen: Observed;
  const reset = (): void => {
    seen = { asked: [], storedSecrets: [], deletedSecrets: [], written: [], opened: 0, clipboard: [] };
  };

  const activate = (mode: Mode): unknown => {
    for (const d of context.subscriptions.splice(0)) d.dispose();
    context.extensionMode = MODES[mode];
    const extension = require(join(root, 'out/src/extension.js')) as { activate(c: unknown): unknown };
    return extension.activate(context);
  };
  const run = async (id: string, args: unknown): Promise<{ result: unknown; seen: Observed }> => {
    reset();
    const result = await vscode.commands.executeCommand(id, args);
    return { result, seen };
  };

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'coscene-args-'));
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    try {
      vscode = require('vscode') as Vscode;
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as Stub).installVscode({ settings: {} });
      vscode = require('vscode') as Vscode;
    }
    fake = await startFakeServer({ seedUsers: 12, maxLifetimeMs: 60_000 });
    const cocliFile = join(home, 'cocli.yaml');
    writeFileSync(
      cocliFile,
      `current-profile: lab\nprofiles:\n    - endpoint: ${fake.url}\n      name: lab\n      project: mcap\n      token: ${FAKE_COSCENE.adminToken}\n`,
    );
    await vscode.workspace.getConfiguration('coscene').update('cocliConfigPath', cocliFile);
    // Whatever happens, Huawei calls reach the fake only.
    await vscode.workspace.getConfiguration('coscene.huawei').update('endpoint', fake.url);
    await vscode.workspace.getConfiguration('coscene.huawei').update('iamEndpoint', fake.url);

    const ask = (kind: string) => async (first: unknown, second?: unknown) => {
      const options = (Array.isArray(first) ? second : first) as { title?: string; prompt?: string } | undefined;
      seen.asked.push(`${kind}: ${typeof first === 'string' ? first : (options?.title ?? options?.prompt ?? '')}`);
      return undefined; // the user dismisses every question
    };
    /** createInputBox / createQuickPick (the step-by-step flows): recorded when shown, then dismissed. */
    const quickInput = (kind: string) => () => {
      const hidden: (() => void)[] = [];
      const on =
        (list?: (() => void)[]) =>
        (listener: () => void): { dispose(): void } => {
          list?.push(listener);
          return { dispose: () => undefined };
        };
      const input = {
        title: '' as string | undefined,
        onDidHide: on(hidden),
        onDidAccept: on(),
        onDidChangeValue: on(),
        onDidTriggerButton: on(),
        show: () => {
          seen.asked.push(`${kind}: ${input.title ?? ''}`);
          setTimeout(() => hidden.forEach((f) => f())); // the user dismisses every question
        },
        hide: () => hidden.forEach((f) => f()),
        dispose: () => undefined,
      };
      return input;
    };
    Object.assign(vscode.window, {
      createInputBox: quickInput('input'),
      createQuickPick: quickInput('pick'),
      showQuickPick: ask('pick'),
      showInputBox: ask('input'),
      showSaveDialog: ask('save'),
      showWarningMessage: ask('warning'),
      showInformationMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showTextDocument: async () => undefined,
    });
    Object.assign(vscode.workspace, {
      fs: { writeFile: async (uri: { fsPath: string }) => void seen.written.push(uri.fsPath) },
      openTextDocument: async () => {
        seen.opened++;
        return {};
      },
    });
    Object.assign(vscode.env.clipboard, {
      readText: async () => seen.clipboard.at(-1) ?? '',
      writeText: async (text: string) => void seen.clipboard.push(text),
    });

    context = (require(join(root, 'test/support/vscodeStub.cjs')) as Stub).createContext(home);
    const { store, delete: remove } = context.secrets;
    context.secrets.store = async (k, v) => {
      seen.storedSecrets.push(v);
      return store(k, v);
    };
    context.secrets.delete = async (k) => {
      seen.deletedSecrets.push(k);
      return remove(k);
    };
    reset();
    // The user's own profile "mine", added in VS Code (through the test API, not made the active one).
    const api = activate('Test') as { profiles: { addProfile(p: object, token: string, activate: boolean): Promise<void> } };
    await api.profiles.addProfile({ name: OWN.name, endpoint: OWN.endpoint, project: OWN.project }, OWN.token, false);
  });

  after(async () => {
    for (const d of context?.subscriptions.splice(0) ?? []) d.dispose();
    await fake?.close();
    process.env.HOME = saved.HOME;
    process.env.USERPROFILE = saved.USERPROFILE;
    rmSync(home, { recursive: true, force: true });
  });

  it('the decision: only ExtensionMode.Test is test mode (the test API, a replaceable window)', () => {
    const { isTestMode } = require('../../../../src/vscode/shared/testMode') as typeof import('../../../../src/vscode/shared/testMode');
    assert.equal(isTestMode(vscode.ExtensionMode.Test as never), true);
    assert.equal(isTestMode(vscode.ExtensionMode.Production as never), false);
    assert.equal(isTestMode(vscode.ExtensionMode.Development as never), false);
  });

  const exportFile = (name: string) => join(home, name);

  /**
   * Each command whose arguments once let a caller skip a question (a profile's token, credentials, an export's
   * destination), with what a user must be asked whatever the arguments, in every mode.
   */
  const cases: {
    command: string;
    args: () => unknown;
    /** The question the user sees first (its title) when the arguments are ignored. */
    asks: RegExp;
    /** Nothing of this happened. */
    unchanged: (o: Observed) => void;
  }[] = [
    {
      command: 'coscene.profile.setToken',
      args: () => ({ name: OWN.name, source: 'extension', token: ATTACKER_TOKEN }),
      asks: /^input: Set Token for Profile$/,
      unchanged: (o) => assert.ok(!o.storedSecrets.some((v) => v.includes(ATTACKER_TOKEN)), "the caller's token was saved"),
    },
    {
      command: 'coscene.huawei.signIn',
      args: () => ({
        method: 'password',
        userName: FAKE_HUAWEI.iamUser,
        password: FAKE_HUAWEI.iamPassword,
        domainName: FAKE_HUAWEI.domainName,
        region: FAKE_HUAWEI.region,
        codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
      }),
      asks: /^pick: Sign in to Huawei Cloud$/,
      unchanged: (o) => {
        assert.deepEqual(o.storedSecrets, [], 'sign-in credentials were stored');
        assert.equal(fake.stats.requests.filter((r) => r.api === 'huawei').length, 0, 'IAM was called');
      },
    },
    {
      command: 'coscene.export.users',
      args: () => ({ scope: 'organization', roleCode: '', format: 'json', target: { file: exportFile('users.json') } }),
      asks: /^pick: Export Users of$/,
      unchanged: (o) => assert.deepEqual(o.written, [], 'a file was written'),
    },
    {
      command: 'coscene.export.roles',
      args: () => ({ level: 'all', format: 'csv', target: { file: exportFile('roles.csv') } }),
      asks: /^pick: Export Format$/,
      unchanged: (o) => assert.deepEqual(o.written, [], 'a file was written'),
    },
    {
      command: 'coscene.access.exportMatrix',
      args: () => ({ format: 'csv', roleCodes: [], projects: [], target: { file: exportFile('access.csv') } }),
      asks: /^pick: Export Format$/, // not even the format is taken: it would also choose the file's extension
      unchanged: (o) => assert.deepEqual(o.written, [], 'a file was written'),
    },
    {
      command: 'coscene.registry.createCredential',
      args: () => ({ format: 'json', copy: 'password' }),
      asks: /^pick: /,
      unchanged: (o) => {
        assert.deepEqual(o.clipboard, [], 'the password was copied');
        assert.equal(o.opened, 0, 'a credential document was opened');
      },
    },
    {
      command: 'coscene.profile.remove',
      args: () => ({ name: OWN.name }),
      asks: /^pick: Remove coScene Profile$/,
      unchanged: (o) => assert.deepEqual(o.deletedSecrets, [], 'a profile token was deleted'),
    },
    {
      command: 'coscene.profile.add',
      args: () => INTRUDER,
      asks: /^input: Add coScene Profile$/,
      unchanged: (o) => assert.ok(!o.storedSecrets.some((v) => v.includes(INTRUDER.token)), 'the intruder profile was added'),
    },
  ];

  for (const mode of ['Production', 'Development', 'Test'] as const) {
    describe(`in ExtensionMode.${mode}`, () => {
      before(() => activate(mode));

      // Test mode too: the integration tests answer through a scripted window, never through arguments.
      for (const c of cases) {
        it(`${c.command} with arguments asks as if called without them`, async () => {
          fake.stats.requests.length = 0;
          const { seen: o } = await run(c.command, c.args());
          assert.match(o.asked[0] ?? '(nothing asked)', c.asks, `asked: ${JSON.stringify(o.asked)}`);
          c.unchanged(o);
        });
      }
    });
  }

  // Any extension can run our commands: a result would hand it data (here a user's details) without the user.
  for (const mode of ['Production', 'Development', 'Test'] as const) {
    it(`in ExtensionMode.${mode} coscene.user.get shows the details document and hands nothing to its caller`, async () => {
      activate(mode);
      const ask = vscode.window.showInputBox;
      vscode.window.showInputBox = async () => 'users/current'; // the user asks for their own details
      try {
        const { result, seen: o } = await run('coscene.user.get', 'users/current');
        assert.equal(o.opened, 1, 'the details document was opened');
        assert.equal(result, undefined);
      } finally {
        vscode.window.showInputBox = ask;
      }
    });
  }

  it('closing the window (deactivate) clears a registry password copied less than a minute ago', async () => {
    activate('Test');
    // The user picks Copy Password.
    const dismiss = vscode.window.showQuickPick;
    vscode.window.showQuickPick = async (items: readonly { label: string }[]) => items.find((i) => i.label.endsWith('Copy Password'));
    let o: Observed;
    try {
      ({ seen: o } = await run('coscene.registry.createCredential', undefined));
    } finally {
      vscode.window.showQuickPick = dismiss;
    }
    const password = o.clipboard.at(-1);
    assert.ok(password, 'the password was copied');
    const extension = require(join(root, 'out/src/extension.js')) as { deactivate(): Promise<void> };
    await extension.deactivate();
    assert.equal(o.clipboard.at(-1), '', `the clipboard still holds the password after deactivate: ${JSON.stringify(o.clipboard)}`);
  });
});
