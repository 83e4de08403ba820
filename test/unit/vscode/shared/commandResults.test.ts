import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT as root } from '../../../support/repoRoot';

type Vscode = typeof import('vscode');

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Any extension can run our commands. None hands a result back, in any mode: every contributed command is in a
 * feature's command table (commandTables.test.ts), tables are registered only through registerFeatureCommands (checked
 * here in the source), which returns nothing and is the one place a command's failure is reported.
 */
describe('commands: one registrar, no results, one error report', () => {
  let vscode: Vscode;
  let commands: typeof import('../../../../src/vscode/shared/commands');

  before(() => {
    try {
      vscode = require('vscode') as Vscode;
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as { installVscode(o: object): void }).installVscode({ settings: {} });
      vscode = require('vscode') as Vscode;
    }
    commands = require(join(root, 'out/src/vscode/shared/commands.js')) as typeof commands;
  });

  /** A context whose window records the error notifications and clicks `click` on the first one. */
  function context(click?: string) {
    const errors: { message: string; actions: string[] }[] = [];
    const logged: string[] = [];
    const ui = {
      showErrorMessage: async (message: string, ...actions: string[]) => {
        errors.push({ message, actions });
        return errors.length === 1 ? click : undefined;
      },
    };
    const log = { info() {}, warn() {}, debug() {}, trace() {}, show() {}, error: (m: string) => logged.push(m) };
    return { ctx: { ui, log } as never, errors, logged };
  }

  it('a command hands nothing to its caller, whatever it returns', async () => {
    const { ctx } = context();
    const details = { email: 'ceo@corp.example', phone: '+86 1' };
    const disposables = commands.registerFeatureCommands(ctx, { 'test.commands.get': async () => details as never });
    try {
      assert.equal(await vscode.commands.executeCommand('test.commands.get', 'users/x'), undefined);
    } finally {
      for (const d of disposables) d.dispose();
    }
  });

  it('a command that throws is reported once, with Show Logs, and Retry runs it again with the same tree item', async () => {
    const { ctx, errors, logged } = context('Retry');
    const seen: unknown[] = [];
    const { AccessError, msg } = require(join(root, 'out/src/core/errors.js')) as typeof import('../../../../src/core/errors');
    const disposables = commands.registerFeatureCommands(ctx, {
      'test.commands.fail': async (_ctx: unknown, node: unknown) => {
        seen.push(node);
        throw new AccessError(msg('The server is busy.'), ['retry']);
      },
    });
    try {
      const node = { id: 'row-1' };
      assert.equal(await vscode.commands.executeCommand('test.commands.fail', node), undefined);
      for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(seen, [node, node], 'Retry ran the command again with its tree item');
      assert.equal(errors[0]?.message, 'The server is busy.');
      assert.deepEqual(errors[0]?.actions, ['Retry', 'Show Logs']);
      assert.equal(logged.filter((l) => l.startsWith('Command test.commands.fail failed')).length, 2, 'logged once per run');
    } finally {
      for (const d of disposables) d.dispose();
    }
  });

  it('cancelling (AbortError) is silent', async () => {
    const { ctx, errors } = context();
    const disposables = commands.registerFeatureCommands(ctx, {
      'test.commands.cancel': async () => {
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      },
    });
    try {
      await vscode.commands.executeCommand('test.commands.cancel');
      assert.deepEqual(errors, []);
    } finally {
      for (const d of disposables) d.dispose();
    }
  });

  it('no command is registered anywhere else in src', () => {
    const elsewhere = sources(join(root, 'src'))
      .filter((file) => !file.endsWith(join('vscode', 'shared', 'commands.ts')))
      .filter((file) => /\bregisterCommand\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    assert.deepEqual(elsewhere, []);
  });
});
