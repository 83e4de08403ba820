// The yardstick for the window-reload row: a minimal extension whose one view (in the coScene view container,
// so both are open in the same side bar at once) shows three fixed rows. Packed into a vsix with @vscode/vsce.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVSIX } from '@vscode/vsce';

// Title Case: the pane header capitalises words, and the UI driver matches the header's rendered text.
export const STATIC_VIEW_TITLE = 'Static Tree (Bench)';

const MANIFEST = {
  name: 'bench-static-tree',
  displayName: 'Bench static tree',
  description: 'A static tree view: the reload benchmark compares the coScene views with it.',
  publisher: 'coscene-bench',
  version: '0.0.1',
  license: 'MIT',
  engines: { vscode: '^1.90.0' },
  main: './extension.js',
  files: ['extension.js', 'README.md', 'LICENSE'],
  // Active once the window has started, as the coScene extension is: its view costs the workbench's drawing only.
  activationEvents: ['onStartupFinished'],
  contributes: { views: { coscene: [{ id: 'benchStatic.tree', name: STATIC_VIEW_TITLE }] } },
};

const EXTENSION_JS = `'use strict';
const vscode = require('vscode');
exports.activate = (context) => {
  const rows = ['alpha', 'beta', 'gamma'].map((label) => new vscode.TreeItem('static ' + label));
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('benchStatic.tree', { getChildren: (e) => (e ? [] : rows), getTreeItem: (e) => e }),
  );
};
exports.deactivate = () => {};
`;

/** Writes the extension to `dir` and packs it; returns the vsix path. */
export async function buildStaticTreeVsix(dir) {
  const src = join(dir, 'static-tree');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'package.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(src, 'extension.js'), EXTENSION_JS);
  writeFileSync(join(src, 'README.md'), '# Bench static tree\n\nThe yardstick of the coScene window-reload benchmark.\n');
  writeFileSync(join(src, 'LICENSE'), 'MIT\n');
  const packagePath = join(dir, 'bench-static-tree.vsix');
  await createVSIX({ cwd: src, packagePath, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return packagePath;
}
