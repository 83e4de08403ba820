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

  it('runs in a remote extension host under code-server, as a workspace extension', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.deepStrictEqual(extension.packageJSON.extensionKind, ['workspace']);
    if (process.env.COSCENE_TEST_HOST === 'desktop') return assert.strictEqual(vscode.env.remoteName, undefined, 'a desktop run is local');
    assert.strictEqual(process.env.COSCENE_TEST_HOST, 'code-server');
    assert.ok(vscode.env.remoteName, 'vscode.env.remoteName is not set: not a remote extension host');
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.Workspace, 'the extension runs on the workspace side');
  });
});
