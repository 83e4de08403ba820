/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, setTimeout, global */
'use strict';
// Heap growth with 10,000 users loaded in the organization users tree (flat view, every page loaded, every item
// built). Run with --expose-gc. Usage: node --expose-gc memory.cjs <fakeUrl> <adminToken> <project>
// Prints one JSON line. Heap is measured after forced GCs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installVscode, createContext } = require('./vscodeStub.cjs');

const root = path.resolve(__dirname, '../..');
const [url, token, project] = process.argv.slice(2);

function heap() {
  for (let i = 0; i < 4; i++) global.gc();
  return process.memoryUsage().heapUsed;
}

async function main() {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-home-'));
  process.env.HOME = home;
  Object.assign(process.env, { COS_ENDPOINT: url, COS_TOKEN: token, COS_PROJECT: project });
  const { commands } = installVscode({ settings: { 'coscene.users.pageSize': 100 } });
  const ext = require(path.join(root, 'dist/extension.js'));
  const context = createContext(root, 3); // Test mode: the bench reads the features through the test API
  const api = ext.activate(context);
  await api.features.profiles.ready;
  const tree = api.features.users.orgUsers; // the provider the Organization Users view shows
  await commands.get('coscene.orgUsers.showFlat')();
  // Warm everything up (HTTP chunk, JIT) with one page, then drop it and take the baseline.
  await tree.getChildren();
  tree.refresh();
  await new Promise((r) => setTimeout(r, 50));
  const before = heap();
  let children = await tree.getChildren();
  let pages = 1;
  for (; pages < 500; pages++) {
    const more = children.find((c) => c.command?.command === 'coscene.users.loadMore');
    if (!more) break;
    await tree.loadMore(more.command.arguments[1]);
    children = await tree.getChildren();
  }
  const users = children.filter((c) => c.contextValue && /user/i.test(String(c.contextValue))).length;
  const after = heap();
  const result = {
    pages,
    items: children.length,
    users,
    heapBeforeMB: before / 2 ** 20,
    heapAfterMB: after / 2 ** 20,
    growthMB: (after - before) / 2 ** 20,
  };
  // Keep the tree alive until measured.
  if (children.length === 0) throw new Error('no users loaded');
  for (const d of context.subscriptions)
    try {
      d?.dispose?.();
    } catch {
      /* stand-in */
    }
  fs.rmSync(home, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const guard = setTimeout(() => {
  console.error('memory bench: 5 min limit');
  process.exit(2);
}, 300_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
