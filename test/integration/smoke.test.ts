import * as assert from 'assert';
import * as vscode from 'vscode';
import { ORG_USERS_VIEW, PROJECT_USERS_VIEW, ROLES_VIEW, USERS_COMMAND } from '../../src/vscode/users/keys';
import { waitUntil } from '../support/waitUntil';
import { extensionApi } from './helpers/profileFixtures';

const EXTENSION_ID = 'coscene.coscene-access';
const VIEWS = [ORG_USERS_VIEW, PROJECT_USERS_VIEW, ROLES_VIEW, 'coscene.permissions'];

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

  // Pins that each view the user opens in the coScene container is filled by the extension's own tree:
  // VS Code asks that view's provider for its top-level items once the view is shown.
  it("opening each coScene view asks the extension for that view's rows", async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const asked = new Set<string>();
    const restore: (() => void)[] = [];
    for (const id of VIEWS) {
      const provider = api.trees.get(id) as vscode.TreeDataProvider<unknown> | undefined;
      assert.ok(provider, `no tree provider for ${id}`);
      const original = provider.getChildren;
      provider.getChildren = function (element?: unknown) {
        if (element === undefined) asked.add(id);
        return original.call(this, element);
      };
      restore.push(() => (provider.getChildren = original));
    }
    try {
      // The data of all four views changes while the container is closed (a view shown before keeps its rows
      // until then); nothing is asked until a view is shown.
      await vscode.commands.executeCommand(USERS_COMMAND.refresh);
      await vscode.commands.executeCommand(USERS_COMMAND.refreshRoles);
      await vscode.commands.executeCommand('coscene.permissions.refresh');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepStrictEqual([...asked], [], 'a hidden view was asked for rows');
      for (const id of VIEWS) {
        await vscode.commands.executeCommand(`${id}.focus`);
        await waitUntil(() => asked.has(id), `VS Code to ask ${id} for its rows once shown`);
      }
    } finally {
      for (const undo of restore) undo();
    }
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
