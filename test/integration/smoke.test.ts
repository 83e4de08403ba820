import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'coscene.coscene-access';

describe('extension smoke', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed: { command: string }[] = extension?.packageJSON.contributes.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await extension?.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], 'contributed but never registered');
  });

  it('opens the coScene view container with its four views', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const view of ['coscene.orgUsers', 'coscene.projectUsers', 'coscene.roles', 'coscene.permissions']) {
      assert.ok(registered.has(`${view}.focus`), `view ${view} is not registered`);
    }
    await vscode.commands.executeCommand('workbench.view.extension.coscene');
    await vscode.commands.executeCommand('coscene.orgUsers.focus');
  });
});
