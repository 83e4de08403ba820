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
 * Any extension can run our commands. Outside test mode none hands a result back: every contributed command is in a
 * feature's command table (commandTables.test.ts), tables are registered only through registerCommands (checked here
 * in the source), and registerCommands returns nothing unless told it runs under the integration tests.
 */
describe('commands hand no result to their caller outside test mode', () => {
  let vscode: Vscode;

  before(() => {
    try {
      vscode = require('vscode') as Vscode;
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as { installVscode(o: object): void }).installVscode({ settings: {} });
      vscode = require('vscode') as Vscode;
    }
  });

  it('registerCommands returns what a handler returns only when asked to (test mode)', async () => {
    const { registerCommands } = require(
      join(root, 'out/src/vscode/shared/commands.js'),
    ) as typeof import('../../../../src/vscode/shared/commands');
    const log = { info() {}, warn() {}, error() {}, debug() {}, show() {} } as never;
    const details = { email: 'ceo@corp.example', phone: '+86 1' };
    for (const [returnResults, expected] of [
      [false, undefined],
      [true, details],
    ] as const) {
      const disposables = registerCommands(log, { 'test.commandResults.get': async () => details }, returnResults);
      try {
        assert.deepEqual(await vscode.commands.executeCommand('test.commandResults.get', 'users/x'), expected);
      } finally {
        for (const d of disposables) d.dispose();
      }
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
