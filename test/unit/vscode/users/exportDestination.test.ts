import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../../../support/repoRoot';

type Vscode = typeof import('vscode');

/** A file chosen in the save dialog is written where the user chose it, in a virtual workspace too. */
describe('export destination: the chosen file keeps its URI', () => {
  let vscode: Vscode;
  const written: string[] = [];

  before(() => {
    try {
      vscode = require('vscode') as Vscode;
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as { installVscode(o: object): void }).installVscode({ settings: {} });
      vscode = require('vscode') as Vscode;
    }
  });

  it('a save dialog answer in a virtual file system is written there, scheme and all', async () => {
    const chosen = vscode.Uri.parse('vscode-vfs://github/acme/access/reports/access-matrix.csv');
    const workspace = vscode.workspace as unknown as Record<string, unknown>;
    const saved = { fs: workspace.fs };
    // The questions go through the feature's Ui: "Save to File…", then the save dialog.
    const ui = {
      showQuickPick: async (items: { target?: string }[]) => items.find((i) => i.target === 'file'),
      showSaveDialog: async () => chosen,
    };
    Object.assign(workspace, { fs: { writeFile: async (uri: { toString(): string }) => void written.push(uri.toString()) } });
    try {
      const { pickTargetFor, writeText } = require(
        join(root, 'out/src/vscode/users/exportDestination.js'),
      ) as typeof import('../../../../src/vscode/users/exportDestination');
      const target = await pickTargetFor(ui as never, 'access-matrix', 'csv');
      assert.ok(target && target !== 'editor');
      const uri = await writeText('a,b\r\n', 'csv', target);
      assert.equal(uri.toString(), chosen.toString());
      assert.deepEqual(written, [chosen.toString()]);
    } finally {
      Object.assign(workspace, { fs: saved.fs });
    }
  });
});
