// The workbench's floors: a minimal extension whose one view (in the coScene view container, so both are open in the
// same side bar at once) shows fixed rows — the yardstick of the window-reload and view-open rows — and answers a
// Refresh and a "Load more" from memory. Packed into a vsix with @vscode/vsce.
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

// Three fixed rows (the reload row's yardstick), and the floors of the tree clicks: "static refresh N" refreshes the
// whole tree (its label counts the refreshes), "static group" holds rows that "static load more" extends by 50. No
// network and no work: what these clicks cost is the workbench's own drawing.
const EXTENSION_JS = `'use strict';
const vscode = require('vscode');
const item = (label, id, state = vscode.TreeItemCollapsibleState.None) => Object.assign(new vscode.TreeItem(label, state), { id });
exports.activate = (context) => {
  const changed = new vscode.EventEmitter();
  const fixed = ['alpha', 'beta', 'gamma'].map((label) => item('static ' + label, label));
  const group = item('static group', 'group', vscode.TreeItemCollapsibleState.Collapsed);
  const rows = [];
  const addRows = () => {
    for (let i = rows.length, end = rows.length + 50; i < end; i++) rows.push(item('static row ' + i, 'row' + i));
  };
  addRows();
  const more = Object.assign(item('static load more', 'more'), { command: { command: 'benchStatic.more', title: 'more' } });
  let refreshes = 0;
  const refreshRow = () =>
    Object.assign(item('static refresh ' + refreshes, 'refresh'), { command: { command: 'benchStatic.refresh', title: 'refresh' } });
  context.subscriptions.push(
    changed,
    vscode.commands.registerCommand('benchStatic.more', () => {
      addRows();
      changed.fire(group);
    }),
    vscode.commands.registerCommand('benchStatic.refresh', () => {
      refreshes++;
      changed.fire(undefined);
    }),
    vscode.window.registerTreeDataProvider('benchStatic.tree', {
      onDidChangeTreeData: changed.event,
      getChildren: (e) => (e === group ? [...rows, more] : e ? [] : [...fixed, refreshRow(), group]),
      getTreeItem: (e) => e,
    }),
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
